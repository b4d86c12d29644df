"""Talk first, mediation when the relationship is the problem (002; 001 tips; 004 §5, §9)."""

from __future__ import annotations

import pytest

from decision_aid.routing.advice import Route
from decision_aid.routing.facts import Dispute, Mediation, Relationship, Role

from .helpers import Scenario, check

D = Dispute
SCENARIOS = [
    Scenario(
        "employee, suitable work, not talked yet",
        Role.EMPLOYEE,
        {"disputes": {D.SUITABLE_WORK}},
        Route.TALK,
        mentions=("talk_first", "002 gesprek", "talk_prepare", "002 voorbereiding"),
        alternatives=(Route.EXPERT_OPINION,),
    ),
    Scenario(
        "employee, unknown whether talked: treated as not yet, and asked",
        Role.EMPLOYEE,
        {"disputes": {D.SUITABLE_WORK_AVAILABLE}, "talked": None},
        Route.TALK,
        mentions=("talk_first", "find_out_talked"),
    ),
    Scenario(
        "employee, relationship dispute, strained",
        Role.EMPLOYEE,
        {"disputes": {D.RELATIONSHIP}, "relationship": Relationship.STRAINED},
        Route.MEDIATION,
        mentions=("mediation_relationship", "002 bemiddelaar", "mediation_choose"),
    ),
    Scenario(
        "employer, relationship broken, mediation unknown",
        Role.EMPLOYER,
        {
            "disputes": {D.EMPLOYEE_EFFORTS},
            "relationship": Relationship.BROKEN,
            "mediation": None,
        },
        Route.MEDIATION,
        mentions=("mediation_relationship", "find_out_mediation"),
        alternatives=(Route.EXPERT_OPINION,),
    ),
    Scenario(
        "mediation ongoing",
        Role.EMPLOYEE,
        {"disputes": {D.RELATIONSHIP}, "mediation": Mediation.ONGOING, "talked": True},
        Route.MEDIATION,
        mentions=("mediation_ongoing",),
    ),
    Scenario(
        "relationship dispute, mediation failed",
        Role.EMPLOYEE,
        {
            "disputes": {D.RELATIONSHIP},
            "relationship": Relationship.BROKEN,
            "mediation": Mediation.FAILED,
            "talked": True,
        },
        Route.LEGAL_ADVICE,
        mentions=("legal_after_mediation", "002 juridisch", "refer_juridisch_loket"),
    ),
    Scenario(
        "nothing in dispute, talked already",
        Role.EMPLOYEE,
        {"talked": True},
        Route.TALK,
        mentions=("talk_default", "001 tip 3"),
    ),
    Scenario(
        "strained, not talked: talk, with mediation as the alternative",
        Role.ADVISOR,
        {"disputes": {D.SUITABLE_WORK}, "relationship": Relationship.STRAINED},
        Route.TALK,
        mentions=("mediation_when_strained",),
        alternatives=(Route.MEDIATION, Route.EXPERT_OPINION),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_talk_and_mediation(scenario: Scenario) -> None:
    check(scenario)
