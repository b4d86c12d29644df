"""The typical employee journey measured on a 360 px phone in the real browser.

Walks tests.journey_data.TYPICAL_EMPLOYEE from the home page to the attachments page the way a
person taps: one tap per choice, typed characters for a date, one tap per button. Prints page
loads, taps, typed characters and the advice page's height above the bottom of the "make the
letter" button (docs/benchmarks.md, "The phone walk"), and saves a screenshot of the advice page
to test-results/screens/ (and to $SCREENS_DIR when set).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import SCREENSHOTS
from tests.journey_data import TYPICAL_EMPLOYEE, resolve_dates

pytestmark = pytest.mark.django_db(transaction=True)

# The goal: the recommendation, a short why and the letter button in the first two
# screens of a 740 px high phone (2 x 740 = 1,480 px).
BUTTON_BOTTOM_LIMIT = 1480
# Measured before the phone-walk work with this walk: 19 page loads (home + 15 questions + check +
# advice + attachments would be 18; "Start" lands on the first question).
PAGE_LOADS_BEFORE = 19


def _current_step(page) -> str:
    return page.locator("input[name='intake_wizard-current_step']").get_attribute("value")


def test_typical_employee_walk_at_360px(page, live_server):
    from django.utils import timezone

    answers = resolve_dates(TYPICAL_EMPLOYEE, timezone.localdate())
    loads = {"n": 0}
    page.on("load", lambda _page: loads.__setitem__("n", loads["n"] + 1))
    taps = typed = words = 0
    progress_seen = []

    page.goto("/")
    # the first question is on the home page: the tap on "I am the employee" starts
    page.locator("button[name='role-role'][value='employee']").click()
    page.wait_for_load_state("load")
    taps += 1
    seen = []
    advice_height = None
    for _ in range(30):
        if "/brief/" in page.url:
            break
        step = _current_step(page)
        seen.append(step)
        progress_seen.append(page.locator(".progress-text").inner_text())
        # the words a person reads on the page (main content without the case panel)
        words += page.evaluate(
            "() => { const m = document.querySelector('main').cloneNode(true);"
            " m.querySelectorAll('details:not([open]) > :not(summary), .case-panel')"
            ".forEach(e => e.remove()); return m.innerText.split(/\\s+/).filter(Boolean).length; }"
        )
        if step == "advice":
            button = page.locator(".actions button[type='submit']").first
            advice_height = page.evaluate(
                "(b) => Math.round(b.getBoundingClientRect().bottom + window.scrollY)",
                button.element_handle(),
            )
            page_height = page.evaluate("document.documentElement.scrollHeight")
            for folder in (SCREENSHOTS, Path(os.environ.get("SCREENS_DIR", SCREENSHOTS))):
                folder.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(folder / "phone-walk-advice.png"), full_page=True)
            button.click()
            page.wait_for_load_state("load")
            taps += 1
            continue
        if step == "details":
            break
        for name, value in answers[step].items():
            field = f"{step}-{name}"
            if isinstance(value, list):
                for item in value:
                    page.locator(f"input[name='{field}'][value='{item}']").check()
                    taps += 1
            elif page.locator(f"input[type='radio'][name='{field}']").count():
                page.locator(f"input[name='{field}'][value='{value}']").check()
                taps += 1
            else:
                page.locator(f"[name='{field}']").fill(value)
                taps += 1
                typed += len(value)
        page.locator(".actions button[type='submit']:not([name])").first.click()
        page.wait_for_load_state("load")
        taps += 1
        assert _current_step(page) != step or "/brief/" in page.url, f"{step} did not advance"

    assert advice_height is not None, f"never reached the advice page: {seen}"
    # a plain estimate of the time: reading at 120 words a minute (B1, under stress), 3 s per
    # tap (find, aim, tap), 1 s per typed character
    seconds = words / 120 * 60 + taps * 3 + typed
    print(
        f"\n[phone walk 360x740] page loads to the letter details: {loads['n']}, taps: {taps}, "
        f"typed characters: {typed}, question pages: {len(seen) - 3}; words read: {words}, "
        f"estimated time {seconds / 60:.1f} min; advice page "
        f"{page_height} px high, letter button bottom at {advice_height} px; "
        f"progress: {progress_seen[0]} .. {progress_seen[-1]}"
    )
    # the progress moves on every page
    numbers = [int(text.split()[1]) for text in progress_seen]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), progress_seen
    assert advice_height <= BUTTON_BOTTOM_LIMIT, advice_height
    assert loads["n"] < PAGE_LOADS_BEFORE, loads["n"]


TARGETS_JS = """
() => {
  const small = [];
  const selector = '.option label, .lang-switch a, .lang-switch button, .footer-links a, '
    + '.inline-links a, .summary-action button, .actions .button';
  for (const el of document.querySelectorAll(selector)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || el.closest('[hidden]')) continue;
    if (r.height < 44 || r.width < 44) {
      const size = `${Math.round(r.width)}x${Math.round(r.height)}`;
      small.push(`${el.innerText.trim().slice(0, 30)} ${size}`);
    }
  }
  return small;
}
"""


def test_answers_and_links_on_their_own_are_44px_targets_at_360px(page, live_server):
    """A sick person taps "Ja" with a thumb: the answer "Ja" was a 16 x 29 px target, the
    language switch 65 x 27, the footer and case-panel links 21 px high and "Wijzig" on the
    check page 53 x 27 (phone review, p1-werknemer-11-talked.png). Each is 44 px now."""
    from django.utils import timezone

    answers = resolve_dates(TYPICAL_EMPLOYEE, timezone.localdate())
    page.goto("/")
    page.locator("button[name='role-role'][value='employee']").click()
    page.wait_for_load_state("load")
    checked = set()
    for _ in range(30):
        step = _current_step(page)
        assert page.evaluate(TARGETS_JS) == [], step
        checked.add(step)
        if step == "review":
            break
        for name, value in answers[step].items():
            field = f"{step}-{name}"
            for item in value if isinstance(value, list) else [value]:
                choice = page.locator(f"input[name='{field}'][value='{item}']")
                if choice.count():
                    choice.check()
                else:
                    page.locator(f"[name='{field}']").fill(item)
        page.locator(".actions button[type='submit']:not([name])").first.click()
        page.wait_for_load_state("load")
    assert {"talked", "disputes", "legal_help", "review"} <= checked, checked


@pytest.mark.parametrize("text", ["30 weken geleden", "4 september 2026"])
def test_a_date_written_as_the_hint_says_fits_its_field(page, live_server, text):
    """The hint says "Schrijf mei 2026 of 30 weken geleden", but the field was 11 characters
    wide: "20 weken ge" was all the person saw of it (phone review, timeout-01-warning.png)."""
    page.goto("/")
    page.locator("button[name='role-role'][value='employee']").click()
    page.wait_for_load_state("load")
    for step, value in (("employment", "permanent"), ("still_sick", "yes")):
        page.locator(f"input[name='{step}-{step}'][value='{value}']").check()
        page.locator(".actions button[type='submit']:not([name])").first.click()
        page.wait_for_load_state("load")
    field = page.locator("[name='sick_since-sick_since']")
    field.fill(text)
    hidden = field.evaluate("(e) => e.scrollWidth - e.clientWidth")
    assert hidden <= 0, f"{hidden}px of {text!r} out of sight"
