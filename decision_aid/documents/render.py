"""HTML and PDF rendering of a draft. WeasyPrint is imported lazily (slow import), and it may
fetch nothing but our own bundled fonts and print CSS."""

from __future__ import annotations

import mimetypes
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string

from decision_aid.documents.attachments import append_pdfs

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


def html_to_pdf(html: str, fetcher: Any = None) -> bytes:
    """Tagged A4 PDF (pdf/ua-1: structure tree, title and language from <title> and
    <html lang> in the metadata), fonts embedded, nothing fetched but our bundled assets."""
    from weasyprint import HTML

    document = HTML(
        string=html,
        base_url=ASSET_ROOT.as_uri() + "/",
        url_fetcher=fetcher or make_fetcher(),
    )
    return document.write_pdf(pdf_variant="pdf/ua-1")


def render_pdf(context: dict[str, Any], attachments: list[bytes], fetcher: Any = None) -> bytes:
    """The draft as a tagged A4 PDF, with every attachment's pages appended unchanged."""
    draft = html_to_pdf(render_html(context), fetcher)
    return append_pdfs(draft, attachments) if attachments else draft


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
    return html_to_pdf(html)
