"""Letters are in Dutch unless the person chooses otherwise, and the page says so: an
English-speaking employee got English letters to UWV and to a Dutch company doctor."""

from __future__ import annotations

import pytest

from tests.conftest import pdf_text
from tests.documents.cases import case_file_for
from tests.journey import walk


@pytest.mark.django_db
def test_an_english_page_makes_a_dutch_letter_unless_english_is_chosen(client, owned_case):
    case = owned_case(case_file_for("second_opinion"))
    page = client.get(f"/en/brief/{case.id}/").content.decode()
    assert "Your letters are in Dutch" in page
    pdf = client.get(f"/en/brief/{case.id}/pdf/second_opinion/")
    text = pdf_text(pdf.content)
    assert "Onderwerp: Verzoek om een second opinion" in text and "Subject:" not in text
    assert "verzoek-second-opinion-" in pdf["Content-Disposition"]
    preview = client.get(f"/en/brief/{case.id}/voorbeeld/second_opinion/").content.decode()
    assert '<html lang="nl">' in preview

    chosen = case_file_for("second_opinion")
    chosen["parties"]["letter"] = {"language": "en"}
    english = owned_case(chosen)
    page = client.get(f"/brief/{english.id}/").content.decode()
    assert "Uw brieven zijn in het Engels, zoals u koos." in page
    text = pdf_text(client.get(f"/brief/{english.id}/pdf/second_opinion/").content)
    assert "Subject: Request for a second opinion" in text


@pytest.mark.django_db
def test_the_details_page_offers_the_language_with_dutch_first(client, typical_answers):
    response = walk(client, typical_answers, stop_at="details", lang="/en")
    html = response.content.decode()
    assert "Language of the letters" in html
    assert 'value="nl" id="id_details-letter_language_0" checked' in html
    assert "The letters are in Dutch unless you choose English" in html
