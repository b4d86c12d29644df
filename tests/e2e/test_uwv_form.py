"""The page for UWV's own form, in a browser without JavaScript: each of UWV's fields in the
form's order with the answer beside it as selectable text, where to go (UWV's page and phone
number), and the PDF to upload; with JavaScript a copy button per answer."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.documents.cases import case_file_for
from tests.e2e.conftest import assert_fits_width
from tests.e2e.test_fits_phone import _own_context

pytestmark = pytest.mark.django_db(transaction=True)

ORDER = [
    "1. De vraag",
    "2. De werkgever",
    "3. De werknemer",
    "4. Ziekte, werk en loon",
    "5. Bedrijfsarts of arbodienst",
    "6. Het advies van de bedrijfsarts (eerste oordeel)",
]


def _case():
    from decision_aid.cases.services import case_create, case_finish

    case_file = case_file_for("expert_opinion", disputes=["fitness_own_work"], wage="stopped")
    case_file["parties"]["employer"].update(contact="Petra de Vries", email="hr@brood.example")
    case_file["parties"]["letter"] = {"payroll_tax_number": "123456789L01", "job_title": "Bakker"}
    case = case_create(language="nl")
    case_finish(case=case, case_file=case_file)
    return case


def test_uwv_form_page_without_javascript(browser, live_server, tmp_path):
    from pypdf import PdfReader

    case = _case()
    context = _own_context(browser, live_server, [case], java_script=False)
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.goto(f"/brief/{case.id}/")
        # the main path on the letter page
        page.get_by_role("link", name="Het formulier van UWV invullen").click()
        page.wait_for_url(re.compile(r"/uwv-formulier/"))
        headings = page.locator(".uwv-part h2").all_inner_texts()
        assert headings[: len(ORDER)] == ORDER
        # the answers beside their fields, as text a thumb can select
        rows = {
            r.locator("dt").inner_text(): r.locator("dd").inner_text()
            for r in page.locator(".copy-row").all()
        }
        assert rows["Loonheffingennummer"] == "123456789L01"
        assert "Kan ik mijn eigen werk weer helemaal doen" in rows["De vraag"]
        assert rows["Contactpersoon"] == "Petra de Vries"
        assert "DigiD" in rows["Burgerservicenummer (BSN)"]
        selected = page.evaluate(
            """() => { const el = document.querySelector('.copy-value');
            const r = document.createRange(); r.selectNodeContents(el);
            const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
            return [s.toString(), getComputedStyle(el).userSelect]; }"""
        )
        assert selected[0].strip() and selected[1] in ("all", "auto", "text")
        # no copy button shown without JavaScript: nothing that does not work
        assert page.locator(".copy-button:visible").count() == 0
        # where to go: UWV's page and phone number
        text = page.locator("main").inner_text()
        assert "uwv.nl/particulieren/ziek/ziek-met-werkgever" in text
        assert "088-898 92 94" in text and "DigiD" in text
        assert_fits_width(page, screenshot="uwv-form-360-no-js")
        for width in (320, 360):
            page.set_viewport_size({"width": width, "height": 640})
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        # the PDF to upload
        with page.expect_download() as info:
            page.get_by_role("link", name="Download de brief (pdf) om te uploaden").click()
        data = Path(info.value.path()).read_bytes()
        assert PdfReader(io.BytesIO(data)).pages
    finally:
        context.close()


def test_uwv_form_page_copy_buttons_with_javascript(browser, live_server):
    case = _case()
    context = _own_context(browser, live_server, [case])
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"/brief/{case.id}/uwv-formulier/expert_opinion-fitness_own_work/")
        buttons = page.locator(".copy-button:visible")
        assert buttons.count() >= 5
        row = page.locator(".copy-row", has_text="Loonheffingennummer")
        row.locator(".copy-button").click()
        assert page.evaluate("navigator.clipboard.readText()") == "123456789L01"
        assert "Gekopieerd" in row.locator(".copy-button").inner_text()
    finally:
        context.close()
