"""Who to ask for legal help: union members, insured, others (002; domain.md §7)."""

from __future__ import annotations

import pytest

from decision_aid.routing.advice import Route
from decision_aid.routing.facts import Mediation, Relationship, Role, Wage

from .helpers import Scenario, check

STUCK = {"relationship": Relationship.BROKEN, "mediation": Mediation.FAILED, "talked": True}
SCENARIOS = [
    Scenario(
        "union member",
        Role.EMPLOYEE,
        {**STUCK, "union_member": True},
        Route.LEGAL_ADVICE,
        mentions=("refer_union", "002 vakbond"),
        absent=("refer_juridisch_loket", "refer_insurer"),
    ),
    Scenario(
        "insured, not a member",
        Role.EMPLOYEE,
        {**STUCK, "legal_insurance": True},
        Route.LEGAL_ADVICE,
        mentions=("refer_insurer", "002 rechtsbijstand"),
        absent=("refer_juridisch_loket", "refer_union"),
    ),
    Scenario(
        "neither: Juridisch Loket",
        Role.EMPLOYEE,
        STUCK,
        Route.LEGAL_ADVICE,
        mentions=("refer_juridisch_loket", "domain §7 [AC]"),
    ),
    Scenario(
        "member and insured: both",
        Role.ADVISOR,
        {**STUCK, "union_member": True, "legal_insurance": True},
        Route.LEGAL_ADVICE,
        mentions=("refer_union", "refer_insurer"),
    ),
    Scenario(
        "unknown membership and insurance: Juridisch Loket, and find out",
        Role.EMPLOYEE,
        {**STUCK, "union_member": None, "legal_insurance": None},
        Route.LEGAL_ADVICE,
        mentions=("refer_juridisch_loket", "find_out_union", "find_out_insurance"),
    ),
    Scenario(
        "employer without insurance",
        Role.EMPLOYER,
        STUCK,
        Route.LEGAL_ADVICE,
        mentions=("refer_employer_advisor",),
        absent=("refer_juridisch_loket", "refer_union"),
    ),
    Scenario(
        "pay stopped: legal help offered next to the expert opinion",
        Role.EMPLOYEE,
        {"wage": Wage.STOPPED, "union_member": True},
        Route.EXPERT_OPINION,
        alternatives=(Route.LEGAL_ADVICE,),
        mentions=("wage_legal_help", "refer_union"),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_legal_help(scenario: Scenario) -> None:
    check(scenario)
