"""The layers hold: the import contracts pass, and the case-file mapping has one home
(decision_aid/casefile) that the wizard registers its state reader with."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "decision_aid"


def test_the_import_contracts_hold():
    """The layers of docs/architecture.md, as import-linter contracts in pyproject.toml (also run
    by `make lint`): the pure core imports no app and no Django, and apps import downward only."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))],
        cwd=ROOT.parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_wizard_registers_its_state_reader():
    from decision_aid.casefile.state import case_file_from_state

    case_file = case_file_from_state({"step_data": {"role": {"role-role": ["employer"]}}})
    assert case_file["role"] == "employer"
    assert case_file["situation"]["wage"] is None


def test_every_package_has_its_layer():
    """A new package outside the layers would escape the contracts: each one under
    decision_aid/ must be named in a layer (the project's plumbing modules aside)."""
    import tomllib

    config = tomllib.loads((ROOT.parent / "pyproject.toml").read_text("utf-8"))
    layered = set()
    for contract in config["tool"]["importlinter"]["contracts"]:
        for layer in contract.get("layers", []):
            layered |= {name.strip().removeprefix("decision_aid.") for name in layer.split("|")}
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} | {"counting", "urls"}
    # plumbing that settings load by name: the database backend
    plumbing = {"db"}
    assert packages - plumbing - layered == set()
