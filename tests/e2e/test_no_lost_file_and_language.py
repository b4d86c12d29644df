"""Two defects people met on a phone, in a real browser with JavaScript on:

- a file chosen on the attachments page and then "Make my letter" (without "Add this file")
  reaches the letter; the draft page never claims an attachment of 0 pages;
- the language switch on pages outside the wizard leads to the same page in the other language.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import pdf_text
from tests.documents import files
from tests.documents.cases import case_file_for

pytestmark = pytest.mark.django_db(transaction=True)


def _owned_context(browser, live_server, case):
    from django.conf import settings as django_settings
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["cases"] = [str(case.id)]
    session.save()
    context = browser.new_context(
        base_url=live_server.url, accept_downloads=True, viewport={"width": 360, "height": 740}
    )
    cookie = {"name": django_settings.SESSION_COOKIE_NAME, "value": session.session_key}
    context.add_cookies([{**cookie, "url": live_server.url}])
    return context


@pytest.mark.parametrize(
    ("lang", "make", "download"),
    [
        ("", "Maak mijn brief", "Download de PDF"),
        ("/en", "Make my letter", "Download the PDF"),
    ],
)
def test_a_chosen_file_goes_with_make_my_letter(
    browser, live_server, tmp_path, lang, make, download
):
    from decision_aid.cases.services import case_create, case_finish

    case = case_create(language=lang.strip("/") or "nl")
    case_finish(case=case, case_file=case_file_for("talk"))
    context = _owned_context(browser, live_server, case)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{lang}/brief/{case.id}/")
        assert "(0 " not in page.locator("main").inner_text()  # no "0 pages" claim
        page.goto(f"{lang}/brief/{case.id}/bijlagen/")
        opinion = tmp_path / "advies.pdf"
        opinion.write_bytes(files.pdf(2))
        page.locator("input[type='file']").set_input_files(str(opinion))
        page.get_by_role("button", name=make, exact=True).click()  # not "Add this file"
        page.wait_for_url(f"**/brief/{case.id}/")
        assert page.locator(".checklist").filter(has_text="(2 ").count() == 1
        with page.expect_download() as info:
            page.locator("section.document").first.get_by_role("link", name=download).click()
        data = Path(info.value.path()).read_bytes()
    finally:
        context.close()
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    assert "EERSTE OORDEEL pagina 2" in reader.pages[-1].extract_text()
    assert "Zoë" in pdf_text(data)
    assert case.attachments.count() == 1


@pytest.mark.parametrize(
    ("start", "label", "lands", "lang"),
    [
        ("/privacy/", "English", "/en/privacy/", "en"),
        ("/en/privacy/", "Nederlands", "/privacy/", "nl"),
        ("/zaak/hervatten/", "English", "/en/zaak/resume/", "en"),
        ("/en/sources/", "Nederlands", "/bronnen/", "nl"),
        ("/adviseur/inloggen/", "English", "/en/adviseur/inloggen/", "en"),
        ("/bestaat-niet/", "English", "/en/bestaat-niet/", "en"),
    ],
)
def test_every_language_switch_lands_on_the_same_page(page, start, label, lands, lang):
    from django.urls import resolve
    from django.utils import translation

    page.goto(start)
    page.get_by_role("navigation", name="Taal" if label == "English" else "Language").get_by_role(
        "link", name=label
    ).click()
    page.wait_for_load_state()
    path = page.url.split("//", 1)[1].split("/", 1)[1]
    assert "/" + path == lands
    assert page.evaluate("document.documentElement.lang") == lang
    if "bestaat" not in lands:
        with translation.override(lang):
            resolve(lands)  # a real page, not a 404
