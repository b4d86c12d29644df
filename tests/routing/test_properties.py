"""Properties over all valid case files (Hypothesis): every input gets exactly one sound advice."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from decision_aid.content import get_source
from decision_aid.routing import advice_to_dict, advise
from decision_aid.routing.advice import Advice, Requester, Route
from decision_aid.routing.casefile import case_to_dict, load_case
from decision_aid.routing.context import Facts
from decision_aid.routing.facts import Case, Dispute, Employment, ExpertOpinionState, Role
from decision_aid.routing.timeline import current_week
from decision_aid.routing.weeks import MAX_SICK_WEEKS, MAX_WAGE_SANCTION_WEEKS

NL = json.loads(
    (Path(__file__).resolve().parents[2] / "decision_aid/routing/nl_translations.json").read_text(
        encoding="utf-8"
    )
)
AS_OF = date(2024, 6, 3)
LATER = date(2026, 11, 30)


def nullable(*values: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from([*values, None])


tri = nullable(True, False)
day = st.integers(min_value=-20, max_value=900).map(lambda d: AS_OF - timedelta(days=d))
iso = day.map(date.isoformat)


@st.composite
def case_files(draw: st.DrawFn) -> dict[str, Any]:
    as_of = draw(st.sampled_from([AS_OF, LATER]))  # LATER: fees of earlier years to check
    sick_since = draw(st.integers(min_value=0, max_value=1200).map(lambda d: as_of - timedelta(d)))
    situation = {
        "employment": draw(nullable("permanent", "temporary", "self_employed", "none")),
        "contract_end": draw(st.one_of(st.none(), iso)),
        "sick_since": draw(st.one_of(st.none(), st.just(sick_since.isoformat()))),
        "still_sick": draw(tri),
        "disputes": draw(st.lists(st.sampled_from([str(d) for d in Dispute]), unique=True)),
        "first_opinion": {
            "present": draw(tri),
            "date": draw(st.one_of(st.none(), iso)),
            "author": draw(nullable("bedrijfsarts", "pmo", "other")),
        },
        "talked": draw(tri),
        "relationship": draw(nullable("good", "strained", "broken")),
        "mediation": draw(nullable("not_tried", "ongoing", "failed", "refused")),
        "expert_opinion": draw(nullable("none", "requested", "for_requester", "against_requester")),
        "wage": draw(nullable("paid", "cut", "refused", "withheld", "stopped", "ended")),
        "employer_passive": draw(tri),
        "union_member": draw(tri),
        "legal_insurance": draw(tri),
        "cao_expert": draw(tri),
    }
    # Fields added after version 1: absent in older files, where missing = unknown.
    for name in ("declared_fit", "wage_sanction"):
        if draw(st.booleans()):
            situation[name] = draw(tri)
    # Fields of version 2 (money disputes): absent in version-1 files.
    version = draw(st.sampled_from([1, 2]))
    if version == 2:
        for name in ("unfitness_disputed", "pregnancy_related", "erd"):
            situation[name] = draw(tri)
        situation["sanction_decided_on"] = draw(
            st.one_of(
                st.none(), st.integers(0, 60).map(lambda d: (as_of - timedelta(d)).isoformat())
            )
        )
    return {
        "version": version,
        "as_of": as_of.isoformat(),
        "language": draw(st.sampled_from(["nl", "en"])),
        "role": draw(st.sampled_from(["employee", "employer", "advisor"])),
        "situation": situation,
    }


def strict_dutch(msgid: str) -> str:
    return NL[msgid]  # KeyError: a text without a Dutch translation


def check_sound(advice: Advice, role: Role | None = None) -> None:
    routes = advice.all_routes()
    # exactly one primary, never repeated elsewhere
    assert len(set(routes)) == len(routes)
    assert advice.primary.route not in {r.route for r in advice.not_recommended}
    assert not set(routes) & {r.route for r in advice.not_recommended}
    # every reason cites a source that exists
    assert advice.primary.reasons
    for reason in advice.reasons():
        assert reason.sources and reason.rule
        for source_id in reason.sources:
            get_source(source_id)
    for cost in advice.costs:
        for source_id in cost.sources:
            get_source(source_id)
    # the employee's second opinion; court only with a supporting expert opinion
    if advice.requester is Requester.EMPLOYER:
        assert Route.SECOND_OPINION not in routes
    if Route.COURT in routes:
        assert advice.requester is Requester.EMPLOYEE
    # documents: one per advised route (one per question for the expert opinion)
    if advice.primary.route is Route.OUT_OF_SCOPE:
        assert advice.out_of_scope is not None and advice.out_of_scope.refer_to
        assert advice.documents == () and advice.alternatives == ()
    else:
        assert advice.documents
        # one per advised route; the objection's letter is its route's document, and the
        # first letters of a money dispute (LetterKind) come on top
        expected = {r for r in routes if r is not Route.OBJECTION}
        assert {d.kind for d in advice.documents if isinstance(d.kind, Route)} == expected
        if Route.EXPERT_OPINION in routes:
            assert advice.expert_opinion_questions and advice.expert_body is not None
    for doc in advice.documents:
        assert (doc.question is not None) == (doc.kind is Route.EXPERT_OPINION)


@settings(max_examples=300, deadline=None)
@given(case_files())
def test_every_case_file_gets_one_sound_advice(data: dict[str, Any]) -> None:
    case = load_case(data)
    advice = advise(case)
    check_sound(advice, case.role)
    if Route.COURT in advice.all_routes():
        # a plain wage claim needs no expert opinion when the unfitness is undisputed (7:629a lid 2)
        assert (
            case.situation.expert_opinion is ExpertOpinionState.FOR_REQUESTER
            or Facts.of(case).pay_only_dispute
        )
    # all texts translate, and the JSON form has the agreed keys
    out = advice_to_dict(advice, translate=strict_dutch)
    assert set(out) >= {
        "primary",
        "alternatives",
        "not_recommended",
        "expert_opinion_questions",
        "expert_body",
        "requester",
        "next_steps",
        "costs",
        "timeline",
        "documents",
        "out_of_scope",
        "to_find_out",
    }
    json.dumps(out)
    # the case file round-trips
    assert load_case(case_to_dict(case)) == case


def in_the_period(case: Case) -> bool:
    """An employee with an employer whose contract still runs, who is sick or was declared fit
    against their view, within 104 weeks (or within a wage sanction's 52 more weeks)."""
    s = case.situation
    if s.employment not in (Employment.PERMANENT, Employment.TEMPORARY):
        return False
    if s.employment is Employment.TEMPORARY and s.contract_end and s.contract_end <= case.as_of:
        return False
    if not (s.still_sick is True or s.declared_fit is True):
        return False
    week = current_week(s.sick_since, case.as_of)
    limit = MAX_SICK_WEEKS + (MAX_WAGE_SANCTION_WEEKS if s.wage_sanction is True else 0)
    return week is None or week <= limit


def rendered_texts(out: dict[str, Any]) -> list[str]:
    texts = [
        r["text"]
        for b in (out["primary"], *out["alternatives"], *out["not_recommended"])
        for r in b["reasons"]
    ]
    texts += out["next_steps"] + out["to_find_out"]
    texts += [f"{c['item']}: {c['text']}" for c in out["costs"]]
    texts += [m["label"] for m in out["timeline"]["milestones"]]
    if out["out_of_scope"]:
        texts += [out["out_of_scope"]["reason"], *out["out_of_scope"]["refer_to"]]
    return texts


@settings(max_examples=300, deadline=None)
@given(case_files())
def test_issue_13_properties(data: dict[str, Any]) -> None:
    case = load_case(data)
    advice = advise(case)
    # 1. nobody who is, or was declared, sick within the period is sent away
    if in_the_period(case):
        assert advice.primary.route is not Route.OUT_OF_SCOPE, advice.fired_rules
    out = advice_to_dict(advice)  # English msgids
    # 8. no advice names UWV as the expert where the CAO names its own (7:629a lid 7)
    if case.situation.cao_expert is True:
        for text in rendered_texts(out):
            about_expert = "expert" in text.lower() or "judge your question" in text
            assert not ("UWV" in text and about_expert and "CAO" not in text), text
        assert out["expert_body"] in (None, "cao")
    # 10. every fee shown has a year (and says to check it once that year has passed)
    for cost in out["costs"]:
        if "€" in cost["amount"]:
            assert isinstance(cost["year"], int), cost
            assert f"amount for {cost['year']}" in cost["text"], cost
            assert cost["check_current"] is (cost["year"] < case.as_of.year)
    # the rule set is always named
    assert out["rule_set"]["version"] and out["rule_set"]["sources_date"]


@settings(max_examples=100, deadline=None)
@given(case_files(), st.sampled_from([None, "2024-06-04", "2030-01-01"]))
def test_bad_or_future_dates_never_crash(data: dict[str, Any], sick_since: str | None) -> None:
    data["situation"]["sick_since"] = sick_since
    try:
        case = load_case(data)
    except ValueError as error:  # CaseFileError naming the field
        assert "situation.sick_since" in str(error)
    else:
        check_sound(advise(case), case.role)
