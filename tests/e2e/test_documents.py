"""One PDF per route, downloaded in a real browser from the drafts page.

The cases are made with the services (as the wizard would) and handed to a browser context
whose session cookie owns them; the first opinion is attached as a 2-page PDF.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import pdf_text
from tests.documents import files
from tests.documents.cases import ROUTE_CASES, case_file_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_route_downloads_its_pdf_in_a_real_browser(browser, live_server):
    from django.conf import settings as django_settings
    from django.contrib.sessions.backends.db import SessionStore
    from pypdf import PdfReader

    from decision_aid.cases.services import attachment_add, case_create, case_finish

    opinion = files.pdf(2)
    cases = {}
    for route in ROUTE_CASES:
        case = case_create(language="en")
        case_finish(case=case, case_file=case_file_for(route))
        attachment_add(case=case, pdf=opinion, kind="pdf", page_count=2, size=len(opinion))
        cases[route] = case
    session = SessionStore()
    session["cases"] = [str(c.id) for c in cases.values()]
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
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        for route, case in cases.items():
            page.goto(f"/en/brief/{case.id}/")
            first = page.locator("section.document").first
            assert route in (first.get_attribute("aria-labelledby") or ""), route
            with page.expect_download() as info:
                first.get_by_role("link", name="Download the PDF").click()
            download = info.value
            assert download.suggested_filename.startswith("draft-" + route)
            data = Path(download.path()).read_bytes()
            reader = PdfReader(io.BytesIO(data))
            assert "Zoë" in pdf_text(data), route
            assert "EERSTE OORDEEL pagina 1" in reader.pages[-2].extract_text(), route
            assert "EERSTE OORDEEL pagina 2" in reader.pages[-1].extract_text(), route
            assert "/StructTreeRoot" in reader.trailer["/Root"], route
    finally:
        context.close()
