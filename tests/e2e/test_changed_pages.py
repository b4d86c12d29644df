"""axe-core on the pages the phone-walk work changed or added, in Dutch and English, with
JavaScript and
without it (the no-JS page's HTML checked in a mirror page, as in test_no_js_keyboard): home,
privacy, sources, the out-of-scope result and the readable summary; at 360 px, nothing
scrolls sideways."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import assert_accessible
from tests.e2e.test_no_js_keyboard import Checker

pytestmark = pytest.mark.django_db(transaction=True)

STATIC = {"": ("/", "/privacy/", "/bronnen/"), "/en": ("/en/", "/en/privacy/", "/en/sources/")}
TEXT = {
    "": {"next": "Volgende", "none": "Geen werkgever", "employee": "Ik ben de werknemer"},
    "/en": {"next": "Next", "none": "No employer", "employee": "I am the employee"},
}


def _out_of_scope_then_summary(page, lang: str, check) -> None:
    t = TEXT[lang]
    page.goto(f"{lang}/vragen/")
    page.get_by_label(t["employee"], exact=False).first.check()
    page.get_by_role("button", name=t["next"], exact=True).last.click()
    page.get_by_label(t["none"], exact=False).first.check()
    page.get_by_role("button", name=t["next"], exact=True).last.click()
    page.wait_for_url("**/advice/")
    check(page)  # the out-of-scope result, right after the deciding answer
    page.locator("#case-panel > summary").click()
    # a link on a page without a form, a button of the page's form on one (sent first)
    page.locator(
        ".case-panel a[href*='/samenvatting/'], .case-panel button[value*='/samenvatting/']"
    ).first.click()
    page.wait_for_url("**/samenvatting/")
    check(page)


@pytest.mark.parametrize("lang", ["", "/en"])
def test_changed_pages_with_javascript(page, axe, lang):
    for path in STATIC[lang]:
        page.goto(path)
        assert_accessible(axe, page)
    _out_of_scope_then_summary(page, lang, lambda p: assert_accessible(axe, p))


@pytest.mark.parametrize("lang", ["", "/en"])
def test_changed_pages_without_javascript(browser, live_server, axe, lang):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    checker = Checker(browser, live_server.url, axe, f"changed{lang.replace('/', '-')}")
    try:
        for path in STATIC[lang]:
            page.goto(path)
            checker.check(page)
        _out_of_scope_then_summary(page, lang, checker.check)
        assert checker.count == len(STATIC[lang]) + 2
    finally:
        checker.close()
        context.close()
