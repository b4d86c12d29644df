"""Scope: employees with an employer, sick, within 104 weeks; otherwise a referral (004 §1, §11)."""

from __future__ import annotations

import pytest

from decision_aid.routing import advise
from decision_aid.routing.advice import Route
from decision_aid.routing.facts import Dispute, Employment, Role

from .helpers import AS_OF, Scenario, check, make_case, weeks_ago

D = Dispute
SCENARIOS = [
    Scenario(
        "self-employed employee",
        Role.EMPLOYEE,
        {"employment": Employment.SELF_EMPLOYED, "disputes": {D.SUITABLE_WORK}},
        Route.OUT_OF_SCOPE,
        mentions=("scope_self_employed", "004 §2"),
    ),
    Scenario(
        "employer asking about someone without a contract",
        Role.EMPLOYER,
        {"employment": Employment.NONE},
        Route.OUT_OF_SCOPE,
        mentions=("scope_no_employer",),
    ),
    Scenario(
        "temporary contract already ended",
        Role.EMPLOYEE,
        {
            "employment": Employment.TEMPORARY,
            "contract_end": weeks_ago(2),
            "disputes": {D.EMPLOYER_EFFORTS},
        },
        Route.OUT_OF_SCOPE,
        mentions=("scope_contract_ended", "004 §11", "domain §2 [A]"),
    ),
    Scenario(
        "temporary contract ends today",
        Role.ADVISOR,
        {"employment": Employment.TEMPORARY, "contract_end": AS_OF},
        Route.OUT_OF_SCOPE,
        mentions=("scope_contract_ended",),
    ),
    Scenario(
        "no longer sick",
        Role.EMPLOYEE,
        {"still_sick": False, "disputes": {D.RELATIONSHIP}},
        Route.OUT_OF_SCOPE,
        mentions=("scope_not_sick",),
    ),
    Scenario(
        "sick for 105 weeks",
        Role.EMPLOYEE,
        {"sick_since": weeks_ago(104), "disputes": {D.WAGE_STOPPED}},
        Route.OUT_OF_SCOPE,
        mentions=("scope_past_104_weeks", "004 §3"),
    ),
    Scenario(
        "sick in week 104 is still in scope",
        Role.EMPLOYEE,
        {"sick_since": weeks_ago(103, 6), "disputes": {D.SUITABLE_WORK}},
        Route.TALK,
        absent=("scope_past_104_weeks",),
    ),
    Scenario(
        "temporary contract still running",
        Role.EMPLOYEE,
        {
            "employment": Employment.TEMPORARY,
            "contract_end": weeks_ago(-8),
            "disputes": {D.SUITABLE_WORK},
            "talked": True,
        },
        Route.EXPERT_OPINION,
        mentions=("temporary_contract_ending", "temporary_contract_steps", "004 §11"),
    ),
    Scenario(
        "contract type and sickness unknown: still advice, and what to find out",
        Role.EMPLOYEE,
        {"employment": None, "still_sick": None, "disputes": {D.EMPLOYER_EFFORTS}},
        Route.TALK,
        mentions=("find_out_employment", "find_out_still_sick"),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_scope(scenario: Scenario) -> None:
    check(scenario)


def test_out_of_scope_always_refers_somewhere() -> None:
    for scenario in SCENARIOS:
        advice = advise(make_case(scenario.role, **scenario.situation))
        if advice.primary.route is Route.OUT_OF_SCOPE:
            assert advice.out_of_scope is not None
            assert advice.out_of_scope.refer_to, scenario.name
            assert advice.documents == ()
            assert advice.alternatives == ()
        else:
            assert advice.out_of_scope is None


def test_unknown_sick_since_asks_for_the_date() -> None:
    advice = advise(make_case(sick_since=None))
    assert advice.timeline.week is None
    assert "find_out_sick_since" in advice.fired_rules
