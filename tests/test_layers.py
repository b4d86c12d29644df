"""The case-file mapping has one home that wizard/, cases/ and advisors/ import downward from
(issue 16, item 15): decision_aid/casefile imports none of them (nor Django), and cases/ and
advisors/ get the mapping from there, not from the wizard."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "decision_aid"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_casefile_imports_no_app_and_no_django():
    for path in (ROOT / "casefile").glob("*.py"):
        for module in _imports(path):
            assert not module.startswith(
                (
                    "django",
                    "decision_aid.wizard",
                    "decision_aid.cases",
                    "decision_aid.advisors",
                    "decision_aid.documents",
                )
            ), f"{path.name} imports {module}"


def test_cases_and_advisors_take_the_mapping_from_casefile():
    for package in ("cases", "advisors"):
        for path in (ROOT / package).rglob("*.py"):
            imports = _imports(path)
            assert "decision_aid.wizard.answers" not in imports, path
            assert "decision_aid.wizard.review" not in imports, path


def test_the_wizard_registers_its_state_reader():
    from decision_aid.casefile.state import case_file_from_state

    case_file = case_file_from_state({"step_data": {"role": {"role-role": ["employer"]}}})
    assert case_file["role"] == "employer"
    assert case_file["situation"]["wage"] is None
