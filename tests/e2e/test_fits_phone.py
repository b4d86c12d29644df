"""Every page at 320 and 360 px in the real browser: nothing scrolls sideways, in Dutch and in
English, for each role, including the letter previews and the advisor's pages; and a question
page with a few answers fits two screens of a 360 x 640 phone, its main button within the first
one and a half.

Folded parts (details) are opened before measuring: a source link that does not wrap only
widens the page once its fold is open.
"""

from __future__ import annotations

import pytest

from tests.documents.cases import ROUTE_CASES, case_file_for
from tests.e2e.conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (320, 360)
SCREEN = {"width": 360, "height": 640}

# The document's width with every fold open; the widest element named for the message.
MEASURE_JS = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const width = document.documentElement.clientWidth;
  let widest = null;
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right > width + 0.5 && (!widest || r.right > widest.right)) {
      const text = (e.textContent || '').trim().slice(0, 40);
      widest = {right: Math.round(r.right), what: e.tagName + ' ' + text};
    }
  }
  return {scroll: document.documentElement.scrollWidth, widest: widest};
}"""


def _too_wide(page, label: str) -> list[str]:
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 640})
        found = page.evaluate(MEASURE_JS)
        if found["scroll"] > width:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = f"too-wide-{width}-{label}".replace("/", "_")[:90]
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
            problems.append(f"{label} at {width}px: {found['scroll']}px wide ({found['widest']})")
    return problems


def _own_context(browser, live_server, cases, *, java_script: bool = True):
    from django.conf import settings as django_settings
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["cases"] = [str(c.id) for c in cases]
    session.save()
    context = browser.new_context(
        base_url=live_server.url, viewport=SCREEN, java_script_enabled=java_script, is_mobile=True
    )
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


def _case_with_answers(role: str, route: str, lang: str):
    from decision_aid.casefile.answers import case_file_to_wizard_state
    from decision_aid.cases.services import case_create, case_finish, case_save_state

    case_file = case_file_for(route, role=role)
    case_file["language"] = lang
    case = case_create(language=lang)
    case_save_state(case=case, state=case_file_to_wizard_state(case_file), language=lang)
    case_finish(case=case, case_file=case_file)
    return case


def _case_pages(page, case, prefix: str) -> list[str]:
    """The case's wizard pages (every question of its journey, check, advice, details), then
    its letter pages and each letter's preview."""
    from decision_aid.wizard.steps import journey_pages, stored_answers

    paths = []
    for step in journey_pages(stored_answers(case.wizard_state)):
        if step in ("attachments", "draft"):
            continue
        paths.append(f"{prefix}/vragen/{case.id}/{step}/")
    paths += [
        f"{prefix}/vragen/{case.id}/samenvatting/",
        f"{prefix}/brief/{case.id}/bijlagen/",
        f"{prefix}/brief/{case.id}/",
        f"{prefix}/zaak/{case.id}/verwijderen/",
    ]
    return paths


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_page_scrolls_sideways_at_320_and_360px(browser, live_server, settings, lang):
    from tests.advisors.conftest import PASSWORD, make_advisor

    settings.ADVISOR_REQUIRE_2FA = False
    prefix = "" if lang == "nl" else "/en"
    cases = [
        _case_with_answers(role, route, lang)
        for role in ("employee", "employer", "advisor")
        for route in ROUTE_CASES
    ]
    context = _own_context(browser, live_server, cases)
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    seen = 0
    try:
        public = (
            ("/", "/privacy/", "/bronnen/") if lang == "nl" else ("/", "/privacy/", "/sources/")
        )
        for path in public:
            page.goto(prefix + path)
            problems += _too_wide(page, prefix + path)
            seen += 1
        done: set[str] = set()
        for case in cases:
            paths = _case_pages(page, case, prefix)
            page.goto(f"{prefix}/brief/{case.id}/")
            previews = page.eval_on_selector_all(
                "a[href*='/voorbeeld/'], a[href*='/uwv-formulier/']",
                "els => els.map(e => e.getAttribute('href'))",
            )
            for path in paths + previews:
                # one of each question page is enough; every letter page and preview is measured
                question = "/vragen/" in path and not path.endswith(("/advice/", "/review/"))
                key = path.replace(str(case.id), "") if question else path
                if key in done:
                    continue
                done.add(key)
                response = page.goto(path)
                assert response is not None and response.status < 400, (path, response.status)
                problems += _too_wide(page, path)
                seen += 1
        # the advisor's own pages, signed in
        make_advisor("lead", "FNV Utrecht", lead=True)
        page.context.clear_cookies()
        page.goto(f"{prefix}/adviseur/inloggen/")
        problems += _too_wide(page, "advisor login")
        page.locator("input[name='username']").fill("lead")
        page.locator("input[name='password']").fill(PASSWORD)
        page.locator("form button[type=submit]").last.click()
        page.wait_for_url("**/adviseur/")
        for path in ("/adviseur/", "/adviseur/nieuw/", "/adviseur/audit/", "/adviseur/samen/"):
            page.goto(prefix + path)
            problems += _too_wide(page, prefix + path)
            seen += 1
    finally:
        context.close()
    print(f"\n[fits phone, {lang}] {seen} pages at {WIDTHS} px")
    assert seen > 40, seen
    assert not problems, "\n".join(problems)


def _question_pages_measured(page) -> list[tuple[str, int, int, int]]:
    """(step, answers, page height, main button bottom) for each question page of the typical
    walk, as a person would tap through it."""
    from django.utils import timezone

    from tests.journey_data import TYPICAL_EMPLOYEE, resolve_dates

    answers = resolve_dates(TYPICAL_EMPLOYEE, timezone.localdate())
    page.goto("/")
    page.locator("button[name='role-role'][value='employee']").click()
    page.wait_for_load_state("load")
    measured = []
    for _ in range(30):
        step = page.locator("input[name='intake_wizard-current_step']").get_attribute("value")
        if step in ("review", "advice", "details"):
            break
        button = page.locator(".actions button[type='submit']").first
        measured.append(
            (
                step,
                page.locator(
                    f"input[type=radio][name^='{step}-'], input[type=checkbox][name^='{step}-']"
                ).count(),
                page.evaluate("document.documentElement.scrollHeight"),
                page.evaluate(
                    "(b) => Math.round(b.getBoundingClientRect().bottom + window.scrollY)",
                    button.element_handle(),
                ),
            )
        )
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
    return measured


@pytest.mark.parametrize("lang", ["", "/en"])
def test_a_question_with_a_few_answers_fits_two_screens(browser, live_server, lang):
    """Under every question the same boxes ("Together with my advisor", "Continue later" with
    the code and four links) made a three-answer question 1,900-2,100 px high; folded into one
    line, it fits two 640 px screens and its button is within the first one and a half."""
    context = browser.new_context(base_url=live_server.url + lang, viewport=SCREEN)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        measured = _question_pages_measured(page)
    finally:
        context.close()
    few = [m for m in measured if 0 < m[1] <= 4]
    print(
        f"\n[question pages at 360x640{lang}] " + ", ".join(f"{s}: {h}/{b}" for s, _, h, b in few)
    )
    assert len(few) >= 5, measured
    too_high = [m for m in few if m[2] > 2 * SCREEN["height"]]
    assert not too_high, too_high
    button_low = [m for m in few if m[3] > 1.5 * SCREEN["height"]]
    assert not button_low, button_low


@pytest.mark.parametrize("role", ["employee", "employer"])
def test_the_pay_stop_advice_fits_a_360px_phone(browser, live_server, role):
    """The cleaner whose pay was cut and the bakery owner who stopped it: their advice cites
    "Deskundigenverklaring niet vereist in kort geding (HR 14-9-2018)", a source name that did
    not wrap and made the page 554 / 609 px wide on a 360 px phone (phone walk review)."""
    case_file = case_file_for(
        "pay_stop",
        role=role,
        disputes=["wage_stopped"],
        wage="stopped",
        unfitness_disputed=False,
        pregnancy_related=False,
    )
    from decision_aid.casefile.answers import case_file_to_wizard_state
    from decision_aid.cases.services import case_create, case_finish, case_save_state

    case_file["language"] = "nl"
    case = case_create(language="nl")
    case_save_state(case=case, state=case_file_to_wizard_state(case_file), language="nl")
    case_finish(case=case, case_file=case_file)
    context = _own_context(browser, live_server, [case])
    page = context.new_page()
    try:
        page.goto(f"/vragen/{case.id}/review/")
        page.locator(".actions button[type='submit']:not([name])").first.click()
        page.wait_for_load_state("load")
        assert "/advice/" in page.url, page.url
        assert "Deze week" in page.locator("main").inner_text()
        assert _too_wide(page, f"pay-stop-advice-{role}") == []
    finally:
        context.close()
