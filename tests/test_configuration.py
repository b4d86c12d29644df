"""docs/configuration.md is the one reference of the environment variables: every variable the
code reads is a row there (once), every row is read by something, .env.example lists the same
variables, and a default written there is the code's default. A setting added without its row,
or a default changed in one place only, fails here."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CODE = ROOT / "decision_aid"
REFERENCE = ROOT / "docs" / "configuration.md"
# Read from the process environment for the operating system's sake, not configuration.
NOT_SETTINGS = {"PATH", "DJANGO_SETTINGS_MODULE"}
_ROW = re.compile(r"^\| `([A-Z][A-Z0-9_]+)` \| (.*?) \| (.*) \|$")


def _documented() -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            name, default = match.group(1), match.group(2)
            assert name not in rows, f"{name} is documented twice"
            rows[name] = default
    return rows


def _env_calls(path: Path) -> list[tuple[str, ast.Call]]:
    """(name, call) for env.<type>("NAME"), os.environ.get("NAME") and os.getenv("NAME")."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if not (node.args and isinstance(node.args[0], ast.Constant)):
            continue
        name = node.args[0].value
        if not isinstance(name, str):
            continue
        owner = ast.unparse(node.func.value)
        if owner == "env" or (owner, node.func.attr) in {("os.environ", "get"), ("os", "getenv")}:
            found.append((name, node))
    return found


def _read_by_code() -> set[str]:
    names = {name for path in CODE.rglob("*.py") for name, _ in _env_calls(path)}
    return names - NOT_SETTINGS


def _read_by_compose() -> set[str]:
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    return set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", text))


def test_every_variable_the_code_reads_is_documented_and_nothing_else():
    documented = set(_documented())
    read = _read_by_code() | _read_by_compose()
    assert read - documented == set(), "read but not in docs/configuration.md"
    assert documented - read == set(), "documented but read by nothing"


def test_env_example_lists_every_documented_variable():
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert listed == set(_documented())


def _as_env_text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ",".join(value)
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _literal_defaults() -> dict[str, object]:
    """The settings' defaults that are plain values (or arithmetic on them)."""
    defaults = {}
    for name, call in _env_calls(CODE / "settings.py"):
        for keyword in call.keywords:
            if keyword.arg != "default":
                continue
            try:
                value = eval(  # noqa: S307 - a constant expression from our own settings file
                    compile(ast.Expression(keyword.value), "settings", "eval"), {"__builtins__": {}}
                )
            except NameError:
                continue  # depends on another setting: the row explains it in words
            defaults[name] = value
    return defaults


@pytest.mark.parametrize("name", sorted(_literal_defaults()))
def test_documented_default_is_the_code_default(name):
    cell, code = _documented()[name], _as_env_text(_literal_defaults()[name])
    if not cell.startswith("`") and cell != "—":
        # Words instead of a value: the code's default is empty and worked out later (a key
        # derived from the secret in development); the row says how.
        assert code == "", f"{name}: the row explains in words a default the code has: {code}"
        return
    assert ("" if cell == "—" else cell.strip("`")) == code


def test_the_checks_see_the_settings():
    """Guards the guard: the parsers above find the variables they are meant to."""
    assert {"DJANGO_SECRET_KEY", "FIRST_OPINION_MAX_PAGES", "DJANGO_ADVISOR_PASSWORD"} <= (
        _read_by_code()
    )
    assert "POSTGRES_PASSWORD" in _read_by_compose()
    assert len(_literal_defaults()) > 40
