"""The drafts page, the preview and PDF per document, and `manage.py draft`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import pdf_text
from tests.documents import files
from tests.documents.cases import case_file_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_drafts_page_lists_every_document_with_preview_and_pdf(client, owned_case):
    case = owned_case(case_file_for("expert_opinion"))
    html = client.get(f"/en/brief/{case.id}/").content.decode()
    for slug in ("expert_opinion-fitness_own_work", "expert_opinion-suitable_work", "legal_advice"):
        assert f"/brief/{case.id}/voorbeeld/{slug}/" in html
        assert f"/brief/{case.id}/pdf/{slug}/" in html
    assert f"/vragen/{case.id}/details/" in html and f"/vragen/{case.id}/review/" in html


@pytest.mark.django_db
def test_preview_shows_the_document_with_links_back_to_change_answers(client, owned_case):
    case = owned_case(case_file_for("mediation"))
    response = client.get(f"/en/brief/{case.id}/voorbeeld/mediation/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Proposal for mediation" in html and "Zoë Ĳsselmeer-Öztürk" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f"/vragen/{case.id}/details/" in html and f"/brief/{case.id}/pdf/mediation/" in html


@pytest.mark.django_db
def test_pdf_per_document_and_404_for_an_unknown_one(client, owned_case):
    case = owned_case(case_file_for("court"))
    response = client.get(f"/en/brief/{case.id}/pdf/court/")
    assert response["Content-Type"] == "application/pdf"
    assert "draft-court.pdf" in response["Content-Disposition"]
    assert "Get legal help first" in pdf_text(response.content)
    assert client.get(f"/en/brief/{case.id}/pdf/talk/").status_code == 404
    assert client.get(f"/en/brief/{case.id}/voorbeeld/nonsense/").status_code == 404


@pytest.mark.django_db
def test_an_expert_opinion_upload_is_listed_as_such_in_the_court_draft(client, owned_case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = owned_case(case_file_for("court"))
    url = f"/en/brief/{case.id}/bijlagen/"
    upload = SimpleUploadedFile("do.pdf", files.pdf(pages=2), content_type="application/pdf")
    response = client.post(url, {"file": upload, "role": "expert_opinion"})
    assert response.status_code == 302
    assert case.attachments.get().role == "expert_opinion"
    html = client.get(f"/en/brief/{case.id}/voorbeeld/court/").content.decode()
    assert "Expert opinion (deskundigenoordeel), PDF" in html
    assert "first opinion), PDF" not in html


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
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT), "DJANGO_DEBUG": "1"},
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
    paths = result.stdout.split()
    assert [Path(p).name for p in paths] == [
        "expert_opinion-fitness_own_work.pdf",
        "expert_opinion-suitable_work.pdf",
        "legal_advice.pdf",
    ]
    from pypdf import PdfReader

    for path in paths:
        reader = PdfReader(path)
        assert "EERSTE OORDEEL pagina 1" in reader.pages[-4].extract_text()
        assert "halve dagen" in reader.pages[-1].extract_text()


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
