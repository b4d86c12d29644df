"""A full or unwritable upload folder: a clear message (503), answers and cases kept."""

from __future__ import annotations

import errno

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from decision_aid.cases.models import Attachment, Case
from tests.journey import add_attachment, current_case_id, walk

pytestmark = pytest.mark.django_db


def _upload(make_pdf) -> SimpleUploadedFile:
    return SimpleUploadedFile("advies.pdf", make_pdf(pages=1), content_type="application/pdf")


def _assert_kept(client, response, state_before) -> None:
    assert response.status_code == 503
    html = response.content.decode()
    assert "Traceback" not in html
    assert 'class="error-summary"' in html or 'role="alert"' in html
    case = Case.objects.get(pk=current_case_id(client))
    assert case.wizard_state == state_before  # every answer still there
    assert case.finished
    assert not Attachment.objects.filter(case=case).exists()
    # the person can go on: the page and the draft still work
    assert client.get(response.request["PATH_INFO"]).status_code == 200


def test_full_disk_shows_a_message_and_keeps_answers(
    client, typical_answers, make_pdf, monkeypatch
):
    page = walk(client, typical_answers)
    state = Case.objects.get(pk=current_case_id(client)).wizard_state

    def full(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", full)
    response = client.post(page.request["PATH_INFO"], {"file": _upload(make_pdf)})
    _assert_kept(client, response, state)
    assert "later" in response.content.decode()  # "Try again later" / "Probeer het later opnieuw"


def test_unwritable_upload_dir_shows_a_message_and_keeps_answers(
    client, typical_answers, make_pdf, settings, tmp_path
):
    page = walk(client, typical_answers)
    state = Case.objects.get(pk=current_case_id(client)).wizard_state
    # A folder that cannot be made, even by root: its parent is a file.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "uploads"
    response = client.post(page.request["PATH_INFO"], {"file": _upload(make_pdf)})
    _assert_kept(client, response, state)
    # once the folder is writable again, the same upload works
    settings.MEDIA_ROOT = tmp_path / "uploads"
    response = add_attachment(client, page, _upload(make_pdf))
    assert response.status_code == 200
    assert Attachment.objects.filter(case_id=current_case_id(client)).count() == 1


def test_typed_text_with_an_unwritable_upload_dir_stays_in_the_box(
    client, typical_answers, settings, tmp_path
):
    page = walk(client, typical_answers)
    state = Case.objects.get(pk=current_case_id(client)).wizard_state
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "uploads"
    typed = "De werknemer kan halve dagen werken."
    response = client.post(page.request["PATH_INFO"], {"action": "text", "text": typed})
    _assert_kept(client, response, state)
    html = response.content.decode()
    assert "We konden uw bestand nu niet opslaan. Uw antwoorden zijn bewaard." in html
    assert f"{typed}</textarea>" in html  # what was typed is not lost
