"""Cost and duration of the recommended step, as yearly data (domain.md §3, §4, §7, §9)."""

from __future__ import annotations

from decision_aid.content import get_source
from decision_aid.routing import advice_to_dict, advise
from decision_aid.routing.advice import Requester, Route
from decision_aid.routing.costs import CHECKED, COSTS, costs_for
from decision_aid.routing.facts import Dispute, ExpertOpinionState, Role, Wage

from .helpers import make_case


def _amounts(route: Route, requester: Requester, cao: bool | None = False) -> list[str]:
    return [c.amount.render() for c in costs_for(route, requester, cao)]


def test_expert_opinion_fee_by_requester() -> None:
    assert "€100, paid by the person who asks" in _amounts(Route.EXPERT_OPINION, Requester.EMPLOYEE)
    employer = " ".join(_amounts(Route.EXPERT_OPINION, Requester.EMPLOYER))
    assert "€400" in employer and "dismissal" in employer and "€100" not in employer


def test_expert_opinion_duration_as_the_sources_give_it() -> None:
    # domain §3 [B] (UWV: 2-4 weeks), [I] (4-8 weeks in practice), [H] (backlog): plan on 8.
    (duration,) = [a for a in _amounts(Route.EXPERT_OPINION, Requester.EMPLOYEE) if "weeks" in a]
    assert "UWV says 2 to 4 weeks" in duration
    assert "4 to 8 weeks" in duration and "backlog" in duration
    assert "Plan every deadline on 8 weeks" in duration
    cao = _amounts(Route.EXPERT_OPINION, Requester.EMPLOYEE, cao=True)
    assert not any("UWV" in a for a in cao)  # 7:629a lid 7: the CAO's expert, not UWV's times


def test_cao_expert_replaces_uwv_fee() -> None:
    amounts = _amounts(Route.EXPERT_OPINION, Requester.EMPLOYEE, cao=True)
    assert not any("€100" in a for a in amounts)
    assert any("CAO" in a for a in amounts)


def test_unknown_cao_counts_as_uwv() -> None:
    assert any("€100" in a for a in _amounts(Route.EXPERT_OPINION, Requester.EMPLOYEE, None))


def test_court_costs_include_griffierecht_and_legal_help() -> None:
    advice = advise(make_case(wage=Wage.STOPPED, expert_opinion=ExpertOpinionState.FOR_REQUESTER))
    data = advice_to_dict(advice)
    items = [c["item"] for c in data["costs"]]
    assert "Court fee (griffierecht) for a private person" in items
    assert "Juridisch Loket (free legal advice office)" in items
    assert any("€87" in c["amount"] and "€706" in c["amount"] for c in data["costs"])


def test_second_opinion_payer_rules() -> None:
    amounts = " ".join(_amounts(Route.SECOND_OPINION, Requester.EMPLOYEE))
    assert "Paid by the employer" in amounts and "unless your employer agrees" in amounts


def test_mediation_usually_paid_by_employer() -> None:
    assert any("paid by the employer" in a for a in _amounts(Route.MEDIATION, Requester.EMPLOYEE))


def test_juridisch_loket_tariff() -> None:
    text = " ".join(_amounts(Route.LEGAL_ADVICE, Requester.EMPLOYEE))
    assert "0900-8020" in text and "25 cents per minute" in text


def test_costs_shown_for_the_primary_route_only() -> None:
    advice = advise(make_case(disputes={Dispute.SUITABLE_WORK}))  # talk: no cost data
    assert advice.primary.route is Route.TALK and advice.costs == ()
    advice = advise(make_case(Role.EMPLOYER, disputes={Dispute.EMPLOYEE_EFFORTS}, talked=True))
    assert any("€400" in c.amount.render() for c in advice.costs)


def test_cost_data_is_dated_and_sourced() -> None:
    for entry in COSTS:
        assert entry.sources
        for source_id in entry.sources:
            get_source(source_id)
        assert 2023 <= entry.valid_for <= CHECKED.year


def test_a_fee_says_its_year_and_when_it_was_last_checked() -> None:
    """ "bedrag voor 2024" in December 2026 read as forgotten; the note now also says when the
    amount was last looked up (costs.CHECKED)."""
    advice = advise(make_case(Role.EMPLOYEE, disputes={Dispute.SUITABLE_WORK}, talked=True))
    fees = [c for c in advice_to_dict(advice)["costs"] if "€" in c["amount"]]
    assert fees
    for fee in fees:
        assert f"amount for {fee['year']}, last checked on 07-12-2026" in fee["text"], fee
        assert fee["checked"] == "07-12-2026"
