"""From the wizard's cleaned answers to the JSON case file, and to the "check your answers" rows.

The case file (docs/case-file.schema.json) is the engine's only door: the wizard, the CLI and a
downloaded file all reach the same advice through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms

from decision_aid.wizard import steps as s
from decision_aid.wizard.choices import UNKNOWN

_TRI = {"yes": True, "no": False, UNKNOWN: None, None: None, "": None}


def _tri(value: str | None) -> bool | None:
    return _TRI.get(value)


def _enum(value: str | None) -> str | None:
    return None if value in (None, "", UNKNOWN) else value


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def build_case_file(a: Mapping[str, Any], *, as_of: date, language: str) -> dict[str, Any]:
    """The case file for these answers. Unanswered (skipped) questions become null."""
    opinion = a.get("first_opinion")
    first_opinion = {
        "present": {"bedrijfsarts": True, "other": True, "no": False}.get(opinion),
        "date": _iso(a.get("first_opinion_date")),
        "author": opinion if opinion in ("bedrijfsarts", "other") else None,
    }
    situation = {
        "employment": _enum(a.get("employment")),
        "contract_end": _iso(a.get("contract_end")),
        "sick_since": _iso(a.get("sick_since")),
        "still_sick": _tri(a.get("still_sick")),
        "disputes": list(a.get("disputes") or []),
        "first_opinion": first_opinion,
        "talked": _tri(a.get("talked")),
        "relationship": _enum(a.get("relationship")),
        "mediation": _enum(a.get("mediation")),
        "expert_opinion": _enum(a.get("expert_opinion")),
        "wage": _enum(a.get("wage")),
        "employer_passive": _tri(a.get("employer_passive")),
        "union_member": _tri(a.get("union_member")),
        "legal_insurance": _tri(a.get("legal_insurance")),
        "cao_expert": _tri(a.get("cao_expert")),
    }
    case_file: dict[str, Any] = {
        "version": 1,
        "as_of": as_of.isoformat(),
        "language": language if language in ("nl", "en") else "nl",
        "role": a.get("role") or "employee",
        "situation": situation,
    }
    parties = _parties(a)
    if parties:
        case_file["parties"] = parties
    return case_file


def _parties(a: Mapping[str, Any]) -> dict[str, Any] | None:
    if not a.get("requester_name"):
        return None
    role = a.get("role") or "employee"
    requester = {"name": a.get("requester_name", ""), "address": a.get("requester_address", "")}
    employee = requester if role in ("employee", "advisor") else {"name": a.get("employee_name")}
    employer = requester if role == "employer" else {"name": a.get("employer_name", "")}
    parties: dict[str, Any] = {
        "employee": {k: v for k, v in employee.items() if v},
        "employer": {k: v for k, v in employer.items() if v},
        "bedrijfsarts": {"name": a.get("bedrijfsarts_name")} if a.get("bedrijfsarts_name") else {},
        "own_view": a.get("own_view", ""),
    }
    if role == "advisor":
        parties["advisor"] = {"name": a.get("contact_name", "")}
    elif role == "employer" and a.get("contact_name"):
        parties["employer"]["contact"] = a["contact_name"]
    return parties


@dataclass(frozen=True)
class ReviewRow:
    step: str
    question: str
    answer: str


def _display(field: forms.Field, value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    choices = dict(getattr(field, "choices", ()) or ())
    if isinstance(value, list):
        return "; ".join(str(choices.get(v, v)) for v in value)
    return str(choices.get(value, value))


def review_rows(answers: Mapping[str, Any], active_steps: Iterable[str]) -> list[ReviewRow]:
    """One row per answered question on the pages that are asked, in wizard order."""
    rows = []
    for name in active_steps:
        step = s.STEP_BY_NAME[name]
        if step.section > 4:
            continue
        for field_name, field in step.form.base_fields.items():
            rows.append(
                ReviewRow(
                    step=name,
                    question=str(field.label),
                    answer=_display(field, answers.get(field_name)),
                )
            )
    return rows
