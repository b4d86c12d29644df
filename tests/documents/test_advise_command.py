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
        "rule_set",
    ):
        assert key in advice
    assert advice["rule_set"] == {"version": "5", "sources_date": "2026-11-30"}
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
    # pay stopped: the dated actions of this week open the advice, above the route
    assert result.stdout.startswith("This week\n  ")
    assert "\nAdvice: Ask for an expert opinion (deskundigenoordeel)" in result.stdout
    assert "Week of sickness now: 31" in result.stdout
    assert "expert_opinion" not in result.stdout  # no raw route ids (point 11)


def test_text_output_entirely_in_dutch_for_a_dutch_case(tmp_path):
    """Route names, documents, costs and the rule set all in Dutch."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE))
    result = _run(str(path), "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Deze week\n  ")
    assert "\nAdvies: Vraag een deskundigenoordeel aan" in out
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
    # the fee's year and when it was last looked up, in a 2026 case
    assert "bedrag voor 2024, laatst nagekeken op 07-12-2026; controleer het huidige" in out
    assert "Regels versie 5, bronnen van 30-11-2026" in out


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


# --- the new situations give the same advice through all three doors ---------------
# Each: the wizard's answers that differ from TYPICAL_EMPLOYEE, the intake's that differ from
# tests/advisors INTAKE, and the route the sources lead to.
NEW_SITUATIONS = {
    "declared fit, pay stopped [domain §3 vvaa]": (
        {
            "still_sick": {"still_sick": "declared_fit"},
            "disputes": {"disputes": ["fitness_own_work"]},
            "wage": {"wage": "stopped"},
            "money": {"unfitness_disputed": "unknown", "pregnancy_related": ""},
        },
        {"still_sick": "declared_fit", "disputes": ["fitness_own_work"], "wage": "stopped"},
        "expert_opinion",
    ),
    "wage sanction in week 110 [004 §3]": (
        {
            "sick_since": {"sick_since": "weeks_ago:109"},
            "wage_sanction": {"wage_sanction": "yes"},
            "sanction_decided_on": {"sanction_decided_on": ""},
            "disputes": {"disputes": ["employer_efforts"]},
        },
        {"sick_since": "109w", "wage_sanction": "yes", "disputes": ["employer_efforts"]},
        "expert_opinion",
    ),
    "complaint about the bedrijfsarts [domain §4 AQ]": (
        {"disputes": {"disputes": ["doctor_conduct"]}},
        {"disputes": ["doctor_conduct"]},
        "complaint",
    ),
    "doubt about a PMO [003 pmo]": (
        {"disputes": {"disputes": ["pmo_doubt"]}, "first_opinion": {"first_opinion": "pmo"}},
        {"disputes": ["pmo_doubt"], "first_opinion": "pmo"},
        "second_opinion",
    ),
    "pay suspended [BW 7:629 lid 6]": (
        {
            "disputes": {"disputes": ["wage_stopped"]},
            "wage": {"wage": "withheld"},
            "money": {"unfitness_disputed": "no", "pregnancy_related": "no"},
        },
        {"disputes": ["wage_stopped"], "wage": "withheld"},
        "talk",
    ),
}


def _cli(case_file: dict, tmp_path: Path, capsys, name: str) -> dict:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(case_file))
    call_command("advise", str(path))
    return json.loads(capsys.readouterr().out)


def _same(advice: dict) -> dict:
    """What must be equal: the routes, the rules and sources behind every reason, the steps,
    costs and documents. The words may differ: an advisor reads about "the member"."""
    blocks = ("primary", "alternatives", "not_recommended")
    out = {
        k: [
            (b["route"], [(r["rule"], r["sources"]) for r in b["reasons"]])
            for b in (advice[k] if isinstance(advice[k], list) else [advice[k]])
        ]
        for k in blocks
    }
    keep = ("expert_opinion_questions", "expert_body", "costs", "documents", "out_of_scope")
    keep += ("to_find_out",)
    return (
        out
        | {k: advice[k] for k in keep}
        | {
            "week": advice["timeline"]["week"],
            "steps": len(advice["next_steps"]),
        }
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(NEW_SITUATIONS), ids=list(NEW_SITUATIONS))
def test_wizard_intake_and_cli_agree_on_the_new_situations(
    name, client, typical_answers, tmp_path, capsys, settings
):
    from django.test import Client

    from decision_aid.advisors.models import AdvisorCase
    from decision_aid.cases.models import Case
    from tests.advisors.conftest import INTAKE, make_advisor

    wizard_changes, intake_changes, route = NEW_SITUATIONS[name]
    walk(client, {**typical_answers, **wizard_changes})
    wizard_file = Case.objects.get().case_file
    advice_page = client.get(step_url(client, "advice")).content.decode()

    settings.ADVISOR_REQUIRE_2FA = False
    advisor = Client()
    advisor.force_login(make_advisor("eq1", "FNV Utrecht").user)
    first_opinion_date = wizard_file["situation"]["first_opinion"]["date"] or ""
    if first_opinion_date:
        first_opinion_date = "-".join(reversed(first_opinion_date.split("-")))
    posted = {**INTAKE, "first_opinion_date": first_opinion_date, "legal_insurance": "no"}
    posted |= {"cao_expert": "no", "employer_passive": "no", **intake_changes, "save": "1"}
    response = advisor.post("/adviseur/nieuw/", posted)
    assert response.status_code == 302, response.content.decode()[:3000]
    intake_file = AdvisorCase.objects.get().case.case_file

    from_wizard = _cli(wizard_file, tmp_path, capsys, "wizard")
    from_intake = _cli(intake_file, tmp_path, capsys, "intake")
    assert from_wizard["primary"]["route"] == route
    assert _same(from_wizard) == _same(from_intake)
    assert "uw loon" not in json.dumps(from_intake, ensure_ascii=False).lower()
    for reason in from_wizard["primary"]["reasons"]:  # and the advice page shows the same
        assert reason["text"].replace("'", "&#x27;") in advice_page
    assert "Regels versie 5" in advice_page


@pytest.mark.parametrize(
    ("role", "language", "title"),
    [
        # product.md "Gesprek": the employer talks with the employee, not with "the employer"
        ("employer", "nl", "Advies: Praat erover met de werknemer of de bedrijfsarts"),
        ("employer", "en", "Advice: Talk about it with the employee or the company doctor"),
        ("employee", "nl", "Advies: Praat erover met de werkgever of de bedrijfsarts"),
    ],
    ids=["product.md-gesprek-employer-nl", "product.md-gesprek-employer-en", "employee-nl"],
)
def test_talk_route_names_the_other_party(tmp_path, role, language, title):
    case = {**CASE, "role": role, "language": language}
    case["situation"] = {
        **CASE["situation"],
        "disputes": ["employer_efforts"],
        "wage": "paid",
        "expert_opinion": "against_requester",
        "relationship": "good",
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    result = _run(str(path), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert title in result.stdout.splitlines(), result.stdout


def test_text_output_says_where_to_go_instead_and_what_to_find_out(tmp_path):
    """Out of scope (self-employed): the text names where to go instead and offers no letter.
    Contract and sickness unknown: it lists what to find out first."""
    from tests.documents.cases import case_file_for

    def text_for(**situation) -> list[str]:
        case = case_file_for("talk")
        case["language"] = "en"
        case["situation"].update(situation)
        path = tmp_path / "case.json"
        path.write_text(json.dumps(case))
        result = _run(str(path), "--format", "text")
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()

    outside = text_for(employment="self_employed", disputes=["suitable_work"])
    assert outside[0] == "Advice: This aid does not fit your situation"
    instead = next(line for line in outside if line.startswith("Where to go instead: "))
    assert "UWV" in instead and "Juridisch Loket" in instead
    assert not [line for line in outside if line.startswith("Documents:")]

    unknown = text_for(employment=None, still_sick=None, disputes=["employer_efforts"])
    at = unknown.index("What you still need to find out")
    assert unknown[at + 1].startswith("  - What kind of contract the employee has")
    assert unknown[at + 2] == "  - Whether the employee is still reported sick."
