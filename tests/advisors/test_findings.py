"""The member and the advisor, each in their own room: one hostile test per finding."""

from __future__ import annotations

import io
import re

import pytest
from django.test import Client

from decision_aid.advisors.models import AdvisorCase, AuditEvent
from decision_aid.cases.models import Case
from tests.advisors.conftest import client_for
from tests.conftest import pdf_text
from tests.journey import PREFIX, current_case_id, walk

pytestmark = pytest.mark.django_db


def _share(member: Client, advisor_client: Client) -> str:
    case_id = current_case_id(member)
    page = member.post(f"/samen/{case_id}/code/", {"next": f"/vragen/{case_id}/"}, follow=True)
    code = re.search(
        r'class="share-code"><span aria-hidden="true">([A-Z0-9]{6})<', page.content.decode()
    )[1]
    assert advisor_client.post("/adviseur/samen/", {"code": code}).status_code == 302
    return case_id


@pytest.fixture
def shared(member, advisors):
    a1 = client_for(advisors["a1"])
    return member, a1, _share(member, a1)


def test_an_advisor_on_a_share_gets_no_resume_code_and_cannot_delete_or_post_the_members_pages(
    shared,
):
    member, a1, case_id = shared
    code = Case.objects.get(pk=case_id).resume_code
    response = a1.get(f"/zaak/{case_id}/hervatcode.txt")
    assert response.status_code == 404 and code not in response.content.decode()
    assert a1.post(f"/zaak/{case_id}/verwijderen/").status_code == 404
    assert Case.objects.filter(pk=case_id).exists()
    before = Case.objects.get(pk=case_id).wizard_state
    a1.post(
        f"/vragen/{case_id}/talked/",
        {f"{PREFIX}-current_step": "talked", "talked-talked": "no"},
    )
    assert Case.objects.get(pk=case_id).wizard_state == before
    assert (
        a1.post(f"/brief/{case_id}/bijlagen/", {"action": "text", "text": "x" * 40}).status_code
        == 404
    )
    # and no page the advisor can open shows it
    for url in (f"/adviseur/zaken/{case_id}/", f"/adviseur/zaken/{case_id}/samen/"):
        assert code not in a1.get(url).content.decode()


def test_a_lead_cannot_delete_a_case_the_member_kept_with_the_union(shared, advisors):
    member, _a1, case_id = shared
    member.post(f"/samen/{case_id}/houden/")
    lead = client_for(advisors["lead"])
    assert lead.post(f"/zaak/{case_id}/verwijderen/").status_code == 404
    assert lead.get(f"/zaak/{case_id}/hervatcode.txt").status_code == 404
    assert Case.objects.filter(pk=case_id).exists()


def test_the_advisor_gets_the_letter_from_the_case_page_in_one_step(shared):
    """A shared case the member has not finished: the case page offers the PDF and the .docx
    made from the answers so far (it offered a PDF link that was a 404)."""
    _member, a1, case_id = shared
    page = a1.get(f"/adviseur/zaken/{case_id}/").content.decode()
    pdf_url = re.search(r'href="(/adviseur/zaken/[^"]+/pdf/)"', page)[1]
    docx_url = re.search(r'href="(/adviseur/zaken/[^"]+/word/)"', page)[1]
    pdf = a1.get(pdf_url)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Voorbereiding op een gesprek" in text  # the talk the answers so far lead to
    docx = a1.get(docx_url)
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert (
        AuditEvent.objects.filter(case_id=case_id, action=AuditEvent.Action.DOWNLOADED).count() == 2
    )


def test_call_notes_stay_notes_and_the_members_own_words_are_shown_to_the_member(shared):
    member, a1, case_id = shared
    live = f"/adviseur/zaken/{case_id}/samen/"
    page = a1.get(live).content.decode()
    assert "De eigen woorden van het lid, voor de brief" in page
    a1.post(live, {"note": "1", "text": "NOTITIE-ALLEEN-VOOR-DE-BOND"})
    base = re.search(r'name="base" value="([^"]*)"', page)[1].replace("&quot;", '"')
    values = {"base": base, "own_view": "EIGEN-WOORDEN-DOOR-ADVISEUR"}
    assert a1.post(live, values).status_code == 302
    own = member.get(f"/vragen/{case_id}/talked/", follow=True).content.decode()
    assert "Uw eigen woorden in de brief, getypt door uw adviseur" in own
    assert "EIGEN-WOORDEN-DOOR-ADVISEUR" in own
    pdf = a1.get(
        re.search(
            r'href="(/adviseur/zaken/[^"]+/pdf/)"',
            a1.get(f"/adviseur/zaken/{case_id}/").content.decode(),
        )[1]
    )
    assert "NOTITIE-ALLEEN-VOOR-DE-BOND" not in pdf_text(pdf.content)


def test_deleting_a_kept_case_says_what_happens_to_the_unions_copy_and_the_advisor_sees_it(
    shared, advisors
):
    member, a1, case_id = shared
    a1.post(f"/adviseur/zaken/{case_id}/samen/", {"note": "1", "text": "Belnotitie"})
    member.post(f"/samen/{case_id}/houden/")
    page = member.get(f"/zaak/{case_id}/verwijderen/").content.decode()
    assert "FNV Utrecht heeft uw zaak ook" in page
    assert "notities" in page and "worden ook verwijderd" in page
    member.post(f"/zaak/{case_id}/verwijderen/")
    assert not Case.objects.filter(pk=case_id).exists()
    assert not AdvisorCase.objects.filter(case_id=case_id).exists()
    event = AuditEvent.objects.get(case_id=case_id, action=AuditEvent.Action.MEMBER_DELETED)
    assert event.actor == advisors["a1"].user
    caseload = a1.get("/adviseur/").content.decode()
    assert "Verwijderd door het lid" in caseload


def test_together_with_my_advisor_on_the_details_page_keeps_what_was_typed(client, typical_answers):
    walk(client, typical_answers, stop_at="details")
    case_id = current_case_id(client)
    page = client.get(f"/vragen/{case_id}/details/").content.decode()
    assert 'form="wizard-form" name="share_action" value="start"' in page
    response = client.post(
        f"/vragen/{case_id}/details/",
        {
            f"{PREFIX}-current_step": "details",
            "details-own_view": "GETYPT-NIET-VERSTUURD",
            "share_action": "start",
        },
        follow=True,
    )
    html = response.content.decode()
    assert 'class="share-code"' in html  # the code is there
    assert "GETYPT-NIET-VERSTUURD" in html  # and the text is still in its box
    details = Case.objects.get(pk=case_id).wizard_state["step_data"]["details"]
    assert details["details-own_view"] == ["GETYPT-NIET-VERSTUURD"]


def test_the_session_ended_page_keeps_the_text_when_the_code_is_typed(typical_answers):
    first = Client()
    walk(first, typical_answers, stop_at="details")
    case_id = current_case_id(first)
    code = Case.objects.get(pk=case_id).resume_code
    fresh = Client()  # the session ended: this browser no longer holds the case
    page = fresh.post(
        f"/vragen/{case_id}/details/",
        {f"{PREFIX}-current_step": "details", "details-own_view": "WAT-U-NET-TYPTE"},
    ).content.decode()
    assert "WAT-U-NET-TYPTE" in page
    form = page[page.index('name="code"') - 2000 : page.index('name="code"')]
    action = re.findall(r'<form method="post" action="([^"]+)"', form)[-1]
    hidden = dict(re.findall(r'name="(typed_[a-z]+)" value="([^"]*)"', page)[:1])
    data = {"code": code}
    for name in ("typed_step", "typed_key", "typed_label", "typed_text"):
        data[name] = re.findall(rf'name="{name}" value="([^"]*)"', page)
    assert hidden
    response = fresh.post(action, data, follow=True)
    html = response.content.decode()
    assert response.request["PATH_INFO"].endswith("/details/")
    assert "WAT-U-NET-TYPTE" in html
    assert io


def test_the_second_step_is_checked_in_one_place_for_every_door(shared, advisors, settings):
    """Password only, the second step not done: no advisor page, no member page of the case,
    no admin (the check lived in three copies; now cases.access.second_factor_done)."""
    from django.contrib.auth import get_user_model

    _member, _a1, case_id = shared
    settings.ADVISOR_REQUIRE_2FA = True
    half = client_for(advisors["a1"])  # signed in with the password, no device verified
    assert "/tweestaps/" in half.get(f"/adviseur/zaken/{case_id}/")["Location"]
    assert half.get(f"/adviseur/zaken/{case_id}/pdf/").status_code == 302
    assert half.get(f"/brief/{case_id}/bijlagen/").status_code == 404
    staff = get_user_model().objects.create_user("beheer", password="x", is_staff=True)
    admin = Client()
    admin.force_login(staff)
    assert "/beheer/login/" in admin.get("/beheer/")["Location"]
