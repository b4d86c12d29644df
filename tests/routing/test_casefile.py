"""The JSON case file: schema validation, field-named errors, round trip."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from decision_aid.routing.casefile import SCHEMA_PATH, CaseFileError, case_to_dict, load_case
from decision_aid.routing.facts import Dispute, Parties, Party, Role

from .helpers import make_case, weeks_ago

VALID: dict[str, Any] = {
    "version": 1,
    "as_of": "2024-06-03",
    "language": "en",
    "role": "employee",
    "situation": {
        "employment": "temporary",
        "contract_end": "2024-12-31",
        "sick_since": "2024-01-15",
        "still_sick": True,
        "disputes": ["suitable_work", "wage_stopped"],
        "first_opinion": {"present": True, "date": "2024-02-26", "author": "bedrijfsarts"},
        "talked": True,
        "relationship": "strained",
        "mediation": None,
        "expert_opinion": "none",
        "wage": "withheld",
        "employer_passive": None,
        "union_member": True,
        "legal_insurance": False,
        "cao_expert": None,
    },
    "parties": {
        "employee": {"name": "Anouk de Vries", "address": "Lindelaan 12, Utrecht"},
        "employer": {"name": "Bakkerij B.V.", "contact": "J. Jansen"},
        "bedrijfsarts": {"name": "Arbodienst Gezond Werk", "email": "ba@example.nl"},
        "own_view": "Ik kan 4 uur per dag aangepast werk doen.",
    },
}


def _with(path: str, value: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(VALID))
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[key]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return data


_DELETE = object()


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_load_valid_case() -> None:
    case = load_case(VALID)
    assert case.role is Role.EMPLOYEE
    assert case.situation.disputes == {Dispute.SUITABLE_WORK, Dispute.WAGE_STOPPED}
    assert case.situation.first_opinion.date == date(2024, 2, 26)
    assert case.parties is not None and case.parties.employer.contact == "J. Jansen"


def test_round_trip() -> None:
    case = load_case(VALID)
    assert load_case(case_to_dict(case)) == case


def test_round_trip_of_a_built_case() -> None:
    case = make_case(
        disputes={Dispute.RELATIONSHIP},
        sick_since=weeks_ago(3),
    )
    case = type(case)(
        as_of=case.as_of,
        role=case.role,
        situation=case.situation,
        parties=Parties(employee=Party(name="A", phone="06"), own_view="x"),
    )
    assert load_case(case_to_dict(case)) == case


def test_as_of_defaults_to_today() -> None:
    data = _with("as_of", _DELETE)
    assert load_case(data, today=date(2024, 7, 1)).as_of == date(2024, 7, 1)
    assert load_case(data).as_of == date.today()


def test_minimal_file_with_unknowns() -> None:
    minimal = {
        "version": 1,
        "role": "advisor",
        "situation": {"employment": None, "sick_since": None, "still_sick": None},
    }
    case = load_case(minimal, today=date(2024, 1, 1))
    assert case.situation.disputes == frozenset()
    assert case.situation.first_opinion.present is None
    assert case.parties is None


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("situation.sick_since", "2024-02-30", "situation.sick_since"),
        ("situation.sick_since", "15-01-2024", "situation.sick_since"),
        ("situation.sick_since", "2024-07-01", "situation.sick_since"),  # after as_of
        ("situation.sick_since", _DELETE, "situation.sick_since"),
        ("as_of", "2024-13-01", "as_of"),
        ("situation.contract_end", "tomorrow", "situation.contract_end"),
        ("situation.first_opinion", {"date": "2024-02-31"}, "situation.first_opinion.date"),
        ("situation.first_opinion", {"author": "huisarts"}, "situation.first_opinion.author"),
        ("situation.disputes", ["wage_stopped", "salary"], "situation.disputes[1]"),
        ("situation.disputes", ["relationship", "relationship"], "situation.disputes"),
        ("situation.still_sick", "yes", "situation.still_sick"),
        ("situation.wage", "late", "situation.wage"),
        ("situation.colour", "blue", "situation.colour"),
        ("role", "manager", "role"),
        ("role", _DELETE, "role"),
        ("version", 3, "version"),
        ("language", "de", "language"),
        ("parties.employee", {"name": 3}, "parties.employee.name"),
    ],
)
def test_errors_name_the_field(path: str, value: Any, field: str) -> None:
    with pytest.raises(CaseFileError) as info:
        load_case(_with(path, value))
    assert info.value.field_path == field, info.value
    assert info.value.message


@pytest.mark.parametrize("data", [None, [], "case", 3])
def test_not_an_object(data: Any) -> None:
    with pytest.raises(CaseFileError):
        load_case(data)


def test_version_1_file_without_the_issue_13_fields_stays_valid_and_means_unknown() -> None:
    # VALID was written before declared_fit, wage_sanction and the two new disputes existed
    assert "declared_fit" not in VALID["situation"] and "wage_sanction" not in VALID["situation"]
    case = load_case(VALID)
    assert case.version == 1
    assert case.situation.declared_fit is None and case.situation.wage_sanction is None
    # written back, the new fields are there as null (unknown), and the file still loads
    written = case_to_dict(case)
    assert written["situation"]["declared_fit"] is None
    assert written["situation"]["wage_sanction"] is None
    assert load_case(written) == case


def test_issue_13_fields_and_disputes_load() -> None:
    data = _with("situation.declared_fit", True)
    data["situation"]["wage_sanction"] = False
    data["situation"]["disputes"] = ["doctor_conduct", "pmo_doubt"]
    case = load_case(data)
    assert case.situation.declared_fit is True and case.situation.wage_sanction is False
    assert case.situation.disputes == {Dispute.DOCTOR_CONDUCT, Dispute.PMO_DOUBT}
    with pytest.raises(CaseFileError) as error:
        load_case(_with("situation.wage_sanction", "sometimes"))
    assert error.value.field_path == "situation.wage_sanction"
