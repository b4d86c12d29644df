"""Cost and duration of each route, as data to check and update once a year.

``CHECKED`` is the day the amounts were last looked up against the sources in domain.md §9
(shown beside every amount); each entry has the year its amount is valid for. On 2026-12-07
UWV's own page for employers [B] still named €400 per request; no source with a newer amount
for either side, nor for the 2025/2026 griffierecht or toevoeging, was found, so the amounts and
their years stay as domain.md states them. Amounts live in ``params`` so a yearly update
does not change any msgid (and so needs no new translation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from .advice import CostItem, Requester, Route, Text
from .i18n import gettext_noop
from .referral import JURIDISCH_LOKET_PHONE

CHECKED = date(2026, 12, 7)


@dataclass(frozen=True)
class CostEntry:
    route: Route
    item: str
    amount: str
    sources: tuple[str, ...]
    valid_for: int
    requester: Requester | None = None  # None: applies to both sides
    cao_expert: bool | None = None  # None: applies whatever the CAO says
    params: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    @property
    def fee(self) -> bool:
        """An amount of money (shown with the year it is from)."""
        return "€" in self.amount

    def to_item(self) -> CostItem:
        return CostItem(
            item=Text(self.item),
            amount=Text(self.amount, self.params),
            sources=self.sources,
            valid_for=self.valid_for,
            fee=self.fee,
            checked=CHECKED.strftime("%d-%m-%Y"),
        )


def _p(**values: str | int) -> MappingProxyType:
    return MappingProxyType(values)


E, R = Requester.EMPLOYEE, Requester.EMPLOYER

COSTS: tuple[CostEntry, ...] = (
    # --- expert opinion (deskundigenoordeel) ------------------------------------------------
    CostEntry(
        Route.EXPERT_OPINION,
        gettext_noop("Fee for an expert opinion from UWV, per question"),
        gettext_noop("€%(amount)s, paid by the person who asks"),
        ("domain §3 [D]", "001 kosten", "000 kosten"),
        2024,
        requester=E,
        cao_expert=False,
        params=_p(amount=100),
    ),
    CostEntry(
        Route.EXPERT_OPINION,
        gettext_noop("Fee for an expert opinion from UWV, per question"),
        gettext_noop(
            "€%(amount)s, paid after you receive the opinion; free when you need it for a "
            "dismissal request (for example when the employee does not cooperate)"
        ),
        ("domain §3 [D]", "domain §3 [C]"),
        2024,
        requester=R,
        cao_expert=False,
        params=_p(amount=400),
    ),
    CostEntry(
        Route.EXPERT_OPINION,
        gettext_noop("Expert named in your CAO"),
        gettext_noop("Check the CAO (collective labour agreement) for the cost"),
        ("001 cao", "004 §10"),
        2024,
        cao_expert=True,
    ),
    CostEntry(
        Route.EXPERT_OPINION,
        gettext_noop("How long it takes"),
        gettext_noop(
            "UWV says %(low)s to %(high)s weeks; in practice it often takes %(plow)s to "
            "%(phigh)s weeks, and UWV has a backlog (urgent cases go first). Plan every "
            "deadline on %(phigh)s weeks."
        ),
        ("domain §3 [B]", "domain §3 [I]", "domain §3 [H]"),
        2024,
        cao_expert=False,
        params=_p(low=2, high=4, plow=4, phigh=8),
    ),
    CostEntry(
        Route.EXPERT_OPINION,
        gettext_noop("How long it takes"),
        gettext_noop("Ask the expert named in your CAO; the CAO may say how long it takes"),
        ("001 cao", "BW 7:629a lid 7"),
        2024,
        cao_expert=True,
    ),
    # --- second opinion ---------------------------------------------------------------------
    CostEntry(
        Route.SECOND_OPINION,
        gettext_noop(
            "Second opinion by a bedrijfsarts named in the contract with the health service"
        ),
        gettext_noop("Paid by the employer; the bill goes through your own bedrijfsarts"),
        ("domain §4 [R]", "003 factuur"),
        2024,
    ),
    CostEntry(
        Route.SECOND_OPINION,
        gettext_noop("Second opinion by another bedrijfsarts you choose"),
        gettext_noop("You pay, unless your employer agrees to pay"),
        ("domain §4 [R]",),
        2024,
    ),
    # --- mediation --------------------------------------------------------------------------
    CostEntry(
        Route.MEDIATION,
        gettext_noop("Mediator"),
        gettext_noop("Usually paid by the employer; mediation is not required by law"),
        ("domain §2 [AK]",),
        2024,
    ),
    CostEntry(
        Route.MEDIATION,
        gettext_noop("How long it takes"),
        gettext_noop(
            "In a conflict at work, guidelines advise a short first period of 1 to 2 weeks"
        ),
        ("domain §2 [AM]",),
        2024,
    ),
    # --- legal advice -----------------------------------------------------------------------
    CostEntry(
        Route.LEGAL_ADVICE,
        gettext_noop("Juridisch Loket (free legal advice office)"),
        gettext_noop(
            "Advice is free; calling %(phone)s costs %(cents)s cents per minute; an e-mail answer "
            "comes within 5 working days"
        ),
        ("domain §7 [AC]", "002 juridisch loket"),
        2024,
        requester=E,
        params=_p(phone=JURIDISCH_LOKET_PHONE, cents=25),
    ),
    CostEntry(
        Route.LEGAL_ADVICE,
        gettext_noop("Union"),
        gettext_noop(
            "Members get help; some unions charge for a case that started before you joined (for "
            "example €%(rate)s per hour)"
        ),
        ("002 vakbond", "domain §7 [AO]"),
        2024,
        requester=E,
        params=_p(rate=90),
    ),
    CostEntry(
        Route.LEGAL_ADVICE,
        gettext_noop("Lawyer paid in part by the state (toevoeging)"),
        gettext_noop(
            "Own contribution €%(low)s to €%(high)s, depending on income; not available above a "
            "certain income"
        ),
        ("domain §7 [AE]",),
        2023,
        requester=E,
        params=_p(low=218, high=918),
    ),
    CostEntry(
        Route.LEGAL_ADVICE,
        gettext_noop("Legal-expenses insurance"),
        gettext_noop("Covered by your policy; check the conditions"),
        ("002 rechtsbijstand",),
        2024,
    ),
    # --- court ------------------------------------------------------------------------------
    CostEntry(
        Route.COURT,
        gettext_noop("Court fee (griffierecht) for a private person"),
        gettext_noop(
            "€%(small)s for a claim up to €500 or of unknown value; €%(mid)s up to €1,500; "
            "€%(large)s up to €12,500; €%(top)s above that; €%(small)s with a low income"
        ),
        ("domain §7 [AG]",),
        2024,
        requester=E,
        params=_p(small=87, mid=218, large=248, top=706),
    ),
    CostEntry(
        Route.COURT,
        gettext_noop("Lawyer"),
        gettext_noop("Not required at the kantonrechter, but legal help first is strongly advised"),
        ("domain §7 [AF]", "002 kantonrechter"),
        2024,
    ),
)


def costs_for(route: Route, requester: Requester, cao_expert: bool | None) -> tuple[CostItem, ...]:
    """Cost items for one route, for this requester; an unknown CAO counts as 'UWV'."""
    uses_cao = cao_expert is True
    return tuple(
        c.to_item()
        for c in COSTS
        if c.route is route
        and c.requester in (None, requester)
        and (c.cao_expert is None or c.cao_expert is uses_cao)
    )
