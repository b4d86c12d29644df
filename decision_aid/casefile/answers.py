"""The case-file mapping: answers (by field name, as the wizard and the advisor intake clean them)
to the JSON case file, and a case file back to answers per wizard page.

The case file (docs/case-file.schema.json) is the engine's only door: the wizard, the CLI and a
downloaded file all reach the same advice through it. This package is the home that wizard/,
cases/ and advisors/ all import downward from: it imports none of them,
and nothing from Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

#: "I don't know": a valid answer, null in the case file (the wizard's choices use this value)
UNKNOWN = "unknown"

_TRI = {"yes": True, "no": False, UNKNOWN: None, None: None, "": None}
#: The three answers to "is the employee sick now?" as (still_sick, declared_fit).
_SICK = {"yes": (True, False), "declared_fit": (False, True), "no": (False, False)}
_AUTHORS = ("bedrijfsarts", "other", "pmo")


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
        "present": {"bedrijfsarts": True, "other": True, "pmo": True, "no": False}.get(opinion),
        "date": _iso(a.get("first_opinion_date")),
        "author": opinion if opinion in _AUTHORS else None,
    }
    still_sick, declared_fit = _SICK.get(a.get("still_sick") or "", (None, None))
    situation = {
        "employment": _enum(a.get("employment")),
        "contract_end": _iso(a.get("contract_end")),
        "sick_since": _iso(a.get("sick_since")),
        "still_sick": still_sick,
        "declared_fit": declared_fit,
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
        "wage_sanction": _tri(a.get("wage_sanction")),
        "sanction_decided_on": _iso(a.get("sanction_decided_on")),
        "unfitness_disputed": _tri(a.get("unfitness_disputed")),
        "pregnancy_related": _tri(a.get("pregnancy_related")),
        "erd": _tri(a.get("erd")),
    }
    case_file: dict[str, Any] = {
        "version": 2,
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
    if role != "employer":
        # the employer's own details, as the employee or the advisor knows them
        employer = {
            **employer,
            "address": a.get("employer_address") or "",
            "contact": a.get("employer_contact") or "",
            "phone": a.get("employer_phone") or "",
            "email": a.get("employer_email") or "",
        }
    doctor = {"name": a.get("bedrijfsarts_name"), "address": a.get("bedrijfsarts_address")}
    parties: dict[str, Any] = {
        "employee": {k: v for k, v in employee.items() if v},
        "employer": {k: v for k, v in employer.items() if v},
        "bedrijfsarts": {k: v for k, v in doctor.items() if v},
        "own_view": a.get("own_view", ""),
    }
    side = "employer" if role == "employer" else "employee"
    for key, field in (("phone", "requester_phone"), ("email", "requester_email")):
        if a.get(field):
            parties[side][key] = a[field]
    letter = {
        k: (_iso(a.get(k)) if k in LETTER_DATES else a.get(k)) for k in LETTER_FIELDS if a.get(k)
    }
    if a.get("letter_language") == "en":  # Dutch unless the person chose English
        letter["language"] = "en"
    if letter:
        parties["letter"] = letter
    if role == "advisor":
        parties["advisor"] = {"name": a.get("contact_name", "")}
    elif role == "employer" and a.get("contact_name"):
        parties["employer"]["contact"] = a["contact_name"]
    return parties


# The letter details a case file may hold: dates (as ISO dates) and texts. documents.presenter
# reads the same lists.
LETTER_DATES = ("birth_date", "wage_stopped_on", "dispute_from", "work_refused_on")
LETTER_FIELDS = (
    *LETTER_DATES,
    "job_title",
    "contract_hours",
    "doctor_advice",
    "work_offered",
    "payroll_tax_number",
    "gross_wage",
)


# --- case file <-> stored wizard pages ----------------------------------------------------
def _tri_answer(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, UNKNOWN)  # type: ignore[arg-type]


def _date_answer(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d-%m-%Y") if value else ""


def _opinion_answer(opinion: Mapping[str, Any]) -> str:
    if opinion.get("present") is True:
        author = opinion.get("author")
        return author if author in ("bedrijfsarts", "pmo") else "other"
    return "no" if opinion.get("present") is False else UNKNOWN


def _sick_answer(situation: Mapping[str, Any]) -> str:
    if situation.get("still_sick") is True:
        return "yes"
    if situation.get("declared_fit") is True:
        return "declared_fit"
    return "no" if situation.get("still_sick") is False else ""


def case_file_to_answers(case_file: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Per wizard page, the answers a (validated) case file holds, as the form would post them."""
    sit = case_file["situation"]
    role = case_file["role"]
    opinion = sit.get("first_opinion") or {}
    pages: dict[str, dict[str, Any]] = {
        "role": {"role": role},
        "employment": {"employment": sit.get("employment") or ""},
        "contract_end": {
            "contract_end": _date_answer(sit.get("contract_end")),
            "erd": _tri_answer(sit.get("erd")),
        },
        "still_sick": {"still_sick": _sick_answer(sit)},
        "wage_sanction": {"wage_sanction": _tri_answer(sit.get("wage_sanction"))},
        "sanction_decided_on": {
            "sanction_decided_on": _date_answer(sit.get("sanction_decided_on"))
        },
        "sick_since": {"sick_since": _date_answer(sit.get("sick_since"))},
        "disputes": {"disputes": list(sit.get("disputes") or [])},
        "first_opinion": {"first_opinion": _opinion_answer(opinion)},
        "first_opinion_date": {"first_opinion_date": _date_answer(opinion.get("date"))},
        "talked": {"talked": _tri_answer(sit.get("talked"))},
        "relationship": {"relationship": sit.get("relationship") or UNKNOWN},
        "mediation": {"mediation": sit.get("mediation") or UNKNOWN},
        "expert_opinion": {"expert_opinion": sit.get("expert_opinion") or UNKNOWN},
        "wage": {"wage": sit.get("wage") or UNKNOWN},
        "money": {
            "unfitness_disputed": _tri_answer(sit.get("unfitness_disputed")),
            "pregnancy_related": _tri_answer(sit.get("pregnancy_related")),
        },
        "employer_passive": {"employer_passive": _tri_answer(sit.get("employer_passive"))},
        "legal_help": {
            "union_member": _tri_answer(sit.get("union_member")),
            "legal_insurance": _tri_answer(sit.get("legal_insurance")),
        },
        "cao_expert": {"cao_expert": _tri_answer(sit.get("cao_expert"))},
    }
    parties = case_file.get("parties")
    if parties:
        employee = parties.get("employee") or {}
        employer = parties.get("employer") or {}
        requester = employer if role == "employer" else employee
        details = {
            "requester_name": requester.get("name", ""),
            "requester_address": requester.get("address", ""),
            "employer_name": employer.get("name", ""),
            "employee_name": employee.get("name", ""),
            "contact_name": (parties.get("advisor") or {}).get("name", "")
            or employer.get("contact", ""),
            "bedrijfsarts_name": (parties.get("bedrijfsarts") or {}).get("name", ""),
            "bedrijfsarts_address": (parties.get("bedrijfsarts") or {}).get("address", ""),
            "own_view": parties.get("own_view", ""),
            "requester_phone": requester.get("phone", ""),
            "requester_email": requester.get("email", ""),
        }
        if role != "employer":
            for key in ("address", "contact", "phone", "email"):
                details[f"employer_{key}"] = employer.get(key, "")
        letter = parties.get("letter") or {}
        details["letter_language"] = letter.get("language") or "nl"
        for key in LETTER_FIELDS:
            value = letter.get(key, "")
            details[key] = _date_answer(value) if key in LETTER_DATES and value else value
        pages["details"] = details
    return pages


def case_file_to_wizard_state(case_file: Mapping[str, Any]) -> dict[str, Any]:
    """Stored wizard pages for a case file, so the person continues at "check your answers"."""
    step_data = {}
    for step, answers in case_file_to_answers(case_file).items():
        step_data[step] = {
            f"{step}-{name}": value if isinstance(value, list) else [value]
            for name, value in answers.items()
        }
    return {"step": "review", "step_data": step_data, "step_files": {}, "extra_data": {}}
