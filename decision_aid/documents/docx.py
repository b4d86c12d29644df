"""The letter as an editable Word file (.docx), for advisors who rewrite letters.

It is made from the same HTML as the PDF (the same presenter context, the same template), read
back element by element into python-docx: headings, paragraphs, lists, line breaks and bold
(the letters have no tables). An empty box becomes a line to type on. The enclosures stay in
the PDF; the letter lists them by number as the PDF does.
"""

from __future__ import annotations

import io
from html.parser import HTMLParser
from typing import Any

from decision_aid.casefile.text import xml_safe
from decision_aid.documents.render import render_html

BLANK = "__________________"
_BLOCKS = {"p", "h1", "h2", "h3", "li", "dt", "dd"}


class _LetterToDocx(HTMLParser):
    """Walks the letter's <main> and writes it into a python-docx Document."""

    def __init__(self, document: Any) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = document
        self.in_main = False
        self.paragraph: Any = None
        self.bold = 0
        self.lists: list[str] = []

    # --- paragraphs ---------------------------------------------------------------------
    def _new(self, tag: str, classes: str) -> None:
        if tag in ("h1", "h2", "h3"):
            self.paragraph = self.doc.add_heading("", level={"h1": 1, "h2": 2, "h3": 3}[tag])
        elif tag == "li":
            style = "List Number" if self.lists and self.lists[-1] == "ol" else "List Bullet"
            self.paragraph = self.doc.add_paragraph(style=style)
        else:
            self.paragraph = self.doc.add_paragraph()
        if "box" in classes.split():
            self.paragraph.add_run(BLANK)

    def _text(self, text: str) -> None:
        # Also for answers stored before the forms cleaned them (an XML-invalid character
        # made python-docx fail on every try).
        text = xml_safe(text)
        if not text.strip() and self.paragraph is None:
            return
        if self.paragraph is None:
            self.paragraph = self.doc.add_paragraph()
        run = self.paragraph.add_run(text)
        run.bold = bool(self.bold)

    # --- parser callbacks ---------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "main":
            self.in_main = True
            return
        if not self.in_main:
            return
        if tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag in ("strong", "b") or tag in ("h1", "h2", "h3"):
            self.bold += tag in ("strong", "b")
            if tag.startswith("h"):
                self._new(tag, classes)
        elif tag == "br":
            if self.paragraph is not None:
                self.paragraph.add_run().add_break()
        elif tag in _BLOCKS:
            self._new(tag, classes)
        elif tag in ("span", "div") and "box" in classes.split():
            if tag == "div":
                self.doc.add_paragraph(BLANK)
            else:
                self._text(BLANK)

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.in_main = False
            return
        if not self.in_main:
            return
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in _BLOCKS:
            self.paragraph = None

    def handle_data(self, data: str) -> None:
        if not self.in_main:
            return
        text = " ".join(data.split())
        if data[:1].isspace() and text:
            text = " " + text
        if data[-1:].isspace() and text and not text.endswith(" "):
            text += " "
        if text:
            self._text(text)


def render_docx(context: dict[str, Any]) -> bytes:
    """The letter of this context as .docx bytes: the text of the PDF, editable. The HTML is
    made here; the .docx from it in the limited render worker (documents.sandbox)."""
    from django.conf import settings

    # the .docx has no enclosures of its own: the letter lists them and says they are in the PDF
    html = render_html({**context, "for_docx": True}, for_pdf=True)
    title = str(context.get("title") or "")
    author = str((context.get("requester") or {}).get("name") or "")
    # No footer label: the rules' version is for the writer (sending sheet, advice page), not
    # the recipient.
    if settings.RENDER_WORKER_ISOLATED:
        from decision_aid.documents.sandbox import render_docx_isolated

        return render_docx_isolated(html, title=title, author=author)
    return docx_from_html(html, title=title, author=author)


def docx_from_html(html: str, *, title: str, author: str) -> bytes:
    """The .docx of the letter's HTML (what the render worker runs)."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = title
    document.core_properties.author = author
    style = document.styles["Normal"]
    style.font.name = "Liberation Sans"
    style.font.size = Pt(10.5)
    _LetterToDocx(document).feed(html)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
