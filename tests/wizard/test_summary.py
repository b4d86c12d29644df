"""A readable summary of the answers; the case file stays, named in plain words as a file with
the answers, for advisors and for continuing later."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.journey import current_case_id, walk

pytestmark = pytest.mark.django_db


def test_summary_shows_questions_answers_and_advice(client, typical_answers):
    page = walk(client, typical_answers, stop_at="review").content.decode()
    case_id = current_case_id(client)
    summary_url = f"/vragen/{case_id}/samenvatting/"
    # a button of the page's form: what was typed is sent along (cases.leave)
    assert f'name="leave_to" value="{summary_url}"' in page
    assert "Uw antwoorden, om te lezen of te printen" in page
    assert "Een bestand met uw antwoorden, om later verder te gaan of voor een adviseur" in page
    response = client.get(summary_url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Bent u nu ziek?" in html and "Ja, ik ben ziek" in html
    assert "Krijgt u nog loon?" in html
    assert "Vraag een deskundigenoordeel aan" in html
    assert "U bent in week 31 van de 104 weken." in html
    download = client.get(summary_url + "?download=1")
    assert download["Content-Disposition"] == 'attachment; filename="antwoorden.html"'
    # the JSON case file is still there
    data = json.loads(client.get(f"/zaak/{case_id}/antwoorden.json").content)
    assert data["situation"]["wage"] == "paid"


def test_unfinished_answers_give_a_summary_without_advice(client, typical_answers):
    walk(client, typical_answers, stop_at="talked")
    html = client.get(f"/vragen/{current_case_id(client)}/samenvatting/").content.decode()
    assert "U hebt nog niet alle vragen beantwoord" in html
    assert "Sinds wanneer bent u ziek?" in html or "Eerste ziektedag" in html
    assert "Vraag een deskundigenoordeel aan" not in html


def test_someone_else_cannot_read_the_summary(client, typical_answers):
    walk(client, typical_answers, stop_at="review")
    other = Client()
    response = other.get(f"/vragen/{current_case_id(client)}/samenvatting/")
    assert response.status_code == 404


def test_english_summary(client, typical_answers):
    walk(client, typical_answers, stop_at="review", lang="/en")
    html = client.get(f"/en/vragen/{current_case_id(client)}/samenvatting/").content.decode()
    assert "What you answered" in html and "Are you sick now?" in html


@pytest.mark.parametrize(
    ("lang", "words"),
    [("", "bestand met uw antwoorden"), ("/en", "file with your answers")],
)
def test_the_answers_file_is_named_in_plain_words(client, typical_answers, lang, words):
    """ "Later verdergaan" offered a "(JSON)" file: a word a sick employee or a bakery owner
    does not know. The panel, the summary and the page to continue from a file say what it
    is: a file with your answers."""
    page = walk(client, typical_answers, stop_at="review", lang=lang).content.decode()
    case_id = current_case_id(client)
    summary = client.get(f"{lang}/vragen/{case_id}/samenvatting/").content.decode()
    from django.urls import reverse
    from django.utils import translation

    with translation.override(lang.strip("/") or "nl"):
        resume = client.get(reverse("cases:resume"))
    assert resume.status_code == 200
    for html in (page, summary, resume.content.decode()):
        main = html[html.index("<main") : html.index("</main>")]
        assert "JSON" not in main
    panel = page[page.index('id="case-panel"') :]
    assert words in panel.lower()
    assert words in summary.lower()
