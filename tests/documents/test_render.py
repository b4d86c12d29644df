"""The draft PDF read back: text, A4, tagged, fonts embedded, nothing fetched from outside."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from decision_aid.documents.render import make_fetcher, render_html, render_pdf
from tests.conftest import pdf_text, skip_or_fail_in_ci


def _context(**overrides):
    base = {
        "title": "Verzoek om een deskundigenoordeel",
        "route": "expert_opinion",
        "role": "employee",
        "date": "23-11-2026",
        "requester": {"name": "Zoë Ĳsselmeer-Öztürk", "address": "Dorpsstraat 1\n1234 AB Ede"},
        "other_party": {"name": "Werkgever B.V."},
        "employee": {"name": "Zoë Ĳsselmeer-Öztürk"},
        "employer": {"name": "Werkgever B.V."},
        "advisor": None,
        "bedrijfsarts": {"name": "Arbo B.V."},
        "own_view": "Ik kan niet 4 uur per dag werken.",
        "sick_since": "01-03-2026",
        "first_opinion_date": "01-09-2026",
        "advice": {"timeline": {"week": 39}, "primary": {"reasons": []}},
        "enclosures": [],
        "first_opinion_pages": 0,
    }
    base.update(overrides)
    return base


@pytest.fixture
def pdf_bytes():
    return render_pdf(_context(), [])


def test_pdf_contains_typed_values_with_dutch_diacritics(pdf_bytes):
    text = pdf_text(pdf_bytes)
    assert "Zoë" in text and "Öztürk" in text
    assert "Werkgever B.V." in text
    assert "CONCEPT" not in text and "DRAFT" not in text  # the download is the letter


def test_pdf_is_a4_tagged_with_title_and_language(pdf_bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_bytes))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("nl")
    assert reader.metadata.title == "Verzoek om een deskundigenoordeel"


def test_pdf_fonts_are_embedded(pdf_bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_bytes))
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            fonts.append(
                (
                    str(font["/BaseFont"]),
                    any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")),
                )
            )
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert any("Aid-Sans" in name for name, _ in fonts)  # our bundled @font-face


def test_page_numbers_say_pagina_x_van_y(pdf_bytes):
    assert "pagina 1 van 1" in pdf_text(pdf_bytes)


def test_qpdf_check_is_clean_with_attachment(make_pdf, tmp_path):
    if shutil.which("qpdf") is None:
        skip_or_fail_in_ci("qpdf not installed (make system-deps)")
    merged = render_pdf(_context(), [make_pdf(pages=2)])
    path = tmp_path / "draft.pdf"
    path.write_bytes(merged)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(merged)).pages) == 1 + 2


def test_user_text_is_escaped_and_nothing_is_fetched():
    hostile = '<img src="http://example.invalid/x.png"><img src="file:///etc/passwd">'
    fetcher = make_fetcher()
    html = render_html(_context(own_view=hostile))
    assert "<img" not in html and "&lt;img" in html
    pdf = render_pdf(_context(own_view=hostile), [], fetcher=fetcher)
    assert fetcher.refused == []  # the escaped text asked for nothing
    assert "example.invalid" in pdf_text(pdf)  # shown as text instead


def test_fetcher_refuses_everything_but_bundled_assets():
    from decision_aid.documents.render import ASSET_ROOT, RefusedURL, bundled_asset

    assert bundled_asset((ASSET_ROOT / "fonts" / "LiberationSans-Regular.ttf").as_uri()).is_file()
    for url in (
        "http://example.invalid/x.png",
        "https://example.invalid/font.woff",
        "file:///etc/passwd",
        (ASSET_ROOT / "fonts" / ".." / ".." / "manage.py").as_uri(),
        "data:text/plain,hello",
        (ASSET_ROOT / "fonts").as_uri(),  # a folder of ours, not a file
        (ASSET_ROOT / "fonts" / "missing.ttf").as_uri(),
    ):
        with pytest.raises(RefusedURL):
            bundled_asset(url)


def test_what_the_html_asks_for_outside_our_assets_is_refused_and_the_pdf_still_made():
    """Were a template ever to ask for a picture, style or font elsewhere, WeasyPrint gets
    nothing (no request leaves, no local file is read) and the letter is still made."""
    from decision_aid.documents.render import ASSET_ROOT, pdf_from_html

    asked = [
        "http://example.invalid/logo.png",
        "file:///etc/passwd",
        (ASSET_ROOT / "fonts" / "missing.ttf").as_uri(),
    ]
    html = (
        "<html lang='nl'><head><title>Brief</title>"
        f"<style>@font-face {{ font-family: X; src: url('{asked[2]}') }}</style></head>"
        f"<body><p style='font-family: X'>Brief</p><img src='{asked[0]}'><img src='{asked[1]}'>"
        "</body></html>"
    )
    fetcher = make_fetcher()
    pdf = pdf_from_html(html, [], [], fetcher=fetcher)
    assert sorted(fetcher.refused) == sorted(asked)
    assert "Brief" in pdf_text(pdf)
