"""When the letter cannot be made, the person is told so on the letter page (503) and loses
nothing; a page that does not exist for this case is a 404, not an error."""

from __future__ import annotations

import logging

import pytest

from decision_aid.cases.services import attachment_add
from tests.documents.cases import case_file_for

pytestmark = pytest.mark.django_db

SLUG = "expert_opinion-fitness_own_work"
FAILED = "Het maken van de PDF is niet gelukt. Uw antwoorden zijn bewaard."


def _case_with_a_broken_enclosure(owned_case):
    """A case whose stored enclosure is no longer a PDF (a file stored by an older version,
    or damaged on disk): the upload check never sees it again, the merge does."""
    case = owned_case(case_file_for("expert_opinion"))
    attachment_add(case=case, pdf=b"not a pdf at all", kind="pdf", page_count=1, size=16)
    return case


@pytest.mark.parametrize("isolated", [True, False], ids=["render-worker", "web-process"])
def test_a_letter_whose_enclosure_cannot_be_merged_says_so_and_keeps_everything(
    client, owned_case, settings, caplog, isolated
):
    settings.RENDER_WORKER_ISOLATED = isolated
    case = _case_with_a_broken_enclosure(owned_case)
    caplog.set_level(logging.WARNING)

    response = client.get(f"/brief/{case.id}/pdf/{SLUG}/")

    assert response.status_code == 503
    html = response.content.decode()
    assert FAILED in html and 'role="alert"' in html  # the letter page, the problem on top
    assert f"/brief/{case.id}/pdf/{SLUG}/" in html  # and the way to try again
    # the render worker's failure, or the exception in this process, is in the log
    assert "failed" in caplog.text.lower()
    assert case.attachments.count() == 1
    # the .docx has no enclosures of its own: it is still made
    word = client.get(f"/brief/{case.id}/word/{SLUG}/")
    assert word.status_code == 200 and word.content.startswith(b"PK")


def test_the_letter_pages_of_a_case_without_answers_are_not_found(client):
    """A case started but never finished has no letter yet: its preview, PDF and own-words
    pages are 404 for its owner too (and never a 500)."""
    from decision_aid.cases.services import case_create

    case = case_create(language="nl")
    session = client.session
    session["cases"] = [str(case.id)]
    session.save()
    assert client.get(f"/brief/{case.id}/bijlagen/").status_code == 200  # the case is theirs
    for page in ("voorbeeld", "pdf", "eigen-woorden", "uwv-formulier"):
        assert client.get(f"/brief/{case.id}/{page}/{SLUG}/").status_code == 404, page


def test_the_uwv_form_page_is_only_for_the_expert_opinion_request(client, owned_case):
    case = owned_case(case_file_for("expert_opinion"))
    form = client.get(f"/brief/{case.id}/uwv-formulier/{SLUG}/")
    assert form.status_code == 200
    assert "uwv.nl" in form.content.decode()
    # the letter for legal help is sent by the person, not through UWV's form
    assert client.get(f"/brief/{case.id}/voorbeeld/legal_advice/").status_code == 200
    assert client.get(f"/brief/{case.id}/uwv-formulier/legal_advice/").status_code == 404
