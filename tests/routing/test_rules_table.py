"""The rule tables are well-formed, and docs/routing.md shows them as they are."""

from __future__ import annotations

from pathlib import Path

from decision_aid.routing.rules import (
    ALL_RULES,
    DETAIL_RULES,
    PRIMARY_RULES,
    ROUTE_RULES,
    FindOut,
    NextStep,
    Primary,
)
from decision_aid.routing.table import rules_markdown

from .helpers import make_case

DOCS = Path(__file__).resolve().parents[2] / "docs" / "routing.md"


def test_rule_ids_are_unique() -> None:
    ids = [r.id for r in ALL_RULES]
    assert len(ids) == len(set(ids))


def test_primary_rules_pick_exactly_one_route_and_end_with_a_catch_all() -> None:
    for rule in PRIMARY_RULES:
        assert len(rule.then) == 1 and isinstance(rule.then[0], Primary), rule.id
    from decision_aid.routing.context import Facts

    assert PRIMARY_RULES[-1].when(Facts.of(make_case()))


def test_only_primary_rules_choose_the_primary_route() -> None:
    for rule in ROUTE_RULES + DETAIL_RULES:
        assert not any(isinstance(e, Primary) for e in rule.then), rule.id


def test_detail_rules_add_only_steps_and_questions() -> None:
    for rule in DETAIL_RULES:
        assert all(isinstance(e, NextStep | FindOut) for e in rule.then), rule.id


def test_docs_show_the_current_table() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert rules_markdown() in text, "regenerate: uv run python -m decision_aid.routing.table"
