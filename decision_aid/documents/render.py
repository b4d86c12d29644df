"""HTML and PDF rendering of a draft. WeasyPrint is imported lazily (slow import), and it may
fetch nothing but our own bundled fonts and print CSS.

The HTML is made here, in the web process; the PDF is made from it in a limited child process
(documents.sandbox: CPU and memory limits, a few at a time), unless RENDER_WORKER_ISOLATED is
off or a test passes its own URL fetcher to look at what was asked for."""

from __future__ import annotations

import atexit
import mimetypes
import threading
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string

from decision_aid.documents.assemble import assemble as _assemble
from decision_aid.documents.pdf_guard import without_active_content

ASSET_ROOT = (Path(settings.BASE_DIR) / "static").resolve()
ALLOWED_ASSET_DIRS = ("fonts", "css")


class RefusedURL(ValueError):
    """WeasyPrint asked for something that is not one of our bundled assets."""


def bundled_asset(url: str) -> Path:
    """The local file for a ``file:`` URL inside our asset folders; refuse everything else."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        raise RefusedURL(url)
    path = Path(unquote(parts.path)).resolve()
    if not any(path.is_relative_to(ASSET_ROOT / d) for d in ALLOWED_ASSET_DIRS):
        raise RefusedURL(url)
    if not path.is_file():
        raise RefusedURL(url)
    return path


@cache
def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class BundledAssetsFetcher(URLFetcher):
        """Serves only files under static/fonts and static/css; no network, no other files."""

        refused: list[str]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.refused = []

        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            try:
                path = bundled_asset(url)
            except RefusedURL:
                self.refused.append(url)
                raise
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    return BundledAssetsFetcher


def make_fetcher() -> Any:
    return _fetcher_class()()


def render_html(context: dict[str, Any], *, for_pdf: bool = True) -> str:
    """The document as HTML: the PDF's source, and (``for_pdf=False``) the browser preview."""
    template = context.get("template") or "pdf/draft.html"
    return render_to_string(template, {**context, "for_pdf": for_pdf})


@cache
def _print_style() -> tuple[Any, Any]:
    """The print stylesheet and its fonts, parsed and registered once per process (measured:
    parsing the CSS and loading the @font-face fonts on every render cost ~100 ms)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    # Let it go while the libraries are still loaded (its __del__ needs them).
    atexit.register(_print_style.cache_clear)
    css = CSS(
        filename=str(ASSET_ROOT / "css" / "pdf.css"),
        font_config=font_config,
        url_fetcher=make_fetcher(),
    )
    return css, font_config


# One render at a time per process: WeasyPrint is CPU-bound and not documented as thread-safe;
# with threaded web workers this also keeps PDFs from taking every thread of a worker.
_RENDER_LOCK = threading.Lock()


def html_to_pdf(html: str, fetcher: Any = None) -> bytes:
    """Tagged A4 PDF (pdf/ua-1: structure tree, title and language from <title> and
    <html lang> in the metadata), fonts embedded, nothing fetched but our bundled assets."""
    from weasyprint import HTML

    css, font_config = _print_style()
    document = HTML(
        string=html,
        base_url=ASSET_ROOT.as_uri() + "/",
        url_fetcher=fetcher or make_fetcher(),
    )
    with _RENDER_LOCK:
        return document.write_pdf(
            pdf_variant="pdf/ua-1", stylesheets=[css], font_config=font_config
        )


def pdf_from_html(
    html: str,
    attachments: list[bytes],
    stamps: list[str],
    *,
    assemble: bool = True,
    fetcher: Any = None,
) -> bytes:
    """The PDF of this HTML, then (``assemble``) the attachments' pages, each one's first page
    stamped. What the render worker runs (sandbox._render_job); in this process only when
    rendering is not isolated."""
    draft = html_to_pdf(html, fetcher)
    if not assemble:
        return draft
    # The letters print their fields as lines, not tables: no header cells to scope then.
    letter = _assemble(draft, attachments, stamps)
    # The bytes we send are checked too, not only each upload (documents.pdf_guard).
    return without_active_content(letter) if attachments else letter


def _pdf(
    html: str,
    attachments: list[bytes] = (),
    stamps: list[str] = (),
    *,
    assemble: bool = True,
    fetcher: Any = None,
) -> bytes:
    if fetcher is None and settings.RENDER_WORKER_ISOLATED:
        from decision_aid.documents.sandbox import render_pdf_isolated

        return render_pdf_isolated(html, list(attachments), list(stamps), assemble=assemble)
    return pdf_from_html(html, list(attachments), list(stamps), assemble=assemble, fetcher=fetcher)


def render_pdf(context: dict[str, Any], attachments: list[bytes], fetcher: Any = None) -> bytes:
    """The letter as a tagged A4 PDF, then every attachment's pages, unchanged but for the
    stamp on each one's first page ("Bijlage 1 – …", the numbers the letter lists)."""
    stamps = [e.stamp for e in context.get("enclosures") or []]
    return _pdf(render_html(context), attachments, stamps, fetcher=fetcher)


def render_sheet_pdf(context: dict[str, Any], fetcher: Any = None) -> bytes:
    """The "How to send this letter" sheet: its own one-page PDF, never part of the letter."""
    html = render_to_string("pdf/sending_sheet.html", {**context, "for_pdf": True})
    return _pdf(html, fetcher=fetcher)


def render_typed_text_pdf(text: str, *, day: str) -> bytes:
    """The first opinion as typed by the requester: an annex page, marked as typed."""
    from django.utils.translation import gettext

    html = render_to_string(
        "pdf/typed_text.html",
        {
            "title": gettext("Advice of the company doctor (first opinion), typed"),
            "text": text,
            "date": day,
        },
    )
    return _pdf(html, assemble=False)
