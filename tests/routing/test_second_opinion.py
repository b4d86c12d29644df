"""Second opinion: the employee's right, for doubt about medical advice (Arbobesluit 2.14d; 003)."""

from __future__ import annotations

import pytest

from decision_aid.routing import advise
from decision_aid.routing.advice import ExpertQuestion, Requester, Route
from decision_aid.routing.facts import Dispute, Mediation, Relationship, Role, Wage

from .helpers import Scenario, check, make_case

D = Dispute
SCENARIOS = [
    Scenario(
        "employee doubts the medical advice, talked",
        Role.EMPLOYEE,
        {"disputes": {D.MEDICAL_ADVICE_DOUBT}, "talked": True},
        Route.SECOND_OPINION,
        mentions=(
            "second_opinion_doubt",
            "Arbobesluit 2.14d",
            "second_opinion_keeps_agreements",
            "second_opinion_request",
        ),
    ),
    Scenario(
        "employee doubts the medical advice, not talked yet",
        Role.EMPLOYEE,
        {"disputes": {D.MEDICAL_ADVICE_DOUBT}},
        Route.TALK,
        alternatives=(Route.SECOND_OPINION,),
        mentions=("second_opinion_option",),
    ),
    Scenario(
        "medical doubt and suitable work: expert opinion first, second opinion no substitute",
        Role.EMPLOYEE,
        {"disputes": {D.MEDICAL_ADVICE_DOUBT, D.SUITABLE_WORK}, "talked": True},
        Route.EXPERT_OPINION,
        alternatives=(Route.SECOND_OPINION,),
        mentions=("second_opinion_no_substitute", "003 geen vervanger"),
    ),
    Scenario(
        "medical doubt while pay is stopped: own-work question, second opinion may be refused",
        Role.EMPLOYEE,
        {"disputes": {D.MEDICAL_ADVICE_DOUBT}, "wage": Wage.STOPPED},
        Route.EXPERT_OPINION,
        alternatives=(Route.SECOND_OPINION,),
        mentions=("second_opinion_in_conflict", "domain §4 [AP]"),
        questions=(ExpertQuestion.FITNESS_OWN_WORK,),
    ),
    Scenario(
        "employer doubts the advice: what it can do instead",
        Role.EMPLOYER,
        {"disputes": {D.MEDICAL_ADVICE_DOUBT}, "talked": True},
        Route.TALK,
        not_recommended=(Route.SECOND_OPINION,),
        mentions=(
            "employer_doubts_advice",
            "second_opinion_employee_only",
            "004 §6",
            "003 werknemer",
        ),
    ),
    Scenario(
        "union advisor for a member who doubts the advice",
        Role.ADVISOR,
        {"disputes": {D.MEDICAL_ADVICE_DOUBT}, "talked": True, "union_member": True},
        Route.SECOND_OPINION,
    ),
    Scenario(
        "medical doubt after failed mediation: legal advice, second opinion may be refused",
        Role.EMPLOYEE,
        {
            "disputes": {D.MEDICAL_ADVICE_DOUBT},
            "talked": True,
            "relationship": Relationship.BROKEN,
            "mediation": Mediation.FAILED,
        },
        Route.LEGAL_ADVICE,
        alternatives=(Route.SECOND_OPINION,),
        mentions=("second_opinion_in_conflict",),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_second_opinion(scenario: Scenario) -> None:
    check(scenario)


def test_advisor_acts_for_the_employee() -> None:
    advice = advise(make_case(Role.ADVISOR, disputes={D.MEDICAL_ADVICE_DOUBT}, talked=True))
    assert advice.requester is Requester.EMPLOYEE


@pytest.mark.parametrize("dispute", [D.MEDICAL_ADVICE_DOUBT, D.FITNESS_OWN_WORK])
def test_never_a_second_opinion_for_the_employer(dispute: Dispute) -> None:
    for talked in (True, False, None):
        advice = advise(make_case(Role.EMPLOYER, disputes={dispute}, talked=talked))
        assert Route.SECOND_OPINION not in advice.all_routes()
