"""Send it today, from a 360 x 640 phone: the letter details and the attachments page measured
in the real browser, for the employee, the employer and the union advisor.

Heights are printed (docs/benchmarks.md); screenshots go to $SCREENS_DIR when it is set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.documents.cases import case_file_for

pytestmark = pytest.mark.django_db(transaction=True)

SCREEN = {"width": 360, "height": 640}
ROLES = ("employee", "employer", "advisor")
# The letter details with every optional group folded, on the expert-opinion route with the
# pay stopped (the most fields): the "Next" button within four screens of a 640 px phone and the
# page within four and a half. What is always asked (two to four names, an address, the problem
# in the person's own words with its example) takes about two and a half screens at 360 px;
# the summary lines of the five or six folds half a screen; under the button the "Continue
# later" line and the footer, about 390 px on every page. Measured after the folds: button at
# 2,100-2,330 px, page 2,490-2,710 px; before: button at 5,540-6,430, page 5,900-6,810 px.
DETAILS_BUTTON_BUDGET = 4 * SCREEN["height"]
DETAILS_BUDGET = 4.5 * SCREEN["height"]
# The attachments page: "Make my letter" within the first one and a half screens once a file is
# added (it was about 2,300 px down, under the upload and the typed-text box).
BUTTON_BUDGET = 1.5 * SCREEN["height"]


def _shot(page, name: str) -> None:
    folder = os.environ.get("SCREENS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _case(role: str, **parties):
    """A finished case on the expert-opinion route with the pay stopped: the details page with
    the most fields. Only what is always asked is filled in (the first visit), plus `parties`."""
    from decision_aid.casefile.answers import case_file_to_wizard_state
    from decision_aid.cases.services import case_create, case_finish, case_save_state

    case_file = case_file_for("expert_opinion", role=role)
    if role != "employer":
        case_file["parties"]["employer"] = {"name": case_file["parties"]["employer"]["name"]}
    case_file["parties"]["bedrijfsarts"] = {}
    for side, values in parties.items():
        case_file["parties"].setdefault(side, {}).update(values)
    state = case_file_to_wizard_state(case_file)
    # checked and advised: the person is on the details page
    state["step_data"].update(review={}, advice={})
    state["step"] = "details"
    case = case_create(language="nl")
    case_save_state(case=case, state=state, language="nl")
    case_finish(case=case, case_file=case_file)
    return case


def _context(browser, live_server, cases):
    from django.conf import settings as django_settings
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["cases"] = [str(c.id) for c in cases]
    session.save()
    context = browser.new_context(base_url=live_server.url, viewport=SCREEN, is_mobile=True)
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


def _height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def _bottom(page, selector: str) -> int:
    return page.evaluate(
        "(s) => Math.round(document.querySelector(s).getBoundingClientRect().bottom"
        " + window.scrollY)",
        selector,
    )


def test_the_letter_details_fit_a_phone_with_the_optional_parts_folded(browser, live_server):
    """The employee, the bakery owner and the union advisor each fill in the letter details on
    a phone: what is always asked is open, the optional parts fold into one line each, and
    "Next" is within four screens (it was nine to ten down)."""
    cases = {role: _case(role) for role in ROLES}
    context = _context(browser, live_server, cases.values())
    page = context.new_page()
    page.set_default_timeout(20_000)
    measured, required_folded = {}, {}
    try:
        for role, case in cases.items():
            page.goto(f"/vragen/{case.id}/details/")
            measured[role] = (_height(page), _bottom(page, ".actions button[type=submit]"))
            # what must be filled in is never folded away
            assert page.locator("[name^='details-'][required]").count() >= 3
            required_folded[role] = page.eval_on_selector_all(
                "details:not([open]) [name^='details-'][required]",
                "els => els.map(e => e.name)",
            )
            _shot(page, f"details-360-{role}")
    finally:
        context.close()
    print(
        "\n[letter details at 360x640, folds closed] "
        + ", ".join(f"{role}: {h} px high, button at {b}" for role, (h, b) in measured.items())
    )
    too_high = {role: m for role, m in measured.items() if m[0] > DETAILS_BUDGET}
    assert not too_high, (DETAILS_BUDGET, too_high)
    button_low = {role: m for role, m in measured.items() if m[1] > DETAILS_BUTTON_BUDGET}
    assert not button_low, (DETAILS_BUTTON_BUDGET, button_low)
    assert all(hidden == [] for hidden in required_folded.values()), required_folded


MAKE = "button[name=action][value=go]"


def test_make_my_letter_is_within_one_and_a_half_screens(browser, live_server, tmp_path):
    """On the attachments page the main button sat under the upload, the role choice, the
    typed-text box and two hints: 2,300 px down on a phone. It is now within the first one and
    a half screens, before and after a file is added; what was added stays listed."""
    from tests.documents import files

    role = "employee"  # the page is the same for every role
    case = _case(role)
    context = _context(browser, live_server, [case])
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(f"/brief/{case.id}/bijlagen/")
        empty = (_height(page), _bottom(page, MAKE))
        _shot(page, f"attachments-360-{role}-empty")
        opinion = tmp_path / "advies.pdf"
        opinion.write_bytes(files.pdf(2))
        page.locator("input[type='file']").set_input_files(str(opinion))
        page.locator("button[name=action][value=file]").click()
        page.wait_for_load_state("load")
        assert page.locator(".attachment-list li").count() == 1
        added = (_height(page), _bottom(page, MAKE))
        _shot(page, f"attachments-360-{role}-added")
    finally:
        context.close()
    print(
        f"\n[attachments at 360x640, {role}] no file: {empty[0]} px high, button at {empty[1]};"
        f" one file: {added[0]} px high, button at {added[1]}"
    )
    assert empty[1] <= BUTTON_BUDGET, empty
    assert added[1] <= BUTTON_BUDGET, added
