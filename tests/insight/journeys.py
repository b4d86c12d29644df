"""Three scripted journeys for the counts tests: one out of scope, one employee, one employer."""

from __future__ import annotations

from typing import Any

from tests.journey import TYPICAL_EMPLOYEE, walk

OUT_OF_SCOPE: dict[str, dict[str, Any]] = {
    "role": {"role": "employee"},
    "employment": {"employment": "self_employed"},
    "advice": {},
}

EMPLOYEE = {step: dict(data) for step, data in TYPICAL_EMPLOYEE.items()}

EMPLOYER: dict[str, dict[str, Any]] = {
    **{step: dict(data) for step, data in TYPICAL_EMPLOYEE.items() if step != "employer_passive"},
    "role": {"role": "employer"},
    "details": {
        "requester_name": "Bakkerij Brood & Zo B.V.",
        "requester_address": "Dorpsstraat 1\n3511 AA Utrecht",
        "contact_name": "Henk Bakker",
        "employee_name": "Anouk de Vries-Çelik",
        "own_view": "Wij bieden passend werk aan in de winkel, 4 uur per dag.",
    },
}

# The pages each journey answers, in order (the wizard's own order for these answers).
QUESTIONS = [
    "role",
    "employment",
    "still_sick",
    "sick_since",
    "disputes",
    "first_opinion",
    "first_opinion_date",
    "talked",
    "relationship",
    "expert_opinion",
    "wage",
    "employer_passive",
    "legal_help",
    "cao_expert",
    "review",
    "advice",
    "details",
]
EMPLOYEE_PAGES = QUESTIONS
EMPLOYER_PAGES = [p for p in QUESTIONS if p != "employer_passive"]
OUT_OF_SCOPE_PAGES = ["role", "employment", "advice"]


def walk_out_of_scope(client) -> Any:
    """Stops on the result page (an out-of-scope case has no letter)."""
    return walk(client, OUT_OF_SCOPE, stop_at="advice")


def walk_to_letter(client, answers, *, docx: bool = False) -> Any:
    """Answers every page, goes on to the letter and downloads it (PDF, then .docx if asked)."""
    page = walk(client, answers)
    path = page.request["PATH_INFO"]
    assert path.endswith("/bijlagen/"), path
    draft = client.get(path.replace("bijlagen/", ""))
    assert draft.status_code == 200
    slug = draft.context["letters"][0]["slug"]
    case_id = path.split("/")[-3]
    pdf = client.get(f"/brief/{case_id}/pdf/{slug}/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    if docx:
        assert client.get(f"/brief/{case_id}/word/{slug}/").status_code == 200
    return case_id, slug
