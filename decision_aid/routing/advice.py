"""The result of routing: frozen dataclasses plus their JSON form (``advice_to_dict``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from .i18n import gettext_noop as _


class Route(StrEnum):
    TALK = "talk"
    MEDIATION = "mediation"
    EXPERT_OPINION = "expert_opinion"
    SECOND_OPINION = "second_opinion"
    LEGAL_ADVICE = "legal_advice"
    COURT = "court"
    COMPLAINT = "complaint"  # complaints procedure of the bedrijfsarts or arbodienst [AQ]
    #: The employer's objection (bezwaar) to UWV against a wage sanction (Awb 6:7; domain §10)
    OBJECTION = "objection"
    OUT_OF_SCOPE = "out_of_scope"


class ExpertQuestion(StrEnum):
    """One UWV (or CAO) expert-opinion question; each needs its own request form (001)."""

    FITNESS_OWN_WORK = "fitness_own_work"
    SUITABLE_WORK = "suitable_work"
    SUITABLE_WORK_AVAILABLE = "suitable_work_available"
    EMPLOYER_EFFORTS = "employer_efforts"
    EMPLOYEE_EFFORTS = "employee_efforts"


class LetterKind(StrEnum):
    """Letters that are no route of their own: the first written steps in a money dispute."""

    WAGE_PROTEST = "wage_protest"  # employee: protest against stop/cut/suspension, pay by a date
    PAY_NOTICE = "pay_notice"  # employer: written notice of a stop or suspension (domain §5 [O])
    SANCTION_OBJECTION = "sanction_objection"  # employer: bezwaar to UWV + shortening request


class Requester(StrEnum):
    EMPLOYEE = "employee"
    EMPLOYER = "employer"


class ExpertBody(StrEnum):
    UWV = "uwv"
    CAO = "cao"


class MilestoneStatus(StrEnum):
    PAST = "past"
    DUE = "due"
    COMING = "coming"


_NO_PARAMS: Mapping[str, str | int] = MappingProxyType({})

Translate = Callable[[str], str]


@dataclass(frozen=True)
class Text:
    """An English msgid (wrapped in gettext_noop where defined) and its %(name)s values.

    ``cao`` is the wording to use instead when the CAO names its own expert (7:629a lid 7):
    a text that names UWV as the expert has one, so no advice names UWV alone then.
    """

    msgid: str
    params: Mapping[str, str | int] = field(default_factory=lambda: _NO_PARAMS)
    cao: Text | None = field(default=None, compare=False)

    def for_cao(self, cao_expert: bool | None) -> Text:
        return self.cao if cao_expert is True and self.cao is not None else self

    def render(self, translate: Translate = lambda s: s) -> str:
        translated = translate(self.msgid)
        return translated % dict(self.params) if self.params else translated

    def __hash__(self) -> int:
        return hash((self.msgid, tuple(sorted(self.params.items()))))


@dataclass(frozen=True)
class Reason:
    text: Text
    sources: tuple[str, ...]
    rule: str


@dataclass(frozen=True)
class RouteAdvice:
    route: Route
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class CostItem:
    item: Text
    amount: Text
    sources: tuple[str, ...]
    valid_for: int
    fee: bool = False  # an amount of money: shown with its year (and a check note when older)
    check_current: bool = False  # the amount's year is before the year of the advice
    checked: str = ""  # dd-mm-yyyy: when the amounts were last looked up (costs.CHECKED)

    def note(self) -> Text | None:
        """'amount for 2024, last checked on 07-12-2026', with '… check the current amount'
        when the amount's year has passed: a reader in December 2026 sees both how old the
        amount is and that it was looked up again."""
        if not self.fee:
            return None
        params = {"year": self.valid_for, "checked": self.checked}
        return Text(FEE_OLD if self.check_current else FEE_YEAR, params)


FEE_YEAR = _("amount for %(year)s, last checked on %(checked)s")
FEE_OLD = _(
    "amount for %(year)s, last checked on %(checked)s; check the current amount with the source"
)


@dataclass(frozen=True)
class RuleSet:
    """Which rules made an advice: the rules' version and the date of the sources they cite."""

    version: str
    sources_date: str  # YYYY-MM-DD


@dataclass(frozen=True)
class Milestone:
    key: str
    week: int
    until: int
    label: Text
    status: MilestoneStatus
    late: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    week: int | None
    milestones: tuple[Milestone, ...]


@dataclass(frozen=True)
class Action:
    """A dated step: in "Deze week" at the top of the advice, and in the .ics calendar."""

    #: objection | pay_by | pay_notice | contract_end | wia_application | wia_overdue |
    #: uwv_sick_report | uwv_answer
    key: str
    text: Text  # the step, never the health matter
    due: date
    sources: tuple[str, ...]
    label: Text = field(default_factory=lambda: Text(""))  # the step in a few words


@dataclass(frozen=True)
class Document:
    kind: Route | LetterKind
    question: ExpertQuestion | None = None


@dataclass(frozen=True)
class OutOfScope:
    reason: Text
    refer_to: tuple[Text, ...]


@dataclass(frozen=True)
class Advice:
    primary: RouteAdvice
    alternatives: tuple[RouteAdvice, ...]
    not_recommended: tuple[RouteAdvice, ...]
    expert_opinion_questions: tuple[ExpertQuestion, ...]
    expert_body: ExpertBody | None
    requester: Requester
    next_steps: tuple[Text, ...]
    costs: tuple[CostItem, ...]
    timeline: Timeline
    documents: tuple[Document, ...]
    out_of_scope: OutOfScope | None
    to_find_out: tuple[Text, ...]
    fired_rules: tuple[str, ...] = ()
    rule_set: RuleSet | None = None
    #: "Deze week": at most three dated actions, earliest first, shown above the route.
    this_week: tuple[Action, ...] = ()
    #: Every dated deadline of the case (the .ics calendar); made on request, stored nowhere.
    deadlines: tuple[Action, ...] = ()

    def all_routes(self) -> tuple[Route, ...]:
        """Primary first, then alternatives (the routes we advise)."""
        return (self.primary.route, *(a.route for a in self.alternatives))

    def reasons(self) -> tuple[Reason, ...]:
        groups = (self.primary, *self.alternatives, *self.not_recommended)
        return tuple(r for g in groups for r in g.reasons)


def _route_to_dict(route: RouteAdvice, translate: Translate) -> dict[str, Any]:
    return {
        "route": str(route.route),
        "reasons": [
            {"text": r.text.render(translate), "sources": list(r.sources), "rule": r.rule}
            for r in route.reasons
        ],
    }


def action_to_dict(action: Action, translate: Translate = lambda s: s) -> dict[str, Any]:
    return {
        "key": action.key,
        "text": action.text.render(translate),
        "label": action.label.render(translate) if action.label.msgid else "",
        "date": action.due.isoformat(),
        "date_label": action.due.strftime("%d-%m-%Y"),
        "sources": list(action.sources),
    }


def advice_to_dict(advice: Advice, translate: Translate = lambda s: s) -> dict[str, Any]:
    """The JSON form of the advice; ``translate`` maps an English msgid to the page language."""
    oos = advice.out_of_scope
    return {
        "this_week": [action_to_dict(a, translate) for a in advice.this_week],
        "primary": _route_to_dict(advice.primary, translate),
        "alternatives": [_route_to_dict(a, translate) for a in advice.alternatives],
        "not_recommended": [_route_to_dict(a, translate) for a in advice.not_recommended],
        "expert_opinion_questions": [str(q) for q in advice.expert_opinion_questions],
        "expert_body": str(advice.expert_body) if advice.expert_body else None,
        "requester": str(advice.requester),
        "next_steps": [t.render(translate) for t in advice.next_steps],
        "costs": [_cost_to_dict(c, translate) for c in advice.costs],
        "timeline": {
            "week": advice.timeline.week,
            "milestones": [
                {
                    "week": m.week,
                    "key": m.key,
                    "label": m.label.render(translate),
                    "status": str(m.status),
                    "late": m.late,
                }
                for m in advice.timeline.milestones
            ],
        },
        "documents": [
            {"kind": str(d.kind), "question": str(d.question) if d.question else None}
            for d in advice.documents
        ],
        "out_of_scope": (
            None
            if oos is None
            else {
                "reason": oos.reason.render(translate),
                "refer_to": [t.render(translate) for t in oos.refer_to],
            }
        ),
        "to_find_out": [t.render(translate) for t in advice.to_find_out],
        "rule_set": (
            None
            if advice.rule_set is None
            else {
                "version": advice.rule_set.version,
                "sources_date": advice.rule_set.sources_date,
            }
        ),
    }


def _cost_to_dict(cost: CostItem, translate: Translate) -> dict[str, Any]:
    amount = cost.amount.render(translate)
    note = cost.note()
    return {
        "item": cost.item.render(translate),
        "amount": amount,
        "text": f"{amount} ({note.render(translate)})" if note else amount,
        "year": cost.valid_for if cost.fee else None,
        "check_current": cost.check_current,
        "checked": cost.checked,
        "sources": list(cost.sources),
    }
