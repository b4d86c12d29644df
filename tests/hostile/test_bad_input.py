"""Bad input that gave a 500: each now gets a clear message, and nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from decision_aid.cases.models import Case
from tests.documents.cases import case_file_for
from tests.journey import PREFIX, step_url, walk

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_remove_with_a_non_number_is_a_400_and_keeps_the_files(client, owned_case):
    case = owned_case(case_file_for("court"))
    url = f"/en/brief/{case.id}/bijlagen/"
    client.post(url, {"action": "text", "text": "Advies: 4 uur per dag."})
    assert case.attachments.count() == 1
    for bogus in ("abc", "1e9", "-1", "9" * 40, ""):
        response = client.post(url, {"remove": bogus})
        assert response.status_code in (302, 400, 404), bogus
    assert case.attachments.count() == 1


@pytest.mark.parametrize("bogus", ["klaar", "nonsense", "", "review", "x" * 300])
def test_a_bogus_current_step_posted_to_a_step_is_no_500(client, typical_answers, bogus):
    walk(client, typical_answers, stop_at="talked")
    case_id = client.session["cases"][-1]
    before = Case.objects.get(pk=case_id).wizard_state
    response = client.post(
        step_url(client, "talked"), {f"{PREFIX}-current_step": bogus, "talked-talked": "yes"}
    )
    assert response.status_code < 500
    after = Case.objects.get(pk=case_id).wizard_state
    assert after["step_data"]["role"] == before["step_data"]["role"]


def test_posting_to_the_done_step_is_no_500(client, typical_answers):
    walk(client, typical_answers, stop_at="talked")
    case_id = client.session["cases"][-1]
    response = client.post(
        f"/vragen/{case_id}/klaar/", {f"{PREFIX}-current_step": "klaar", "talked-talked": "yes"}
    )
    assert response.status_code < 500


def _deep(n: int) -> str:
    return '{"version": 1, "x": ' + "[" * n + "]" * n + "}"


def _case_json(**changes: object) -> str:
    data = case_file_for("court")
    data.update(changes)
    return json.dumps(data)


BAD_CASE_FILES = {
    "deep nesting": _deep(100_000),
    "5000-digit number": _case_json().replace('"version": 1', '"version": ' + "9" * 5000),
    "lone surrogate": _case_json().replace("Zo\\u00eb", "Zo\\ud800"),
    "year 9999": _case_json(as_of="9999-12-31").replace("2025-09-01", "9999-12-30"),
}


@pytest.mark.parametrize("name", list(BAD_CASE_FILES))
def test_a_hostile_case_file_import_is_a_message_and_the_case_stays_usable(name):
    browser = Client()
    upload = SimpleUploadedFile("antwoorden.json", BAD_CASE_FILES[name].encode())
    response = browser.post("/zaak/hervatten/", {"case_file": upload}, follow=True)
    assert response.status_code in (200, 400)
    for case in Case.objects.all():  # whatever was imported can be used and downloaded
        assert browser.get(f"/en/vragen/{case.id}/review/", follow=True).status_code == 200
        download = browser.get(f"/zaak/{case.id}/antwoorden.json")
        assert download.status_code in (200, 404)
        if download.status_code == 200:
            json.loads(download.content)


@pytest.mark.parametrize("reference", ["FNV\r\nSet-Cookie: x=1", 'a"; filename="evil.exe', "ü\n"])
def test_advisor_export_with_an_odd_reference_is_a_safe_download(reference, settings):
    from decision_aid.advisors.models import AdvisorCase
    from tests.advisors.conftest import client_for, make_advisor

    settings.ADVISOR_REQUIRE_2FA = False
    advisor = make_advisor("exp", "FNV Utrecht")
    client = client_for(advisor)
    from tests.advisors.conftest import INTAKE

    response = client.post("/adviseur/nieuw/", {**INTAKE, "reference": "R1", "save": "1"})
    assert response.status_code == 302, response.content.decode()[:500]
    advisor_case = AdvisorCase.objects.get()
    AdvisorCase.objects.filter(pk=advisor_case.pk).update(reference=reference)
    response = client.get(f"/adviseur/zaken/{advisor_case.case_id}/export.json")
    assert response.status_code == 200
    header = response["Content-Disposition"]
    assert "\n" not in header and "\r" not in header
    if 'filename="' in header:
        assert header.count('"') == 2  # one quoted file name, nothing injected after it
    else:
        assert "filename*=utf-8''" in header and '"' not in header
    json.loads(response.content)


def _advise(path: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT), "DJANGO_DEBUG": "1"}
    return subprocess.run(
        [sys.executable, "manage.py", "advise", path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def test_a_case_file_from_year_9999_gives_drafts_not_a_500(client, owned_case):
    data = json.loads(BAD_CASE_FILES["year 9999"])
    case = owned_case(data)  # as the advisors' import or manage.py draft would store it
    for slug in ("court", "legal_advice"):
        assert client.get(f"/brief/{case.id}/voorbeeld/{slug}/").status_code == 200


@pytest.mark.parametrize(
    "name", ["deep nesting", "5000-digit number", "lone surrogate", "year 9999"]
)
def test_advise_command_exits_2_on_a_hostile_file(tmp_path, name):
    path = tmp_path / "case.json"
    path.write_text(BAD_CASE_FILES[name], encoding="utf-8")
    result = _advise(str(path))
    assert result.returncode == 2, result.stderr[-500:]
    assert "invalid case file" in result.stderr and "Traceback" not in result.stderr


def test_advise_command_refuses_dev_zero_without_reading_it_all():
    result = _advise("/dev/zero")
    assert result.returncode == 2
    assert "invalid case file" in result.stderr and "Traceback" not in result.stderr


def test_advise_command_does_not_hang_on_a_fifo(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = _advise(str(fifo), timeout=20)  # TimeoutExpired would fail the test
    assert result.returncode == 2
    assert "invalid case file" in result.stderr


@pytest.mark.parametrize("name", list(BAD_CASE_FILES))
def test_a_hostile_case_file_in_the_advisor_import_is_a_message(name, settings):
    """The advisors' import reads case files the same guarded way as the public one (it read
    them with a bare json.loads: deep nesting gave a 500)."""
    from decision_aid.advisors.models import AdvisorCase
    from tests.advisors.conftest import client_for, make_advisor

    settings.ADVISOR_REQUIRE_2FA = False
    client = client_for(make_advisor("imp", "FNV Utrecht"))
    upload = SimpleUploadedFile("zaak.json", BAD_CASE_FILES[name].encode())
    response = client.post("/adviseur/importeren/", {"case_file": upload})
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert "not a valid case file" in response.content.decode().lower() or (
            "geen geldig" in response.content.decode().lower()
        )
    for advisor_case in AdvisorCase.objects.all():  # an imported case opens
        page = client.get(f"/adviseur/zaken/{advisor_case.case_id}/")
        assert page.status_code == 200
