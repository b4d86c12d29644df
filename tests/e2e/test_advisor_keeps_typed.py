"""An advisor on the phone types into the intake or a note and then reaches for the menu: the
browser asks before the page, and what was typed, is left; with nothing typed it does not ask."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.advisors.conftest import make_advisor

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page) -> None:
    page.goto("/adviseur/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("adv")
    page.get_by_label("Wachtwoord").fill("Lange-zin-als-wachtwoord-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/adviseur/")


def test_leaving_the_intake_with_typed_text_asks_first(page, settings, live_server):
    settings.ADVISOR_REQUIRE_2FA = False
    make_advisor("adv", "FNV Utrecht")
    _sign_in(page)
    page.goto("/adviseur/nieuw/")
    asked: list[str] = []

    def stay(dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_label("Naam van het lid").fill("Fatma Yilmaz")
    page.locator("nav").get_by_role("link", name="Zaken").click()
    expect(page.get_by_label("Naam van het lid")).to_have_value("Fatma Yilmaz")
    assert asked == ["beforeunload"]
    assert page.url.endswith("/adviseur/nieuw/")


def test_a_page_without_typing_leaves_without_asking(page, settings, live_server):
    settings.ADVISOR_REQUIRE_2FA = False
    make_advisor("adv", "FNV Utrecht")
    _sign_in(page)
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.goto("/adviseur/nieuw/")
    page.locator("nav").get_by_role("link", name="Zaken").click()
    page.wait_for_url("**/adviseur/")
    assert asked == []
