"""Nothing is lost, nothing is kept too long: resume, two tabs, timeout, delete, purge, secrecy."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from decision_aid.cases.models import Case
from decision_aid.cases.services import (
    RESUME_ALPHABET,
    RESUME_ENTROPY_BITS,
    resume_code_new,
    resume_code_normalize,
)
from tests.journey import add_attachment, post_step, step_of, step_url, walk

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _pdf(make_pdf, pages=1):
    return SimpleUploadedFile("advies.pdf", make_pdf(pages=pages), content_type="application/pdf")


def test_resume_code_is_readable_and_has_at_least_50_bits():
    code = resume_code_new()
    assert len(code) == 14 and code.count("-") == 2
    assert set(code.replace("-", "")) <= set(RESUME_ALPHABET)
    assert not set("ILOU") & set(code)
    assert RESUME_ENTROPY_BITS >= 50
    assert resume_code_normalize(code.lower().replace("-", " ")) == code
    assert resume_code_normalize("k7qm-4rtx-9zpo") == "K7QM-4RTX-9ZP0"  # O read as 0


def test_answers_are_saved_on_the_server_at_every_step(client, typical_answers):
    walk(client, typical_answers, stop_at="disputes")
    case = Case.objects.get()
    stored = case.wizard_state["step_data"]
    assert stored["employment"] == {"employment-employment": ["permanent"]}
    assert "sick_since" in stored
    # nothing but the answers: no CSRF token or management form in the stored pages
    assert not any("csrf" in key for page in stored.values() for key in page)


def test_resume_with_the_code_on_a_new_device(client, typical_answers):
    walk(client, typical_answers, stop_at="talked")
    code = Case.objects.get().resume_code
    other = Client()  # another browser: no session
    page = other.post("/zaak/hervatten/", {"code": code.lower()}, follow=True)
    assert step_of(page) == "talked"
    # everything answered before is there
    review = other.get(step_url(other, "sick_since"))
    assert 'value="' in review.content.decode()
    assert Case.objects.count() == 1


def test_timed_out_session_loses_nothing(client, typical_answers):
    walk(client, typical_answers, stop_at="details")
    case = Case.objects.get()
    url = step_url(client, "details")
    client.session.flush()  # what a session timeout does
    client.cookies.clear()
    page = client.get(url, follow=True)
    assert "/zaak/hervatten/" in page.request["PATH_INFO"]
    assert "Uw sessie is afgelopen" in page.content.decode()
    client.post("/zaak/hervatten/", {"code": case.resume_code})
    review = client.get(step_url(client, "review")).content.decode()
    assert "Of er passend werk is in het bedrijf" in review


def test_the_resume_code_file_holds_the_code_a_working_link_and_the_deletion_day(
    client, typical_answers
):
    """The "save your code" download: a text file (never shown inline) with the code, a link
    that opens the resume page with the code filled in, and the day the answers go, in
    Dutch; only for the person whose case it is."""
    walk(client, typical_answers, stop_at="talked")
    case = Case.objects.get()
    url = f"/zaak/{case.id}/hervatcode.txt"

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="hervatcode.txt"'
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert f"Uw hervatcode: {case.resume_code}\n" in text
    assert f"verwijderd op {timezone.localtime(case.expires_at):%d-%m-%Y}" in text
    link = next(line for line in text.splitlines() if line.startswith("Link: "))[6:]
    assert link == f"http://testserver/zaak/hervatten/?code={case.resume_code}"
    other = Client()  # the link on another device: the code is in the box, ready to send
    page = other.get(link.removeprefix("http://testserver")).content.decode()
    assert f'value="{case.resume_code}"' in page
    assert step_of(other.post("/zaak/hervatten/", {"code": case.resume_code}, follow=True)) == (
        "talked"
    )
    assert Client().get(url).status_code == 404  # nobody else gets the code


def test_the_resume_code_file_gives_the_deletion_day_of_amsterdam(client, typical_answers):
    """Stored at 23:30 UTC on 30 December, the answers go on 31 December in Amsterdam (00:30):
    the file said 30-12 (the UTC day), a day too early."""
    walk(client, typical_answers, stop_at="talked")
    case = Case.objects.get()
    Case.objects.filter(pk=case.pk).update(expires_at=datetime(2026, 12, 30, 23, 30, tzinfo=UTC))
    text = client.get(f"/zaak/{case.id}/hervatcode.txt").content.decode()
    assert "verwijderd op 30-12-2026" not in text
    assert "verwijderd op 31-12-2026" in text


def test_wrong_codes_are_throttled_per_client(client):
    for _ in range(5):
        response = client.post("/zaak/hervatten/", {"code": "AAAA-BBBB-CCCC"})
        assert response.status_code == 400
        assert "Deze code klopt niet" in response.content.decode()
    blocked = client.post("/zaak/hervatten/", {"code": "AAAA-BBBB-CCCC"})
    assert blocked.status_code == 429
    assert "Te vaak een verkeerde code" in blocked.content.decode()


def test_even_the_right_code_waits_once_throttled(client, typical_answers):
    walk(client, typical_answers, stop_at="talked")
    code = Case.objects.get().resume_code
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        stranger.post("/zaak/hervatten/", {"code": "AAAA-BBBB-CCCC"})
    assert stranger.post("/zaak/hervatten/", {"code": code}).status_code == 429
    # another client is not blocked by the stranger's attempts
    assert (
        Client(REMOTE_ADDR="198.51.100.7").post("/zaak/hervatten/", {"code": code}).status_code
        == 302
    )


def test_overall_throttle_slows_every_client_but_locks_out_no_right_code(
    client, settings, typical_answers
):
    walk(client, typical_answers, stop_at="talked")
    code = Case.objects.get().resume_code
    settings.RESUME_RATE_OVERALL = "3/h"
    settings.RESUME_RATE_PER_CLIENT_UNDER_ATTACK = "1/h"
    for n in range(3):
        Client(REMOTE_ADDR=f"192.0.2.{n}").post("/zaak/hervatten/", {"code": "AAAA-BBBB-CCCC"})
    # Under attack: a new client gets one try, not the usual five.
    guesser = Client(REMOTE_ADDR="192.0.2.99")
    assert guesser.post("/zaak/hervatten/", {"code": "AAAA-BBBB-CCCC"}).status_code == 400
    assert guesser.post("/zaak/hervatten/", {"code": "AAAA-BBBB-CCCC"}).status_code == 429
    # A person with the right code is never locked out by the others' guesses.
    owner = Client(REMOTE_ADDR="198.51.100.20")
    assert owner.post("/zaak/hervatten/", {"code": code}).status_code == 302


def test_two_tabs_with_two_cases_never_mix(client, typical_answers):
    walk(client, typical_answers, stop_at="disputes")
    first = client.session["cases"][-1]
    # a second tab starts a new case in the same browser
    client.get("/vragen/")
    post_step_new = client.post(
        "/vragen/", {"intake_wizard-current_step": "role", "role-role": "employer"}, follow=True
    )
    second = client.session["cases"][-1]
    assert second != first and step_of(post_step_new) == "employment"
    # answering in tab 1 does not touch tab 2
    response = client.post(
        f"/vragen/{first}/disputes/",
        {"intake_wizard-current_step": "disputes", "disputes-disputes": ["wage_stopped"]},
        follow=True,
    )
    assert step_of(response) == "first_opinion"
    a, b = Case.objects.get(pk=first), Case.objects.get(pk=second)
    assert a.wizard_state["step_data"]["role"]["role-role"] == ["employee"]
    assert b.wizard_state["step_data"]["role"]["role-role"] == ["employer"]
    assert "disputes" not in b.wizard_state["step_data"]


def test_delete_everything_removes_rows_and_files(client, typical_answers, make_pdf, settings):
    page = walk(client, typical_answers)
    add_attachment(client, page, _pdf(make_pdf))
    case = Case.objects.get()
    path = Path(case.attachments.get().file.path)
    assert path.exists()
    confirm = client.get(f"/zaak/{case.id}/verwijderen/")
    assert "Alles verwijderen?" in confirm.content.decode()
    done = client.post(f"/zaak/{case.id}/verwijderen/")
    assert "Alles is verwijderd" in done.content.decode()
    assert not Case.objects.exists()
    assert not path.exists()
    assert client.get(f"/brief/{case.id}/").status_code == 404


def test_purge_removes_only_the_expired(client, typical_answers, make_pdf):
    page = walk(client, typical_answers)
    add_attachment(client, page, _pdf(make_pdf))
    old = Case.objects.get()
    old_file = Path(old.attachments.get().file.path)
    Case.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    fresh_client = Client()
    walk(fresh_client, typical_answers, stop_at="details")
    call_command("purge_expired")
    call_command("purge_expired")  # idempotent
    assert list(Case.objects.values_list("pk", flat=True)) != [old.pk]
    assert Case.objects.count() == 1
    assert not old_file.exists()


def test_expiry_moves_with_every_save(client, typical_answers, settings):
    walk(client, typical_answers, stop_at="disputes")
    expires = Case.objects.get().expires_at
    assert timedelta(days=29) < expires - timezone.now() <= timedelta(days=30)


def test_stored_upload_and_answers_are_not_readable_without_the_key(
    client, typical_answers, make_pdf, settings
):
    page = walk(client, typical_answers)
    add_attachment(client, page, _pdf(make_pdf))
    case = Case.objects.get()
    raw = Path(case.attachments.get().file.path).read_bytes()
    assert not raw.startswith(b"%PDF") and b"EERSTE OORDEEL" not in raw
    assert b"Anouk" not in bytes(case.case_file_enc)
    assert b"Anouk" not in bytes(case.wizard_state_enc)
    assert case.attachments.get().read_pdf().startswith(b"%PDF")
    from cryptography.fernet import Fernet

    from decision_aid.cases import crypto

    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(crypto.InvalidToken):
        case.attachments.get().read_pdf()


def test_upload_is_served_only_to_its_owner_as_attachment(client, typical_answers, make_pdf):
    page = walk(client, typical_answers)
    add_attachment(client, page, _pdf(make_pdf))
    case = Case.objects.get()
    url = f"/zaak/{case.id}/bijlage/{case.attachments.get().pk}/"
    own = client.get(url)
    assert own.status_code == 200
    assert own["Content-Disposition"].startswith("attachment")
    assert own["X-Content-Type-Options"] == "nosniff"
    assert Client().get(url).status_code == 404
    # another case's owner cannot reach it either
    other = Client()
    walk(other, typical_answers, stop_at="disputes")
    assert other.get(url).status_code == 404
    other_case = other.session["cases"][-1]
    assert other.get(f"/zaak/{other_case}/bijlage/{case.attachments.get().pk}/").status_code == 404


def test_case_file_download_and_upload_continue_the_case(client, typical_answers):
    walk(client, typical_answers)
    case = Case.objects.get()
    download = client.get(f"/zaak/{case.id}/antwoorden.json")
    assert download["Content-Disposition"].startswith("attachment")
    other = Client()
    upload = SimpleUploadedFile(
        "antwoorden.json", download.content, content_type="application/json"
    )
    page = other.post("/zaak/hervatten/", {"action": "upload", "case_file": upload}, follow=True)
    assert step_of(page) == "review"
    post_step(other, "review", {})
    post_step(other, "advice", {})
    details = other.get(step_url(other, "details")).content.decode()
    assert "Anouk de Vries-Çelik" in details
    assert "Bakkerij Brood &amp; Zo B.V." in details


def test_a_bad_case_file_gets_a_message_not_a_500(client):
    bad = SimpleUploadedFile("x.json", b'{"version": 1, "role": "boss"}')
    response = client.post("/zaak/hervatten/", {"action": "upload", "case_file": bad})
    assert response.status_code == 400
    assert "Dit is geen geldig antwoordenbestand" in response.content.decode()


def test_headers_and_cookies(client, typical_answers):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    walk(client, typical_answers, stop_at="disputes")
    assert set(client.cookies) <= {"sessionid", "csrftoken", "django_language"}
    assert client.cookies["sessionid"]["httponly"]
    assert client.cookies["sessionid"]["samesite"] == "Lax"


def test_logs_never_hold_answer_content(client, typical_answers, caplog, capfd, make_pdf):
    """The web process's log records and everything the upload/render helper and its children
    write (their own process: caplog cannot see them, the captured stderr can)."""
    import os

    from decision_aid.documents import sandbox

    caplog.set_level(logging.DEBUG)
    if sandbox._helper_now is not None:
        sandbox._helper_now.stop()  # started again below, writing into this test's capture
    page = walk(client, typical_answers)
    bad = SimpleUploadedFile("x.pdf", b"%PDF-1.7 broken", content_type="application/pdf")
    add_attachment(client, page, bad)
    add_attachment(client, page, SimpleUploadedFile("advies.pdf", make_pdf(pages=1)))
    client.get("/vragen/00000000-0000-0000-0000-000000000000/role/")
    helper = sandbox._helper()
    assert os.readlink(f"/proc/{helper.process.pid}/fd/2") == os.readlink("/proc/self/fd/2")
    captured = capfd.readouterr()
    text = caplog.text + captured.out + captured.err
    for secret in ("Anouk", "Bakkerij", "Lindelaan", "passend werk"):
        assert secret not in text


def _session_row(client):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=client.session.session_key)


def test_idle_session_end_slides_without_a_write_per_request(client, typical_answers, settings):
    """The session still ends 2 hours after the last request (give or take the one-minute
    refresh), but pages within the minute do not write the session row again."""
    walk(client, typical_answers, stop_at="talked")
    row = _session_row(client)
    assert timedelta(hours=1, minutes=58) < row.expire_date - timezone.now() <= timedelta(hours=2)
    client.get(step_url(client, "talked"))
    assert _session_row(client).expire_date == row.expire_date  # within the minute: no write

    # More than a minute later (the refresh mark moved back): the next page slides the end.
    session = client.session
    session["_refreshed"] -= settings.SESSION_REFRESH_SECONDS + 1
    session.save()
    from django.contrib.sessions.models import Session

    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() + timedelta(minutes=30)
    )
    response = client.get(step_url(client, "talked"))
    assert response.status_code == 200
    assert _session_row(client).expire_date - timezone.now() > timedelta(hours=1, minutes=58)


def test_timeout_warning_counts_from_the_last_refresh(client, typical_answers, settings):
    walk(client, typical_answers, stop_at="talked")
    session = client.session
    session["_refreshed"] -= 50  # refreshed 50 s ago: not yet written again
    session.save()
    response = client.get(step_url(client, "talked"))
    seconds = response.context["session_seconds"]
    assert settings.SESSION_COOKIE_AGE - 52 <= seconds <= settings.SESSION_COOKIE_AGE - 50


def test_a_visitor_without_a_session_gets_no_session(client):
    client.get("/")
    client.get("/vragen/")
    assert "sessionid" not in client.cookies or not client.cookies["sessionid"].value
