"""Shared builders for the routing tests: a base case and table-driven scenarios."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from decision_aid.routing import advise
from decision_aid.routing.advice import Advice, ExpertQuestion, Route
from decision_aid.routing.facts import (
    Case,
    Employment,
    ExpertOpinionState,
    FirstOpinion,
    Mediation,
    OpinionAuthor,
    Relationship,
    Role,
    Situation,
    Wage,
)
from decision_aid.routing.rules import ALL_RULES

AS_OF = date(2024, 6, 3)


def weeks_ago(weeks: int, days: int = 0) -> date:
    return AS_OF - timedelta(weeks=weeks, days=days)


#: A permanent employee, 20 weeks sick, written advice present, nothing tried yet, pay paid.
BASE: dict[str, Any] = {
    "employment": Employment.PERMANENT,
    "sick_since": weeks_ago(20),
    "still_sick": True,
    "first_opinion": FirstOpinion(True, weeks_ago(14), OpinionAuthor.BEDRIJFSARTS),
    "talked": False,
    "relationship": Relationship.GOOD,
    "mediation": Mediation.NOT_TRIED,
    "expert_opinion": ExpertOpinionState.NONE,
    "wage": Wage.PAID,
    "employer_passive": False,
    "union_member": False,
    "legal_insurance": False,
    "cao_expert": False,
}


def make_case(role: Role = Role.EMPLOYEE, *, as_of: date = AS_OF, **changes: Any) -> Case:
    values = {**BASE, **changes}
    values["disputes"] = frozenset(values.get("disputes", ()))
    return Case(as_of=as_of, role=role, situation=Situation(**values))


@dataclass(frozen=True)
class Scenario:
    """One row of a rules table: who asks, what happened, and what the advice must say."""

    name: str
    role: Role
    situation: dict[str, Any]
    primary: Route
    mentions: tuple[str, ...] = ()  # rule ids or source ids the advice must cite
    alternatives: tuple[Route, ...] = ()  # must be among the alternatives
    not_recommended: tuple[Route, ...] = ()  # must be among the routes not recommended
    questions: tuple[ExpertQuestion, ...] | None = None  # exact expert questions, if given
    absent: tuple[str, ...] = field(default=())  # rule ids that must not fire

    def __str__(self) -> str:
        return self.name


def cited(advice: Advice) -> set[str]:
    """Every rule id and source id the advice shows or used (next steps cite via their rule)."""
    ids = set(advice.fired_rules)
    for rule in ALL_RULES:
        if rule.id in advice.fired_rules:
            ids.update(rule.sources)
    for reason in advice.reasons():
        ids.add(reason.rule)
        ids.update(reason.sources)
    return ids


def check(s: Scenario) -> Advice:
    advice = advise(make_case(s.role, **s.situation))
    assert advice.primary.route is s.primary, (s.name, advice.primary, advice.fired_rules)
    mentioned = cited(advice)
    for item in s.mentions:
        assert item in mentioned, (s.name, item, sorted(mentioned))
    for item in s.absent:
        assert item not in advice.fired_rules, (s.name, item)
    alternatives = {a.route for a in advice.alternatives}
    for route in s.alternatives:
        assert route in alternatives, (s.name, route, alternatives)
    not_recommended = {a.route for a in advice.not_recommended}
    for route in s.not_recommended:
        assert route in not_recommended, (s.name, route, not_recommended)
    if s.questions is not None:
        assert advice.expert_opinion_questions == s.questions, (
            s.name,
            advice.expert_opinion_questions,
        )
    return advice
