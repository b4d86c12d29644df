"""Every document kind read back from the PDF: typed values, enclosures as the last pages,
page count, fonts embedded, tagged structure, A4, title and language, `qpdf --check` clean."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from django.utils import translation

from decision_aid.documents.attachments import normalize_text, normalize_upload
from decision_aid.documents.presenter import (
    AttachedPiece,
    DocumentRef,
    build_document_context,
    documents_for,
)
from decision_aid.documents.render import render_html, render_pdf
from tests.conftest import pdf_text
from tests.documents import files
from tests.documents.cases import case_file_for

# (case name, role, extra situation) -> the document that case must produce
KINDS = [
    ("talk", "employee", {}, "talk"),
    ("mediation", "employee", {}, "mediation"),
    ("expert_opinion", "employee", {}, "expert_opinion-fitness_own_work"),
    ("expert_opinion", "employer", {"disputes": ["employee_efforts"]}, None),
    ("expert_opinion", "employee", {"disputes": ["suitable_work"], "cao_expert": True}, None),
    ("second_opinion", "advisor", {}, "second_opinion"),
    ("legal_advice", "employee", {}, "legal_advice"),
    ("court", "employee", {}, "court"),
    ("complaint", "employee", {}, "complaint"),
    ("second_opinion", "advisor", {"disputes": ["pmo_doubt"]}, "second_opinion"),
]


@pytest.fixture(scope="module")
def enclosures():
    """A 2-page PDF, a phone photo and typed text: 4 pages of first opinion."""
    with translation.override("en"):
        pieces = [
            normalize_upload(files.pdf(2), name="advies.pdf"),
            normalize_upload(files.jpeg_photo(), name="foto.jpg"),
            normalize_text("De werknemer kan 4 uur per dag werken.\nGroet, de bedrijfsarts"),
        ]
    return pieces


def _reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def _fonts_embedded(page) -> list[tuple[str, bool]]:
    fonts = []
    for font in (page["/Resources"].get("/Font") or {}).values():
        font = font.get_object()
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
        embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        fonts.append((str(font["/BaseFont"]), embedded))
    return fonts


@pytest.mark.parametrize(("name", "role", "extra", "slug"), KINDS)
def test_every_document_reads_back(name, role, extra, slug, enclosures, tmp_path):
    case_file = case_file_for(name, role=role, **extra)
    with translation.override("en"):
        docs = documents_for(case_file)
        doc = next(d for d in docs if d.kind == name) if slug is None else None
        doc = doc or next(d for d in docs if d.slug == slug)
        attached = [AttachedPiece(p.kind, p.page_count) for p in enclosures]
        context = build_document_context(case_file, doc, attached)
        draft_only = render_pdf(context, [])
        merged = render_pdf(context, [p.pdf for p in enclosures])
    draft_pages = len(_reader(draft_only).pages)
    reader = _reader(merged)
    assert len(reader.pages) == draft_pages + 2 + 1 + enclosures[2].page_count

    draft_text = pdf_text(draft_only)
    # the typed values, with diacritics; user text shown as text, not as markup
    if doc.kind != "talk":  # the talk sheet is for oneself: no sender block
        assert "Zoë Ĳsselmeer-Öztürk" in draft_text or "Zoë IJsselmeer-Öztürk" in draft_text
    if doc.kind not in ("second_opinion", "complaint"):  # the doctor's letters: the doctor knows
        assert "Bakkerij Brood & Zo B.V." in draft_text
    if context["reaches_employer"]:
        # the wizard's own words (written for UWV or a doctor) never reach the employer
        assert "mijn rug wordt na 2 uur erger" not in draft_text
    else:
        assert "mijn rug wordt na 2 uur erger" in draft_text
        assert "<script>alert(1)</script>" in draft_text
    # common parts of every document: the letter's own page labels, no draft mark
    assert "DRAFT" not in draft_text
    page_word = "sheet, page" if doc.kind == "talk" else "letter, page"
    assert f"{page_word} 1 of {draft_pages}" in draft_text
    # which rule set made it is for the writer (sending sheet, advice), not the recipient
    assert "Rules version" not in draft_text
    if doc.kind in ("expert_opinion", "legal_advice", "court"):
        assert "01-09-2025" in draft_text  # first day of sickness
    if doc.kind != "talk":  # the talk sheet is the user's own: no enclosure list
        assert "Enclosures" in draft_text and "typed by the requester" in draft_text
    # the first opinion is the last pages, in order
    assert "EERSTE OORDEEL pagina 1" in reader.pages[draft_pages].extract_text()
    assert "EERSTE OORDEEL pagina 2" in reader.pages[draft_pages + 1].extract_text()
    assert "/XObject" in reader.pages[draft_pages + 2]["/Resources"]  # the photo
    assert "4 uur per dag" in reader.pages[-1].extract_text()
    assert "EERSTE OORDEEL" not in draft_text
    assert "Enclosure 1 – " in reader.pages[draft_pages].extract_text()  # the stamp

    # A4, tagged, title and language, fonts embedded
    for page in reader.pages[:draft_pages]:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
        fonts = _fonts_embedded(page)
        assert fonts and all(embedded for _, embedded in fonts), fonts
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]).startswith("en")
    assert reader.metadata.title == context["title"]

    if shutil.which("qpdf"):
        path = tmp_path / "draft.pdf"
        path.write_bytes(merged)
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No syntax or stream encoding errors" in result.stdout

    # what each kind must say
    expected = {
        "talk": ["Questions I want to ask", "If the conversation does not solve it"],
        "mediation": ["My proposal", "independent mediator", "Mediatorsfederatie"],
        "second_opinion": ["2.14d", "Contact person: Jan Vakbond (union advisor)"],
        "legal_advice": ["The union (vakbond)", "Questions for the advisor"],
        "court": ["For a lawyer, the union or the Juridisch Loket", "7:629a", "not a summons"],
        "complaint": ["complaint about how the company doctor acted", "complaints procedure"],
    }
    if extra.get("disputes") == ["pmo_doubt"]:  # PMO keeps its own label
        assert "periodic medical examination (PMO)" in draft_text.replace("\n", " ")
    for phrase in expected.get(doc.kind, []):
        assert phrase in draft_text.replace("\n", " "), phrase


def _expert_text(**kwargs) -> str:
    case_file = case_file_for("expert_opinion", **kwargs)
    with translation.override("en"):
        docs = [d for d in documents_for(case_file) if d.kind == "expert_opinion"]
        context = build_document_context(case_file, docs[0], [])
        return pdf_text(render_pdf(context, [])).replace("\n", " ")


def test_expert_opinion_mirrors_uwv_and_leaves_out_what_is_not_known():
    text = _expert_text()
    # one line to write by hand: the BSN, which we never ask or keep
    assert "Citizen service number (BSN)" in text
    for field in (
        "Payroll tax number (loonheffingennummer)",
        "Date of birth",
        "Contract hours per week",
        "Date the wage was stopped or held back",
        "The date the disagreement is about",
    ):
        assert field not in text, field
    # a clean labelled box, no notes on the page, no costs in the letter
    assert "we do not store this number" not in text and "Fill in by hand" not in text
    assert "Can I do my own work fully again" in text
    assert "€" not in text and "UWV" in text


def test_expert_opinion_for_an_employer_names_the_contact_and_its_sheet_the_portal_and_fee():
    case_file = case_file_for("expert_opinion", role="employer", disputes=["employee_efforts"])
    text = _expert_text(role="employer", disputes=["employee_efforts"])
    assert "As the employer, we ask for an expert opinion" in text  # a company writes as "we"
    assert "Petra HR" in text and "€" not in text
    with translation.override("en"):
        docs = [d for d in documents_for(case_file) if d.kind == "expert_opinion"]
        sheet = build_document_context(case_file, docs[0], [])["sheet"]
    assert "eHerkenning" in sheet["where"]
    assert any("€400" in c["text"] for c in sheet["costs"]), sheet["costs"]


def test_expert_opinion_goes_to_the_cao_expert_when_the_cao_names_one():
    text = _expert_text(disputes=["suitable_work"], cao_expert=True)
    assert "The expert named in the collective labour agreement (cao)" in text
    assert "UWV charges" not in text


def test_one_expert_request_per_question():
    case_file = case_file_for("expert_opinion")
    slugs = [d.slug for d in documents_for(case_file)]
    assert "expert_opinion-fitness_own_work" in slugs and "expert_opinion-suitable_work" in slugs


def test_advisor_prepared_it_the_member_stays_the_requester():
    case_file = case_file_for("mediation", role="advisor")
    with translation.override("en"):
        context = build_document_context(case_file, DocumentRef("mediation"), [])
    assert context["requester"]["name"] == "Zoë Ĳsselmeer-Öztürk"
    assert context["contact"] == {"name": "Jan Vakbond", "role": "union advisor"}
    assert context["addressee"]["name"] == "Bakkerij Brood & Zo B.V."


def test_preview_and_pdf_use_the_same_context():
    case_file = case_file_for("second_opinion")
    with translation.override("en"):
        context = build_document_context(case_file, DocumentRef("second_opinion"), [])
        preview = render_html(context, for_pdf=False)
        source = render_html(context, for_pdf=True)
    assert "&lt;script&gt;" in preview and "<script>alert" not in preview
    assert "This is a preview" in preview and "This is a preview" not in source
    assert "DRAFT" not in source
    strip = lambda html: html.split("<main>")[1]  # noqa: E731
    assert strip(preview) == strip(source)


def test_cao_expert_named_in_the_legal_questions_too():
    """(BW 7:629a lid 7; 001 LET OP): the documents never send the person to
    UWV alone for the expert opinion when the CAO names its own expert."""
    texts = {}
    for cao in (False, True):
        case_file = case_file_for("legal_advice", disputes=["fitness_own_work"], cao_expert=cao)
        with translation.override("en"):
            (doc,) = [d for d in documents_for(case_file) if d.kind == "legal_advice"]
            texts[cao] = pdf_text(render_pdf(build_document_context(case_file, doc, []), []))
        texts[cao] = texts[cao].replace("\n", " ")
    assert "Should I ask UWV for an expert opinion" in texts[False]
    assert "Should I ask UWV" not in texts[True]
    assert "ask the expert named in the CAO for an expert opinion" in texts[True]


@pytest.mark.parametrize(
    "situation",
    [
        {"expert_opinion": "against_requester", "disputes": ["employer_efforts"]},
        {"expert_opinion": "requested", "disputes": ["employee_efforts"]},
    ],
    ids=["domain§3[E]-opinion-given-not-asked-again", "domain§3[E]-opinion-asked-not-asked-again"],
)
def test_talk_sheet_next_step_fits_what_happened(situation):
    """The talk sheet's "if it fails" never proposes a second expert opinion on the same
    situation (domain §3 [E]: one per situation unless the facts change)."""
    case_file = case_file_for(
        "talk", role="employer", talked=True, relationship="good", **situation
    )
    with translation.override("en"):
        docs = documents_for(case_file)
        doc = next(d for d in docs if d.kind == "talk")
        text = " ".join(
            pdf_text(render_pdf(build_document_context(case_file, doc, []), [])).split()
        )
    tail = text.split("If the conversation does not solve it", 1)[1].split("Notes", 1)[0]
    assert "Ask a mediator for help" in tail, tail
    assert "expert opinion" not in tail, tail
