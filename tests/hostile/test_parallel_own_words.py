"""Found by the hostile review of 7 Dec 2026: the own words of a letter were written from the
case as the request had loaded it. Two tabs (the words for UWV in one, for the employer in the
other) or the wizard's new finish in another tab: the later save wrote its stale copy of the
case file back, and the words saved in between were lost."""

from __future__ import annotations

import pytest

from decision_aid.cases.models import Case
from decision_aid.cases.services import case_create, case_finish, case_set_own_words
from tests.documents.cases import case_file_for

pytestmark = pytest.mark.django_db


def _case() -> Case:
    case = case_create(language="nl")
    case_finish(case=case, case_file=case_file_for("mediation"))
    return case


def test_own_words_of_two_letters_saved_from_two_tabs_are_both_kept():
    case = _case()
    tab_a, tab_b = Case.objects.get(pk=case.pk), Case.objects.get(pk=case.pk)
    case_set_own_words(case=tab_a, kind="mediation", text="Sinds maart alleen per e-mail.")
    case_set_own_words(case=tab_b, kind="expert_opinion", text="Ik kan 4 uur per dag werken.")
    words = Case.objects.get(pk=case.pk).case_file["parties"]["own_words"]
    assert words == {
        "mediation": "Sinds maart alleen per e-mail.",
        "expert_opinion": "Ik kan 4 uur per dag werken.",
    }


def test_a_new_finish_of_the_wizard_in_another_tab_keeps_the_words_saved_meanwhile():
    case = _case()
    wizard_tab = Case.objects.get(pk=case.pk)  # loaded before the words were saved
    case_set_own_words(case=case, kind="mediation", text="Sinds maart alleen per e-mail.")
    case_finish(case=wizard_tab, case_file=case_file_for("mediation", talked=False))
    case_file = Case.objects.get(pk=case.pk).case_file
    assert case_file["parties"]["own_words"] == {"mediation": "Sinds maart alleen per e-mail."}
    assert case_file["situation"]["talked"] is False
