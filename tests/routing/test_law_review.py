"""Scenarios from a labour-law review (branch law-review): each failed before its fix.

Every test names the source passage the advice must follow (domain.md wins over other text).
"""

from __future__ import annotations

from decision_aid.routing import advise
from decision_aid.routing.advice import Route
from decision_aid.routing.facts import Dispute, ExpertOpinionState, Role, Wage

from .helpers import make_case


def _reasons(advice, route: Route) -> set[str]:
    for item in (advice.primary, *advice.alternatives, *advice.not_recommended):
        if item.route is route:
            return {r.rule for r in item.reasons}
    return set()


def _steps(advice) -> list[str]:
    return [step.msgid for step in advice.next_steps]


def test_pay_stopped_over_fitness_is_not_called_a_lid_3_sanction():
    """Employee still feels sick, the bedrijfsarts says she can do her own work, pay stopped.

    That stop rests on "fit for own work" (domain §3, first row: "Bedrijfsarts says fit,
    employee disagrees, pay stopped"), not on the lid-3 list of non-cooperation (domain §5).
    Telling her a stop "is only allowed when the employee does not cooperate" is wrong law.
    """
    for disputes in ({Dispute.FITNESS_OWN_WORK}, {Dispute.FITNESS_OWN_WORK, Dispute.WAGE_STOPPED}):
        advice = advise(make_case(disputes=disputes, wage=Wage.STOPPED, talked=True))
        assert advice.primary.route is Route.EXPERT_OPINION
        assert "wage_stop_explained" not in advice.fired_rules
        assert "wage_expert_first" in _reasons(advice, Route.EXPERT_OPINION)


def test_pay_stopped_for_refusing_work_still_explains_lid_3():
    advice = advise(make_case(disputes={Dispute.SUITABLE_WORK}, wage=Wage.STOPPED, talked=True))
    assert "wage_stop_explained" in advice.fired_rules


def test_employer_with_opinion_against_it_is_not_told_to_use_pay_as_a_lever():
    """Employer stopped pay over the employee's efforts; UWV's opinion says the employee did
    enough. A judge relies on that opinion (000: "zal een rechter eerder op het
    deskundigenoordeel vertrouwen"), so "withhold pay if the employee keeps refusing" and
    "ask for an expert opinion" are the wrong advice now."""
    advice = advise(
        make_case(
            Role.EMPLOYER,
            disputes={Dispute.EMPLOYEE_EFFORTS},
            wage=Wage.STOPPED,
            expert_opinion=ExpertOpinionState.AGAINST_REQUESTER,
            talked=True,
        )
    )
    assert "employer_pay_lever" not in advice.fired_rules
    assert "employer_addresses_employee" not in advice.fired_rules
    assert not any("use pay as a lever" in s for s in _steps(advice))


def test_employer_without_opinion_keeps_the_pay_lever():
    advice = advise(make_case(Role.EMPLOYER, disputes={Dispute.EMPLOYEE_EFFORTS}, talked=True))
    assert "employer_pay_lever" in advice.fired_rules
    assert "employer_addresses_employee" in advice.fired_rules


def test_employee_who_already_asked_the_opinion_is_not_told_to_ask_it():
    """Pay stopped, the expert opinion was asked (or came back against her): the next step
    must not say "Ask for the expert opinion at the same time" (one opinion per situation,
    domain §3 [E]: one DO per situation unless facts change)."""
    for state in (ExpertOpinionState.REQUESTED, ExpertOpinionState.AGAINST_REQUESTER):
        advice = advise(
            make_case(
                Role.ADVISOR,
                disputes={Dispute.SUITABLE_WORK},
                wage=Wage.STOPPED,
                expert_opinion=state,
                talked=True,
            )
        )
        assert not any("Ask for the expert opinion at the same time" in s for s in _steps(advice))
        # the kort-geding route is still named, today (domain §5 [M])
        assert "wage_urgent_court" in advice.fired_rules
        assert any("legal advisor today" in s for s in _steps(advice))


def test_employee_without_opinion_gets_the_urgent_steps():
    advice = advise(make_case(disputes={Dispute.SUITABLE_WORK}, wage=Wage.STOPPED, talked=True))
    assert "wage_urgent_steps" in advice.fired_rules
