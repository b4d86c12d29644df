"""Every cited source exists (and seed quotes are verbatim); every text is translatable."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from decision_aid.content import all_sources, get_source
from decision_aid.routing.context import QUESTION_RULES
from decision_aid.routing.costs import COSTS
from decision_aid.routing.rules import ALL_RULES
from decision_aid.routing.timeline import MILESTONES
from tests.conftest import skip_or_fail_in_ci

ROOT = Path(__file__).resolve().parents[2]
ROUTING = ROOT / "decision_aid" / "routing"
SEEDS = ROOT.parent / "shared" / "seeds"
NL = json.loads((ROUTING / "nl_translations.json").read_text(encoding="utf-8"))


def cited_ids() -> set[str]:
    ids: set[str] = set()
    for group in (ALL_RULES, COSTS, MILESTONES, QUESTION_RULES):
        for item in group:
            ids.update(item.sources)
    return ids


def test_every_cited_source_exists() -> None:
    missing = sorted(i for i in cited_ids() if i not in {s.id for s in all_sources()})
    assert missing == []


def test_every_rule_cites_a_source() -> None:
    assert all(rule.sources for rule in ALL_RULES)


def test_unknown_source_id_names_it() -> None:
    with pytest.raises(KeyError, match="no such"):
        get_source("no such")


def test_sources_are_complete() -> None:
    for s in all_sources():
        assert s.kind in {"seed", "law", "web"}, s.id
        assert s.title_nl and s.title_en and s.passage_nl and s.passage_en, s.id
        if s.kind == "web":
            assert s.url and s.id.startswith("domain §"), s.id
        if s.kind == "seed":
            assert s.seed is not None and s.id.startswith(s.seed + " "), s.id


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_seed_quotes_are_verbatim() -> None:
    if not SEEDS.is_dir():
        skip_or_fail_in_ci("shared/seeds is not beside the repository")
    seeds = {p.name[:3]: _norm(p.read_text(encoding="utf-8")) for p in SEEDS.glob("00*.txt")}
    for s in all_sources():
        if s.kind == "seed":
            for quote in s.quotes_nl:
                assert _norm(quote) in seeds[s.seed], (s.id, quote)


def msgids_in_source() -> list[str]:
    """What Django's makemessages would extract from the routing package."""
    found: list[str] = []
    for path in sorted(ROUTING.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"_", "gettext_noop"}
            ):
                arg = node.args[0]
                assert isinstance(arg, ast.Constant), f"{path.name}:{node.lineno} not a literal"
                found.append(arg.value)
    return found


def test_every_msgid_has_a_dutch_translation() -> None:
    msgids = set(msgids_in_source())
    assert msgids == set(NL), (sorted(msgids - set(NL)), sorted(set(NL) - msgids))


@pytest.mark.parametrize("msgid", sorted(NL))
def test_translation_keeps_placeholders(msgid: str) -> None:
    def names(s: str) -> list[str]:
        return sorted(re.findall(r"%\((\w+)\)s", s))

    assert names(msgid) == names(NL[msgid])
    assert "%" not in re.sub(r"%\(\w+\)s", "", msgid), "a bare % breaks %-formatting"
    assert NL[msgid].strip() and NL[msgid] != msgid


def test_gettext_noop_is_imported_from_the_tiny_i18n_module() -> None:
    for path in ROUTING.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        marks = any(
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Name)
            and n.func.id in {"_", "gettext_noop"}
            for n in ast.walk(tree)
        )
        imported = any(
            isinstance(n, ast.ImportFrom) and n.module == "i18n" and n.level == 1
            for n in ast.walk(tree)
        )
        assert imported or not marks, path.name


@pytest.mark.parametrize("package", ["routing", "content"])
def test_no_django_import(package: str) -> None:
    for path in (ROOT / "decision_aid" / package).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n.split(".")[0] == "django" for n in names), path
