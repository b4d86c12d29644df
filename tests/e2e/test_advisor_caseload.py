"""The case list and the audit log of a busy organisation in a real browser: axe-core finds no
violations at 360 px on a full page with its counts, the next page, a search and a filtered
audit log, and the pages are reachable with the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.advisors.conftest import make_advisor
from tests.advisors.test_caseload import add_cases, log_events
from tests.e2e.conftest import assert_accessible, assert_fits_width

pytestmark = pytest.mark.django_db(transaction=True)


def test_case_list_pages_search_and_audit_log_are_accessible(page, axe, settings, live_server):
    settings.ADVISOR_REQUIRE_2FA = False
    lead = make_advisor("lead", "FNV Utrecht", lead=True)
    colleague = make_advisor("a1", "FNV Utrecht")
    add_cases(colleague, 70)
    add_cases(lead, 3, start=100)
    log_events(colleague, 120)
    page.goto("/adviseur/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("lead")
    page.get_by_label("Wachtwoord").fill("Lange-zin-als-wachtwoord-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/adviseur/")
    assert_accessible(axe, page)  # the opening page: my open cases, with counts

    page.get_by_label("Van wie").select_option("all")
    page.get_by_label("Status", exact=True).select_option("")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator("table.cases tbody tr")).to_have_count(50)
    assert_accessible(axe, page)
    assert_fits_width(page, screenshot="caseload-all-360")
    page.get_by_role("link", name="Volgende pagina").click()
    expect(page.locator("table.cases tbody tr")).to_have_count(23)
    expect(page.get_by_role("link", name="Eerste pagina")).to_be_visible()
    assert_accessible(axe, page)

    page.get_by_label("Zoek op lid of kenmerk").fill("lid7 JANSEN")
    page.keyboard.press("Enter")
    # the member, and the names one typo away ("Lid3", "Lid17": the search forgives one)
    expect(page.locator("table.cases tbody tr", has_text="Lid7 Jansen")).to_have_count(1)
    expect(page.locator("table.cases tbody tr", has_text="Lid17 Jansen")).to_have_count(1)
    assert_accessible(axe, page)

    page.goto("/adviseur/audit/")
    expect(page.locator("table.cases tbody tr")).to_have_count(100)
    assert_accessible(axe, page)
    assert_fits_width(page, screenshot="caseload-audit-360")
    page.get_by_label("Adviseur", exact=True).select_option(label="a1")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_role("link", name="Ouder").click()
    expect(page.locator("table.cases tbody tr")).to_have_count(20)
    assert_accessible(axe, page)
