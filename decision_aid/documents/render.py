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
    return render_to_string("pdf/draft.html", {**context, "for_pdf": for_pdf})


def render_pdf(context: dict[str, Any], attachments: list[bytes], fetcher: Any = None) -> bytes:
    """The draft as a tagged A4 PDF, with every attachment's pages appended unchanged."""
    from weasyprint import HTML

    html = render_html(context)
    document = HTML(
        string=html,
        base_url=ASSET_ROOT.as_uri() + "/",
        url_fetcher=fetcher or make_fetcher(),
    )
    # pdf/ua-1: tagged, with title and language (from <title> and <html lang>) in the metadata.
    draft = document.write_pdf(pdf_variant="pdf/ua-1")
    return append_pdfs(draft, attachments) if attachments else draft
