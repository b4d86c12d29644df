"""Every letter kind, as its recipient reads it, read back from the PDF: nothing to fill in by
hand but the one labelled BSN line (and the signature), no note meant for the writer (the rules'
version), every page of every enclosure stamped, every font embedded (pdffonts), and the sending
sheet on one page in both languages. Driven by whatever kinds documents_for makes, so a new
kind is checked without a new test."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date

import pytest
from django.utils import translation

from decision_aid.documents.attachments import normalize_upload
from decision_aid.documents.docx import render_docx
from decision_aid.documents.presenter import AttachedPiece, build_document_context, documents_for
from decision_aid.documents.render import render_html, render_pdf, render_sheet_pdf
from tests.conftest import pdf_text
from tests.documents import files
from tests.documents.cases import ROUTE_CASES, case_file_for

TODAY = date(2026, 12, 7)
ROLES = ("employee", "employer", "advisor")
# The only boxes a printed letter keeps: where to sign, and the BSN (never asked or kept).
ALLOWED_BOXES = {"box--sign", "box--bsn"}


def _all_letters() -> list[tuple[str, str, object]]:
    """(route case, role, document) for every document the routes make, per role."""
    out, seen = [], set()
    for route in ROUTE_CASES:
        for role in ROLES:
            case_file = case_file_for(route, role=role)
            for doc in documents_for(case_file):
                key = (role, doc.slug)
                if key not in seen:
                    seen.add(key)
                    out.append((route, role, doc))
    return out


LETTERS = _all_letters()
IDS = [f"{role}-{doc.slug}" for _route, role, doc in LETTERS]


@pytest.fixture(scope="module")
def enclosures():
    """A 2-page PDF and a phone photo: two enclosures, three pages."""
    with translation.override("nl"):
        return [
            normalize_upload(files.pdf(2), name="advies.pdf"),
            normalize_upload(files.jpeg_photo(), name="foto.jpg"),
        ]


def _context(route: str, role: str, doc, enclosures, lang: str = "nl"):
    case_file = case_file_for(route, role=role)
    with translation.override(lang):
        pieces = [AttachedPiece(p.kind, p.page_count) for p in enclosures]
        return build_document_context(case_file, doc, pieces, today=TODAY)


def test_every_kind_is_checked():
    kinds = {doc.kind for _route, _role, doc in LETTERS}
    assert {"talk", "mediation", "expert_opinion", "second_opinion", "legal_advice"} <= kinds
    assert "court" in kinds and "complaint" in kinds


@pytest.mark.parametrize(("route", "role", "doc"), LETTERS, ids=IDS)
def test_a_letter_has_no_box_to_fill_but_the_bsn_and_the_signature(route, role, doc, enclosures):
    """The cleaner's request to UWV had 8 empty boxes; what is not known is now left out."""
    context = _context(route, role, doc, enclosures)
    with translation.override("nl"):
        html = render_html(context, for_pdf=True)
    classes = re.findall(r'class="([^"]*)"', html)
    boxes = [c for c in classes if "box" in c.split()]
    extra = [b for b in boxes if not set(b.split()) & ALLOWED_BOXES]
    assert not extra, extra
    bsn = len([b for b in boxes if "box--bsn" in b])
    assert bsn == (1 if doc.kind == "expert_opinion" else 0)
    if bsn:
        assert "Burgerservicenummer (BSN)" in html


@pytest.mark.parametrize(("route", "role", "doc"), LETTERS, ids=IDS)
def test_a_letter_pdf_is_clean_stamped_and_embedded(route, role, doc, enclosures, tmp_path):
    context = _context(route, role, doc, enclosures)
    with translation.override("nl"):
        letter_only = render_pdf(context, [])
        merged = render_pdf(context, [p.pdf for p in enclosures])
    from pypdf import PdfReader

    own = len(PdfReader(io.BytesIO(letter_only)).pages)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(merged)).pages]
    letter = " ".join(" ".join(pages[:own]).split())
    # nothing meant for the writer
    assert "Regels versie" not in letter and "Rules version" not in letter
    # every page of every enclosure carries its stamp
    enclosure_pages = []
    for number, piece in enumerate(enclosures, start=1):
        enclosure_pages += [number] * piece.page_count
    assert len(pages) == own + len(enclosure_pages)
    for index, number in enumerate(enclosure_pages, start=own):
        assert f"Bijlage {number} –" in " ".join(pages[index].split()), (index, number)
    # every font embedded (the stamp's too)
    path = tmp_path / "letter.pdf"
    path.write_bytes(merged)
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "no fonts listed"
    for line in listing:
        emb = line[66:71].split() if len(line) > 70 else []
        assert re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line), line
        assert emb != ["no"], line


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("route", "role", "doc"), LETTERS, ids=IDS)
def test_the_sending_sheet_is_one_page(route, role, doc, enclosures, lang):
    from pypdf import PdfReader

    context = _context(route, role, doc, enclosures, lang)
    with translation.override(lang):
        sheet = render_sheet_pdf(context)
    assert len(PdfReader(io.BytesIO(sheet)).pages) == 1, pdf_text(sheet)[-300:]
    # the writer's sheet keeps which rules made the advice
    assert ("Regels versie" if lang == "nl" else "Rules version") in pdf_text(sheet)


@pytest.mark.parametrize(("route", "role", "doc"), LETTERS, ids=IDS)
def test_the_docx_lists_the_enclosures_and_says_they_are_in_the_pdf(route, role, doc, enclosures):
    from docx import Document

    context = _context(route, role, doc, enclosures)
    with translation.override("nl"):
        data = render_docx(context)
    text = " ".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    if doc.kind == "talk":  # the talk sheet has no enclosures: it is not sent
        return
    assert "Bijlage 1: " in text and "Bijlage 2: " in text
    assert "De bijlagen zitten in de pdf van deze brief" in text
    assert "Regels versie" not in text


def test_the_requesters_question_is_in_their_own_voice():
    """ "Kan de werknemer zijn eigen werk ..." in the cleaner's own request about herself."""
    for role, phrase in (
        ("employee", "Kan ik mijn eigen werk weer helemaal doen"),
        ("advisor", "Kan ik mijn eigen werk weer helemaal doen"),
        ("employer", "Kan mijn werknemer het eigen werk weer helemaal doen"),
    ):
        case_file = case_file_for("expert_opinion", role=role, disputes=["fitness_own_work"])
        doc = next(d for d in documents_for(case_file) if d.kind == "expert_opinion")
        with translation.override("nl"):
            context = build_document_context(case_file, doc, [], today=TODAY)
            text = " ".join(pdf_text(render_pdf(context, [])).split())
        assert phrase in text, role
        assert "zijn eigen werk" not in text and "haar eigen werk" not in text


def test_what_the_details_page_asks_reaches_the_uwv_request():
    case_file = case_file_for("expert_opinion", disputes=["fitness_own_work"])
    case_file["parties"]["employer"].update(
        contact="Petra de Vries", phone="030-1234567", email="hr@brood.example"
    )
    case_file["parties"]["bedrijfsarts"]["address"] = "Zorgweg 1\n3500 AA Utrecht"
    case_file["parties"]["letter"] = {"payroll_tax_number": "123456789L01"}
    doc = next(d for d in documents_for(case_file) if d.kind == "expert_opinion")
    with translation.override("nl"):
        context = build_document_context(case_file, doc, [], today=TODAY)
        text = " ".join(pdf_text(render_pdf(context, [])).split())
    for value in ("123456789L01", "Petra de Vries", "030-1234567", "hr@brood.example", "Zorgweg 1"):
        assert value in text, value
