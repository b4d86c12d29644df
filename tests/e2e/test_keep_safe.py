"""Keep-safe behaviour only a browser shows: resume on another device, the timeout warning,
and that every request of a whole journey stays on our own origin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)


def _start(page) -> None:
    page.goto("/")
    page.get_by_role("button", name="Ik ben de werknemer").click()  # the home page's start
    page.get_by_label("Een vast contract").check()
    page.get_by_role("button", name="Volgende", exact=True).last.click()


def test_resume_in_a_new_browser_context_with_the_code(page, browser, live_server):
    _start(page)
    code = page.locator(".resume-code").first.text_content()  # in the folded tools
    assert len(code) == 14
    other = browser.new_context(base_url=live_server.url)
    tab = other.new_page()
    tab.goto("/zaak/hervatten/")
    tab.get_by_label("Uw hervatcode").fill(code.lower().replace("-", " "))
    tab.get_by_role("button", name="Verder", exact=True).click()
    # the new device continues at the question where the first one stopped
    assert tab.locator("h1").inner_text().startswith("Bent u nu ziek")
    tab.get_by_role("button", name="Vorige").click()
    assert tab.get_by_label("Een vast contract").is_checked()
    other.close()


def test_timeout_warning_offers_to_stay(page):
    page.clock.install()
    _start(page)
    warning = page.locator("#timeout-warning")
    assert warning.is_hidden()
    page.clock.fast_forward("01:56:00")  # 2 h session, warning 5 minutes before the end
    warning.wait_for(state="visible")
    # it does not claim what is being typed is saved: only the pages sent are
    assert "De pagina's die u verstuurde zijn bewaard" in warning.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-extend')")
    with page.expect_response(lambda r: "/sessie/verlengen/" in r.url) as response:
        page.get_by_role("button", name="Ik ben er nog").click()
    assert response.value.status == 200
    warning.wait_for(state="hidden")


def test_every_request_of_a_full_journey_goes_to_our_own_origin(page, live_server):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    _start(page)
    page.get_by_label("Ja, ik ben ziek", exact=True).check()
    page.get_by_role("button", name="Volgende", exact=True).last.click()
    since = (timezone.localdate() - timedelta(weeks=10)).strftime("%d-%m-%Y")
    page.locator("input[name='sick_since-sick_since']").fill(since)
    page.get_by_role("button", name="Volgende", exact=True).last.click()
    page.get_by_label("Of het aangeboden werk passend is").check()
    for _ in range(12):  # accept the defaults until the review page
        if page.get_by_role("button", name="Bekijk het advies").count():
            break
        radios = page.locator("input[type=radio]")
        if radios.count():
            radios.first.check()
            for name in ("legal_help-legal_insurance",):
                extra = page.locator(f"input[name='{name}']")
                if extra.count():
                    extra.first.check()
        page.get_by_role("button", name="Volgende", exact=True).last.click()
    page.get_by_role("button", name="Bekijk het advies").click()
    assert len(seen) > 15
    outside = [url for url in seen if not url.startswith(live_server.url)]
    assert outside == [], outside
