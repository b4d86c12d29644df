"""Letters downloaded in a real browser: one per route from the drafts page, and the journey
from the advice page to the downloaded letter and its sending sheet, in Dutch and in English.

The cases are made with the services (as the wizard would) and handed to a browser context
whose session cookie owns them; the first opinion is attached as a 2-page PDF.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.conftest import pdf_text
from tests.documents import files
from tests.documents.cases import ROUTE_CASES, case_file_for

pytestmark = pytest.mark.django_db(transaction=True)


def _context_owning(browser, live_server, cases):
    from django.conf import settings as django_settings
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["cases"] = [str(c.id) for c in cases]
    session.save()
    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    return context


def test_every_route_downloads_its_pdf_in_a_real_browser(browser, live_server):
    from pypdf import PdfReader

    from decision_aid.cases.services import attachment_add, case_create, case_finish
    from decision_aid.letters.registry import KINDS

    opinion = files.pdf(2)
    cases = {}
    for route in ROUTE_CASES:
        case = case_create(language="en")
        case_finish(case=case, case_file=case_file_for(route))
        attachment_add(case=case, pdf=opinion, kind="pdf", page_count=2, size=len(opinion))
        cases[route] = case
    context = _context_owning(browser, live_server, cases.values())
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        for route, case in cases.items():
            page.goto(f"/en/brief/{case.id}/")
            # the route's own letter (a stopped wage puts the written claim for the pay first)
            first = page.locator(f"section.document[aria-labelledby*='{route}']").first
            assert route in (first.get_attribute("aria-labelledby") or ""), route
            with page.expect_download() as info:
                first.get_by_role("link", name="Download the PDF").first.click()
            download = info.value
            # the letters are Dutch (the page is English): named in the letter's language
            assert download.suggested_filename.startswith(KINDS[route].file_stem["nl"]), route
            data = Path(download.path()).read_bytes()
            reader = PdfReader(io.BytesIO(data))
            assert "EERSTE OORDEEL pagina 1" in reader.pages[-2].extract_text(), route
            assert "EERSTE OORDEEL pagina 2" in reader.pages[-1].extract_text(), route
            assert "/StructTreeRoot" in reader.trailer["/Root"], route
    finally:
        context.close()


TEXT = {
    "nl": {
        "prefix": "",
        "make": "Maak mijn brief",
        "download": "Download de PDF",
        "sheet": "Download dit blad (pdf)",
        "file": r"^verzoek-deskundigenoordeel-eigen-werk-\d{4}-\d{2}-\d{2}\.pdf$",
        "sheet_file": r"^zo-verstuurt-u-verzoek-deskundigenoordeel-eigen-werk-",
        "in_letter": ["Onderwerp: Verzoek om een deskundigenoordeel", "Bijlage 1: Advies"],
        "in_sheet": ["Zo verstuurt u deze brief", "uwv.nl", "Termijn"],
        "not_in_letter": ["CONCEPT", "Met de hand invullen", "€", "uwv.nl"],
        "stamp": "Bijlage 1 – Advies bedrijfsarts van 02-02-2026",
    },
    "en": {
        "prefix": "/en",
        "make": "Make my letter",
        "download": "Download the PDF",
        "sheet": "Download this sheet (PDF)",
        "file": r"^request-expert-opinion-own-work-\d{4}-\d{2}-\d{2}\.pdf$",
        "sheet_file": r"^how-to-send-request-expert-opinion-own-work-",
        "in_letter": ["Subject: Request for an expert opinion", "Enclosure 1: Advice"],
        "in_sheet": ["How to send this letter", "uwv.nl", "Deadline"],
        "not_in_letter": ["DRAFT", "Fill in by hand", "€", "uwv.nl"],
        "stamp": "Enclosure 1 – Advice of the company doctor of 02-02-2026",
    },
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_from_the_advice_to_the_letter_and_its_sending_sheet(browser, live_server, lang, tmp_path):
    """The advice page's button, the details (kept), the first opinion, "Make my letter": one
    letter to download, named for what it is, and its sending sheet beside it."""
    from pypdf import PdfReader

    from decision_aid.casefile.answers import case_file_to_wizard_state
    from decision_aid.cases.services import case_create, case_save_state

    t = TEXT[lang]
    case_file = case_file_for("expert_opinion", disputes=["fitness_own_work"], wage="stopped")
    case = case_create(language=lang)
    case_save_state(case=case, state=case_file_to_wizard_state(case_file), language=lang)
    context = _context_owning(browser, live_server, [case])
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        forward = page.locator("#wizard-form button[type=submit]:not([name=wizard_goto_step])")
        page.goto(f"{t['prefix']}/vragen/{case.id}/review/")  # the answers were all given
        forward.click()
        page.wait_for_url(re.compile(r"/advice/$"))
        forward.click()  # the advice page's button: make the letter
        page.wait_for_url(re.compile(r"/details/$"))
        page.locator("#fold-work > summary").click()  # optional details are folded
        page.locator("input[name='details-job_title']").fill("Bakker")
        if lang == "en":  # letters are Dutch unless the person chooses English
            page.locator("#fold-language > summary").click()
            page.locator("input[name='details-letter_language'][value='en']").check()
        forward.click()
        page.wait_for_url(re.compile(r"/bijlagen/$"))
        opinion = tmp_path / "advies.pdf"
        opinion.write_bytes(files.pdf(2))
        page.locator("input[type='file']").set_input_files(str(opinion))
        page.get_by_role("button", name=t["make"]).click()
        page.wait_for_url(re.compile(rf"/brief/{case.id}/$"))
        # the pay stopped: the written claim for the pay first, then the one expert-opinion
        # letter (one question); nothing else ready to download
        documents = page.locator("section.document")
        assert documents.count() == 2
        assert "wage_protest" in (documents.first.get_attribute("aria-labelledby") or "")
        doc = page.locator("section.document[aria-labelledby*='expert_opinion']")
        with page.expect_download() as info:
            doc.get_by_role("link", name=t["download"]).click()
        letter = info.value
        assert re.match(t["file"], letter.suggested_filename), letter.suggested_filename
        data = Path(letter.path()).read_bytes()
        with page.expect_download() as info:
            doc.get_by_role("link", name=t["sheet"]).click()
        sheet = info.value
        assert re.match(t["sheet_file"], sheet.suggested_filename), sheet.suggested_filename
        sheet_data = Path(sheet.path()).read_bytes()
        assert doc.get_by_text(t["in_sheet"][0]).first.is_visible()  # also on screen
    finally:
        context.close()

    reader = PdfReader(io.BytesIO(data))
    text = " ".join(pdf_text(data).split())
    for phrase in t["in_letter"]:
        assert phrase in text, phrase
    assert "Bakker" in text  # the detail asked on the details page
    own_pages = len(reader.pages) - 2
    letter_text = " ".join(" ".join(p.extract_text() for p in reader.pages[:own_pages]).split())
    for word in t["not_in_letter"]:
        assert word not in letter_text, word
    assert t["stamp"] in " ".join(reader.pages[own_pages].extract_text().split())
    sheet_text = " ".join(pdf_text(sheet_data).split())
    assert len(PdfReader(io.BytesIO(sheet_data)).pages) == 1
    for phrase in t["in_sheet"]:
        assert phrase in sheet_text, phrase
