"""Letters and sending sheets read as their recipient (and their sender) reads them.

A labour-law review of every letter kind (branch letters-law): an employer's sheet and letters
are worded for the employer, a sheet never says a letter goes where it does not, and a letter to
the expert named in the cao does not speak of UWV's form as the expert's own.
"""

from __future__ import annotations

from datetime import date

from django.utils import translation

from decision_aid.documents.presenter import (
    DocumentRef,
    build_document_context,
    documents_for,
)
from decision_aid.documents.render import render_pdf, render_sheet_pdf
from tests.conftest import pdf_text
from tests.documents.cases import case_file_for

TODAY = date(2026, 11, 30)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _doc(case_file: dict, kind: str, question: str | None = None) -> DocumentRef:
    return next(
        d
        for d in documents_for(case_file)
        if d.kind == kind and (question is None or d.question == question)
    )


def _render(case_file: dict, doc: DocumentRef, lang: str = "nl") -> tuple[str, str]:
    """(letter text, sending sheet text) as the PDFs read back."""
    with translation.override(lang):
        context = build_document_context(case_file, doc, [], today=TODAY)
        letter = _flat(pdf_text(render_pdf(context, [])))
        sheet = _flat(pdf_text(render_sheet_pdf(context)))
    return letter, sheet


def test_an_employers_sheet_asks_for_the_employees_bsn_and_its_own_payroll_tax_number():
    """UWV's employer form asks the employer's loonheffingennummer and the employee's BSN
    (domain §3 [C]); "your citizen service number" is the employee's wording."""
    case_file = case_file_for("expert_opinion", role="employer", disputes=["employee_efforts"])
    doc = _doc(case_file, "expert_opinion", "employee_efforts")
    _, sheet_nl = _render(case_file, doc, "nl")
    assert "uw burgerservicenummer" not in sheet_nl
    assert "burgerservicenummer (BSN) van de werknemer" in sheet_nl
    _, sheet_en = _render(case_file, doc, "en")
    assert "your citizen service number" not in sheet_en
    assert "the employee's citizen service number (BSN)" in sheet_en


def test_only_the_uwv_request_sheet_speaks_of_a_bsn():
    """A BSN has no place in a letter to the employer, the doctor or a legal helper: their
    sheets do not ask to fill one in (only the expert-opinion request has a BSN box)."""
    for name in ("mediation", "second_opinion", "complaint", "legal_advice"):
        case_file = case_file_for(name)
        _, sheet = _render(case_file, _doc(case_file, name))
        assert "BSN" not in sheet and "burgerservicenummer" not in sheet, name
        assert "zet uw handtekening" in sheet, name
    case_file = case_file_for("expert_opinion")
    _, sheet = _render(case_file, _doc(case_file, "expert_opinion"))
    assert "uw burgerservicenummer (BSN) op de regel in deel 3" in sheet
    assert "wij vragen en bewaren het niet" in sheet and "DigiD" in sheet


def test_the_talk_sheet_does_not_call_itself_a_letter_to_the_employer():
    """The talk sheet is not sent (its own sheet says so); its privacy note must not say
    'this letter goes to the employer'."""
    case_file = case_file_for("talk")
    _, sheet = _render(case_file, _doc(case_file, "talk"))
    assert "U stuurt dit blad niet op" in sheet
    assert "Deze brief gaat naar de werkgever" not in sheet
    assert "geen diagnose" in sheet and "laten zien" in sheet


def test_an_employers_talk_sheet_asks_the_employers_questions():
    case_file = case_file_for(
        "talk", role="employer", disputes=["suitable_work", "fitness_own_work", "wage_stopped"]
    )
    # (with a stopped wage the advice leads elsewhere; the sheet can still be made)
    letter, _ = _render(case_file, DocumentRef("talk"))
    # the employee's questions ("what can I do", "what does the offered work involve")
    assert "Wat kan ik precies" not in letter
    assert "Wat houdt het aangeboden werk in" not in letter
    assert "Waarom is het loon gestopt" not in letter
    assert "Wat kan de werknemer nu wel" in letter
    assert "Waarom hebben wij het loon gestopt of opgeschort" in letter


def test_an_employers_request_for_legal_advice_is_not_about_my_fitness_for_work():
    case_file = case_file_for(
        "legal_advice",
        role="employer",
        disputes=["fitness_own_work", "medical_advice_doubt", "employer_efforts"],
        union_member=False,
    )
    letter, _ = _render(case_file, _doc(case_file, "legal_advice"))
    assert "mijn arbeidsgeschiktheid" not in letter
    assert "Is een second opinion of een deskundigenoordeel de betere stap" not in letter
    assert "Wat kan er gebeuren als de werkgever niet genoeg doet" not in letter
    assert "of de werknemer het eigen werk kan doen" in letter
    assert "second opinion kan alleen de werknemer vragen" in letter
    assert "loonsanctie" in letter


def test_a_request_to_the_cao_expert_does_not_call_uwvs_form_its_own():
    case_file = case_file_for("expert_opinion", disputes=["suitable_work"], cao_expert=True)
    letter, sheet = _render(case_file, _doc(case_file, "expert_opinion", "suitable_work"))
    assert "De gegevens die uw formulier vraagt" not in letter
    assert "deskundige die in onze cao staat" in letter
    # the sheet's deadline does not speak of UWV, which is not asked here
    deadline = sheet.split("Termijn")[1].split("Hoe lang duurt een antwoord")[0]
    assert "UWV" not in deadline and "7:629a" in deadline


def test_an_employers_mediation_letter_speaks_as_we():
    case_file = case_file_for("mediation", role="employer")
    letter, _ = _render(case_file, _doc(case_file, "mediation"))
    assert "Ik stel voor" not in letter
    assert "Wij stellen voor dat we een bemiddelaar vragen" in letter
    assert "Laat u ons binnen twee weken" in letter
    letter_en, _ = _render(case_file, _doc(case_file, "mediation"), "en")
    assert "I propose" not in letter_en and "We propose that we ask a mediator" in letter_en


def test_the_legal_advice_sheet_names_the_addressee_of_the_letter():
    case_file = case_file_for(
        "legal_advice", role="employer", disputes=["employee_efforts"], legal_insurance=True
    )
    _, sheet = _render(case_file, _doc(case_file, "legal_advice"))
    who = sheet.split("Wie krijgt hem")[1].split("Waar gaat hij naartoe")[0]
    assert "rechtsbijstandsverzekering" in who and "vakbond" not in who


def test_the_disputed_date_is_not_put_in_the_requesters_mouth():
    """The details page asks 'the date the disagreement is about', e.g. the date from which
    the company doctor says the employee can work again. An employee who contests that date
    must not be shown to UWV as claiming it ('from which date, according to the requester')."""
    case_file = case_file_for("expert_opinion", disputes=["fitness_own_work"], wage="stopped")
    case_file["parties"]["letter"] = {"dispute_from": "2026-02-02"}
    letter, _ = _render(case_file, _doc(case_file, "expert_opinion", "fitness_own_work"))
    assert "volgens de aanvrager" not in letter
    assert "De datum waar het meningsverschil over gaat: 02-02-2026" in letter
    letter_en, _ = _render(case_file, _doc(case_file, "expert_opinion", "fitness_own_work"), "en")
    assert "according to the requester" not in letter_en
    assert "The date the disagreement is about: 02-02-2026" in letter_en


def test_the_complaint_opens_in_plain_polite_english():
    case_file = case_file_for("complaint")
    letter, _ = _render(case_file, _doc(case_file, "complaint"), "en")
    assert "I make a complaint" not in letter
    assert "I would like to make a complaint about how the company doctor acted" in letter
    letter_nl, _ = _render(case_file, _doc(case_file, "complaint"))
    assert "Ik dien een klacht in over hoe de bedrijfsarts met mij omging" in letter_nl
    # a request, not an order ("Stuur mij alstublieft ...")
    assert "Stuur mij alstublieft" not in letter_nl
    assert "Wilt u mij uw klachtenprocedure sturen" in letter_nl


def test_a_letter_to_the_employer_says_to_send_only_the_advice_the_employer_may_see():
    """The first opinion goes after every letter (product.md), also after the mediation
    proposal to the employer; the employee's copy may hold medical details the employer may
    not see (domain.md, [J]). The sheet says which version may go, and not 'add no medical
    papers' while one is already in the file."""
    case_file = case_file_for("mediation", role="employee", disputes=["relationship"])
    doc = _doc(case_file, "mediation")
    _, sheet_nl = _render(case_file, doc, "nl")
    assert "alleen de versie die de werkgever ook kreeg, zonder medische gegevens" in sheet_nl
    _, sheet_en = _render(case_file, doc, "en")
    assert "only the version the employer also got, without medical details" in sheet_en


def test_the_court_summary_says_whose_favour_the_expert_opinion_is_in():
    """The wizard asks "did UWV agree with you?"; the summary is the writer's own: "in mijn
    voordeel", not the ambiguous "in het voordeel van de aanvrager"."""
    case_file = case_file_for("court")
    case_file["situation"]["expert_opinion"] = "for_requester"
    doc = _doc(case_file, "court")
    letter_nl, _ = _render(case_file, doc, "nl")
    assert "gegeven, in mijn voordeel" in letter_nl
    assert "aanvrager" not in letter_nl
    letter_en, _ = _render(case_file, doc, "en")
    assert "given, in my favour" in letter_en


def test_an_employers_letters_speak_as_we():
    """A company writes as "we": the employer's expert-opinion request and legal-advice letter
    said "Als werkgever vraag ik" and "mijn standpunt" (letters review)."""
    case_file = case_file_for("expert_opinion", role="employer", disputes=["employee_efforts"])
    letter, _ = _render(case_file, _doc(case_file, "expert_opinion", "employee_efforts"), "nl")
    assert "Als werkgever vragen wij een deskundigenoordeel aan" in letter
    assert "ons standpunt, in onze eigen woorden" in letter
    assert "vraag ik" not in letter and "mijn standpunt" not in letter
    letter_en, _ = _render(case_file, _doc(case_file, "expert_opinion", "employee_efforts"), "en")
    assert "As the employer, we ask for an expert opinion" in letter_en
    # the employee's letter still speaks as "I"
    own = case_file_for("expert_opinion", role="employee")
    mine, _ = _render(own, _doc(own, "expert_opinion"), "nl")
    assert "Als werknemer vraag ik" in mine
