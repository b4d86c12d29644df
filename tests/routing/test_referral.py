"""Who gives legal help has one home (routing.referral): the order union -> legal-expenses
insurer -> Juridisch Loket, an employer's own advisor, and the union's advisor handing the
member's case on. The legal-advice letter is addressed by the same function."""

from __future__ import annotations

import pytest

from decision_aid.routing.referral import JURIDISCH_LOKET_PHONE, LegalHelper, legal_helper

CASES = [
    ("employee", True, True, LegalHelper.UNION),  # 002 vakbond, domain §7 [J]
    ("employee", True, None, LegalHelper.UNION),
    ("employee", False, True, LegalHelper.INSURER),  # 002 rechtsbijstand
    ("employee", None, None, LegalHelper.JURIDISCH_LOKET),  # 002 juridisch loket, §7 [AC]
    ("employer", True, True, LegalHelper.INSURER),  # an employer has no union of its own here
    ("employer", None, False, LegalHelper.EMPLOYER_ADVISOR),
    ("advisor", True, True, LegalHelper.UNION_LEGAL),  # never a letter to "De vakbond"
]


@pytest.mark.parametrize(("role", "union", "insured", "expected"), CASES)
def test_the_first_legal_helper(role, union, insured, expected):
    assert legal_helper(role=role, union_member=union, legal_insurance=insured) is expected


@pytest.mark.parametrize(
    ("role", "situation", "addressee"),
    [
        ("employee", {"union_member": True}, "De vakbond"),
        ("employee", {"legal_insurance": True}, "De rechtsbijstandsverzekering"),
        ("employee", {}, f"Het Juridisch Loket ({JURIDISCH_LOKET_PHONE}"),
        ("advisor", {"union_member": True}, "juridische dienst of advocaat van de vakbond"),
    ],
)
def test_the_legal_advice_letter_goes_to_that_helper(role, situation, addressee):
    from django.utils import translation

    from decision_aid.letters.kinds.legal_advice import addressee as _legal_addressee

    with translation.override("nl"):
        assert addressee.lower() in _legal_addressee(situation, role).lower()
