"""The first letters of a money dispute (domain.md §10), read back as their recipients read them:
the employer reading the employee's written claim, the employee reading the employer's notice of
a stop or suspension, UWV reading the objection to a wage sanction. Real WeasyPrint PDFs read
back with pypdf, the .docx, the sending sheet; and the .ics calendar of the case's deadlines.
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.utils import translation

from decision_aid.documents.docx import render_docx
from decision_aid.documents.presenter import build_document_context, documents_for
from decision_aid.documents.render import render_pdf, render_sheet_pdf
from tests.conftest import pdf_text
from tests.documents.cases import case_file_for

TODAY = date(2026, 3, 2)  # the as_of of the shared case files
PAY_BY = (TODAY + timedelta(days=7)).strftime("%d-%m-%Y")
DECIDED = "2026-02-20"
OBJECTION_BY = (date(2026, 2, 20) + timedelta(weeks=6)).strftime("%d-%m-%Y")

# (kind, role, situation, what the recipient must read (nl, en))
LETTERS = [
    (
        "wage_protest",
        "employee",
        {"wage": "cut", "unfitness_disputed": False},
        (
            ("Eis om het volledige loon tijdens ziekte", "minder dan", PAY_BY),
            ("Claim for the full wage during sickness", "less than", PAY_BY),
        ),
    ),
    (
        "wage_protest",
        "advisor",
        {"wage": "stopped", "disputes": ["employee_efforts"]},
        (
            ("Protest tegen de stop van mijn loon", "Jan Vakbond", PAY_BY),
            ("Protest against stopping my wage", "Jan Vakbond", PAY_BY),
        ),
    ),
    (
        "pay_notice",
        "employer",
        {"wage": "withheld"},
        (
            ("Mededeling: uw loon wordt opgeschort", "7:629 lid 6", "Wat er een eind aan maakt"),
            ("Notice: your wage is held back", "7:629 paragraph 6", "What ends it"),
        ),
    ),
    (
        "pay_notice",
        "employer",
        {"wage": "stopped", "disputes": ["employee_efforts"]},
        (
            ("Mededeling: uw loon wordt gestopt", "7:629 lid 3", "Als u het er niet mee eens"),
            ("Notice: your wage is stopped", "7:629 paragraph 3", "If you do not agree"),
        ),
    ),
    (
        "sanction_objection",
        "employer",
        {"sick_since": "2024-05-20", "wage_sanction": True, "sanction_decided_on": DECIDED},
        (
            ("20-02-2026", "bekortingsverzoek", "6:7 Algemene wet bestuursrecht"),
            ("20-02-2026", "bekortingsverzoek", "6:7 General Administrative Law Act"),
        ),
    ),
]
IDS = [f"{k}-{r}-{'-'.join(map(str, s.values()))}" for k, r, s, _ in LETTERS]
MEDICAL = "rug wordt na 2 uur erger"  # the wizard's own view in cases.BASE: about the illness


def _flat(text: str) -> str:
    return " ".join(text.split())


def _context(kind: str, role: str, situation: dict, lang: str) -> dict:
    case_file = case_file_for("talk", role=role, **situation)
    case_file["version"] = 2
    case_file["language"] = lang
    with translation.override(lang):
        docs = documents_for(case_file)
        assert docs[0].kind == kind, [d.kind for d in docs]  # the first letter people need
        return build_document_context(case_file, docs[0], [], today=TODAY)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("kind", "role", "situation", "expected"), LETTERS, ids=IDS)
def test_the_first_letter_reads_right_for_its_recipient(kind, role, situation, expected, lang):
    context = _context(kind, role, situation, lang)
    with translation.override(lang):
        pdf = render_pdf(context, [])
        sheet = render_sheet_pdf(context)
        docx = render_docx(context)
    letter = _flat(pdf_text(pdf))
    for part in expected[0 if lang == "nl" else 1]:
        assert part in letter, (part, letter[:600])
    # the recipient and sender are the right people; the rule set is in the footer
    if kind == "wage_protest":
        assert "Bakkerij Brood & Zo B.V." in letter and "Zoë Ĳsselmeer-Öztürk" in letter
        # goes to the employer: nothing about the illness from the wizard's own view
        assert MEDICAL not in letter
        assert "De vakbond" not in letter and "The union (vakbond)" not in letter
    if kind == "pay_notice":
        assert letter.index("Bakkerij Brood & Zo B.V.") < letter.index("Zoë Ĳsselmeer-Öztürk")
        assert MEDICAL not in letter
    if kind == "sanction_objection":
        assert "UWV" in letter and OBJECTION_BY not in letter  # the last day is for the sender
    # the rule set is for the writer (sending sheet, advice), not in what the recipient reads
    assert ("Regels versie" if lang == "nl" else "Rules version") not in letter
    assert "uw loon is ingehouden" not in letter.lower()
    # the sending sheet: one page, with the dated deadline
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(sheet)).pages) == 1
    sheet_text = _flat(pdf_text(sheet))
    if kind == "wage_protest":
        assert PAY_BY in sheet_text
    if kind == "sanction_objection":
        assert OBJECTION_BY in sheet_text and "20-02-2026" in sheet_text
    # the editable copy holds the same subject
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    assert context["title"] in text


def test_a_pregnancy_claim_says_the_employer_keeps_paying():
    """ZW art. 29a: 'UWV pays, so we stop' is wrong; the letter says so to the employer."""
    context = _context(
        "wage_protest",
        "employee",
        {"wage": "refused", "unfitness_disputed": False, "pregnancy_related": True},
        "nl",
    )
    with translation.override("nl"):
        letter = _flat(pdf_text(render_pdf(context, [])))
    assert "U blijft mijn loon betalen" in letter and "29a Ziektewet" in letter


def test_the_expert_opinion_request_names_the_contract_end():
    """domain §10: the end date belongs in every letter; the request to UWV left it out."""
    case_file = case_file_for(
        "expert_opinion", employment="temporary", contract_end="2026-04-10", wage="stopped"
    )
    with translation.override("nl"):
        doc = next(d for d in documents_for(case_file) if d.kind == "expert_opinion")
        context = build_document_context(case_file, doc, [], today=TODAY)
        letter = _flat(pdf_text(render_pdf(context, [])))
        sheet = _flat(pdf_text(render_sheet_pdf(context)))
    assert "Einddatum van het tijdelijke contract: 10-04-2026" in letter
    assert "Vóór 10-04-2026, de laatste dag van het tijdelijke contract" in sheet
    assert "De wet noemt geen termijn" not in sheet


# --- the calendar --------------------------------------------------------------------------
@pytest.mark.django_db
def test_calendar_lists_the_dated_deadlines_and_names_no_health_matter(client, owned_case):
    """An .ics made when asked: the pay-by date, the contract end and week 93 as all-day
    events; the texts name the step; no name, no own words; nothing stored."""
    from django.utils import timezone

    today = timezone.localdate()
    case_file = case_file_for(
        "talk",
        employment="temporary",
        contract_end=(today + timedelta(days=20)).isoformat(),
        sick_since=(today - timedelta(weeks=30)).isoformat(),
        wage="stopped",
        disputes=["employee_efforts"],
    )
    case_file["version"] = 2
    case = owned_case(case_file)
    before = case.updated_at
    response = client.get(f"/vragen/{case.id}/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    unfolded = body.replace("\r\n ", "")
    pay_by = (today + timedelta(days=7)).strftime("%Y%m%d")
    end = (today + timedelta(days=20)).strftime("%Y%m%d")
    assert f"DTSTART;VALUE=DATE:{pay_by}" in unfolded
    assert f"DTSTART;VALUE=DATE:{end}" in unfolded
    assert "SUMMARY:Einde van het tijdelijke contract" in unfolded
    assert "SUMMARY:Laatste dag om de WIA-uitkering aan te vragen" in unfolded
    for private in ("Zoë", "Bakkerij", "rug", "Arbodienst", str(case.id)):
        assert private not in unfolded, private
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    case.refresh_from_db()
    assert case.updated_at == before


@pytest.mark.django_db
def test_calendar_of_someone_elses_case_is_not_found(client, owned_case):
    from django.test import Client

    case = owned_case(case_file_for("talk", wage="stopped"))
    assert Client().get(f"/vragen/{case.id}/agenda.ics").status_code == 404


def test_the_court_summary_names_the_unfitness_not_the_claim():
    """BW 7:629a lid 2 (domain §10 [L]): the exception is an undisputed unfitness."""
    case_file = case_file_for("court")
    with translation.override("nl"):
        doc = next(d for d in documents_for(case_file) if d.kind == "court")
        context = build_document_context(case_file, doc, [], today=TODAY)
        letter = _flat(pdf_text(render_pdf(context, [])))
    assert "behalve als de arbeidsongeschiktheid niet betwist werd" in letter
    assert "geen discussie over was" not in letter


def test_the_unions_own_advisor_gets_no_letter_to_de_vakbond():
    """Advisor mode: the legal-advice letter goes to the union's legal department, not to
    'De vakbond' (the advisor is the union)."""
    case_file = case_file_for("legal_advice", role="advisor")
    with translation.override("nl"):
        doc = next(d for d in documents_for(case_file) if d.kind == "legal_advice")
        context = build_document_context(case_file, doc, [], today=TODAY)
        letter = _flat(pdf_text(render_pdf(context, [])))
    assert "De juridische dienst of advocaat van de vakbond" in letter
    assert "De vakbond " not in letter.replace("De vakbond.", "")


@pytest.mark.django_db
def test_a_case_stored_before_version_2_still_opens(client, owned_case):
    """A version-1 case file saved before the money questions (no unfitness_disputed, no
    sanction date) still gives its advice, its letters and its calendar."""
    case_file = case_file_for("expert_opinion")
    assert case_file["version"] == 1 and "unfitness_disputed" not in case_file["situation"]
    case = owned_case(case_file)
    draft = client.get(f"/en/brief/{case.id}/")
    assert draft.status_code == 200
    assert f"/brief/{case.id}/pdf/wage_protest/" in draft.content.decode()
    assert client.get(f"/en/brief/{case.id}/pdf/wage_protest/").status_code == 200
    assert client.get(f"/vragen/{case.id}/agenda.ics").status_code == 200


@pytest.mark.django_db
def test_a_wizard_state_stored_before_the_money_page_resumes(client):
    """Stored wizard pages from before the 'money' page: the wizard asks the new page when the
    answers call for it, and nothing typed before is lost."""
    from decision_aid.casefile.answers import case_file_to_wizard_state
    from decision_aid.cases.services import case_create, case_save_state

    state = case_file_to_wizard_state(case_file_for("expert_opinion"))
    del state["step_data"]["money"]  # a state saved before the page existed
    case = case_create(language="nl")
    case_save_state(case=case, state=state, language="nl")
    session = client.session
    session["cases"] = [str(case.id)]
    session.save()
    response = client.get(f"/vragen/{case.id}/review/", follow=True)
    assert response.status_code == 200
    # the check page sends the person to the one new question, not back to the start
    assert response.redirect_chain[-1][0] == f"/vragen/{case.id}/money/"
    html = response.content.decode()
    assert "<h1>Over het loon</h1>" in html and "Betwist uw werkgever dat u ziek bent?" in html


@pytest.mark.django_db
def test_own_words_of_the_notice_go_into_that_letter_only(client, owned_case):
    """The employer writes the rule that was not followed for the notice: saved for that letter
    (case file version 2 allows the key), shown in its PDF, never the wizard's own view."""
    case_file = case_file_for("talk", role="employer", wage="withheld")
    case_file["version"] = 2
    case = owned_case(case_file)
    url = f"/brief/{case.id}/eigen-woorden/pay_notice/"
    page = client.get(url).content.decode()
    assert "de werknemer" in page and "mijn rug" not in page
    words = "U kwam op 3 en 10 maart niet naar de bedrijfsarts. Maak een nieuwe afspraak."
    assert client.post(url, {"text": words}).status_code == 302
    pdf = _flat(pdf_text(client.get(f"/brief/{case.id}/pdf/pay_notice/").content))
    assert words in pdf and MEDICAL not in pdf


@pytest.mark.parametrize(("kind", "role", "situation"), [(k, r, s) for k, r, s, _ in LETTERS[:4]])
def test_without_own_words_no_empty_heading_and_nothing_points_above(kind, role, situation):
    """A letter whose writer typed no own words has no heading over nothing, and the notice
    does not send its reader to "what is written above" when nothing is written there."""
    context = _context(kind, role, situation, "nl")
    context["own_view"] = ""
    letter = _flat(pdf_text(render_pdf(context, [])))
    assert str(context["own_view_heading"]) not in letter
    assert "hierboven" not in letter


@pytest.mark.django_db
def test_the_draft_page_asks_for_the_rule_before_the_wage_stop_notice_goes_out(client, owned_case):
    """The bakery owner's notice of a wage stop printed "De regel of afspraak die u niet hebt
    gevolgd" with nothing under it, and "doet wat hierboven staat" about nothing, while the
    draft page said the letter was ready (phone walk review). It now says what is missing."""
    case_file = case_file_for("talk", role="employer", wage="stopped")
    case_file["version"] = 2
    case = owned_case(case_file)
    page = client.get(f"/brief/{case.id}/").content.decode()
    assert "In deze brief moeten nog uw eigen woorden bij" in page
    assert "De regel of afspraak die u niet hebt gevolgd" in page
    words = "U kwam op 3 en 10 maart niet naar de bedrijfsarts."
    client.post(f"/brief/{case.id}/eigen-woorden/pay_notice/", {"text": words})
    page = client.get(f"/brief/{case.id}/").content.decode()
    assert "In deze brief moeten nog uw eigen woorden bij" not in page


@pytest.mark.django_db
def test_the_wage_stop_sheet_does_not_promise_the_stopped_wage(client, owned_case):
    """The sending sheet of a wage stop said "stopt een opschorting en wordt het ingehouden loon
    betaald" (true only of a suspension; the letter itself says the stopped wage is not paid)
    and used the legal word "onverwijld" (phone walk review)."""
    case_file = case_file_for("talk", role="employer", wage="stopped")
    case_file["version"] = 2
    case = owned_case(case_file)
    page = client.get(f"/brief/{case.id}/").content.decode()
    assert "het loon over een loonstop betaalt u niet" in page
    assert "stopt een opschorting en wordt het ingehouden loon betaald" not in page
    assert "onverwijld" not in page


def test_the_wage_claim_without_own_words_has_no_empty_heading():
    """The cleaner's written claim printed "Wat er ontbreekt, in mijn eigen woorden" with nothing
    under it when she wrote no words for that letter (phone walk review)."""
    context = _context(
        "wage_protest", "employee", {"wage": "cut", "unfitness_disputed": False}, "nl"
    )
    assert context["own_view"] == ""
    with translation.override("nl"):
        letter = _flat(pdf_text(render_pdf(context, [])))
    assert "in mijn eigen woorden" not in letter
    assert "Mijn verzoek" in letter


@pytest.mark.django_db
def test_the_wage_claim_is_ready_without_own_words(client, owned_case):
    case_file = case_file_for("talk", role="employee", wage="cut", unfitness_disputed=False)
    case_file["version"] = 2
    case = owned_case(case_file)
    page = client.get(f"/brief/{case.id}/").content.decode()
    assert "Eis om het volledige loon" in page
    assert "In deze brief moeten nog uw eigen woorden bij" not in page


@pytest.mark.django_db
def test_two_letters_to_two_readers_are_not_explained_by_uwv_questions(client, owned_case):
    """The cleaner's draft page said "UWV beantwoordt één vraag per aanvraag. Daarom heeft elke
    vraag een eigen brief" above a claim to her employer and a letter for legal help; neither
    goes to UWV (phone walk review)."""
    case_file = case_file_for("talk", role="employee", wage="cut", unfitness_disputed=False)
    case_file["version"] = 2
    case = owned_case(case_file)
    page = client.get(f"/brief/{case.id}/").content.decode()
    assert "brieven zijn klaar" in page
    assert "UWV beantwoordt één vraag per aanvraag" not in page
    assert "Elke brief gaat naar iemand anders." in page
