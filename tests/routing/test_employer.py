"""The employer's side: a non-cooperating employee, a passive employer, pay as a lever (004 §3,
§9, §10, §11; BW 7:629 lid 3 and lid 6)."""

from __future__ import annotations

import pytest

from decision_aid.routing import advise
from decision_aid.routing.advice import ExpertQuestion, Requester, Route
from decision_aid.routing.facts import Dispute, Employment, ExpertOpinionState, Role, Wage

from .helpers import Scenario, check, make_case, weeks_ago

D = Dispute
SCENARIOS = [
    Scenario(
        "employee does not cooperate, not talked yet",
        Role.EMPLOYER,
        {"disputes": {D.EMPLOYEE_EFFORTS}},
        Route.TALK,
        mentions=("employer_addresses_employee", "004 §3", "employer_pay_lever", "BW 7:629 lid 6"),
    ),
    Scenario(
        "employee does not cooperate, talked",
        Role.EMPLOYER,
        {"disputes": {D.EMPLOYEE_EFFORTS}, "talked": True},
        Route.EXPERT_OPINION,
        questions=(ExpertQuestion.EMPLOYEE_EFFORTS,),
        mentions=("expert_opinion_how_employer", "domain §3 [C]"),
    ),
    Scenario(
        "employer already stopped pay, no opinion",
        Role.EMPLOYER,
        {"disputes": {D.EMPLOYEE_EFFORTS}, "wage": Wage.STOPPED},
        Route.EXPERT_OPINION,
        mentions=("employer_wage_expert", "003 loonopschorting"),
        alternatives=(Route.LEGAL_ADVICE,),
    ),
    Scenario(
        "employer admits doing little",
        Role.EMPLOYER,
        {"employer_passive": True, "disputes": {D.EMPLOYER_EFFORTS}},
        Route.TALK,
        mentions=("passive_employer_employer", "employer_take_lead", "004 §10"),
    ),
    Scenario(
        "after the first year, no suitable work in the company",
        Role.EMPLOYER,
        {"disputes": {D.SUITABLE_WORK_AVAILABLE}, "talked": True, "sick_since": weeks_ago(60)},
        Route.EXPERT_OPINION,
        mentions=("track_two_after_year_one", "004 §5"),
    ),
    Scenario(
        "temporary contract ending soon",
        Role.EMPLOYER,
        {
            "employment": Employment.TEMPORARY,
            "contract_end": weeks_ago(-4),
            "disputes": {D.EMPLOYEE_EFFORTS},
        },
        Route.TALK,
        mentions=("temporary_contract_steps", "004 §11"),
    ),
    Scenario(
        "employer with an opinion in its favour after a wage stop: talk, no court",
        Role.EMPLOYER,
        {
            "disputes": {D.EMPLOYEE_EFFORTS},
            "wage": Wage.STOPPED,
            "expert_opinion": ExpertOpinionState.FOR_REQUESTER,
        },
        Route.TALK,
        mentions=("opinion_in_hand_talk",),
    ),
    Scenario(
        "employer doubts advice and there is a suitable-work dispute",
        Role.EMPLOYER,
        {"disputes": {D.MEDICAL_ADVICE_DOUBT, D.SUITABLE_WORK}, "talked": True},
        Route.EXPERT_OPINION,
        not_recommended=(Route.SECOND_OPINION,),
        mentions=("employer_ask_doctor",),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_employer_side(scenario: Scenario) -> None:
    check(scenario)


def test_employer_is_the_requester() -> None:
    advice = advise(make_case(Role.EMPLOYER, disputes={D.EMPLOYEE_EFFORTS}))
    assert advice.requester is Requester.EMPLOYER
    assert Route.COURT not in advice.all_routes()
