"""Pay withheld or stopped: expert opinion first, legal help, court last (BW 7:629, 7:629a)."""

from __future__ import annotations

import pytest

from decision_aid.routing import advise
from decision_aid.routing.advice import ExpertQuestion, Requester, Route
from decision_aid.routing.facts import Dispute, ExpertOpinionState, Role, Wage

from .helpers import Scenario, check, make_case

D, EO = Dispute, ExpertOpinionState
SCENARIOS = [
    Scenario(
        "pay stopped, no expert opinion",
        Role.EMPLOYEE,
        {"disputes": {D.WAGE_STOPPED}, "wage": Wage.STOPPED},
        Route.EXPERT_OPINION,
        mentions=("wage_expert_first", "BW 7:629a lid 1", "wage_stop_explained", "BW 7:629 lid 3"),
        alternatives=(Route.LEGAL_ADVICE,),
        not_recommended=(Route.COURT,),
    ),
    Scenario(
        "pay withheld over fitness for own work",
        Role.EMPLOYEE,
        {"disputes": {D.FITNESS_OWN_WORK}, "wage": Wage.WITHHELD, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("wage_withheld_explained", "BW 7:629 lid 6"),
        questions=(ExpertQuestion.FITNESS_OWN_WORK,),
    ),
    Scenario(
        "pay stopped, expert opinion supports the employee",
        Role.EMPLOYEE,
        {"disputes": {D.WAGE_STOPPED}, "wage": Wage.STOPPED, "expert_opinion": EO.FOR_REQUESTER},
        Route.COURT,
        mentions=("court_wage_claim", "court_last_resort", "002 kantonrechter", "court_steps"),
        alternatives=(Route.LEGAL_ADVICE,),
    ),
    Scenario(
        "pay stopped, expert opinion requested",
        Role.EMPLOYEE,
        {"wage": Wage.STOPPED, "expert_opinion": EO.REQUESTED},
        Route.LEGAL_ADVICE,
        mentions=("wage_opinion_pending",),
        not_recommended=(Route.COURT,),
    ),
    Scenario(
        "pay stopped, expert opinion against the employee",
        Role.EMPLOYEE,
        {"wage": Wage.STOPPED, "expert_opinion": EO.AGAINST_REQUESTER},
        Route.LEGAL_ADVICE,
        mentions=("wage_opinion_against", "000 rechter"),
        not_recommended=(Route.COURT,),
    ),
    Scenario(
        "advisor, pay stopped (wage unknown), opinion supports the member",
        Role.ADVISOR,
        {"disputes": {D.WAGE_STOPPED}, "wage": None, "expert_opinion": EO.FOR_REQUESTER},
        Route.COURT,
        mentions=("find_out_wage",),
    ),
    Scenario(
        "pay stopped, unknown whether an opinion was asked",
        Role.EMPLOYEE,
        {"wage": Wage.STOPPED, "expert_opinion": None},
        Route.EXPERT_OPINION,
        mentions=("find_out_expert_opinion",),
    ),
    Scenario(
        "pay stopped, nothing else known: ask why; the question is about cooperation",
        Role.EMPLOYEE,
        {"disputes": {D.WAGE_STOPPED}, "wage": Wage.STOPPED},
        Route.EXPERT_OPINION,
        mentions=("find_out_wage_reason",),
        questions=(ExpertQuestion.EMPLOYEE_EFFORTS,),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_wage_and_court(scenario: Scenario) -> None:
    check(scenario)


@pytest.mark.parametrize("opinion", [None, EO.NONE, EO.REQUESTED, EO.AGAINST_REQUESTER])
def test_no_court_without_a_supporting_opinion(opinion: ExpertOpinionState | None) -> None:
    for role in Role:
        advice = advise(make_case(role, wage=Wage.STOPPED, expert_opinion=opinion))
        assert Route.COURT not in advice.all_routes()


def test_court_always_comes_with_legal_help_first() -> None:
    advice = advise(make_case(wage=Wage.WITHHELD, expert_opinion=EO.FOR_REQUESTER))
    assert advice.primary.route is Route.COURT
    assert advice.requester is Requester.EMPLOYEE
    assert Route.LEGAL_ADVICE in advice.all_routes()
    assert advice.next_steps[0].msgid.startswith("Get legal advice first")


def test_pay_ended_asks_why() -> None:
    advice = advise(make_case(wage=Wage.ENDED))
    assert "find_out_wage_ended" in advice.fired_rules
    assert Route.COURT not in advice.all_routes()
