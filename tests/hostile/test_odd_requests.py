"""Found by the hostile pass of 30 Nov 2026 against gunicorn with production settings: each
request below gave a 500 or Django's technical English page; now a page in the person's language
with a 4xx status, and nothing stored is touched."""

from __future__ import annotations

import pytest
from django.test import Client

from decision_aid.cases.models import Case
from decision_aid.cases.services import case_delete
from tests.journey import PREFIX, step_url, walk

pytestmark = pytest.mark.django_db

NOT_UTF8 = "application/x-www-form-urlencoded; charset=utf-16"


@pytest.mark.parametrize(("lang", "words"), [("", "konden niet lezen"), ("/en", "could not read")])
def test_a_form_body_in_another_encoding_is_a_400_in_the_page_language(
    typical_answers, lang, words
):
    """With a CSRF cookie set (any visitor who opened a page), Django's own 400 view checked
    the token again, read the unreadable body once more and answered 500."""
    browser = Client(enforce_csrf_checks=True)
    walk(Client(), typical_answers, stop_at="talked")  # someone else's case exists too
    browser.get(f"{lang}/vragen/")
    assert "csrftoken" in browser.cookies
    response = browser.post(f"{lang}/vragen/", data=b"role-role=employee", content_type=NOT_UTF8)
    assert response.status_code == 400
    assert words in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "words"), [("", "niet worden verstuurd"), ("/en", "could not be sent")]
)
def test_a_form_without_its_security_token_gets_a_page_in_the_page_language(lang, words):
    """Cookies blocked or a page open for days: Django's own page said "CSRF verification
    failed" in English, with advice for the site's developers."""
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(f"{lang}/vragen/", {f"{PREFIX}-current_step": "role"})
    assert response.status_code == 403
    page = response.content.decode()
    assert words in page and "CSRF" not in page


def _delete(case_id: object) -> None:
    case_delete(case=Case.objects.get(pk=case_id))


def test_a_page_read_while_delete_everything_runs_is_a_404(client, typical_answers, monkeypatch):
    """The case row was read, then "delete everything" (another tab, a double click) removed
    it and its key before this request decrypted the answers: that gave a 500."""
    from decision_aid.wizard import views

    walk(client, typical_answers, stop_at="talked")
    case_id = client.session["cases"][-1]
    allowed = views.access_for

    def delete_then_allow(request, wanted):
        _delete(wanted.pk)
        return allowed(request, wanted)

    monkeypatch.setattr(views, "access_for", delete_then_allow)
    response = client.post(
        step_url(client, "talked"), {f"{PREFIX}-current_step": "talked", "talked-talked": "yes"}
    )
    assert response.status_code == 404
    assert not Case.objects.filter(pk=case_id).exists()


@pytest.mark.django_db(transaction=True)  # as in production: the save runs in autocommit
def test_a_save_while_delete_everything_runs_is_a_404_and_brings_nothing_back(
    client, typical_answers, monkeypatch
):
    """Ten parallel saves of a page and one "delete everything": the saves that came after the
    deletion gave 500 ("Save with update_fields did not affect any rows")."""
    from decision_aid.wizard import views

    walk(client, typical_answers, stop_at="talked")
    case_id = client.session["cases"][-1]
    save = views.case_save_state

    def delete_then_save(*, case, state, language):
        Case.objects.filter(pk=case.pk).delete()
        return save(case=case, state=state, language=language)

    monkeypatch.setattr(views, "case_save_state", delete_then_save)
    response = client.post(
        step_url(client, "talked"), {f"{PREFIX}-current_step": "talked", "talked-talked": "yes"}
    )
    assert response.status_code == 404
    assert not Case.objects.filter(pk=case_id).exists()
