"""In a real browser: the feedback tap with JavaScript switched off (keyboard and
mouse-free: a plain form), and the counts page for staff at 360 px and on a desktop screen,
axe-core clean, with screenshots in test-results/screens/ (insight-*.png)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.contrib.auth import get_user_model

from decision_aid.insight import counters as c
from decision_aid.insight.models import DailyCount, Feedback
from decision_aid.insight.services import feedback_add
from tests.e2e.conftest import assert_accessible, assert_fits_width
from tests.e2e.test_no_js_keyboard import Checker

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "een lange zin als wachtwoord 19"


def test_feedback_tap_without_javascript(browser, live_server, axe):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    checker = Checker(browser, live_server.url, axe, "insight")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto("/vragen/")
        page.get_by_label("Ik ben de werknemer: ik ben ziek").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Volgende").click()
        page.get_by_label("Geen contract: zelfstandige (zzp)").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Volgende").click()
        assert page.url.endswith("/advice/")
        tap = page.locator("section.feedback")
        assert tap.get_by_role("heading", name="Hielp dit advies?").is_visible()
        checker.check(page)
        tap.get_by_label("Wilt u nog iets zeggen?").fill(
            "Fijn dat ik meteen weet waar ik heen moet."
        )
        with page.expect_navigation():
            tap.get_by_role("button", name="Een beetje").click()
        assert "/reactie/bedankt/" in page.url
        assert page.get_by_role("heading", name="Dank u wel").is_visible()
        checker.check(page)
        with page.expect_navigation():
            page.get_by_role("link", name="Terug").click()
        assert page.url.endswith("/advice/")  # back on the advice, answers kept
    finally:
        context.close()
        checker.close()
    kept = Feedback.objects.get()
    assert (kept.place, kept.answer, kept.role) == ("advice", "somewhat", "employee")
    assert kept.text == "Fijn dat ik meteen weet waar ik heen moet."
    assert DailyCount.objects.get(metric=c.FEEDBACK).key == "advice.somewhat"
    assert DailyCount.objects.get(metric=c.OUT_OF_SCOPE).key == "scope_self_employed"


def _a_month_of_counts() -> None:
    """Counts as a month of use could leave them (written the way the app writes them), with a
    few small numbers that the page must show as "< 5"."""
    from datetime import timedelta

    from django.utils import timezone

    pages = [
        ("role", 412, 388),
        ("employment", 388, 380),
        ("still_sick", 351, 349),
        ("sick_since", 349, 301),
        ("disputes", 301, 290),
        ("first_opinion", 290, 284),
        ("first_opinion_date", 240, 231),
        ("talked", 284, 280),
        ("relationship", 280, 279),
        ("mediation", 61, 60),
        ("expert_opinion", 279, 275),
        ("wage", 275, 270),
        ("employer_passive", 212, 210),
        ("legal_help", 270, 262),
        ("cao_expert", 262, 259),
        ("review", 259, 255),
        ("advice", 292, 230),
        ("details", 230, 198),
        ("contract_end", 3, 3),
    ]
    today = timezone.localdate()
    for week in range(4):
        counts: Counter = Counter()
        for key, reached, answered in pages:
            counts[(c.PAGE_REACHED, key, "employee")] = reached // 4
            counts[(c.PAGE_ANSWERED, key, "employee")] = answered // 4
        counts[(c.PAGE_REACHED, "attachments", "employee")] = 49
        counts[(c.FIRST_LETTER, "under_30m", "employee")] = 20
        counts[(c.FIRST_LETTER, "2h_1d", "employee")] = 12
        counts[(c.ROUTE, "expert_opinion", "employee")] = 30 + week * 3
        counts[(c.ROUTE, "talk", "employee")] = 14
        counts[(c.ROUTE, "court", "employee")] = 2
        counts[(c.OUT_OF_SCOPE, "scope_self_employed", "employee")] = 6
        counts[(c.OUT_OF_SCOPE, "scope_not_sick", "employee")] = 3
        counts[(c.LETTER, "expert_opinion.pdf", "employee")] = 31
        counts[(c.FEEDBACK, "advice.yes", "employee")] = 11
        counts[(c.FEEDBACK, "advice.no", "employee")] = 2
        c.write(counts, language="nl", day=today - timedelta(days=7 * week))


def test_staff_counts_page_on_a_phone_and_a_desktop(browser, live_server, axe, settings):
    settings.ADVISOR_REQUIRE_2FA = False
    get_user_model().objects.create_user(
        "beheerder", password=PASSWORD, is_staff=True, is_superuser=True
    )
    _a_month_of_counts()
    feedback_add(
        language="nl",
        role="employee",
        place="advice",
        answer="yes",
        text="Heel duidelijk, dank jullie wel.",
    )
    for width, height, name in ((360, 740, "phone"), (1280, 900, "desktop")):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": height}
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            page.goto("/beheer/login/?next=/beheer/")
            page.fill("#id_username", "beheerder")
            page.fill("#id_password", PASSWORD)
            with page.expect_navigation():
                page.locator("input[type=submit]").click()
            with page.expect_navigation():
                page.get_by_role("link", name="Gebruik van de hulp").click()
            assert page.get_by_role("heading", name="Gebruik van de hulp", level=1).is_visible()
            chart = page.get_by_role("img", name="Waar mensen stoppen")
            assert chart.is_visible()
            assert "Grootste uitval:" in chart.inner_html()
            table = page.get_by_role("table", name="Pagina's op volgorde: bereikt en beantwoord")
            assert "grootste uitval" in table.locator("tr.is-drop").inner_text()
            assert "< 5" in page.locator("main").inner_text()  # small numbers masked
            assert "Heel duidelijk" in page.locator(".feedback-texts").inner_text()
            assert_accessible(axe, page)
            assert_fits_width(page, screenshot=f"insight-staff-{name}")
            with page.expect_download() as download:
                page.get_by_role("link", name="Download deze tellingen (CSV)").click()
            assert download.value.suggested_filename.startswith("gebruik-")
        finally:
            context.close()


def test_lead_counts_page_on_a_phone(page, axe, settings):
    """An organisation's lead: their own advisors' intakes only, axe-core clean at 360 px."""
    from tests.advisors.conftest import PASSWORD as ADVISOR_PASSWORD
    from tests.advisors.conftest import make_advisor

    settings.ADVISOR_REQUIRE_2FA = False
    lead = make_advisor("lead19", "FNV Utrecht", lead=True)
    other = make_advisor("other19", "CNV Noord")
    ours = Counter(
        {
            (c.INTAKE, "saved", "advisor"): 23,
            (c.ROUTE, "expert_opinion", "advisor"): 15,
            (c.ROUTE, "talk", "advisor"): 6,
            (c.ROUTE, "court", "advisor"): 2,
            (c.LETTER, "expert_opinion.pdf", "advisor"): 14,
        }
    )
    c.write(ours, language="nl", organisation=lead.organisation_id)
    c.write(
        Counter({(c.INTAKE, "saved", "advisor"): 99}),
        language="nl",
        organisation=other.organisation_id,
    )
    page.goto("/adviseur/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("lead19")
    page.get_by_label("Wachtwoord").fill(ADVISOR_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/adviseur/")
    with page.expect_navigation():
        page.get_by_role("link", name="Gebruik van de hulp").click()
    main = page.locator("main").inner_text()
    assert "Nieuwe intakes" in main and "23" in main and "99" not in main
    assert "< 5" in main  # the court route: 2
    assert "Recente teksten" not in main  # feedback texts are for staff only
    assert_accessible(axe, page)
    assert_fits_width(page, screenshot="insight-lead-phone")
