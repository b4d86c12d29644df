"""Together on the call, in two real browsers: the member's phone (360 px) and the
advisor's desktop, two contexts on one case. An answer typed by each appears for the other;
"Stop met delen" ends the advisor's access (404 afterwards). axe-core on every new state, in
Dutch and in English; screenshots in test-results/screens/live-*.png.

Waits are for elements and states (Playwright's expect), never for time. The printed delays
(an answer on one screen until it shows on the other) are for the reader, not asserted.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.advisors.conftest import PASSWORD, make_advisor
from tests.e2e.conftest import assert_accessible, assert_fits_width
from tests.journey_data import TYPICAL_EMPLOYEE, resolve_dates

pytestmark = pytest.mark.django_db(transaction=True)


def _step(page) -> str:
    return page.locator("input[name='intake_wizard-current_step']").get_attribute("value")


def _walk_to(page, answers, stop: str, until_url: str = "") -> None:
    page.goto("/vragen/")
    for _ in range(30):
        if until_url and until_url in page.url:
            return
        step = _step(page)
        if step == stop:
            return
        for name, value in answers[step].items():
            field = f"{step}-{name}"
            values = value if isinstance(value, list) else [value]
            if page.locator(
                f"input[name='{field}'][type='radio'], input[name='{field}'][type='checkbox']"
            ).count():
                for item in values:
                    page.locator(f"input[name='{field}'][value='{item}']").check()
            else:
                fold = page.locator(f"details:not([open]):has([name='{field}']) > summary")
                if fold.count():  # an optional group folded under its summary: tap it open
                    fold.click()
                page.locator(f"[name='{field}']").fill(values[0])
        page.locator(".actions button[type='submit']:not([name])").first.click()
        page.wait_for_load_state("load")
    raise AssertionError(f"never reached {stop}")


def _sign_in(advisor, username: str) -> None:
    advisor.goto("/adviseur/inloggen/")
    advisor.get_by_label("Gebruikersnaam").fill(username)
    advisor.get_by_label("Wachtwoord").fill(PASSWORD)
    advisor.get_by_role("button", name="Inloggen").click()
    advisor.wait_for_url("**/adviseur/")


def _shot(page, name: str) -> None:
    assert_fits_width(page, screenshot=f"live-{name}")


def test_member_and_advisor_follow_one_case_live(browser, live_server, axe, settings):
    from django.utils import timezone

    settings.ADVISOR_REQUIRE_2FA = False
    make_advisor("adv", "FNV Utrecht")
    answers = resolve_dates(TYPICAL_EMPLOYEE, timezone.localdate())

    phone = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    desk = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    member = phone.new_page()
    advisor = desk.new_page()
    for page in (member, advisor):
        page.set_default_timeout(15_000)

    # The member is stuck on "Have you talked about it?" and calls the union.
    _walk_to(member, answers, "talked")
    member.locator("#case-panel > summary").click()  # folded under every page
    member.get_by_role("button", name="Samen met mijn adviseur").click()
    code = member.locator(".share-code [aria-hidden]").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6}", code)
    assert_accessible(axe, member)
    _shot(member, "member-code-nl-360")

    _sign_in(advisor, "adv")
    advisor.get_by_role("link", name="Meekijken").click()
    assert_accessible(axe, advisor)
    advisor.get_by_label("De deelcode van het lid").fill(code.lower())
    advisor.get_by_role("button", name="Open de zaak").click()
    advisor.wait_for_url("**/samen/")
    expect(advisor.locator("h1")).to_have_text("Samen aan de telefoon")
    expect(advisor.locator("[data-call-duration]")).to_be_visible()  # the call timer runs
    assert_accessible(axe, advisor)

    # The member's screen notices by itself (polling) that the advisor looks along.
    expect(member.locator(".share-status")).to_contain_text("Uw adviseur van FNV Utrecht kijkt mee")
    # ...also at the top of the phone's page, a link down to "Stop met delen"
    expect(member.locator(".share-banner a")).to_have_attribute("href", "#share-panel")
    assert_accessible(axe, member)
    _shot(member, "member-live-nl-360")

    # The advisor answers the member's current question: it shows on the phone.
    started = time.monotonic()
    advisor.locator("input[name='talked'][value='no']").check()
    expect(member.locator("input[name='talked-talked'][value='no']")).to_be_checked()
    to_member = time.monotonic() - started
    expect(member.locator(".live-changed")).to_contain_text("gewijzigd door uw adviseur")
    assert_accessible(axe, member)
    _shot(member, "member-changed-by-advisor-nl-360")

    # The member changes it and goes on: it shows on the advisor's screen, "door het lid".
    started = time.monotonic()
    member.locator("input[name='talked-talked'][value='yes']").check()
    member.locator(".actions button[type='submit']:not([name])").first.click()
    member.wait_for_load_state("load")
    expect(advisor.locator("input[name='talked'][value='yes']")).to_be_checked()
    to_advisor = time.monotonic() - started
    expect(advisor.locator("#live-changes")).to_contain_text("door het lid")
    # the advisor types the member's words; the advice beside follows the answers
    advisor.get_by_label("De eigen woorden van het lid, voor de brief").fill(
        "Ik kan halve dagen werken."
    )
    advisor.locator("input[name='wage'][value='stopped']").check()
    expect(advisor.locator("#live-advice")).to_contain_text(re.compile(r"\w"))
    assert_accessible(axe, advisor)
    _shot(advisor, "advisor-live-nl-desktop")
    advisor.set_viewport_size({"width": 360, "height": 740})
    _shot(advisor, "advisor-live-nl-360")
    advisor.set_viewport_size({"width": 1280, "height": 900})

    # A call note, saved with the case
    advisor.get_by_label("Nieuwe notitie").fill("Werkgever belt vrijdag terug.")
    advisor.get_by_role("button", name="Notitie toevoegen").click()
    expect(advisor.locator(".notes")).to_contain_text("Werkgever belt vrijdag terug.")

    # "Stop met delen": the advisor's page says so at once, and the case is gone for them.
    live_url = advisor.url.split("#")[0]
    member.get_by_role("button", name="Stop met delen").click()
    member.wait_for_load_state("load")
    # the button is back, in the folded tools under the page
    expect(member.locator("#case-panel .share-start button")).to_have_text(
        "Samen met mijn adviseur"
    )
    expect(advisor.locator("#live-status")).to_contain_text("gestopt met delen")
    assert advisor.goto(live_url).status == 404
    assert advisor.goto(live_url.replace("samen/", "")).status == 404

    # The same states in English
    member.goto(member.url.replace(live_server.url, live_server.url + "/en"))
    member.locator("#case-panel > summary").click()
    member.get_by_role("button", name="Together with my advisor").click()
    code = member.locator(".share-code [aria-hidden]").inner_text().strip()
    assert_accessible(axe, member)
    advisor.goto("/en/adviseur/samen/")
    advisor.get_by_label("The member's share code").fill(code)
    advisor.get_by_role("button", name="Open the case").click()
    advisor.wait_for_url("**/samen/")
    expect(member.locator(".share-status")).to_contain_text("Your advisor from FNV Utrecht")
    assert_accessible(axe, member)
    _shot(member, "member-live-en-360")
    assert_accessible(axe, advisor)
    _shot(advisor, "advisor-live-en-desktop")
    member.get_by_role("button", name="Call over: keep the case with the union").click()
    member.wait_for_load_state("load")
    expect(member.locator(".share-status")).to_contain_text("Your case is also kept by FNV Utrecht")
    assert_accessible(axe, member)
    _shot(member, "member-kept-en-360")

    print(
        f"\n[live sharing, 2 browsers] advisor's answer on the member's phone after "
        f"{to_member:.2f} s; member's answer on the advisor's screen after {to_advisor:.2f} s "
        f"(polling every 1.5 s)"
    )
    phone.close()
    desk.close()


def test_sharing_from_the_draft_page_is_accessible(browser, live_server, axe, settings):
    """The panel on the draft page (the end of the wizard), on the phone: the code waiting and
    the advisor looking along, axe-core in Dutch and English, and it fits 360 px."""
    from django.utils import timezone

    settings.ADVISOR_REQUIRE_2FA = False
    make_advisor("adv2", "FNV Utrecht")
    answers = resolve_dates(TYPICAL_EMPLOYEE, timezone.localdate())
    phone = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    desk = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    member, advisor = phone.new_page(), desk.new_page()
    for page in (member, advisor):
        page.set_default_timeout(15_000)
    _walk_to(member, answers, "__the_end__", until_url="/bijlagen/")
    draft = member.url.split("bijlagen/")[0]
    member.goto(draft)
    member.locator("#case-panel > summary").click()  # folded under every page
    member.get_by_role("button", name="Samen met mijn adviseur").click()
    code = member.locator(".share-code [aria-hidden]").inner_text().strip()
    assert "/brief/" in member.url
    assert_accessible(axe, member)
    _shot(member, "draft-code-nl-360")

    _sign_in(advisor, "adv2")
    advisor.goto("/adviseur/samen/")
    advisor.get_by_label("De deelcode van het lid").fill(code)
    advisor.get_by_role("button", name="Open de zaak").click()
    advisor.wait_for_url("**/samen/")
    expect(member.locator(".share-status")).to_contain_text("Uw adviseur van FNV Utrecht kijkt mee")
    # the panel is at the end of a long page: a link at the top leads down to "Stop met delen"
    member.reload()
    expect(member.locator(".share-banner a")).to_have_attribute("href", "#share-panel")
    assert_accessible(axe, member)
    _shot(member, "draft-live-nl-360")

    member.goto(draft.replace(live_server.url, live_server.url + "/en"))
    expect(member.locator(".share-status")).to_contain_text("Your advisor from FNV Utrecht")
    assert_accessible(axe, member)
    _shot(member, "draft-live-en-360")
    # close both screens before the test server stops (their pages poll every 1.5 s)
    phone.close()
    desk.close()
