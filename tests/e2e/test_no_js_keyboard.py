"""The whole public journey with JavaScript switched off, driven by the keyboard alone, on a
360 px wide phone screen, in Dutch and in English: axe-core and the no-sideways-scroll check on
every page (with a screenshot of each page in test-results/screens/), down to the PDF.

Keyboard alone: Tab to reach a field or button, the arrow keys to choose a radio button, Space
for a check box, typing for text, Enter to press a button or follow a link. The file dialog for
the first opinion is the browser's own (Playwright's file chooser stands in for it). The key
presses are counted and printed.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from tests.conftest import pdf_text
from tests.e2e.conftest import assert_fits_width, intercept_file_chooser
from tests.journey_data import TYPICAL_EMPLOYEE, resolve_dates

pytestmark = pytest.mark.django_db(transaction=True)

ACTIVE = """() => {
  const e = document.activeElement;
  return {tag: e.tagName, type: e.type || '', name: e.getAttribute('name') || '',
          value: e.value || '', href: e.getAttribute('href') || '', checked: !!e.checked,
          parent: (e.parentElement && e.parentElement.id) || ''};
}"""


SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)


class Checker:
    """axe-core needs JavaScript (it waits on timers), which this page has switched off. So each
    page's HTML, exactly as the server sent it and without its scripts, is checked in a second
    page that has JavaScript, at the same width and with the same stylesheets; the width check
    and the screenshot are taken on the page itself."""

    def __init__(self, browser, base_url: str, axe, label: str) -> None:
        self.context = browser.new_context(viewport={"width": 360, "height": 740})
        self.mirror = self.context.new_page()
        self.base_url = base_url
        self.axe = axe
        self.label = label
        self.count = 0

    def check(self, page) -> None:
        html = SCRIPT_RE.sub("", page.content())
        html = html.replace("<head>", f'<head><base href="{self.base_url}/">', 1)
        self.mirror.set_content(html, wait_until="load")
        results = self.axe.run(self.mirror)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
        self.count += 1
        last = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]
        step = "home" if last in ("", "en") else "draft" if len(last) == 36 else last
        assert_fits_width(page, screenshot=f"nojs-{self.label}-{self.count:02d}-{step}")

    def close(self) -> None:
        self.context.close()


class Keyboard:
    def __init__(self, page) -> None:
        self.page = page
        self.presses = 0

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.presses += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.presses += len(text)

    def active(self) -> dict[str, Any]:
        return self.page.evaluate(ACTIVE)

    def tab_to(self, wanted, what: str, limit: int = 80) -> dict[str, Any]:
        """Press Tab until the focused element is the wanted one."""
        for _ in range(limit):
            self.press("Tab")
            element = self.active()
            if wanted(element):
                return element
        raise AssertionError(f"{what}: not reachable with Tab on {self.page.url}")


def _primary_button(e: dict[str, Any]) -> bool:
    """The page's main button: a submit button without a name (Back and the language switch
    have one)."""
    return e["tag"] == "BUTTON" and e["type"] == "submit" and not e["name"]


# The id of the closed fold (details) a field is in, or "".
CLOSED_FOLD = """(name) => {
  const field = document.getElementsByName(name)[0];
  const fold = field && field.closest('details:not([open])');
  return fold ? fold.id : '';
}"""


def _in_page_order(page, step: str, fields: dict[str, Any]) -> list[tuple[str, Any]]:
    """The answers in the order Tab reaches their fields."""
    names = page.eval_on_selector_all("[name]", "els => els.map(e => e.getAttribute('name'))")
    return sorted(fields.items(), key=lambda item: names.index(f"{step}-{item[0]}"))


def _answer(keys: Keyboard, step: str, field: str, value: Any) -> None:
    name = f"{step}-{field}"
    fold = keys.page.evaluate(CLOSED_FOLD, name)
    if fold:  # an optional group folded under its summary line: Enter opens it
        keys.tab_to(lambda e: e["tag"] == "SUMMARY" and e["parent"] == fold, f"{name}: {fold}")
        keys.press("Enter")
    if isinstance(value, list):  # check boxes
        for item in value:
            keys.tab_to(lambda e, i=item: e["name"] == name and e["value"] == i, f"{name}={item}")
            keys.press("Space")
        return
    element = keys.tab_to(lambda e: e["name"] == name, name)
    if element["type"] == "radio":
        for _ in range(12):  # the arrow keys move through the group and choose
            if element["value"] == value:
                break
            keys.press("ArrowDown")
            element = keys.active()
        assert element["value"] == value, f"{name}: no option {value!r}"
        if not element["checked"]:
            keys.press("Space")
    else:
        keys.type(str(value))


@pytest.mark.parametrize("lang", ["", "/en"])
def test_whole_journey_keyboard_only_without_javascript(
    browser, live_server, axe, make_pdf, tmp_path, lang
):
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": 360, "height": 740},
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    intercept_file_chooser(page)  # before any key press, not racing the one that opens it
    keys = Keyboard(page)
    checker = Checker(browser, live_server.url, axe, lang.strip("/") or "nl")
    answers = resolve_dates(TYPICAL_EMPLOYEE, timezone.localdate())
    try:
        page.goto(f"{lang}/")
        assert page.evaluate("document.documentElement.lang") == ("en" if lang else "nl")
        checker.check(page)
        # the first question (who are you?) is on the home page: its button starts
        keys.tab_to(lambda e: e["name"] == "role-role" and e["value"] == "employee", "Start")
        with page.expect_navigation():
            keys.press("Enter")

        seen = []
        for _ in range(30):
            if "/bijlagen/" in page.url:
                break
            step = page.url.rstrip("/").rsplit("/", 1)[-1]
            step = "role" if step == "vragen" else step
            seen.append(step)
            checker.check(page)
            for field, value in _in_page_order(page, step, answers[step]):
                _answer(keys, step, field, value)
            keys.tab_to(_primary_button, f"{step}: the main button")
            with page.expect_navigation():
                keys.press("Enter")
        assert "/bijlagen/" in page.url, f"did not reach the attachments page (seen {seen})"
        assert seen[-1] == "details" and "review" in seen and "advice" in seen

        # The first opinion: the file field opens the browser's file dialog.
        checker.check(page)
        opinion = tmp_path / "advies.pdf"
        opinion.write_bytes(make_pdf(pages=2))
        case_id = page.url.rstrip("/").split("/")[-2]
        keys.tab_to(lambda e: e["type"] == "file", "the file field")
        with page.expect_file_chooser() as chooser:
            keys.press("Space")
        chooser.value.set_files(str(opinion))
        # Straight on to "Make my letter": the chosen file goes with it (it used to be a link
        # that left the file behind).
        keys.tab_to(lambda e: e["tag"] == "BUTTON" and e["value"] == "go", "Make my letter")
        with page.expect_navigation():
            keys.press("Enter")
        assert page.url.rstrip("/").endswith(case_id)
        assert page.locator(".checklist").filter(has_text="(2 ").count() == 1  # 2 pages
        checker.check(page)
        keys.tab_to(lambda e: e["tag"] == "A" and "/pdf/" in e["href"], "Download the PDF")
        with page.expect_download() as download:
            keys.press("Enter")
        data = Path(download.value.path()).read_bytes()
    finally:
        context.close()
        checker.close()

    from pypdf import PdfReader

    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Anouk de Vries-Çelik" in text
    assert "EERSTE OORDEEL pagina 2" in text  # the attached first opinion, both pages
    assert len(PdfReader(io.BytesIO(data)).pages) >= 3
    language = lang.strip("/") or "nl"
    print(f"\nkeyboard-only journey without JavaScript ({language}): {keys.presses} key presses")
