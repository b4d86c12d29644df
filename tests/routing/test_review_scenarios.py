"""Unseen scenarios a labour-law reader ran through the engine (review of 2026-12-07).

Each row names the source that settles it. They failed on rules version 4.
"""

from __future__ import annotations

import pytest

from decision_aid.routing import advise
from decision_aid.routing.advice import Route
from decision_aid.routing.facts import Dispute, ExpertOpinionState, Role, Wage

from .helpers import make_case

ASK_TOO = "Ask for the expert opinion at the same time"

# (id naming the source, role, situation, the rule that must fire, the rule that must not)
ROWS = [
    (
        "BW7:629a-lid2-pay-refused-unfitness-undisputed-no-ask-the-opinion-too",
        Role.EMPLOYEE,
        {"wage": Wage.REFUSED, "unfitness_disputed": False, "pregnancy_related": True},
        "wage_urgent_steps_opinion_asked",
        "wage_urgent_steps",
    ),
    (
        "BW7:629a-lid2-advisor-pay-refused-kort-geding-today",
        Role.ADVISOR,
        {"wage": Wage.REFUSED, "unfitness_disputed": False, "talked": True},
        "wage_urgent_steps_opinion_asked",
        "wage_urgent_steps",
    ),
    (
        "BW7:629a-lid1-pay-stopped-over-fitness-still-asks-the-opinion",
        Role.EMPLOYEE,
        {"wage": Wage.STOPPED, "disputes": {Dispute.FITNESS_OWN_WORK}, "talked": True},
        "wage_urgent_steps",
        "wage_urgent_steps_opinion_asked",
    ),
    (
        "004§3-employer-opinion-says-efforts-short-repair-or-loonsanctie",
        Role.EMPLOYER,
        {
            "disputes": {Dispute.EMPLOYER_EFFORTS},
            "expert_opinion": ExpertOpinionState.AGAINST_REQUESTER,
            "talked": True,
        },
        "opinion_against_employer_repair",
        None,
    ),
    (
        "004§3-employer-opinion-on-work-in-company-short-repair",
        Role.EMPLOYER,
        {
            "disputes": {Dispute.SUITABLE_WORK_AVAILABLE},
            "expert_opinion": ExpertOpinionState.AGAINST_REQUESTER,
            "relationship": "broken",
        },
        "opinion_against_employer_repair",
        None,
    ),
    (
        "004§3-opinion-against-employee-no-employer-repair-text",
        Role.EMPLOYEE,
        {
            "disputes": {Dispute.EMPLOYER_EFFORTS},
            "expert_opinion": ExpertOpinionState.AGAINST_REQUESTER,
        },
        "opinion_not_binding",
        "opinion_against_employer_repair",
    ),
    (
        "BW7:629a-lid2-pay-refused-no-which-question-for-UWV",
        Role.EMPLOYEE,
        {
            "wage": Wage.REFUSED,
            "unfitness_disputed": False,
            "disputes": {Dispute.WAGE_STOPPED},
        },
        "pay_only_steps",
        "find_out_wage_reason",
    ),
    (
        "BW7:629-lid6-suspension-asks-the-rule-once",
        Role.EMPLOYEE,
        {"wage": Wage.WITHHELD, "disputes": {Dispute.WAGE_STOPPED}, "talked": True},
        "wage_suspended_steps",
        "find_out_wage_reason",
    ),
    (
        "BW7:629-lid3-stop-without-reason-still-asks-why",
        Role.EMPLOYEE,
        {"wage": Wage.STOPPED, "talked": True},
        "find_out_wage_reason",
        None,
    ),
]


@pytest.mark.parametrize(
    ("role", "situation", "fires", "silent"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_review_scenario(role, situation, fires, silent):
    advice = advise(make_case(role, **situation))
    assert fires in advice.fired_rules, advice.fired_rules
    if silent is not None:
        assert silent not in advice.fired_rules, advice.fired_rules


def test_pay_only_advice_never_tells_to_ask_the_expert_opinion():
    """The main reason says no expert opinion is needed (BW 7:629a lid 2); no step may say the
    opposite, and the expert opinion stays 'not advised'."""
    advice = advise(make_case(wage=Wage.REFUSED, unfitness_disputed=False))
    assert advice.primary.route is Route.LEGAL_ADVICE
    assert Route.EXPERT_OPINION in {r.route for r in advice.not_recommended}
    assert not [s for s in advice.next_steps if ASK_TOO in s.msgid], advice.next_steps
