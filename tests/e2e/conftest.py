"""Real-browser journeys: Playwright driving Debian's chromium (no browser download).

When CI=true a missing browser fails the run; elsewhere those tests are skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# body (reading back what the browser saved) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        message = f"chromium not found at {CHROMIUM}: install Debian's chromium (make system-deps)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, accept_downloads=True, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def intercept_file_chooser(page) -> None:
    """Have Playwright catch the browser's file dialog for this page from now on.

    `page.expect_file_chooser()` alone switches the interception on only when it is entered, and
    Playwright does not wait for Chromium to confirm it before the next action. Chromium applies
    it in the page's renderer, on another channel than key presses: under load the key press
    that opens the dialog can arrive first, the dialog then opens unintercepted (headless: shown
    to nobody) and no "filechooser" event ever comes (seen in the pw:protocol log: the reply to
    Page.setInterceptFileChooserDialog after the replies to keyDown/keyUp). A listener added
    when the page is made switches it on long before any key is pressed; new documents and
    renderers inherit it before they run.
    """
    page.on("filechooser", lambda chooser: None)


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screens"


def assert_accessible(axe, page) -> None:
    """axe-core finds no violations, and at the page's width nothing scrolls sideways."""
    results = axe.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
    assert_fits_width(page)


def assert_fits_width(page, *, screenshot: str = "") -> None:
    """Nothing scrolls sideways at the page's width. A full-page screenshot is saved when it
    does, and always when `screenshot` names one (test-results/screens/<name>.png)."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width or screenshot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = screenshot or page.url.split("//", 1)[-1].replace("/", "_")[:80]
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    assert scroll_width <= width, f"{page.url}: {scroll_width}px wide at a {width}px viewport"
