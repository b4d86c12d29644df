"""The typical journey's answers, as plain data (no Django), for the tests and the load bench."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

# A typical employee: 30 weeks sick, bedrijfsarts says partial work is possible, employer offers
# no work, talked without result.
TYPICAL_EMPLOYEE: dict[str, dict[str, Any]] = {
    "role": {"role": "employee"},
    "employment": {"employment": "permanent"},
    "still_sick": {"still_sick": "yes"},
    "sick_since": {"sick_since": "weeks_ago:30"},
    "disputes": {"disputes": ["suitable_work_available"]},
    "first_opinion": {"first_opinion": "bedrijfsarts"},
    "first_opinion_date": {"first_opinion_date": "weeks_ago:4"},
    "talked": {"talked": "yes"},
    "relationship": {"relationship": "good"},
    "expert_opinion": {"expert_opinion": "none"},
    "wage": {"wage": "paid"},
    "employer_passive": {"employer_passive": "no"},
    "legal_help": {"union_member": "yes", "legal_insurance": "no"},
    "cao_expert": {"cao_expert": "no"},
    "review": {},
    "advice": {},
    "details": {
        "requester_name": "Anouk de Vries-Çelik",
        "requester_address": "Lindelaan 12\n1234 AB Utrecht",
        "employer_name": "Bakkerij Brood & Zo B.V.",
        "bedrijfsarts_name": "Arbodienst Gezond Werk",
        "own_view": "De bedrijfsarts zegt dat ik 4 uur per dag aangepast werk kan doen. "
        "Mijn werkgever zegt dat er geen passend werk is.",
    },
}


def resolve_dates(answers: dict[str, dict[str, Any]], today: date) -> dict[str, dict[str, Any]]:
    """The answers with each "weeks_ago:N" written out as a dd-mm-yyyy date."""
    return {
        step: {k: _resolve(v, today) for k, v in data.items()} for step, data in answers.items()
    }


def _resolve(value: Any, today: date) -> Any:
    if isinstance(value, str) and value.startswith("weeks_ago:"):
        weeks = int(value.split(":")[1])
        return (today - timedelta(weeks=weeks)).strftime("%d-%m-%Y")
    return value
