"""``advise(case)``: run the rule tables over the facts of one case."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .advice import (
    Advice,
    CostItem,
    Document,
    ExpertBody,
    LetterKind,
    OutOfScope,
    Reason,
    Requester,
    Route,
    RouteAdvice,
    Text,
)
from .context import Facts
from .costs import costs_for
from .deadlines import deadlines, this_week
from .facts import Case, ExpertOpinionState, Role, Wage
from .member import for_advisor
from .rules import (
    DETAIL_RULES,
    PRIMARY_RULES,
    ROUTE_RULES,
    Alternative,
    Because,
    FindOut,
    NextStep,
    NotRecommended,
    Primary,
    Rule,
)
from .ruleset import current_rule_set
from .timeline import build_timeline


@dataclass
class _Draft:
    """Mutable working state while the rules run; frozen into ``Advice`` at the end."""

    primary: Route
    reasons: dict[Route, list[Reason]] = field(default_factory=dict)
    alternatives: list[Route] = field(default_factory=list)
    not_recommended: list[Route] = field(default_factory=list)
    next_steps: list[Text] = field(default_factory=list)
    to_find_out: list[Text] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)

    def placed(self, route: Route) -> bool:
        return route is self.primary or route in self.alternatives or route in self.not_recommended

    def add_reason(self, route: Route, text: Text, rule: Rule) -> None:
        self.reasons.setdefault(route, []).append(Reason(text, rule.sources, rule.id))

    def route_advice(self, route: Route) -> RouteAdvice:
        return RouteAdvice(route, tuple(self.reasons.get(route, ())))


def _pick_primary(facts: Facts) -> tuple[Rule, Primary]:
    for rule in PRIMARY_RULES:
        if rule.when(facts):
            effect = rule.then[0]
            assert isinstance(effect, Primary)
            return rule, effect
    raise AssertionError("PRIMARY_RULES must end with a rule that always holds")


def _allowed(route: Route, facts: Facts) -> bool:
    """Hard limits, whatever a rule says: second opinion is the employee's; court needs an
    expert opinion in the requester's favour (003 werknemer; BW 7:629a lid 1)."""
    if route is Route.SECOND_OPINION and facts.requester is Requester.EMPLOYER:
        return False
    if (
        route is Route.COURT
        and facts.opinion is not ExpertOpinionState.FOR_REQUESTER
        and not facts.pay_only_dispute  # no expert opinion needed (BW 7:629a lid 2)
    ):
        return False
    return route is not Route.OUT_OF_SCOPE


class _Words:
    """A rule text in the words for this case: the CAO's expert, and "the member" for an
    advisor (member.py)."""

    def __init__(self, facts: Facts) -> None:
        self.cao = facts.s.cao_expert
        self.advisor = facts.case.role is Role.ADVISOR

    def __call__(self, text: Text) -> Text:
        text = text.for_cao(self.cao)
        return for_advisor(text) if self.advisor else text


def _apply(rule: Rule, facts: Facts, draft: _Draft, out_of_scope: bool) -> None:
    fired = False
    words = _Words(facts)
    for effect in rule.then:
        if isinstance(effect, FindOut):
            draft.to_find_out.append(words(effect.text))
            fired = True
        elif out_of_scope:
            continue
        elif isinstance(effect, Alternative):
            if not draft.placed(effect.route) and _allowed(effect.route, facts):
                draft.alternatives.append(effect.route)
                draft.add_reason(effect.route, words(effect.reason), rule)
                fired = True
            elif effect.route in draft.alternatives:
                draft.add_reason(effect.route, words(effect.reason), rule)
                fired = True
        elif isinstance(effect, NotRecommended):
            if not draft.placed(effect.route):
                draft.not_recommended.append(effect.route)
                draft.add_reason(effect.route, words(effect.reason), rule)
                fired = True
        elif isinstance(effect, Because):
            route = effect.route or draft.primary
            if draft.placed(route):
                draft.add_reason(route, words(effect.reason), rule)
                fired = True
        elif isinstance(effect, NextStep):
            if effect.route is None or effect.route is draft.primary:
                draft.next_steps.append(words(effect.text))
                fired = True
    if fired:
        draft.fired.append(rule.id)


def _first_letters(facts: Facts) -> list[Document]:
    """The letters people need first in a money dispute (domain §10), before the route's."""
    if facts.employer_side:
        out = []
        if facts.sanction_decided:
            out.append(Document(LetterKind.SANCTION_OBJECTION))
        if facts.s.wage in (Wage.STOPPED, Wage.WITHHELD):
            out.append(Document(LetterKind.PAY_NOTICE))
        return out
    return [Document(LetterKind.WAGE_PROTEST)] if facts.pay_at_stake else []


def _documents(routes: tuple[Route, ...], facts: Facts) -> tuple[Document, ...]:
    docs: list[Document] = [] if Route.OUT_OF_SCOPE in routes else _first_letters(facts)
    for route in routes:
        if route is Route.OUT_OF_SCOPE:
            continue
        if route is Route.OBJECTION:
            continue  # its letter is the objection, already first
        if route is Route.EXPERT_OPINION:
            docs.extend(Document(route, q) for q in facts.questions)
        else:
            docs.append(Document(route))
    return tuple(docs)


def _costs(primary: Route, facts: Facts) -> tuple[CostItem, ...]:
    routes = (primary, Route.LEGAL_ADVICE) if primary is Route.COURT else (primary,)
    return tuple(
        replace(c, check_current=c.fee and c.valid_for < facts.case.as_of.year)
        for r in routes
        for c in costs_for(r, facts.requester, facts.s.cao_expert)
    )


def advise(case: Case) -> Advice:
    """Turn the facts of one case into advice: one primary route, with reasons and sources."""
    facts = Facts.of(case)
    rule, primary = _pick_primary(facts)
    facts = replace(facts, primary=primary.route)
    draft = _Draft(primary=primary.route, fired=[rule.id])
    draft.add_reason(primary.route, _Words(facts)(primary.reason), rule)
    out_of_scope = primary.route is Route.OUT_OF_SCOPE

    for rule in ROUTE_RULES:  # each rule sees the routes the rules above it advised
        advised_now = frozenset((draft.primary, *draft.alternatives))
        if advised_now != facts.advised:  # a new Facts only when a rule added an alternative
            facts = replace(facts, advised=advised_now)
        if rule.when(facts):
            _apply(rule, facts, draft, out_of_scope)

    advised = (draft.primary, *draft.alternatives)
    facts = replace(facts, advised=frozenset(advised))
    for rule in DETAIL_RULES:
        if rule.when(facts):
            _apply(rule, facts, draft, out_of_scope)

    expert = Route.EXPERT_OPINION in advised
    dated = deadlines(facts, frozenset(advised))
    return Advice(
        primary=draft.route_advice(draft.primary),
        alternatives=tuple(draft.route_advice(r) for r in draft.alternatives),
        not_recommended=tuple(draft.route_advice(r) for r in draft.not_recommended),
        expert_opinion_questions=facts.questions if expert else (),
        expert_body=(
            (ExpertBody.CAO if facts.s.cao_expert is True else ExpertBody.UWV) if expert else None
        ),
        requester=facts.requester,
        next_steps=tuple(dict.fromkeys(draft.next_steps)),
        costs=() if out_of_scope else _costs(draft.primary, facts),
        timeline=build_timeline(case.situation, case.as_of),
        documents=_documents(advised, facts),
        out_of_scope=(
            OutOfScope(primary.reason.for_cao(facts.s.cao_expert), primary.refer_to)
            if out_of_scope
            else None
        ),
        to_find_out=tuple(dict.fromkeys(draft.to_find_out)),
        fired_rules=tuple(draft.fired),
        rule_set=current_rule_set(),
        this_week=this_week(facts, dated),
        deadlines=dated,
    )
