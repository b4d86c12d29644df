"""The thin journey in a real browser, in Dutch and in English, with axe-core on every page."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.conftest import pdf_text
from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = {
    "nl": {
        "prefix": "",
        "next": "Volgende",
        "employee": "Ik ben de werknemer",
        "permanent": "Een vast contract",
        "yes": "Ja",
        "sick": "Ja, ik ben ziek",
        "no": "Nee",
        "dispute": "Of er passend werk is in het bedrijf",
        "opinion": "Ja, van de bedrijfsarts",
        "talked_yes": "Ja",
        "good": "Goed",
        "eo_none": "Nee",
        "paid": "Ja, het loon wordt betaald",
        "see_advice": "Bekijk het advies",
        "make_letter": "Maak de brief voor deze stap",
        "make": "Maak mijn brief",
        "add": "Voeg dit bestand toe",
        "download": "Download de PDF",
        "error": "Vul de eerste ziektedag in.",
        "name": "Uw naam",
    },
    "en": {
        "prefix": "/en",
        "next": "Next",
        "employee": "I am the employee",
        "permanent": "A permanent contract",
        "yes": "Yes",
        "sick": "Yes, I am sick",
        "no": "No",
        "dispute": "Whether there is suitable work in the company",
        "opinion": "Yes, from the company doctor",
        "talked_yes": "Yes",
        "good": "Good",
        "eo_none": "No",
        "paid": "Yes, the wage is paid",
        "see_advice": "See the advice",
        "make_letter": "Make the letter for this step",
        "make": "Make my letter",
        "add": "Add this file",
        "download": "Download the PDF",
        "error": "Enter the first day of sickness.",
        "name": "Your name",
    },
}


def _choose(page, label: str) -> None:
    page.get_by_label(label, exact=False).first.check()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_journey_to_pdf_in_a_real_browser(page, axe, make_pdf, tmp_path, lang):
    t = TEXT[lang]
    page.goto(f"{t['prefix']}/")
    assert page.locator("html").get_attribute("lang") == lang
    assert_accessible(axe, page)
    # the first question is on the home page: one tap answers it and starts
    page.get_by_role("button", name=t["employee"]).click()

    def next_page() -> None:
        assert_accessible(axe, page)
        page.get_by_role("button", name=t["next"], exact=True).last.click()

    _choose(page, t["permanent"])
    next_page()
    page.get_by_label(t["sick"], exact=True).check()
    next_page()
    # sick_since: first submit empty to see the error state, checked by axe too
    page.get_by_role("button", name=t["next"], exact=True).last.click()
    assert page.locator(".error-summary").is_visible()
    assert t["error"] in page.locator(".error-summary").inner_text()
    assert_accessible(axe, page)
    since = (timezone.localdate() - timedelta(weeks=30)).strftime("%d-%m-%Y")
    page.locator("input[name='sick_since-sick_since']").fill(since)
    next_page()
    _choose(page, t["dispute"])
    next_page()
    _choose(page, t["opinion"])
    next_page()
    next_page()  # date of the advice: optional
    page.get_by_label(t["talked_yes"], exact=True).check()
    next_page()
    _choose(page, t["good"])
    next_page()
    page.get_by_label(t["eo_none"], exact=True).check()
    next_page()
    _choose(page, t["paid"])
    next_page()
    page.get_by_label(t["no"], exact=True).check()  # employer passive: no
    next_page()
    page.locator("input[name='legal_help-union_member'][value='yes']").check()
    page.locator("input[name='legal_help-legal_insurance'][value='no']").check()
    next_page()
    page.get_by_label(t["no"], exact=True).check()  # cao expert: no
    next_page()
    assert_accessible(axe, page)  # check your answers
    page.get_by_role("button", name=t["see_advice"]).click()
    assert_accessible(axe, page)  # advice
    page.get_by_role("button", name=t["make_letter"]).click()
    page.get_by_label(t["name"], exact=True).fill("Anouk de Vries-Çelik")
    page.locator("textarea[name='details-requester_address']").fill("Lindelaan 12\n1234 AB Utrecht")
    page.locator("input[name='details-employer_name']").fill("Bakkerij Brood & Zo")
    page.locator("textarea[name='details-own_view']").fill("Er is geen passend werk aangeboden.")
    next_page()
    opinion = tmp_path / "advies.pdf"
    opinion.write_bytes(make_pdf(pages=2))
    assert_accessible(axe, page)  # attachments page
    page.locator("input[type='file']").set_input_files(str(opinion))
    page.get_by_role("button", name=t["add"]).click()
    assert page.locator(".attachment-list li").count() == 1
    assert_accessible(axe, page)
    page.get_by_role("button", name=t["make"]).click()
    assert_accessible(axe, page)  # draft ready
    with page.expect_download() as info:
        page.get_by_role("link", name=t["download"]).click()
    data = Path(info.value.path()).read_bytes()

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    assert "Anouk de Vries-Çelik" in pdf_text(data)
    draft_pages = len(reader.pages) - 2
    assert draft_pages >= 1
    assert "EERSTE OORDEEL pagina 1" in reader.pages[draft_pages].extract_text()
    assert "EERSTE OORDEEL pagina 2" in reader.pages[-1].extract_text()
