"""The details the recipients need, asked (optionally) on the wizard's details step,
kept in the case file, and the own words per letter kept when the answers change."""

from __future__ import annotations

from datetime import date

import pytest

from decision_aid.casefile.answers import build_case_file, case_file_to_answers
from decision_aid.routing.casefile import case_to_dict, load_case
from decision_aid.wizard.forms import DetailsForm
from tests.documents.cases import case_file_for

DETAILS = {
    "details-requester_name": "Zoë de Vries",
    "details-requester_address": "Dorpsstraat 1\n1234 AB Ede",
    "details-employer_name": "Bakkerij B.V.",
    "details-own_view": "Ik kan mijn eigen werk nog niet doen.",
    "details-requester_phone": "06-12345678",
    "details-requester_email": "zoe@example.nl",
    "details-birth_date": "06-05-1984",
    "details-job_title": "Bakker",
    "details-contract_hours": "32",
    "details-wage_stopped_on": "15-02-2026",
    "details-dispute_from": "01-03-2026",
    "details-doctor_advice": "Kan 4 uur per dag eigen werk doen vanaf 1 maart.",
    "details-work_offered": "Inpakken, 4 uur per dag",
    "details-work_refused_on": "20-02-2026",
}


def test_details_go_into_the_case_file_and_come_back_to_the_form():
    form = DetailsForm(data=DETAILS, prefix="details", role="employee")
    assert form.is_valid(), form.errors
    case_file = build_case_file(
        {"role": "employee", **form.cleaned_data}, as_of=date(2026, 3, 2), language="nl"
    )
    parties = case_file["parties"]
    assert parties["employee"]["phone"] == "06-12345678"
    assert parties["employee"]["email"] == "zoe@example.nl"
    assert parties["letter"] == {
        "birth_date": "1984-05-06",
        "wage_stopped_on": "2026-02-15",
        "dispute_from": "2026-03-01",
        "work_refused_on": "2026-02-20",
        "job_title": "Bakker",
        "contract_hours": "32",
        "doctor_advice": "Kan 4 uur per dag eigen werk doen vanaf 1 maart.",
        "work_offered": "Inpakken, 4 uur per dag",
    }
    assert case_to_dict(load_case(case_file))["parties"]["letter"] == parties["letter"]
    again = case_file_to_answers(case_file)["details"]
    for key, value in DETAILS.items():
        assert again[key.removeprefix("details-")] == value, key
    # never a BSN: the form has no such field
    assert not any("bsn" in name.lower() for name in DetailsForm.base_fields)


def test_the_details_stay_optional_and_bad_ones_get_a_message_in_dutch():
    required = {k: DETAILS[k] for k in list(DETAILS)[:4]}
    assert DetailsForm(data=required, prefix="details", role="employee").is_valid()
    bad = {**DETAILS, "details-requester_email": "zoe-at-home", "details-birth_date": "31-02-1984"}
    form = DetailsForm(data=bad, prefix="details", role="employee")
    assert not form.is_valid()
    assert form.errors["requester_email"] == ["Vul een e-mailadres in zoals naam@voorbeeld.nl."]
    assert "Deze datum bestaat niet" in form.errors["birth_date"][0]  # 31 February


@pytest.mark.django_db
def test_own_words_per_letter_survive_a_new_finish_of_the_wizard():
    from decision_aid.cases.services import case_create, case_finish, case_set_own_words

    case = case_create(language="nl")
    case_finish(case=case, case_file=case_file_for("mediation"))
    case_set_own_words(case=case, kind="mediation", text="Sinds maart alleen per e-mail.")
    case_finish(case=case, case_file=case_file_for("mediation", talked=False))
    case.refresh_from_db()
    assert case.case_file["parties"]["own_words"] == {"mediation": "Sinds maart alleen per e-mail."}
    assert case.case_file["situation"]["talked"] is False
    case_set_own_words(case=case, kind="mediation", text="  ")
    case.refresh_from_db()
    assert "own_words" not in case.case_file["parties"]


@pytest.mark.django_db
def test_the_details_page_asks_only_what_a_letter_can_use(client, typical_answers):
    """Collect only what a document needs (AVG art. 5): the date the wage stopped only when it
    stopped or was held back, the offered work only when it is disputed, the date of the
    disagreement only for "can the employee do their own work". The phone review found a page
    of 5,100 px, mostly fields that did not apply."""
    from tests.journey import walk

    answers = {step: dict(data) for step, data in typical_answers.items()}
    answers["disputes"] = {"disputes": ["fitness_own_work"]}
    answers["wage"] = {"wage": "paid"}
    html = walk(client, answers, stop_at="details").content.decode()
    assert 'name="details-dispute_from"' in html
    assert 'name="details-wage_stopped_on"' not in html
    assert 'name="details-work_offered"' not in html
    assert 'name="details-work_refused_on"' not in html
    assert 'name="details-birth_date"' in html and 'name="details-doctor_advice"' in html

    other = type(client)()
    answers["disputes"] = {"disputes": ["suitable_work"]}
    answers["wage"] = {"wage": "stopped"}
    answers["money"] = {"unfitness_disputed": "no", "pregnancy_related": "no"}
    html = walk(other, answers, stop_at="details").content.decode()
    assert 'name="details-wage_stopped_on"' in html
    assert 'name="details-work_offered"' in html and 'name="details-work_refused_on"' in html
    assert 'name="details-dispute_from"' not in html
