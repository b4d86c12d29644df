"""`manage.py advise CASE.json`: valid and invalid files, and the same advice as the wizard."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.journey import step_url, walk

ROOT = Path(__file__).resolve().parents[2]

CASE = {
    "version": 1,
    "as_of": "2026-11-23",
    "language": "nl",
    "role": "employee",
    "situation": {
        "employment": "permanent",
        "contract_end": None,
        "sick_since": "2026-04-27",
        "still_sick": True,
        "disputes": ["wage_stopped", "fitness_own_work"],
        "first_opinion": {"present": True, "date": "2026-10-01", "author": "bedrijfsarts"},
        "talked": True,
        "relationship": "strained",
        "mediation": "not_tried",
        "expert_opinion": "none",
        "wage": "stopped",
        "employer_passive": False,
        "union_member": True,
        "legal_insurance": False,
        "cao_expert": False,
    },
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "advise", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_json_output_has_the_agreed_keys(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE))
    result = _run(str(path))
    assert result.returncode == 0, result.stderr
    advice = json.loads(result.stdout)
    for key in (
        "primary",
        "alternatives",
        "not_recommended",
        "expert_opinion_questions",
        "expert_body",
        "requester",
        "next_steps",
        "costs",
        "timeline",
        "documents",
        "out_of_scope",
    ):
        assert key in advice
    # wage stopped, no expert opinion yet: an expert opinion first (BW 7:629a)
    assert advice["primary"]["route"] == "expert_opinion"
    assert "fitness_own_work" in advice["expert_opinion_questions"]
    assert advice["timeline"]["week"] == 31
    assert all(reason["sources"] for reason in advice["primary"]["reasons"])
    # the texts are Dutch for a Dutch case file
    assert "deskundigenoordeel" in json.dumps(advice, ensure_ascii=False).lower()


def test_text_output_in_english(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**CASE, "language": "en"}))
    result = _run(str(path), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Advice: Ask for an expert opinion (deskundigenoordeel)")
    assert "Week of sickness now: 31" in result.stdout
    assert "expert_opinion" not in result.stdout  # no raw route ids (issue 13, point 11)


def test_text_output_entirely_in_dutch_for_a_dutch_case(tmp_path):
    """Issue 13, point 11: route names, documents, costs and the rule set all in Dutch."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE))
    result = _run(str(path), "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Advies: Vraag een deskundigenoordeel aan")
    for english in (
        "Advice",
        "Also possible",
        "Not advised now",
        "Documents",
        "Week of sickness",
        "expert_opinion",
        "legal_advice",
        "court",
        "amount for",
        "Rules version",
    ):
        assert english not in out, english
    assert "Huidige ziekteweek: 31" in out
    assert "bedrag voor 2024; controleer het huidige bedrag" in out  # the fee's year, 2026 case
    assert "Regels versie 2, bronnen van 30-11-2026" in out


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        (json.dumps({**CASE, "role": "boss"}), "role"),
        (
            json.dumps({**CASE, "situation": {**CASE["situation"], "sick_since": "2026-13-40"}}),
            "situation.sick_since",
        ),
        (
            json.dumps({**CASE, "situation": {**CASE["situation"], "sick_since": "2027-01-01"}}),
            "situation.sick_since",
        ),
        (
            json.dumps({**CASE, "situation": {**CASE["situation"], "disputes": ["nonsense"]}}),
            "situation.disputes",
        ),
    ],
)
def test_invalid_file_exits_2_naming_the_problem(tmp_path, content, field):
    path = tmp_path / "case.json"
    path.write_text(content)
    result = _run(str(path))
    assert result.returncode == 2
    assert field in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2():
    result = _run("/nonexistent/case.json")
    assert result.returncode == 2
    assert "file not found" in result.stderr


@pytest.mark.django_db
def test_wizard_and_cli_give_the_same_advice(client, typical_answers, tmp_path, capsys):
    """Same facts, same engine: the advice page and the CLI agree."""
    from decision_aid.cases.models import Case

    walk(client, typical_answers)
    case_file = Case.objects.get().case_file
    advice_page = client.get(step_url(client, "advice")).content.decode()

    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_file))
    call_command("advise", str(path))
    cli = json.loads(capsys.readouterr().out)
    assert cli["primary"]["route"] == "expert_opinion"
    # every reason of the CLI's primary route is on the wizard's advice page
    for reason in cli["primary"]["reasons"]:
        assert reason["text"].replace("'", "&#x27;") in advice_page
    assert cli["expert_opinion_questions"] == ["suitable_work_available"]
