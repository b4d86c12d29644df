"""Every letter kind read back as the one who receives it reads it.

No instruction words, no costs or timeline in a letter to a third party, the own words of one
letter never in a letter the employer reads, the enclosure stamps match the letter's list, the
page labels are true, the closing stays with the body, UWV's fields in UWV's order, the letter's
own pages pass `pdfua check`, the stamp is an artifact, and the .docx holds the letter's text.
"""

from __future__ import annotations

import copy
import io
import json
import re
import subprocess
import sys
from datetime import date

import pytest
from django.utils import translation

from decision_aid.documents.attachments import normalize_text, normalize_upload
from decision_aid.documents.docx import render_docx
from decision_aid.documents.presenter import (
    AttachedPiece,
    DocumentRef,
    build_document_context,
    documents_for,
    file_name,
)
from decision_aid.documents.render import render_pdf, render_sheet_pdf
from tests.conftest import pdf_text
from tests.documents import files
from tests.documents.cases import case_file_for

TODAY = date(2026, 11, 30)

# (case name, role, extra situation): one of every letter kind, and the variants.
LETTERS = [
    ("talk", "employee", {}),
    ("mediation", "employee", {}),
    ("mediation", "employer", {}),
    ("expert_opinion", "employee", {}),
    ("expert_opinion", "employer", {"disputes": ["employee_efforts"]}),
    ("expert_opinion", "employee", {"disputes": ["suitable_work"], "cao_expert": True}),
    ("second_opinion", "advisor", {}),
    ("legal_advice", "employee", {}),
    ("court", "employee", {}),
    ("complaint", "employee", {}),
]
IDS = [f"{n}-{r}-{'-'.join(map(str, e.values())) or 'base'}" for n, r, e in LETTERS]

INSTRUCTIONS = {
    "nl": ["Met de hand invullen", "CONCEPT", "u betaalt", "U betaalt", "met de hand in"],
    "en": ["Fill in by hand", "DRAFT", "you pay", "You pay", "write it in by hand"],
}
# What belongs to the user, not to a third party: costs, the timeline, plan-van-aanpak help.
USER_ONLY = {
    "nl": ["€", "Kosten", "Tijdlijn", "(geweest)", "(komt nog)", "plan van aanpak", "Waarom deze"],
    "en": ["€", "Costs", "Timeline", "(past)", "(to come)", "plan of action", "Why this step"],
}
CLOSING = {"nl": "Met vriendelijke groet", "en": "Kind regards"}
PAGE = {"nl": "brief, pagina {} van {}", "en": "letter, page {} of {}"}
STAMP = {"nl": "Bijlage", "en": "Enclosure"}


def _reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pieces():
    """A 2-page PDF, a phone photo and typed text: three enclosures, 4 pages."""
    with translation.override("nl"):
        return [
            normalize_upload(files.pdf(2), name="advies.pdf"),
            normalize_upload(files.jpeg_photo(), name="foto.jpg"),
            normalize_text("De werknemer kan 4 uur per dag werken.", day="15-10-2026"),
        ]


def _doc(case_file: dict, name: str) -> DocumentRef:
    return next(d for d in documents_for(case_file) if d.kind == name)


def _letter(case_file, name, lang, pieces=()):
    with translation.override(lang):
        doc = _doc(case_file, name)
        attached = [AttachedPiece(p.kind, p.page_count) for p in pieces]
        context = build_document_context(case_file, doc, attached, today=TODAY)
        return context, render_pdf(context, [p.pdf for p in pieces])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("name", "role", "extra"), LETTERS, ids=IDS)
def test_every_letter_is_ready_to_send(name, role, extra, lang, pieces):
    case_file = case_file_for(name, role=role, **extra)
    case_file["language"] = lang
    _, letter_only = _letter(case_file, name, lang)
    context, merged = _letter(case_file, name, lang, pieces)
    own_pages = len(_reader(letter_only).pages)
    reader = _reader(merged)
    assert len(reader.pages) == own_pages + 2 + 1 + pieces[2].page_count
    pages = [page.extract_text() for page in reader.pages]
    letter = _flat(" ".join(pages[:own_pages]))

    # nothing to follow as an instruction, no draft mark
    for word in INSTRUCTIONS[lang]:
        assert word not in letter, word
    # no costs, timeline or plan-van-aanpak help in a letter to someone else (the talk sheet
    # is the user's own)
    if name != "talk":
        for word in USER_ONLY[lang]:
            assert word not in letter, word
    # the relationship and mediation status never go to UWV
    if name == "expert_opinion":
        assert not re.search(r"[Ww]erkrelatie|[Ww]orking relationship", letter)
        assert "Mediation" not in letter and "mediation" not in letter

    # page labels: the letter's own pages say so; enclosure pages carry no letter label
    label = (
        PAGE[lang]
        if name != "talk"
        else PAGE[lang].replace(
            "brief" if lang == "nl" else "letter", "blad" if lang == "nl" else "sheet"
        )
    )
    for n in range(own_pages):
        assert label.format(n + 1, own_pages) in _flat(pages[n]), (n, pages[n][-200:])
    for text in pages[own_pages:]:
        assert label.split(",")[0] + "," not in text

    # the rule set is for the writer (sending sheet, advice), not in what the recipient reads
    assert ("Regels versie" if lang == "nl" else "Rules version") not in letter

    # enclosures: the list in the letter and the stamp on each of their pages agree
    firsts = [own_pages, own_pages + 2, own_pages + 3]
    for number, (enclosure, first) in enumerate(zip(context["enclosures"], firsts, strict=True), 1):
        assert enclosure.number == number
        stamp = f"{STAMP[lang]} {number} – {enclosure.title}"
        assert enclosure.stamp == stamp
        assert _flat(stamp) in _flat(pages[first]), (stamp, pages[first][:200])
        if enclosure.pages > 1:  # every page, numbered within the enclosure
            for n in range(enclosure.pages):
                numbered = f"{stamp} ({n + 1}/{enclosure.pages})"
                assert _flat(numbered) in _flat(pages[first + n]), (numbered, n)
        if name != "talk":
            assert f"{STAMP[lang]} {number}: {enclosure.title}" in letter
    assert STAMP[lang] + " 2 –" not in _flat(pages[own_pages + 1])  # enclosure 1's own page
    if name != "talk":
        assert ("van 02-02-2026" if lang == "nl" else "of 02-02-2026") in letter

    # the closing stays with the last paragraph: its page holds body text before it
    if name != "talk":
        closing_page = next(p for p in pages[:own_pages] if CLOSING[lang] in p)
        before = _flat(closing_page.split(CLOSING[lang])[0])
        assert len(before) > 60, before
        # place and date beside the signature
        assert "Ede, 30-11-2026" in letter


def test_own_words_of_one_letter_never_reach_the_employer():
    """Words written for UWV or a doctor (maybe about the illness) are absent from every letter
    the employer reads: the mediation letter and the talk sheet."""
    case_file = case_file_for("expert_opinion", relationship="broken", talked=False)
    case_file["situation"]["disputes"] = ["fitness_own_work", "relationship", "suitable_work"]
    case_file["parties"]["own_view"] = "WIZARDWOORDEN hernia tussen L4 en L5"
    case_file["parties"]["own_words"] = {
        "expert_opinion": "UWVWOORDEN rugklachten sinds de val",
        "second_opinion": "ARTSWOORDEN nieuwe MRI-scan",
        "legal_advice": "JURISTWOORDEN loon gestopt",
    }
    kinds = {d.kind for d in documents_for(case_file)}
    assert {"expert_opinion", "mediation"} <= kinds, kinds
    texts = {}
    for kind in ("expert_opinion", "mediation", "talk", "second_opinion", "legal_advice"):
        with translation.override("nl"):
            doc = DocumentRef(kind, "fitness_own_work" if kind == "expert_opinion" else None)
            context = build_document_context(case_file, doc, [], today=TODAY)
            texts[kind] = _flat(pdf_text(render_pdf(context, [])))
            texts[kind + ".docx"] = _docx_text(render_docx(context))
    secret = ("WIZARDWOORDEN", "hernia", "UWVWOORDEN", "ARTSWOORDEN", "JURISTWOORDEN")
    for kind in ("mediation", "talk"):
        for copy_ in (kind, kind + ".docx"):
            for word in secret:
                assert word not in texts[copy_], (copy_, word)
    # each letter carries its own words, and only its own
    assert "UWVWOORDEN" in texts["expert_opinion"] and "ARTSWOORDEN" not in texts["expert_opinion"]
    assert "ARTSWOORDEN" in texts["second_opinion"] and "UWVWOORDEN" not in texts["second_opinion"]
    assert "JURISTWOORDEN" in texts["legal_advice"]
    # the working relationship is not UWV's question: not in the request
    assert "werkrelatie" not in texts["expert_opinion"].lower()


def test_own_words_written_for_the_employer_letter_appear_in_it():
    case_file = case_file_for("mediation")
    case_file["parties"]["own_words"] = {"mediation": "Sinds maart praten we alleen per e-mail."}
    _, pdf = _letter(case_file, "mediation", "nl")
    assert "Sinds maart praten we alleen per e-mail." in _flat(pdf_text(pdf))


def test_uwv_fields_in_uwvs_order_with_a_labelled_box_for_the_bsn():
    case_file = case_file_for("expert_opinion", wage="stopped")
    case_file["parties"]["letter"] = {
        "payroll_tax_number": "123456789L01",
        "birth_date": "1984-05-06",
        "job_title": "Bakker",
        "contract_hours": "32",
        "wage_stopped_on": "2026-02-15",
        "doctor_advice": "Kan 4 uur per dag eigen werk doen.",
    }
    _, pdf = _letter(case_file, "expert_opinion", "nl")
    text = _flat(pdf_text(pdf))
    order = [
        "1. De vraag",
        "2. De werkgever",
        "Loonheffingennummer",
        "3. De werknemer",
        "Burgerservicenummer (BSN)",
        "Geboortedatum",
        "4. Ziekte, werk en loon",
        "Eerste ziektedag",
        "Functie",
        "Contracturen per week",
        "Datum waarop het loon is gestopt",
        "5. Bedrijfsarts of arbodienst",
        "6. Het advies van de bedrijfsarts",
        "Wat het advies zegt",
    ]
    positions = [text.find(label) for label in order]
    assert all(p >= 0 for p in positions), dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    # the BSN line holds nothing but its label ("Burgerservicenummer (BSN):") and an empty box;
    # nothing to read as a note
    after = text.split("Burgerservicenummer (BSN)")[1].split("Geboortedatum")[0]
    assert after.strip() == ":"


def test_details_asked_in_the_wizard_fill_the_boxes():
    case_file = case_file_for("expert_opinion", disputes=["suitable_work"], wage="stopped")
    case_file["parties"]["employee"]["phone"] = "06-12345678"
    case_file["parties"]["employee"]["email"] = "zoe@example.nl"
    case_file["parties"]["letter"] = {
        "birth_date": "1984-05-06",
        "job_title": "Bakker",
        "contract_hours": "32",
        "wage_stopped_on": "2026-02-15",
        "doctor_advice": "Kan 4 uur per dag eigen werk doen vanaf 1 maart.",
        "work_offered": "Inpakken aan de lopende band, 4 uur per dag",
        "work_refused_on": "2026-02-20",
    }
    _, pdf = _letter(case_file, "expert_opinion", "nl")
    text = _flat(pdf_text(pdf))
    for value in (
        "06-12345678",
        "zoe@example.nl",
        "06-05-1984",
        "Bakker",
        "32",
        "15-02-2026",
        "Kan 4 uur per dag eigen werk doen vanaf 1 maart.",
        "Inpakken aan de lopende band",
        "20-02-2026",
    ):
        assert value in text, value


def test_sending_sheet_is_one_page_with_where_what_deadline_and_answer_time():
    case_file = case_file_for("expert_opinion")
    with translation.override("nl"):
        doc = _doc(case_file, "expert_opinion")
        context = build_document_context(case_file, doc, [AttachedPiece("pdf", 2)], today=TODAY)
        sheet = render_sheet_pdf(context)
        letter = _flat(pdf_text(render_pdf(context, [files.pdf(2)])))
    assert len(_reader(sheet).pages) == 1
    text = _flat(pdf_text(sheet))
    for part in (
        "Zo verstuurt u deze brief",
        "uwv.nl",
        "088-898 92 94",
        "Bijlage 1: Advies bedrijfsarts van 02-02-2026",
        "Functieomschrijving",  # what UWV asks to enclose, for the user to add
        "Termijn",
        "2 tot 4 weken",
        "€100",
    ):
        assert part in text, part
    # none of the sheet's guidance is in the letter
    assert "088-898 92 94" not in letter and "Zo verstuurt u" not in letter and "€" not in letter


def test_a_mediation_sheet_warns_that_nothing_medical_goes_to_the_employer():
    case_file = case_file_for("mediation")
    with translation.override("nl"):
        context = build_document_context(case_file, _doc(case_file, "mediation"), [], today=TODAY)
    assert "geen diagnose" in context["sheet"]["no_medical"]
    assert context["recipient"] == "employer"


@pytest.mark.parametrize(
    ("lang", "question", "expected"),
    [
        ("nl", "suitable_work", "verzoek-deskundigenoordeel-passend-werk-2026-11-30.pdf"),
        ("en", "suitable_work", "request-expert-opinion-suitable-work-2026-11-30.pdf"),
        ("nl", None, "voorstel-mediation-2026-11-30.pdf"),
    ],
)
def test_file_names_a_person_understands(lang, question, expected):
    doc = DocumentRef("expert_opinion" if question else "mediation", question)
    assert file_name(doc, lang, TODAY) == expected
    assert file_name(doc, lang, TODAY, "docx") == expected.replace(".pdf", ".docx")


def test_court_letter_is_a_brief_for_a_legal_helper_with_the_expert_opinion_attached():
    case_file = case_file_for("court")
    with translation.override("nl"):
        doc = _doc(case_file, "court")
        attached = [AttachedPiece("pdf", 2), AttachedPiece("pdf", 1, "expert_opinion")]
        context = build_document_context(case_file, doc, attached, today=TODAY)
        text = _flat(pdf_text(render_pdf(context, [files.pdf(2), files.pdf(1)])))
    assert "advocaat, de vakbond of het Juridisch Loket" in text
    assert "Bijlage 2: Deskundigenoordeel" in text
    assert "Het zit bij deze brief als bijlage 2." in text
    assert "kantonrechter" not in text.split("Loonvordering")[0]
    # the sheet no longer asks to add the expert opinion that is already attached
    assert all("Deskundigenoordeel" not in e.title for e in context["sheet"]["to_add"])


def _stamp_tags(pdf: bytes, page_index: int) -> list[tuple[str, bytes]]:
    """(marked-content tag, text) of every text-showing operator on a page."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        tags: list[str] = []
        found = []
        for operands, operator in pikepdf.parse_content_stream(doc.pages[page_index]):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tags.append(str(operands[0]))
            elif op == "EMC" and tags:
                tags.pop()
            elif op == "Tj":
                found.append((tags[-1] if tags else "", bytes(operands[0])))
        return found


def test_the_stamp_is_an_artifact_and_the_page_is_otherwise_unchanged(pieces):
    case_file = case_file_for("second_opinion")
    context, letter_only = _letter(case_file, "second_opinion", "nl")
    _, merged = _letter(case_file, "second_opinion", "nl", pieces)
    first = len(_reader(letter_only).pages)
    stamps = [(tag, text) for tag, text in _stamp_tags(merged, first) if b"Bijlage" in text]
    assert stamps and all(tag == "/Artifact" for tag, _ in stamps), stamps
    # the original page's own text is still there, outside the stamp
    assert "EERSTE OORDEEL pagina 1" in _reader(merged).pages[first].extract_text()
    assert "EERSTE OORDEEL pagina 2" in _reader(merged).pages[first + 1].extract_text()


@pytest.mark.parametrize(("name", "role", "extra"), LETTERS, ids=IDS)
def test_the_letters_own_pages_pass_pdfua_check(name, role, extra, tmp_path):
    """`pdfua check` (the PDF/UA-1 checker from PyPI, not written here): no errors and no
    warnings on the letter's own pages (the enclosures are the uploaded files, untagged)."""
    case_file = case_file_for(name, role=role, **extra)
    _, pdf = _letter(case_file, name, "nl")
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["summary"]["errors"] == 0, report["findings"]
    assert report["summary"]["warnings"] == 0, report["findings"]
    assert report["summary"]["rules_run"] >= 10


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    parts.extend(p.text for p in document.sections[0].footer.paragraphs)
    return _flat(" ".join(parts))


@pytest.mark.parametrize(("name", "role", "extra"), LETTERS, ids=IDS)
def test_the_docx_holds_the_letters_text(name, role, extra):
    """Opened again with python-docx, the editable copy holds every word of the PDF letter
    (the page labels aside: Word numbers its own pages)."""
    case_file = case_file_for(name, role=role, **extra)
    case_file = copy.deepcopy(case_file)
    context, pdf = _letter(case_file, name, "nl", [])
    with translation.override("nl"):
        text = _docx_text(render_docx(context))
    letter = _flat(pdf_text(pdf))
    letter = re.sub(r"(brief|blad), pagina \d+ van \d+", "", letter)
    words = {w.strip(".,:;()") for w in letter.split()} - {""}
    docx_words = {w.strip(".,:;()") for w in text.split()}
    # list markers ("•", "1.") are Word's own numbering in the .docx, not text
    missing = {w for w in words - docx_words if not re.fullmatch(r"•|\d{1,2}", w)}
    assert not missing, sorted(missing)[:20]
    assert context["title"] in text
