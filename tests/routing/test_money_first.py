"""Money first (domain.md §10, §5): the disputes people bring when their pay stops. One table per
point of the issue, each row naming its source in its id; then the Hypothesis properties.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_aid.routing import advice_to_dict, advise
from decision_aid.routing.advice import Advice, LetterKind, Route
from decision_aid.routing.casefile import load_case
from decision_aid.routing.context import Facts
from decision_aid.routing.facts import (
    Dispute,
    Employment,
    ExpertOpinionState,
    Mediation,
    Relationship,
    Role,
    Wage,
)

from .helpers import AS_OF, Scenario, check, make_case, weeks_ago

E, R, A = Role.EMPLOYEE, Role.EMPLOYER, Role.ADVISOR
NL: dict[str, str] = json.loads(
    (Path(__file__).parents[2] / "decision_aid/routing/nl_translations.json").read_text("utf-8")
)


def english(advice: Advice) -> str:
    """Everything the person reads, in the English msgids, as one string."""
    return json.dumps(advice_to_dict(advice), ensure_ascii=False)


def dutch(advice: Advice) -> str:
    return json.dumps(advice_to_dict(advice, translate=NL.__getitem__), ensure_ascii=False)


def ids(table: list[Scenario]) -> list[str]:
    return [s.name for s in table]


# --- 1. pay disputed, unfitness not: a plain wage claim, no expert opinion ------------------
PAY_ONLY = [
    Scenario(
        "cao says 100 %, employer pays 70 %, sickness undisputed: written claim, legal help, "
        "kantonrechter; no expert opinion [BW 7:629a lid 2; domain §10 L]",
        E,
        {"wage": Wage.CUT, "unfitness_disputed": False, "talked": True},
        Route.LEGAL_ADVICE,
        mentions=("pay_only_wage_claim", "BW 7:629a lid 2", "pay_only_steps"),
        alternatives=(Route.COURT,),
        not_recommended=(Route.EXPERT_OPINION,),
        absent=("wage_expert_first", "court_needs_opinion"),
    ),
    Scenario(
        "pay refused 'because UWV pays', sickness undisputed: plain wage claim "
        "[BW 7:629a lid 2; domain §10 L]",
        E,
        {"wage": Wage.REFUSED, "unfitness_disputed": False},
        Route.LEGAL_ADVICE,
        mentions=("pay_only_wage_claim", "domain §10 [L]"),
        not_recommended=(Route.EXPERT_OPINION,),
    ),
    Scenario(
        "pay cut, unknown whether the sickness is disputed: paying sick pay means it is not; "
        "no expert opinion [BW 7:629a lid 2]",
        E,
        {"wage": Wage.CUT, "unfitness_disputed": None},
        Route.LEGAL_ADVICE,
        mentions=("pay_only_wage_claim",),
    ),
    Scenario(
        "advisor: member's cao top-up not paid: the same plain wage claim "
        "[BW 7:629a lid 2; domain §10 L]",
        A,
        {"wage": Wage.CUT, "unfitness_disputed": False},
        Route.LEGAL_ADVICE,
        mentions=("pay_only_wage_claim",),
        not_recommended=(Route.EXPERT_OPINION,),
    ),
    Scenario(
        "employer pays 70 % against a cao of 100 %: an expert opinion settles nothing; check "
        "the cao [BW 7:629a lid 2; 002 loon]",
        R,
        {"wage": Wage.CUT, "unfitness_disputed": False},
        Route.LEGAL_ADVICE,
        mentions=("employer_pay_only",),
        not_recommended=(Route.EXPERT_OPINION,),
    ),
    Scenario(
        "pay refused and the employer disputes the sickness: a fitness dispute, the expert "
        "opinion on own work [BW 7:629a lid 1; domain §3 vvaa]",
        E,
        {"wage": Wage.REFUSED, "unfitness_disputed": True, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("wage_expert_first",),
        questions=(),  # filled below: the own-work question
        absent=("pay_only_wage_claim",),
    ),
]
PAY_ONLY[-1] = Scenario(**{**PAY_ONLY[-1].__dict__, "questions": None})


@pytest.mark.parametrize("s", PAY_ONLY, ids=ids(PAY_ONLY))
def test_pay_only_dispute(s: Scenario) -> None:
    advice = check(s)
    if s.situation.get("unfitness_disputed") is True:
        assert "fitness_own_work" in [str(q) for q in advice.expert_opinion_questions]
        return
    assert Route.EXPERT_OPINION not in advice.all_routes()
    text = english(advice)
    assert "does not dispute the claim" not in text


def test_urgent_route_names_the_unfitness_not_the_claim() -> None:
    """BW 7:629a lid 2: the exception is an undisputed *unfitness*, not an undisputed claim."""
    advice = advise(make_case(E, wage=Wage.STOPPED, disputes={Dispute.EMPLOYEE_EFFORTS}))
    text = english(advice)
    assert "does not dispute that you are unfit for work" in text
    assert "employer does not dispute it," not in text


# --- 2. pregnancy ---------------------------------------------------------------------------
PREGNANCY = [
    Scenario(
        "sick through pregnancy, pay refused 'because UWV pays': employer keeps paying, can "
        "claim the ZW benefit [ZW art. 29a; domain §10 AR]",
        E,
        {"wage": Wage.REFUSED, "unfitness_disputed": False, "pregnancy_related": True},
        Route.LEGAL_ADVICE,
        mentions=("pregnancy_employer_pays", "ZW art. 29a"),
    ),
    Scenario(
        "employer, employee sick through pregnancy: keep paying, apply for the benefit "
        "[ZW art. 29a; domain §10 AR]",
        R,
        {"wage": Wage.PAID, "pregnancy_related": True},
        Route.TALK,
        mentions=("pregnancy_employer_side",),
    ),
]


@pytest.mark.parametrize("s", PREGNANCY, ids=ids(PREGNANCY))
def test_pregnancy(s: Scenario) -> None:
    text = english(check(s))
    assert "keep" in text and "paying the wage" in text and "Ziektewet benefit" in text


# --- 3. wage sanction, employer side --------------------------------------------------------
DECIDED = AS_OF - timedelta(days=10)
SANCTION = [
    Scenario(
        "employer, sanction decided 10 days ago: objection within 6 weeks with the date, repair "
        "and shortening at once; no expert opinion [Awb 6:7; domain §10 AU]",
        R,
        {
            "sick_since": weeks_ago(96),
            "wage_sanction": True,
            "sanction_decided_on": DECIDED,
            "employer_passive": True,
        },
        Route.OBJECTION,
        mentions=("employer_sanction_objection", "Awb 6:7", "sanction_objection_steps"),
        not_recommended=(Route.EXPERT_OPINION,),
        alternatives=(Route.LEGAL_ADVICE,),
    ),
    Scenario(
        "employer week 120 under a sanction, date unknown: the objection term is over; repair "
        "and shortening, still no expert opinion on its own efforts [004 §3; domain §10 AU]",
        R,
        {"sick_since": weeks_ago(119), "wage_sanction": True, "employer_passive": True},
        Route.TALK,
        mentions=("sanction_no_expert_opinion", "find_out_sanction_date"),
        not_recommended=(Route.EXPERT_OPINION,),
        absent=("employer_sanction_objection",),
    ),
]


@pytest.mark.parametrize("s", SANCTION, ids=ids(SANCTION))
def test_wage_sanction_employer(s: Scenario) -> None:
    advice = check(s)
    if s.primary is Route.OBJECTION:
        assert advice.documents[0].kind is LetterKind.SANCTION_OBJECTION
        objection = next(a for a in advice.deadlines if a.key == "objection")
        assert objection.due == DECIDED + timedelta(weeks=6)
        assert advice.this_week and advice.this_week[0].key == "objection"
        assert DECIDED.strftime("%d-%m-%Y") in objection.text.params["decided"]


# --- 4. temporary contract ending during sickness -------------------------------------------
def test_contract_end_drives_the_timeline_and_the_deadlines() -> None:
    """[004 §11; domain §10] Week 36, contract ends in 3 weeks: the timeline ends with the
    contract (no week-42 report, no week 40-46 answer as the next step), the end date is a
    dated deadline, and the advice says so."""
    end = AS_OF + timedelta(weeks=3)
    advice = advise(
        make_case(
            E,
            employment=Employment.TEMPORARY,
            contract_end=end,
            sick_since=weeks_ago(35),
            disputes={Dispute.SUITABLE_WORK},
            talked=True,
        )
    )
    keys = [m.key for m in advice.timeline.milestones]
    assert keys[-1] == "contract_end" and "report_to_uwv" not in keys
    assert end.strftime("%d-%m-%Y") in advice.timeline.milestones[-1].label.params["date"]
    assert any(a.key == "contract_end" and a.due == end for a in advice.this_week)
    assert "contract_end_deadline" in advice.fired_rules


# --- 5. expert opinion against the employee -------------------------------------------------
def test_adverse_expert_opinion_is_not_binding_and_court_text_fits() -> None:
    """[domain §3 E; domain §10] Not binding, no objection; the 'court not advised' reason
    does not say 'if no expert opinion was asked' when one was."""
    advice = advise(
        make_case(
            E,
            wage=Wage.STOPPED,
            expert_opinion=ExpertOpinionState.AGAINST_REQUESTER,
            disputes={Dispute.EMPLOYEE_EFFORTS},
        )
    )
    text = english(advice)
    assert "not a decision" in text and "cannot object to it" in text
    assert "if no expert opinion was asked" not in text
    assert "court_opinion_against" in advice.fired_rules


# --- 6. eigenrisicodrager Ziektewet ---------------------------------------------------------
def test_eigenrisicodrager_does_not_say_uwv_pays() -> None:
    """[domain §10 A] The former employer pays the benefit itself and may not stop it alone."""
    advice = advise(
        make_case(E, employment=Employment.TEMPORARY, contract_end=weeks_ago(1), erd=True)
    )
    assert advice.fired_rules[0] == "scope_contract_ended_erd"
    text = english(advice)
    assert "may not stop that benefit on its own" in text
    assert "UWV now takes over: it may pay" not in text


# --- 7. mediation refused -------------------------------------------------------------------
def test_refused_mediation_is_not_proposed_again() -> None:
    """[domain §2 AK] Mediation is voluntary: after a refusal it is not advised again."""
    advice = advise(
        make_case(
            E,
            relationship=Relationship.BROKEN,
            mediation=Mediation.REFUSED,
            disputes={Dispute.RELATIONSHIP},
        )
    )
    assert Route.MEDIATION not in advice.all_routes()
    assert Route.MEDIATION in {r.route for r in advice.not_recommended}
    assert all(d.kind is not Route.MEDIATION for d in advice.documents)


# --- 8. advisor wording, week past 104, late plan -------------------------------------------
def test_advisor_reads_about_the_member() -> None:
    """Advisor mode: 'het loon van het lid', never 'uw loon'; no letter 'from' the member to
    the advisor's own union is made first."""
    advice = advise(make_case(A, wage=Wage.STOPPED, disputes={Dispute.EMPLOYEE_EFFORTS}))
    text = dutch(advice).lower()
    assert "uw loon" not in text and "het loon van het lid" in text


def test_late_plan_of_action_is_in_the_text() -> None:
    """[domain §6 W] Week 12 without written advice: the plan of action (week 8) is late too."""
    advice = advise(
        make_case(E, sick_since=weeks_ago(11), first_opinion=make_case().situation.first_opinion)
    )
    assert "plan_of_action_late" not in advice.fired_rules  # written advice present
    from decision_aid.routing.facts import FirstOpinion

    advice = advise(make_case(E, sick_since=weeks_ago(11), first_opinion=FirstOpinion(False)))
    assert "plan_of_action_late" in advice.fired_rules
    assert "plan of action (plan van aanpak) was due in week 8" in english(advice)


# --- "this week" ------------------------------------------------------------------------------
def test_pay_stopped_opens_with_this_week() -> None:
    """A cleaner whose pay stopped last week: the written claim with its date comes first, not
    a UWV request that takes 4-8 weeks."""
    advice = advise(make_case(E, wage=Wage.STOPPED, disputes={Dispute.EMPLOYEE_EFFORTS}))
    first = advice.this_week[0]
    assert first.key == "pay_by" and first.due == AS_OF + timedelta(days=7)
    assert advice.documents[0].kind is LetterKind.WAGE_PROTEST
    out = advice_to_dict(advice)
    assert next(iter(out)) == "this_week"
    assert out["this_week"][0]["date"] == (AS_OF + timedelta(days=7)).isoformat()


def test_no_money_no_close_deadline_no_this_week() -> None:
    assert advise(make_case(E, wage=Wage.PAID)).this_week == ()


# --- case files: version 2, and version-1 files still load ----------------------------------
def test_version_1_file_without_the_new_fields_still_loads() -> None:
    data = {
        "version": 1,
        "as_of": "2024-06-03",
        "role": "employee",
        "situation": {
            "employment": "permanent",
            "sick_since": "2024-01-15",
            "still_sick": True,
            "wage": "stopped",
        },
    }
    case = load_case(data)
    assert case.version == 1
    assert case.situation.unfitness_disputed is None and case.situation.erd is None
    assert advise(case).primary.route is Route.EXPERT_OPINION


def test_version_2_fields_round_trip() -> None:
    from decision_aid.routing.casefile import case_to_dict

    case = make_case(
        R,
        wage=Wage.CUT,
        unfitness_disputed=False,
        pregnancy_related=True,
        erd=False,
        wage_sanction=True,
        sanction_decided_on=date(2024, 5, 20),
    )
    data = case_to_dict(case)
    assert data["situation"]["sanction_decided_on"] == "2024-05-20"
    assert load_case(data) == case


# --- Hypothesis properties ------------------------------------------------------------------
tri = st.sampled_from([True, False, None])


@st.composite
def money_cases(draw: st.DrawFn) -> Any:
    return make_case(
        draw(st.sampled_from([E, R, A])),
        sick_since=AS_OF - timedelta(days=draw(st.integers(0, 800))),
        employment=draw(st.sampled_from([Employment.PERMANENT, Employment.TEMPORARY])),
        contract_end=draw(
            st.one_of(st.none(), st.integers(-30, 400).map(lambda d: AS_OF + timedelta(d)))
        ),
        disputes=frozenset(draw(st.sets(st.sampled_from(list(Dispute)), max_size=3))),
        wage=draw(st.sampled_from([*Wage, None])),
        unfitness_disputed=draw(tri),
        pregnancy_related=draw(tri),
        erd=draw(tri),
        wage_sanction=draw(tri),
        sanction_decided_on=draw(
            st.one_of(st.none(), st.integers(0, 80).map(lambda d: AS_OF - timedelta(d)))
        ),
        expert_opinion=draw(st.sampled_from([*ExpertOpinionState, None])),
        mediation=draw(st.sampled_from([*Mediation, None])),
        relationship=draw(st.sampled_from([*Relationship, None])),
        talked=draw(tri),
        still_sick=draw(st.sampled_from([True, True, False])),
        declared_fit=draw(tri),
    )


@settings(max_examples=400, deadline=None)
@given(money_cases())
def test_no_expert_opinion_first_when_only_pay_is_disputed(case: Any) -> None:
    """[BW 7:629a lid 2] Pay cut or refused, the unfitness undisputed, no other question: the
    expert opinion is never the primary route."""
    facts = Facts.of(case)
    if facts.pay_only_dispute and case.situation.unfitness_disputed is False:
        assert advise(case).primary.route is not Route.EXPERT_OPINION


@settings(max_examples=400, deadline=None)
@given(money_cases())
def test_a_deadline_within_14_days_opens_the_advice(case: Any) -> None:
    """Every advice with a dated deadline within 14 days opens with it (the earliest first),
    and 'this week' never holds more than three actions."""
    advice = advise(case)
    assert len(advice.this_week) <= 3
    soon = [a for a in advice.deadlines if a.due <= case.as_of + timedelta(days=14)]
    if soon:
        assert advice.this_week and advice.this_week[0] == min(soon, key=lambda a: (a.due, a.key))
        assert advice_to_dict(advice)["this_week"][0]["date"] == soon[0].due.isoformat()
    for earlier, later in zip(advice.this_week, advice.this_week[1:], strict=False):
        assert earlier.due <= later.due


@settings(max_examples=400, deadline=None)
@given(money_cases())
def test_advisor_mode_never_says_uw_loon(case: Any) -> None:
    """Nothing an advisor reads says 'uw loon' about the member (Dutch rendering)."""
    advisor_case = make_case(A, **{k: getattr(case.situation, k) for k in _FIELDS})
    text = dutch(advise(advisor_case)).lower()
    assert "uw loon" not in text


_FIELDS = (
    "employment",
    "contract_end",
    "sick_since",
    "disputes",
    "wage",
    "unfitness_disputed",
    "pregnancy_related",
    "erd",
    "wage_sanction",
    "sanction_decided_on",
    "expert_opinion",
    "mediation",
    "relationship",
    "talked",
    "still_sick",
    "declared_fit",
)


def test_deadlines_at_the_end_of_the_calendar_do_not_crash() -> None:
    """A case file may carry the year 9999: 'pay by' and the objection stay in the calendar."""
    end = date(9999, 12, 28)
    case = make_case(
        R,
        as_of=end,
        sick_since=end - timedelta(weeks=100),
        wage=Wage.STOPPED,
        wage_sanction=True,
        sanction_decided_on=end - timedelta(days=3),
    )
    advice = advise(case)
    assert advice.this_week and all(a.due <= date.max for a in advice.this_week)
    employee = advise(make_case(E, as_of=end, sick_since=end, wage=Wage.CUT))
    assert employee.this_week[0].key == "pay_by"
