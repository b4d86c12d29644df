"""One-page intake, live advice, hand-over to the member, import/export, login security."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from decision_aid.advisors.models import AdvisorCase
from tests.advisors.conftest import INTAKE, PASSWORD, client_for, make_advisor
from tests.journey import step_of

pytestmark = pytest.mark.django_db


def test_intake_saves_case_with_member_as_requester_and_advisor_as_contact(advisors, saved_case):
    ac = AdvisorCase.objects.get()
    case_file = ac.case.case_file
    assert case_file["role"] == "advisor"
    assert case_file["parties"]["employee"]["name"] == "Fatma Yılmaz"
    assert case_file["parties"]["advisor"]["name"] == "Sam"
    since = timezone.localdate() - timedelta(weeks=30)
    assert case_file["situation"]["sick_since"] == since.isoformat()
    assert ac.next_deadline is not None  # sorted by the next poortwachter deadline
    assert ac.member_name == "Fatma Yılmaz"
    assert b"Fatma" not in bytes(ac.member_name_enc)


def test_live_advice_fragment_and_no_js_update_button(advisors):
    client = client_for(advisors["a1"])
    fragment = client.post("/adviseur/advies/", INTAKE).content.decode()
    assert "<html" not in fragment
    assert "deskundigenoordeel" in fragment.lower()
    page = client.post("/adviseur/nieuw/", {**INTAKE, "preview": "1"}).content.decode()
    assert 'id="advice-panel"' in page and "deskundigenoordeel" in page.lower()
    assert not AdvisorCase.objects.exists()  # updating the advice does not save


def test_intake_errors_keep_what_was_typed(advisors):
    client = client_for(advisors["a1"])
    response = client.post("/adviseur/nieuw/", {**INTAKE, "sick_since": "31-02-2026", "save": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze datum bestaat niet" in html
    assert 'value="Fatma Yılmaz"' in html


def test_member_continues_alone_with_the_resume_code(advisors, saved_case):
    ac = AdvisorCase.objects.get()
    member = Client()
    page = member.post("/zaak/hervatten/", {"code": ac.case.resume_code}, follow=True)
    assert "/brief/" in page.request["PATH_INFO"]  # the draft is ready for the member
    review = member.get(f"/vragen/{saved_case}/review/", follow=True)
    assert step_of(review) == "review"


def test_reopen_and_change_an_answer(advisors, saved_case):
    client = client_for(advisors["a1"])
    form = client.get(f"/adviseur/zaken/{saved_case}/wijzigen/").content.decode()
    assert 'value="Fatma Yılmaz"' in form and 'value="FNV-2026-0042"' in form
    client.post(
        f"/adviseur/zaken/{saved_case}/wijzigen/",
        {**INTAKE, "wage": "stopped", "disputes": ["wage_stopped"], "save": "1"},
    )
    assert AdvisorCase.objects.get().case.case_file["situation"]["wage"] == "stopped"


def test_export_then_import_makes_an_equal_case(advisors, saved_case):
    client = client_for(advisors["a1"])
    exported = client.get(f"/adviseur/zaken/{saved_case}/export.json")
    assert exported["Content-Disposition"].startswith("attachment")
    upload = SimpleUploadedFile("zaak.json", exported.content)
    response = client.post("/adviseur/importeren/", {"case_file": upload, "reference": "kopie"})
    assert response.status_code == 302
    copy = AdvisorCase.objects.get(reference="kopie")
    assert copy.case.case_file["situation"] == json.loads(exported.content)["situation"]


def test_import_of_a_bad_file_is_a_message(advisors):
    client = client_for(advisors["a1"])
    bad = SimpleUploadedFile("zaak.json", b'{"version": 2}')
    response = client.post("/adviseur/importeren/", {"case_file": bad})
    assert response.status_code == 400


def test_two_factor_is_required_by_default(db, settings):
    from decision_aid.advisors.two_factor import new_setup_link

    settings.ADVISOR_REQUIRE_2FA = True
    advisor = make_advisor("t1", "FNV Utrecht")
    link = new_setup_link(advisor.user)  # what create_advisor prints
    client = Client()
    response = client.post("/adviseur/inloggen/", {"username": "t1", "password": PASSWORD})
    assert response["Location"] == "/adviseur/tweestaps/"
    assert client.get("/adviseur/")["Location"].startswith("/adviseur/tweestaps/")
    setup = client.get(link).content.decode()
    assert "data:image/svg+xml;base64," in setup
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=advisor.user)
    wrong = client.post(link, {"token": "000000"})
    assert wrong.status_code == 400
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down guessing
    device.throttle_reset()
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post(link, {"token": token}).status_code == 302
    assert client.get("/adviseur/").status_code == 200


def test_login_is_throttled_by_axes(db, no_2fa):
    make_advisor("t2", "FNV Utrecht")
    client = Client()
    for _ in range(5):
        client.post("/adviseur/inloggen/", {"username": "t2", "password": "fout"})
    locked = client.post("/adviseur/inloggen/", {"username": "t2", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Te veel pogingen" in locked.content.decode() or "Too many" in locked.content.decode()


def test_create_advisor_command(db, monkeypatch):
    # In-process, on the test database: a `manage.py` subprocess would write to the developer's
    # (or CI's) own database, and pass or fail by what an earlier run left there.
    from django.core.management import call_command

    monkeypatch.setenv("DJANGO_ADVISOR_PASSWORD", PASSWORD)
    call_command("create_advisor", "piet", organisation="FNV Oost", lead=True, name="Piet Bos")
    from decision_aid.advisors.models import Advisor

    piet = Advisor.objects.get(user__username="piet")
    assert piet.is_lead and piet.organisation.name == "FNV Oost"
    assert piet.user.check_password(PASSWORD)
