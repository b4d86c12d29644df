"""The drafts page, the preview and PDF per document, and `manage.py draft`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import pdf_text
from tests.documents import files
from tests.documents.cases import case_file_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_drafts_page_makes_one_letter_per_question_and_offers_the_rest_as_also_possible(
    client, owned_case
):
    """ "Make my letter" makes the recommended letter (one per expert-opinion
    question); the other steps stay available as "also possible", without a ready PDF."""
    case = owned_case(case_file_for("expert_opinion"))
    html = client.get(f"/en/brief/{case.id}/").content.decode()
    for slug in ("expert_opinion-fitness_own_work", "expert_opinion-suitable_work"):
        assert f"/brief/{case.id}/voorbeeld/{slug}/" in html
        assert f"/brief/{case.id}/pdf/{slug}/" in html
        assert f"/brief/{case.id}/word/{slug}/" in html
        assert f"/brief/{case.id}/verzenden/{slug}/pdf/" in html
    assert "Your 2 letters are ready" in html or "Your 3 letters are ready" in html
    also = html.split("Also possible")[1]
    assert f"/brief/{case.id}/voorbeeld/legal_advice/" in also
    assert f"/brief/{case.id}/pdf/legal_advice/" not in html
    # the sending sheet is on the page: where it goes, deadline, answer time
    assert "How to send this letter" in html and "uwv.nl" in html
    assert "2 to 4 weeks" in html
    assert 'download="request-expert-opinion-own-work-' in html
    assert f"/vragen/{case.id}/details/" in html and f"/vragen/{case.id}/review/" in html


@pytest.mark.django_db
def test_preview_shows_the_document_with_links_back_to_change_answers(client, owned_case):
    case_file = case_file_for("mediation")
    case_file["parties"]["letter"] = {"language": "en"}  # chosen: Dutch is the default
    case = owned_case(case_file)
    response = client.get(f"/en/brief/{case.id}/voorbeeld/mediation/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Proposal to ask a mediator for help" in html and "Zoë Ĳsselmeer-Öztürk" in html
    # the wizard's own words (maybe medical) are not in the letter to the employer
    assert "mijn rug" not in html
    assert f"/vragen/{case.id}/details/" in html and f"/brief/{case.id}/pdf/mediation/" in html
    assert f"/brief/{case.id}/eigen-woorden/mediation/" in html


@pytest.mark.django_db
def test_pdf_per_document_and_404_for_an_unknown_one(client, owned_case):
    case_file = case_file_for("court")
    case_file["parties"]["letter"] = {"language": "en"}  # chosen on the details page
    case = owned_case(case_file)
    response = client.get(f"/en/brief/{case.id}/pdf/court/")
    assert response["Content-Type"] == "application/pdf"
    assert "wage-claim-for-a-lawyer-or-legal-aid-" in response["Content-Disposition"]
    assert "For a lawyer, the union or the Juridisch Loket" in pdf_text(response.content)
    # the letter's language is the one chosen, whatever the page's
    nl = client.get(f"/brief/{case.id}/pdf/court/")
    assert "wage-claim-for-a-lawyer-or-legal-aid-" in nl["Content-Disposition"]
    dutch = owned_case(case_file_for("court"))
    nl = client.get(f"/en/brief/{dutch.id}/pdf/court/")
    assert 'filename="loonvordering-voor-advocaat-of-juridisch-loket-' in nl["Content-Disposition"]
    assert client.get(f"/en/brief/{case.id}/pdf/talk/").status_code == 404
    assert client.get(f"/en/brief/{case.id}/voorbeeld/nonsense/").status_code == 404


@pytest.mark.django_db
def test_an_expert_opinion_upload_is_listed_as_such_in_the_court_draft(client, owned_case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case_file = case_file_for("court")
    case_file["parties"]["letter"] = {"language": "en"}
    case = owned_case(case_file)
    url = f"/en/brief/{case.id}/bijlagen/"
    upload = SimpleUploadedFile("do.pdf", files.pdf(pages=2), content_type="application/pdf")
    response = client.post(url, {"file": upload, "role": "expert_opinion"})
    assert response.status_code == 302
    assert case.attachments.get().role == "expert_opinion"
    html = client.get(f"/en/brief/{case.id}/voorbeeld/court/").content.decode()
    assert "Enclosure 1: Expert opinion (deskundigenoordeel)" in html
    assert "It is enclosed as enclosure 1." in html
    assert "Advice of the company doctor" not in html


@pytest.mark.django_db
def test_someone_elses_case_is_404(client, owned_case):
    case = owned_case(case_file_for("court"))
    client.cookies.clear()
    assert client.get(f"/en/brief/{case.id}/pdf/court/").status_code == 404


def _draft(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "draft", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(ROOT),
            "DJANGO_DEBUG": "1",
            # `make coverage` measures the command too
            **{k: v for k, v in os.environ.items() if k.startswith("COVERAGE_")},
        },
    )


def test_draft_command_writes_every_document_with_the_first_opinion(tmp_path):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({**case_file_for("expert_opinion"), "language": "en"}))
    opinion = tmp_path / "advies.pdf"
    opinion.write_bytes(files.pdf(2))
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(files.jpeg_photo())
    typed = tmp_path / "advies.txt"
    typed.write_text("De werknemer kan halve dagen werken.", encoding="utf-8")
    out = tmp_path / "out"
    args = [str(case), "--first-opinion", str(opinion), "--first-opinion", str(photo)]
    result = _draft(*args, "--first-opinion", str(typed), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    paths = [line for line in lines if not line.startswith(" ")]
    names = [Path(p).name for p in paths]
    stems = [
        "request-expert-opinion-own-work",
        "request-expert-opinion-suitable-work",
        "request-legal-advice",
    ]
    for stem in stems:
        assert any(n.startswith(stem) and n.endswith(".pdf") for n in names), names
        assert any(n.startswith(stem) and n.endswith(".docx") for n in names), names
        assert any(n.startswith("how-to-send-" + stem) for n in names), names
    # the role of each attached file, as the letter lists it
    assert "  Enclosure 1 – Advice of the company doctor of 02-02-2026" in lines
    assert "  Enclosure 3 – Advice of the company doctor of 02-02-2026, typed by the requester" in (
        lines
    )
    from docx import Document
    from pypdf import PdfReader

    for path in (p for p in paths if p.endswith(".pdf") and "how-to-send" not in p):
        reader = PdfReader(path)
        assert "EERSTE OORDEEL pagina 1" in reader.pages[-4].extract_text()
        assert "halve dagen" in reader.pages[-1].extract_text()
    for path in (p for p in paths if p.endswith(".docx")):
        text = " ".join(p.text for p in Document(path).paragraphs)
        assert "Enclosure 1: Advice of the company doctor of 02-02-2026" in text


def test_draft_command_attaches_an_expert_opinion_as_such(tmp_path):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({**case_file_for("court"), "language": "nl"}))
    opinion = tmp_path / "do.pdf"
    opinion.write_bytes(files.pdf(2))
    result = _draft(str(case), "--expert-opinion", str(opinion), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "  Bijlage 1 – Deskundigenoordeel" in result.stdout.splitlines()
    letter = next(p for p in result.stdout.split() if p.endswith(".pdf") and "loonvordering" in p)
    assert Path(letter).name.startswith("loonvordering-voor-advocaat-of-juridisch-loket-")
    assert "Bijlage 1: Deskundigenoordeel" in " ".join(pdf_text(Path(letter).read_bytes()).split())


@pytest.mark.django_db
def test_sending_sheet_on_screen_and_as_pdf_and_the_docx(client, owned_case):
    from docx import Document

    case = owned_case(case_file_for("second_opinion"))
    html = client.get(f"/brief/{case.id}/verzenden/second_opinion/").content.decode()
    assert "Zo verstuurt u deze brief" in html and "Termijn" in html
    sheet = client.get(f"/brief/{case.id}/verzenden/second_opinion/pdf/")
    assert 'filename="zo-verstuurt-u-verzoek-second-opinion-' in sheet["Content-Disposition"]
    assert "Hoe lang duurt een antwoord" in pdf_text(sheet.content)
    word = client.get(f"/brief/{case.id}/word/second_opinion/")
    assert word["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="verzoek-second-opinion-' in word["Content-Disposition"]
    import io

    text = " ".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
    assert "Arbobesluit, artikel 2.14d" in text or "2.14d" in text
    assert "Met vriendelijke groet" in text


@pytest.mark.django_db
def test_own_words_per_letter_are_saved_for_that_letter_only(client, owned_case):
    case = owned_case(case_file_for("expert_opinion", relationship="broken"))
    case.refresh_from_db()
    url = f"/brief/{case.id}/eigen-woorden/expert_opinion-fitness_own_work/"
    page = client.get(url).content.decode()
    assert "Deze brief gaat naar UWV" in page
    assert "mijn rug" in page  # the wizard's own words, offered for a letter to UWV
    response = client.post(url, {"text": "Mijn woorden voor UWV: rugklachten sinds de val."})
    assert response.status_code == 302
    pdf = client.get(f"/brief/{case.id}/pdf/expert_opinion-fitness_own_work/").content
    assert "rugklachten sinds de val" in " ".join(pdf_text(pdf).split())
    mediation = client.get(f"/brief/{case.id}/eigen-woorden/mediation/").content.decode()
    assert "De werkgever leest deze brief" in mediation
    assert "rugklachten" not in mediation and "mijn rug" not in mediation
    too_long = client.post(url, {"text": "x" * 3001})
    assert too_long.status_code == 400 and "Gebruik maximaal" in too_long.content.decode()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: files.encrypted(user_password="geheim"), "This PDF is protected with a password"),
        (files.fake_pdf, "This file is not a PDF"),
        (lambda: b"", "This file is empty"),
    ],
)
def test_draft_command_exits_2_with_the_web_message(tmp_path, make, message):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({**case_file_for("talk"), "language": "en"}))
    bad = tmp_path / "advies.pdf"
    bad.write_bytes(make())
    result = _draft(str(case), "--first-opinion", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"{bad}: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_draft_command_rejects_a_bad_case_file(tmp_path):
    case = tmp_path / "case.json"
    case.write_text("{not json")
    result = _draft(str(case), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "invalid case file" in result.stderr


@pytest.mark.django_db
def test_the_attachments_page_speaks_of_a_wage_claim_only_when_there_is_one(client, owned_case):
    """Most people have no wage claim: the upload's hint says to add an expert opinion if there
    is one, without "loonvordering" (phone review); the court summary still says it."""
    talk = owned_case(case_file_for("talk"))
    html = client.get(f"/brief/{talk.id}/bijlagen/").content.decode()
    assert "loonvordering" not in html
    assert "Hebt u al een deskundigenoordeel" in html
    court = owned_case(case_file_for("court"))
    assert "loonvordering" in client.get(f"/brief/{court.id}/bijlagen/").content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("weg.pdf", None, "cannot read"),
        ("advies.txt", "Advies van de bedrijfsarts: één dag".encode("latin-1"), "not UTF-8"),
    ],
    ids=["missing-file", "text-not-utf8"],
)
def test_draft_command_names_a_first_opinion_it_cannot_read(tmp_path, name, content, message):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({**case_file_for("talk"), "language": "en"}))
    opinion = tmp_path / name
    if content is not None:
        opinion.write_bytes(content)
    result = _draft(str(case), "--first-opinion", str(opinion), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{opinion}: ") and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_draft_command_says_what_it_removed_from_a_file_and_goes_on(tmp_path):
    """A PDF with an owner password only: attached without its restrictions, and the command
    says so on stderr, as the web page does."""
    case = tmp_path / "case.json"
    case.write_text(json.dumps({**case_file_for("talk"), "language": "en"}))
    opinion = tmp_path / "advies.pdf"
    opinion.write_bytes(files.encrypted(user_password=""))
    result = _draft(str(case), "--first-opinion", str(opinion), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert f"{opinion}: This PDF had restrictions" in result.stderr
    letters = [p for p in result.stdout.split() if p.endswith(".pdf") and "how-to-send" not in p]
    assert letters
    assert "EERSTE OORDEEL" in pdf_text(Path(letters[0]).read_bytes())
