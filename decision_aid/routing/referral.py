"""Who gives legal help, in one place: the referral rules (rules.py, ``refer_*``) and the
legal-advice letter's addressee (documents.presenter) both ask here, so the order union ->
legal-expenses insurer -> Juridisch Loket (an employer: its own legal advisor) and the
Juridisch Loket's phone number cannot drift apart. Sources: 002 (vakbond, rechtsbijstand,
juridisch loket), domain §7 [J], [AC]."""

from __future__ import annotations

from enum import StrEnum

# The Juridisch Loket's number (002 juridisch loket; costs.py names its call charge).
JURIDISCH_LOKET_PHONE = "0900-8020"


class LegalHelper(StrEnum):
    UNION_LEGAL = "union_legal"  # the union's own advisor hands the member's case on
    UNION = "union"
    INSURER = "insurer"
    EMPLOYER_ADVISOR = "employer_advisor"
    JURIDISCH_LOKET = "juridisch_loket"


def legal_helper(
    *, role: str, union_member: bool | None, legal_insurance: bool | None
) -> LegalHelper:
    """The first place to go for legal help for this requester."""
    if role == "advisor":
        return LegalHelper.UNION_LEGAL
    if role != "employer" and union_member is True:
        return LegalHelper.UNION
    if legal_insurance is True:
        return LegalHelper.INSURER
    if role == "employer":
        return LegalHelper.EMPLOYER_ADVISOR
    return LegalHelper.JURIDISCH_LOKET
