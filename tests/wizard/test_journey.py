"""The whole journey without JavaScript, through Django's test client (real DB, real PDF)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import pdf_text
from tests.journey import PREFIX, post_step, step_of, walk

pytestmark = pytest.mark.django_db


def _pdf_upload(data: bytes, name: str = "advies.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_home_is_dutch_by_default_and_english_under_en(client):
    nl = client.get("/")
    assert nl.status_code == 200
    assert b'<html lang="nl">' in nl.content
    assert "Vastgelopen" in nl.content.decode()
    en = client.get("/en/")
    assert b'<html lang="en">' in en.content
    assert "Stuck in a re-integration dispute?" in en.content.decode()


def test_progress_shows_step_n_of_7(client):
    response = client.get("/vragen/", follow=True)
    assert "Stap 1 van 7" in response.content.decode()


def test_full_journey_gives_pdf_with_name_and_first_opinion_pages(
    client, typical_answers, make_pdf
):
    opinion = make_pdf(pages=3)
    response = walk(
        client, typical_answers, files={"upload": {"first_opinion_file": _pdf_upload(opinion)}}
    )
    assert response.status_code == 200
    assert "Uw concept is klaar" in response.content.decode()
    pdf_url = response.request["PATH_INFO"] + "pdf/"
    pdf = client.get(pdf_url)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment")
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf.content))
    text = pdf_text(pdf.content)
    assert "Anouk de Vries-Çelik" in text
    assert "Bakkerij Brood & Zo B.V." in text
    # the uploaded pages are the last pages, unchanged
    assert [
        f"EERSTE OORDEEL pagina {n}" in reader.pages[-4 + n].extract_text() for n in (1, 2, 3)
    ] == [True] * 3
    assert "EERSTE OORDEEL" not in (reader.pages[0].extract_text() or "")


def test_back_keeps_what_was_typed_even_if_not_submitted(client, typical_answers):
    walk(client, typical_answers, stop_at="sick_since")
    # type a date, then press Back instead of Next: the typed date must still be there
    response = post_step(
        client, "sick_since", {"sick_since": "01-02-2026"}, wizard_goto_step="still_sick"
    )
    assert step_of(response) == "still_sick"
    again = client.get("/vragen/sick_since/")
    assert 'value="01-02-2026"' in again.content.decode()


@pytest.mark.parametrize(
    ("value", "message_nl"),
    [
        ("", "Vul de eerste ziektedag in."),
        ("31-02-2026", "Vul een datum in als dag-maand-jaar"),
        ("morgen", "Vul een datum in als dag-maand-jaar"),
        ("01-01-2999", "Deze datum ligt in de toekomst."),
    ],
)
def test_bad_sick_date_message_next_to_field_and_in_summary(
    client, typical_answers, value, message_nl
):
    walk(client, typical_answers, stop_at="sick_since")
    response = post_step(client, "sick_since", {"sick_since": value})
    html = response.content.decode()
    assert response.status_code == 200
    assert step_of(response) == "sick_since"
    assert html.count(message_nl) == 2  # in the error summary and next to the field
    assert 'href="#id_sick_since-sick_since"' in html
    assert 'aria-invalid="true"' in html
    assert "<title>Fout:" in html


def test_errors_are_in_english_on_the_english_site(client, typical_answers):
    walk(client, typical_answers, lang="/en", stop_at="sick_since")
    response = post_step(client, "sick_since", {"sick_since": "31-02-2026"}, lang="/en")
    assert "Enter a date as day-month-year" in response.content.decode()


def test_too_long_text_is_refused_and_other_answers_stay(client, typical_answers):
    walk(client, typical_answers, stop_at="details")
    details = dict(typical_answers["details"], requester_name="x" * 201)
    response = post_step(client, "details", details)
    html = response.content.decode()
    assert "Gebruik maximaal 200 tekens" in html
    assert "Bakkerij Brood &amp; Zo B.V." in html  # what was typed stays in the form
    review = client.get("/vragen/review/")
    assert "Passend werk" in review.content.decode() or "passend werk" in review.content.decode()


def test_a_file_that_is_not_a_pdf_is_refused_in_dutch(client, typical_answers):
    walk(client, typical_answers, stop_at="upload")
    fake = SimpleUploadedFile("advies.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    response = post_step(client, "upload", {"first_opinion_file": fake})
    html = response.content.decode()
    assert step_of(response) == "upload"
    assert "Dit bestand is geen PDF" in html
    # nothing typed earlier is lost
    details = client.get("/vragen/details/").content.decode()
    assert "Anouk de Vries-Çelik" in details


def test_language_switch_keeps_the_answer_on_the_page(client, typical_answers):
    walk(client, typical_answers, stop_at="details")
    response = post_step(client, "details", {"requester_name": "Jan Jansen"}, switch_language="en")
    html = response.content.decode()
    assert response.request["PATH_INFO"] == "/en/vragen/details/"
    assert '<html lang="en">' in html
    assert 'value="Jan Jansen"' in html


def test_cannot_skip_ahead_to_advice_by_url(client):
    client.get("/vragen/", follow=True)
    post_step(client, "role", {"role": "employee"})
    response = client.get("/vragen/advice/", follow=True)
    assert step_of(response) == "employment"


def test_self_employed_is_told_plainly_where_to_go(client):
    answers = {
        "role": {"role": "employee"},
        "employment": {"employment": "self_employed"},
        "review": {},
    }
    response = walk(client, answers, stop_at="advice")
    html = response.content.decode()
    assert step_of(response) == "advice"
    assert "Deze hulp past niet bij uw situatie" in html


def test_someone_elses_draft_is_404(client, typical_answers):
    response = walk(client, typical_answers)
    url = response.request["PATH_INFO"]
    from django.test import Client

    other = Client()
    assert other.get(url).status_code == 404
    assert other.get(url + "pdf/").status_code == 404


def test_management_form_prefix_is_stable():
    assert PREFIX == "intake_wizard"
