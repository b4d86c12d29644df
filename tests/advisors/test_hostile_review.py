"""Found by the hostile review of 7 Dec 2026: the union's "Delete" and "Change answers" on a
case that is the member's (kept with the union, or shared live) must never delete or rebuild
it, also when the member asked for a new share code, or when the member's share goes live
between the advisor's click and the deletion."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from decision_aid.advisors.models import AdvisorCase
from decision_aid.advisors.signed_in import AdvisorView
from decision_aid.cases.access import Action
from decision_aid.cases.models import Case
from tests.advisors.conftest import INTAKE, client_for
from tests.journey import current_case_id

pytestmark = pytest.mark.django_db


def _share_code(member: Client, case_id: object) -> str:
    response = member.post(f"/samen/{case_id}/code/", {"next": f"/vragen/{case_id}/"}, follow=True)
    match = re.search(
        r'class="share-code"><span aria-hidden="true">([A-Z0-9]{6})<', response.content.decode()
    )
    assert match, "the member sees the code"
    return match[1]


def test_a_kept_case_with_a_new_code_waiting_stays_the_members(member, advisors):
    """The member kept the case with the union, then asked for a new code to share again. The
    waiting code made the case look like the union's own intake: the advisor's "Change
    answers" rebuilt the member's answers and "Delete" deleted the member's own case."""
    a1 = client_for(advisors["a1"])
    case_id = current_case_id(member)
    assert a1.post("/adviseur/samen/", {"code": _share_code(member, case_id)}).status_code == 302
    member.post(f"/samen/{case_id}/houden/")
    _share_code(member, case_id)  # nobody typed it yet
    before = Case.objects.get(pk=case_id).wizard_state

    rebuilt = a1.post(f"/adviseur/zaken/{case_id}/wijzigen/", {**INTAKE, "save": "1"})
    assert rebuilt.status_code in (400, 409)
    assert Case.objects.get(pk=case_id).wizard_state == before

    assert a1.post(f"/adviseur/zaken/{case_id}/verwijderen/").status_code == 302
    assert Case.objects.filter(pk=case_id).exists()  # the union let go, the case stays
    assert not AdvisorCase.objects.filter(case_id=case_id).exists()
    assert member.get(f"/vragen/{case_id}/talked/").status_code == 200


def test_a_share_going_live_during_the_advisors_delete_keeps_the_members_case(
    advisors, saved_case, monkeypatch
):
    """The union's own intake, resumed by the member, who asks for a share code. The advisor
    presses "Delete" while the lead opens the member's code: the check saw a waiting code, the
    deletion then removed a case the member shared live. Now the state is read again under the
    case's row lock: 409, nothing deleted."""
    a1, lead = client_for(advisors["a1"]), client_for(advisors["lead"])
    member = Client()
    resume = AdvisorCase.objects.get().case.resume_code
    assert member.post("/zaak/hervatten/", {"code": resume}).status_code == 302
    code = _share_code(member, saved_case)
    allows = AdvisorView.allows

    def allows_then_the_share_opens(self, advisor_case, action):
        allowed = allows(self, advisor_case, action)
        if action == Action.REMOVE:
            assert lead.post("/adviseur/samen/", {"code": code}).status_code == 302
        return allowed

    monkeypatch.setattr(AdvisorView, "allows", allows_then_the_share_opens)
    response = a1.post(f"/adviseur/zaken/{saved_case}/verwijderen/")
    assert response.status_code == 409
    assert Case.objects.get(pk=saved_case).sharing == "live"
    assert member.get(f"/vragen/{saved_case}/").status_code in (200, 302)


def test_the_advisors_letter_of_a_kept_case_follows_the_call_also_with_a_new_code_waiting(
    typical_answers, advisors
):
    """The union's letter of a kept case is made from the answers as the call left them. With a
    new share code waiting it was made from the case file the member had saved before the call
    (the answers changed on the call were missing from it), and without the advisor as the
    contact person."""
    from decision_aid.advisors import letters
    from tests.journey import walk

    member = Client(REMOTE_ADDR="198.51.100.31")
    walk(member, typical_answers)  # finished: a saved case file, the pay not in dispute
    case_id = current_case_id(member)
    a1 = client_for(advisors["a1"])
    assert a1.post("/adviseur/samen/", {"code": _share_code(member, case_id)}).status_code == 302
    payload = a1.get(f"/adviseur/zaken/{case_id}/samen/?format=json").json()
    data = {"base": payload["base"], **payload["values"], "wage": "stopped", "format": "json"}
    data.update({"unfitness_disputed": "no", "pregnancy_related": "no"})
    assert a1.post(f"/adviseur/zaken/{case_id}/samen/", data).status_code == 200
    member.post(f"/samen/{case_id}/houden/")
    kept = [doc["slug"] for doc in letters.letters(Case.objects.get(pk=case_id))]
    assert "wage_protest" in kept  # the call's answer: the pay stopped

    _share_code(member, case_id)  # the member asks for a new code; nobody typed it yet
    waiting = [doc["slug"] for doc in letters.letters(Case.objects.get(pk=case_id))]
    assert waiting == kept
