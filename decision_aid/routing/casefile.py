"""The JSON case file (docs/case-file.schema.json): load and validate it, or write it back.

``load_case`` never lets a raw traceback through: any problem raises ``CaseFileError`` that
names the field ("situation.sick_since") and says what is wrong in plain words.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match

from .advice import advice_to_dict
from .facts import (
    Case,
    Dispute,
    Employment,
    ExpertOpinionState,
    FirstOpinion,
    Language,
    Mediation,
    OpinionAuthor,
    Parties,
    Party,
    Relationship,
    Role,
    Situation,
    Wage,
)

__all__ = ["SCHEMA_PATH", "CaseFileError", "advice_to_dict", "case_to_dict", "load_case"]

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "case-file.schema.json"
_DATE_FIELDS = frozenset(
    {"as_of", "contract_end", "sick_since", "date", "birth_date", "wage_stopped_on"}
    | {"dispute_from", "work_refused_on", "sanction_decided_on"}
)
_PARTY_FIELDS = ("name", "address", "email", "phone", "contact")
_PARTY_ROLES = ("employee", "employer", "bedrijfsarts", "advisor")


class CaseFileError(ValueError):
    """A case file that does not fit the schema; ``field_path`` names the field."""

    def __init__(self, field_path: str, message: str) -> None:
        super().__init__(f"{field_path or 'case file'}: {message}")
        self.field_path = field_path
        self.message = message


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _path(parts: list[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _explain(error: ValidationError) -> CaseFileError:
    """Turn a jsonschema error into a field path and a plain message."""
    parts = list(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return CaseFileError(_path([*parts, missing[0]]), "is missing")
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        return CaseFileError(_path([*parts, extra[0]]), "is not a known field")
    last = parts[-1] if parts else ""
    if last in _DATE_FIELDS:
        return CaseFileError(_path(parts), "must be a real date written as YYYY-MM-DD")
    if kind == "enum":
        options = ", ".join("null" if v is None else str(v) for v in error.validator_value)
        return CaseFileError(_path(parts), f"must be one of: {options}")
    if kind == "const":
        return CaseFileError(_path(parts), f"must be {error.validator_value!r}")
    if kind == "uniqueItems":
        return CaseFileError(_path(parts), "lists the same item more than once")
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        return CaseFileError(_path(parts), f"must be of type {wanted}")
    return CaseFileError(_path(parts), error.message)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _opt(enum: type, value: str | None) -> Any:
    return None if value is None else enum(value)


def _party(data: dict[str, str] | None) -> Party:
    return Party(**{k: v for k, v in (data or {}).items() if k in _PARTY_FIELDS})


def _parties(data: dict[str, Any] | None) -> Parties | None:
    if data is None:
        return None
    return Parties(
        **{role: _party(data.get(role)) for role in _PARTY_ROLES},
        own_view=data.get("own_view", ""),
        letter=tuple((k, v) for k, v in (data.get("letter") or {}).items() if v),
        own_words=tuple((k, v) for k, v in (data.get("own_words") or {}).items() if v),
    )


def _situation(s: dict[str, Any]) -> Situation:
    fo = s.get("first_opinion") or {}
    return Situation(
        employment=_opt(Employment, s.get("employment")),
        contract_end=_date(s.get("contract_end")),
        sick_since=_date(s.get("sick_since")),
        still_sick=s.get("still_sick"),
        declared_fit=s.get("declared_fit"),
        disputes=frozenset(Dispute(d) for d in s.get("disputes", [])),
        first_opinion=FirstOpinion(
            present=fo.get("present"),
            date=_date(fo.get("date")),
            author=_opt(OpinionAuthor, fo.get("author")),
        ),
        talked=s.get("talked"),
        relationship=_opt(Relationship, s.get("relationship")),
        mediation=_opt(Mediation, s.get("mediation")),
        expert_opinion=_opt(ExpertOpinionState, s.get("expert_opinion")),
        wage=_opt(Wage, s.get("wage")),
        employer_passive=s.get("employer_passive"),
        union_member=s.get("union_member"),
        legal_insurance=s.get("legal_insurance"),
        cao_expert=s.get("cao_expert"),
        wage_sanction=s.get("wage_sanction"),
        sanction_decided_on=_date(s.get("sanction_decided_on")),
        unfitness_disputed=s.get("unfitness_disputed"),
        pregnancy_related=s.get("pregnancy_related"),
        erd=s.get("erd"),
    )


def load_case(data: Any, *, today: date | None = None) -> Case:
    """Validate a case-file dict against the schema and build the ``Case``.

    Raises ``CaseFileError(field_path, message)``; ``as_of`` defaults to ``today``.
    """
    if not isinstance(data, dict):
        raise CaseFileError("", "must be a JSON object")
    error = best_match(_validator().iter_errors(data))
    if error is not None:
        raise _explain(error)
    as_of = _date(data.get("as_of")) or today or date.today()
    situation = _situation(data["situation"])
    if situation.sick_since is not None and situation.sick_since > as_of:
        raise CaseFileError("situation.sick_since", "is after as_of (the date of the advice)")
    return Case(
        as_of=as_of,
        role=Role(data["role"]),
        situation=situation,
        language=Language(data.get("language", "nl")),
        version=data["version"],
        parties=_parties(data.get("parties")),
    )


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _val(value: Any) -> Any:
    return None if value is None else str(value)


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case file for ``case``; ``load_case(case_to_dict(c)) == c``."""
    s = case.situation
    out: dict[str, Any] = {
        "version": case.version,
        "as_of": case.as_of.isoformat(),
        "language": str(case.language),
        "role": str(case.role),
        "situation": {
            "employment": _val(s.employment),
            "contract_end": _iso(s.contract_end),
            "sick_since": _iso(s.sick_since),
            "still_sick": s.still_sick,
            "declared_fit": s.declared_fit,
            "disputes": [str(d) for d in Dispute if d in s.disputes],
            "first_opinion": {
                "present": s.first_opinion.present,
                "date": _iso(s.first_opinion.date),
                "author": _val(s.first_opinion.author),
            },
            "talked": s.talked,
            "relationship": _val(s.relationship),
            "mediation": _val(s.mediation),
            "expert_opinion": _val(s.expert_opinion),
            "wage": _val(s.wage),
            "employer_passive": s.employer_passive,
            "union_member": s.union_member,
            "legal_insurance": s.legal_insurance,
            "cao_expert": s.cao_expert,
            "wage_sanction": s.wage_sanction,
            "sanction_decided_on": _iso(s.sanction_decided_on),
            "unfitness_disputed": s.unfitness_disputed,
            "pregnancy_related": s.pregnancy_related,
            "erd": s.erd,
        },
    }
    if case.parties is not None:
        p = case.parties
        out["parties"] = {
            **{
                role: {k: v for k in _PARTY_FIELDS if (v := getattr(getattr(p, role), k))}
                for role in _PARTY_ROLES
            },
            "own_view": p.own_view,
        }
        if p.letter:
            out["parties"]["letter"] = dict(p.letter)
        if p.own_words:
            out["parties"]["own_words"] = dict(p.own_words)
    return out
