"""Put the final file together: the letter, then each enclosure with a stamp on its first page.

The stamp ("Bijlage 1 – Advies van de bedrijfsarts van 02-02-2026") goes in the top margin of
the enclosure's first page, on a white strip, and is marked as an artifact (``/Artifact`` marked
content, PDF/UA-1 7.1): a screen reader skips it, the letter lists the same numbers. Everything
else on the pages stays as it was uploaded. The letter's catalog (structure tree, language, XMP)
is kept; an enclosure page's ``/StructParents`` pointed into its own file's tree and is dropped.

This module imports nothing from the rest of the documents app, so render.py can use it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

STAMP_FONT_SIZE = 8.0
#: Helvetica's mean glyph width is about half its size; enough to size the white strip.
_MEAN_WIDTH = 0.52
_MARGIN = 14.0  # points from the left page edge (about 5 mm)
_TOP = 7.0  # points from the top edge: above a photo page's 10 mm margin


def _pdf_string(text: str) -> bytes:
    """A literal PDF string in WinAnsi (the stamp font's encoding); unknown glyphs become '?'."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def stamp_content(text: str, box: Sequence[float], font: str = "/AidStamp") -> bytes:
    """The content stream of one stamp in the top-left margin of a page with this media box."""
    x0, _y0, x1, y1 = (float(v) for v in box)
    width = min(len(text) * STAMP_FONT_SIZE * _MEAN_WIDTH + 8, x1 - x0 - 2 * _MARGIN)
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


def _stamp(pdf: object, page: object, text: str) -> None:
    import pikepdf

    font = pdf.make_indirect(  # type: ignore[attr-defined]
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    wrapped = pikepdf.Page(page)
    name = wrapped.add_resource(font, pikepdf.Name.Font, prefix="AidStamp")
    # Keep the page's own graphics state from reaching the stamp.
    wrapped.contents_add(pdf.make_stream(b"q\n"), prepend=True)  # type: ignore[attr-defined]
    box = page.obj.get("/CropBox", page.obj.MediaBox)  # type: ignore[attr-defined]
    content = b"\nQ\n" + stamp_content(text, [float(v) for v in box], str(name))
    wrapped.contents_add(pdf.make_stream(content))  # type: ignore[attr-defined]


def _scope_table_headers(pdf: object) -> None:
    """Give every table header cell of the letter's structure tree ``/Scope /Row`` (the letters'
    tables are label | value rows). WeasyPrint writes /TH without it, which PDF/UA checkers
    report: the header-to-cell association is then not machine-determinable."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")  # type: ignore[attr-defined]
    if root is None:
        return
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
            continue
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if node.get("/S") == pikepdf.Name.TH:
            _set_row_scope(node)
            continue
        kids = node.get("/K")
        if kids is not None:
            stack.append(kids)


def _set_row_scope(th: object) -> None:
    import pikepdf

    attrs = th.get("/A")  # type: ignore[attr-defined]
    owners = [attrs] if isinstance(attrs, pikepdf.Dictionary) else list(attrs or [])
    for owner in owners:
        if isinstance(owner, pikepdf.Dictionary) and owner.get("/O") == pikepdf.Name.Table:
            if "/Scope" not in owner:
                owner.Scope = pikepdf.Name.Row
            return
    table = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Row)
    if attrs is None:
        th.A = table  # type: ignore[attr-defined]
    elif isinstance(attrs, pikepdf.Array):
        attrs.append(table)
    else:
        th.A = pikepdf.Array([attrs, table])  # type: ignore[attr-defined]


def assemble(
    letter: bytes | None,
    enclosures: Sequence[bytes],
    stamps: Sequence[str] = (),
    *,
    scope_headers: bool = True,
) -> bytes:
    """The letter (its table headers scoped, unless ``scope_headers`` is false: the letter has
    no table, and walking its structure tree would cost a millisecond for nothing) followed by
    every enclosure's pages; the first page of enclosure n gets the stamp ``stamps[n]`` (when
    there is one). qpdf (pikepdf) does the work."""
    import pikepdf

    sources = []
    with pikepdf.new() if letter is None else pikepdf.open(io.BytesIO(letter)) as merged:
        if scope_headers:
            _scope_table_headers(merged)
        try:
            for n, enclosure in enumerate(enclosures):
                source = pikepdf.open(io.BytesIO(enclosure))
                sources.append(source)
                first = len(merged.pages)
                for page in source.pages:
                    merged.pages.append(page)
                    appended = merged.pages[-1].obj
                    if "/StructParents" in appended:
                        del appended["/StructParents"]
                if n < len(stamps) and stamps[n] and len(merged.pages) > first:
                    _stamp(merged, merged.pages[first], stamps[n])
            out = io.BytesIO()
            merged.save(out)
        finally:
            for source in sources:
                source.close()
    return out.getvalue()
