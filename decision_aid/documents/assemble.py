"""Put the final file together: the letter, then each enclosure with a stamp on every page.

The stamp ("Bijlage 1 – Advies van de bedrijfsarts van 02-02-2026", with "(2/3)" on a
multi-page enclosure) goes in the top margin of each of the enclosure's pages, so a loose page
still says where it belongs, on a white strip, in the bundled Liberation Sans, embedded as a
subset (a non-embedded Helvetica is not PDF/UA-clean), and is marked as an artifact
(``/Artifact`` marked content, PDF/UA-1 7.1): a screen reader skips it, the letter lists the
same numbers. Everything else on the pages stays as it was uploaded. The letter's catalog
(structure tree, language, XMP) is kept; an enclosure page's ``/StructParents`` pointed into
its own file's tree and is dropped.

This module imports nothing from the rest of the documents app, so render.py can use it.
"""

from __future__ import annotations

import io
import string
from collections.abc import Sequence
from functools import cache
from pathlib import Path

STAMP_FONT_SIZE = 8.0
#: The stamp's font: the letters' own bundled font.
STAMP_FONT = Path(__file__).resolve().parents[2] / "static" / "fonts" / "LiberationSans-Regular.ttf"
#: A mean glyph width of about half the size, for a stamp measured without its font.
_MEAN_WIDTH = 0.52
_MARGIN = 14.0  # points from the left page edge (about 5 mm)
_TOP = 7.0  # points from the top edge: above a photo page's 10 mm margin


def _pdf_string(text: str) -> bytes:
    """A literal PDF string in WinAnsi (the stamp font's encoding); unknown glyphs become '?'."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def stamp_content(
    text: str, box: Sequence[float], font: str = "/AidStamp", *, text_width: float | None = None
) -> bytes:
    """The content stream of one stamp in the top-left margin of a page with this media box;
    ``text_width`` in points when the font's widths are known."""
    x0, _y0, x1, y1 = (float(v) for v in box)
    if text_width is None:
        text_width = len(text) * STAMP_FONT_SIZE * _MEAN_WIDTH
    width = min(text_width + 8, x1 - x0 - 2 * _MARGIN)
    height = STAMP_FONT_SIZE + 5
    left, bottom = x0 + _MARGIN, y1 - _TOP - height
    return b"\n".join(
        [
            b"/Artifact <</Type /Pagination /Subtype /Header>> BDC",
            b"q 1 1 1 rg 0.35 0.35 0.35 RG 0.5 w",
            f"{left:.2f} {bottom:.2f} {width:.2f} {height:.2f} re B".encode(),
            b"0.1 0.1 0.1 rg BT",
            f"{font} {STAMP_FONT_SIZE:.1f} Tf {left + 4:.2f} {bottom + 3.5:.2f} Td".encode(),
            _pdf_string(text) + b" Tj ET Q",
            b"EMC",
        ]
    )


@cache
def _font_metrics() -> tuple[bytes, dict[str, int], dict[str, float]]:
    """The stamp font's file, its cmap (character -> glyph name) and advance widths per glyph
    in thousandths of the size; read once per process."""
    from fontTools.ttLib import TTFont

    data = STAMP_FONT.read_bytes()
    font = TTFont(io.BytesIO(data))
    scale = 1000 / font["head"].unitsPerEm
    widths = {name: advance * scale for name, (advance, _lsb) in font["hmtx"].metrics.items()}
    cmap = font.getBestCmap()
    return data, {chr(code): name for code, name in cmap.items()}, widths


def _win_ansi(text: str) -> str:
    """The text as the stamp shows it: characters outside WinAnsi become '?'."""
    return text.encode("cp1252", errors="replace").decode("cp1252")


def _text_width(text: str) -> float:
    _data, cmap, widths = _font_metrics()
    return sum(widths.get(cmap.get(ch, ".notdef"), 500) for ch in _win_ansi(text)) * (
        STAMP_FONT_SIZE / 1000
    )


#: The characters every stamp font holds: the stamps are our own titles ("Bijlage 1 – Advies
#: van de bedrijfsarts van 02-02-2026 (1/2)") in Dutch or English, so letters, digits and a
#: little punctuation cover them, and one subset then serves every letter a process makes (a
#: stamp with another character gets a subset of its own). Subsetting took about 50 ms a
#: letter (fontTools), a bare page's time again; the font costs about 16 KB more.
STAMP_CHARACTERS = frozenset(string.ascii_letters + string.digits + " ()/,.:'-–")


@cache
def _font_subset(
    used: tuple[str, ...],
) -> tuple[bytes, tuple[int, int, int, int], float, int, int, int]:
    """Liberation Sans cut down to these characters: the font file, its box, its scale to
    thousandths, ascent, descent and cap height; made once per character set and process."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    data, _cmap, _widths = _font_metrics()
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = []
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's timestamp: not needed
    subsetter = subset.Subsetter(options)
    font = TTFont(io.BytesIO(data))
    subsetter.populate(unicodes=[ord(ch) for ch in used])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    head = font["head"]
    scale = 1000 / head.unitsPerEm
    return (
        out.getvalue(),
        (head.xMin, head.yMin, head.xMax, head.yMax),
        scale,
        font["hhea"].ascent,
        font["hhea"].descent,
        getattr(font["OS/2"], "sCapHeight", 0),
    )


def warm_stamp_font() -> None:
    """Make the stamp font now (the render helper does, before it forks its workers)."""
    _font_subset(tuple(sorted(STAMP_CHARACTERS | {"?"})))


def _embedded_font(pdf: object, texts: Sequence[str]) -> object:
    """One TrueType font for all stamps of a file: Liberation Sans subset to the stamp
    characters (fontTools), WinAnsi-encoded, with its widths."""
    import pikepdf

    _data, cmap, widths = _font_metrics()
    used = sorted(STAMP_CHARACTERS | {ch for text in texts for ch in _win_ansi(text)} | {"?"})
    font_file, bbox, scale, ascent, descent, cap_height = _font_subset(tuple(used))
    codes = [ch.encode("cp1252")[0] for ch in used]
    first, last = min(codes), max(codes)
    by_code = {ch.encode("cp1252")[0]: ch for ch in used}
    width_list = [
        round(widths.get(cmap.get(by_code.get(code, ""), ".notdef"), 0))
        for code in range(first, last + 1)
    ]
    tag = "".join(chr(65 + (sum(codes) * (i + 7)) % 26) for i in range(6))
    descriptor = pdf.make_indirect(  # type: ignore[attr-defined]
        pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor,
            FontName=pikepdf.Name(f"/{tag}+LiberationSans"),
            Flags=32,
            FontBBox=[round(v * scale) for v in bbox],
            ItalicAngle=0,
            Ascent=round(ascent * scale),
            Descent=round(descent * scale),
            CapHeight=round(cap_height * scale or 700),
            StemV=80,
            FontFile2=pdf.make_stream(font_file),  # type: ignore[attr-defined]
        )
    )
    return pdf.make_indirect(  # type: ignore[attr-defined]
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.TrueType,
            BaseFont=pikepdf.Name(f"/{tag}+LiberationSans"),
            FirstChar=first,
            LastChar=last,
            Widths=width_list,
            Encoding=pikepdf.Name.WinAnsiEncoding,
            FontDescriptor=descriptor,
        )
    )


def _stamp(pdf: object, page: object, text: str, font: object) -> None:
    import pikepdf

    wrapped = pikepdf.Page(page)
    name = wrapped.add_resource(font, pikepdf.Name.Font, prefix="AidStamp")
    # Keep the page's own graphics state from reaching the stamp.
    wrapped.contents_add(pdf.make_stream(b"q\n"), prepend=True)  # type: ignore[attr-defined]
    box = page.obj.get("/CropBox", page.obj.MediaBox)  # type: ignore[attr-defined]
    content = b"\nQ\n" + stamp_content(
        text, [float(v) for v in box], str(name), text_width=_text_width(text)
    )
    wrapped.contents_add(pdf.make_stream(content))  # type: ignore[attr-defined]


def page_stamps(stamp: str, pages: int) -> list[str]:
    """The stamp of each page of an enclosure: the same words, with "(n/total)" when it has
    more than one page."""
    if pages <= 1:
        return [stamp] * pages
    return [f"{stamp} ({n}/{pages})" for n in range(1, pages + 1)]


def assemble(
    letter: bytes | None,
    enclosures: Sequence[bytes],
    stamps: Sequence[str] = (),
) -> bytes:
    """The letter followed by every enclosure's pages (the letters have no tables since their
    fields became lines, so there are no table headers to scope for PDF/UA); every page of
    enclosure n gets the stamp ``stamps[n]`` (when
    there is one), numbered within the enclosure. qpdf (pikepdf) does the work."""
    import pikepdf

    sources = []
    with pikepdf.new() if letter is None else pikepdf.open(io.BytesIO(letter)) as merged:
        try:
            stamped: list[tuple[int, str]] = []
            for n, enclosure in enumerate(enclosures):
                source = pikepdf.open(io.BytesIO(enclosure))
                sources.append(source)
                first = len(merged.pages)
                for page in source.pages:
                    merged.pages.append(page)
                    appended = merged.pages[-1].obj
                    if "/StructParents" in appended:
                        del appended["/StructParents"]
                if n < len(stamps) and stamps[n]:
                    texts = page_stamps(stamps[n], len(merged.pages) - first)
                    stamped += [(first + i, text) for i, text in enumerate(texts)]
            if stamped:
                font = _embedded_font(merged, [text for _i, text in stamped])
                for index, text in stamped:
                    _stamp(merged, merged.pages[index], text, font)
            out = io.BytesIO()
            merged.save(out)
        finally:
            for source in sources:
                source.close()
    return out.getvalue()
