"""A cleaner whose pay stopped last week, on a 360 px phone (domain.md §10): the advice opens
with "Deze week" and its dated action above the route, the calendar downloads, and the first
letter is the written claim for the pay, not a UWV request that takes 4-8 weeks.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import SCREENSHOTS
from tests.journey_data import TYPICAL_EMPLOYEE, resolve_dates

pytestmark = pytest.mark.django_db(transaction=True)

PAY_STOPPED = {
    **TYPICAL_EMPLOYEE,
    "disputes": {"disputes": ["wage_stopped"]},
    "wage": {"wage": "cut"},
    "money": {"unfitness_disputed": "no", "pregnancy_related": "no"},
}


def _step(page) -> str:
    return page.locator("input[name='intake_wizard-current_step']").get_attribute("value")


def _walk_to_advice(page, answers) -> None:
    page.goto("/")
    page.locator("button[name='role-role'][value='employee']").click()
    page.wait_for_load_state("load")
    for _ in range(30):
        step = _step(page)
        if step == "advice":
            return
        if step == "money":  # the new question page, looked at on the phone
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "money-first-question-360.png"), full_page=True)
        for name, value in answers[step].items():
            field = f"{step}-{name}"
            if isinstance(value, list):
                for item in value:
                    page.locator(f"input[name='{field}'][value='{item}']").check()
            elif page.locator(f"input[type='radio'][name='{field}']").count():
                page.locator(f"input[name='{field}'][value='{value}']").check()
            else:
                page.locator(f"[name='{field}']").fill(value)
        page.locator(".actions button[type='submit']:not([name])").first.click()
        page.wait_for_load_state("load")
    raise AssertionError("never reached the advice page")


def test_pay_cut_opens_with_this_week_and_the_written_claim(page, live_server):
    from django.utils import timezone

    today = timezone.localdate()
    _walk_to_advice(page, resolve_dates(PAY_STOPPED, today))
    this_week = page.locator("section.this-week")
    primary = page.locator("section.advice-primary")
    assert this_week.is_visible()
    # above the route, and in the first screen of a 740 px phone
    top = this_week.bounding_box()["y"]
    assert top < primary.bounding_box()["y"] and top < 740
    pay_by = (today + timedelta(days=7)).strftime("%d-%m-%Y")
    assert pay_by in this_week.inner_text()
    # a pay cut with the sickness undisputed: a plain wage claim, not an expert opinion
    assert "deskundigenoordeel" not in primary.locator("h2").inner_text()
    for folder in (SCREENSHOTS, Path(os.environ.get("SCREENS_DIR", SCREENSHOTS))):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / "money-first-advice-360.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=str(folder / "money-first-advice-1280.png"), full_page=True)
        page.set_viewport_size({"width": 360, "height": 740})
    # the calendar: made when asked
    with page.expect_download() as download:
        this_week.locator("a[download]").click()
    body = Path(download.value.path()).read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in body
    assert f"DTSTART;VALUE=DATE:{(today + timedelta(days=7)):%Y%m%d}" in body
