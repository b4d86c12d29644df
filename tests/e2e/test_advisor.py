"""A phone intake by a union advisor, keyboard only, from login to the PDF download.

Reports the page loads and key presses (printed; see docs/benchmarks.md): a typed character
counts as one key press, a chord like Alt+N as one.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.advisors.conftest import make_advisor
from tests.conftest import pdf_text
from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


class Keys:
    """Counts every key press sent to the page."""

    def __init__(self, page) -> None:
        self.page = page
        self.count = 0

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.count += len(text)

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            self.count += 1


def test_keyboard_only_phone_intake_from_login_to_pdf(page, axe, settings, capsys):
    settings.ADVISOR_REQUIRE_2FA = True
    advisor = make_advisor("adv", "FNV Utrecht")
    device = TOTPDevice.objects.create(user=advisor.user, name="app", confirmed=True)
    loads: list[str] = []
    page.on("load", lambda p: loads.append(p.url))
    keys = Keys(page)

    page.goto("/adviseur/inloggen/")
    assert_accessible(axe, page)
    keys.type("adv")
    keys.press("Tab")
    keys.type("Lange-zin-als-wachtwoord-2026")
    keys.press("Enter")
    page.wait_for_url("**/tweestaps/**")
    assert_accessible(axe, page)
    keys.type(f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=6):06d}")
    keys.press("Enter")
    page.wait_for_url("**/adviseur/")
    assert_accessible(axe, page)
    login_keys, login_loads = keys.count, len(loads)

    keys.press("Enter")  # "New intake" has focus on the case list
    page.wait_for_url("**/adviseur/nieuw/")
    assert_accessible(axe, page)
    keys.type("Fatma Yilmaz")  # name has focus
    keys.press("Tab", 2)  # past the reference, to the first day of sickness
    keys.type("30w")
    keys.press("Tab", 3)  # third subject: is there suitable work in the company
    keys.press("Space")
    # Nothing is pre-selected: Tab reaches a question's first answer,
    # Space chooses it; a question left alone means "I don't know", never a fact.
    keys.press("Tab", 8)  # past the other seven subjects (each check box is a stop) to talked
    keys.press("Space")  # -> "yes"
    keys.press("Tab")  # wage
    keys.press("Space")  # -> "paid"
    keys.press("Tab")  # written advice of the company doctor
    keys.press("Space")  # -> "yes, from the company doctor"
    keys.press("Tab", 6)  # past its date, relationship, mediator, expert opinion, passive
    keys.press("Space")  # contract: "permanent"
    keys.press("Tab", 2)  # past the end date, to "sick now?"
    keys.press("Space")  # -> "yes"
    checked = page.evaluate(
        "() => [...document.querySelectorAll('input:checked')].map(e => e.name + '=' + e.value)"
    )
    assert checked == [
        "disputes=suitable_work_available",
        "talked=yes",
        "wage=paid",
        "first_opinion=bedrijfsarts",
        "employment=permanent",
        "still_sick=yes",
    ], checked
    # the advice beside the form follows the answers (live, no button pressed)
    expect(page.locator("#advice-panel")).to_contain_text(re.compile("deskundigenoordeel", re.I))
    assert_accessible(axe, page)
    keys.press("Enter")  # save and make the letter
    page.wait_for_url("**/adviseur/zaken/*/")
    assert_accessible(axe, page)
    with page.expect_download() as info:
        keys.press("Enter")  # "Download the PDF" has focus
    data = Path(info.value.path()).read_bytes()
    text = pdf_text(data)
    assert "Fatma Yilmaz" in text
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(data)).pages) >= 1
    intake_keys = keys.count - login_keys
    intake_loads = len(loads) - login_loads
    with capsys.disabled():
        print(
            f"\n[advisor intake] login: {login_keys} key presses, {login_loads} page loads; "
            f"intake to PDF: {intake_keys} key presses, {intake_loads} page loads + the download"
        )
    assert intake_keys < 60


def test_advisor_pages_have_no_accessibility_violations(page, axe, settings, live_server):
    settings.ADVISOR_REQUIRE_2FA = False
    lead = make_advisor("lead", "FNV Utrecht", lead=True)
    page.goto("/adviseur/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(lead.user.username)
    page.get_by_label("Wachtwoord").fill("Lange-zin-als-wachtwoord-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/adviseur/")
    for path in ("/adviseur/", "/adviseur/importeren/", "/adviseur/audit/", "/adviseur/nieuw/"):
        page.goto(path)
        assert_accessible(axe, page)
    # an intake with errors
    page.goto("/adviseur/nieuw/")
    page.locator("button[name=save]").click()
    assert page.locator(".error-summary").is_visible()
    assert_accessible(axe, page)
