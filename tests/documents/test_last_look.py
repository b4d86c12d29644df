"""The last look at a finished letter (documents.pdf_guard): an enclosure stored before
today's upload check can still carry active content; the letter that leaves must not. What
runs something is removed or made to do nothing; a plain https link stays."""

from __future__ import annotations

import io
import logging

from tests.documents import files

HTML = "<html lang='nl'><head><title>Brief</title></head><body><p>Brief</p></body></html>"
JS = "app.alert(1)"


def _enclosure() -> bytes:
    """One page with four links (a jump that chains on to JavaScript, an http link, an https
    link, a link whose action is a form reset), a page-level program launch under an odd
    key, and a document-level script in the catalog's name tree."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(files.pdf(1, marker="OUD BEWAARD ADVIES")))
    page = pdf.pages[0]

    def link(action: pikepdf.Dictionary, y: int) -> pikepdf.Dictionary:
        return pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Link,
                Rect=[72, y, 300, y + 20],
                A=action,
                PA=pikepdf.String("not an action"),
            )
        )

    chained = pikepdf.Dictionary(
        S=pikepdf.Name.GoTo,
        D=[page.obj, pikepdf.Name.Fit],
        Next=[pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(JS))],
    )
    page.obj.Annots = pdf.make_indirect(
        pikepdf.Array(
            [
                link(chained, 700),
                link(pikepdf.Dictionary(S=pikepdf.Name.URI, URI="http://example.org/x"), 650),
                link(pikepdf.Dictionary(S=pikepdf.Name.URI, URI="https://example.org/ok"), 600),
                link(pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.ResetForm)), 550),
            ]
        )
    )
    page.obj.Odd = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe"))
    page.obj.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.URI, URI="https://x.nl"))
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(JS))
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=[pikepdf.String("start"), pdf.make_indirect(script)])
    )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _actions(pdf_bytes: bytes) -> list[tuple[str, str]]:
    """Every action type in the file (with its URI), and whether a script name tree is left."""
    import pikepdf

    found = []
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/S" in obj:
                found.append((str(obj.S), str(obj.get("/URI", ""))))
            for value in obj.values() if isinstance(obj, pikepdf.Dictionary) else ():
                if isinstance(value, pikepdf.Dictionary) and "/S" in value:
                    found.append((str(value.S), str(value.get("/URI", ""))))
        names = pdf.Root.get("/Names")
        if names is not None and "/JavaScript" in names:
            found.append(("names", "JavaScript"))
    return found


def test_the_finished_letter_keeps_the_https_link_and_nothing_that_runs(caplog):
    from decision_aid.documents.render import pdf_from_html

    enclosure = _enclosure()
    kinds = {kind for kind, _uri in _actions(enclosure)}
    assert {"/JavaScript", "/Launch", "/ResetForm", "names"} <= kinds  # it does carry them

    caplog.set_level(logging.WARNING, logger="decision_aid.documents.pdf_guard")
    letter = pdf_from_html(HTML, [enclosure], ["Bijlage 1 – Advies van de bedrijfsarts"])

    left = _actions(letter)
    assert not {"/JavaScript", "/Launch", "/ResetForm", "names"} & {kind for kind, _ in left}
    assert ("/URI", "https://example.org/ok") in left  # a plain https link is kept
    assert not [uri for _kind, uri in left if uri.startswith("http://")]
    assert "https://x.nl" not in {uri for _kind, uri in left}  # no action on opening a page
    assert "active content from a finished letter" in caplog.text
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(letter))
    assert len(reader.pages) == 2  # the letter, then the enclosure's page
    assert "OUD BEWAARD ADVIES" in reader.pages[1].extract_text()
