"""The letter details on a phone: what is optional and rarely known is folded into groups,
each under one summary line, and a group opens by itself when something in it is filled in
or wrong, so nothing typed is hidden and every error is seen."""

from __future__ import annotations

import re

import pytest

from tests.journey import post_step, walk

pytestmark = pytest.mark.django_db


def _folds(html: str) -> dict[str, tuple[bool, str]]:
    """Each folded group by its key: (open, its content)."""
    found = {}
    for match in re.finditer(
        r'<details class="fold fold--fields" id="fold-(\w+)"( open)?>(.*?)</details>', html, re.S
    ):
        found[match.group(1)] = (bool(match.group(2)), match.group(3))
    return found


REQUIRED = {
    "requester_name": "Anouk de Vries",
    "requester_address": "Lindelaan 12\n1234 AB Utrecht",
    "employer_name": "Bakkerij Brood & Zo B.V.",
    "own_view": "Er is geen passend werk.",
}


def test_the_optional_details_are_folded_and_closed_on_the_first_visit(client, typical_answers):
    html = walk(client, typical_answers, stop_at="details").content.decode()
    folds = _folds(html)
    assert {"doctor", "employer", "work", "language"} <= set(folds), folds.keys()
    assert not any(is_open for is_open, _ in folds.values())
    # the summary line says what the group holds
    assert re.search(r"<summary>.*?Uw werkgever.*?adres, contactpersoon, telefoon", html, re.S)
    # what must be filled in is never in a fold
    for _is_open, content in folds.values():
        for name in REQUIRED:
            assert f'name="details-{name}"' not in content


def test_a_group_opens_when_something_in_it_is_typed_or_wrong(client, typical_answers):
    walk(client, typical_answers, stop_at="details")
    response = post_step(
        client,
        "details",
        {
            **{k: "" for k in REQUIRED},  # a required field left empty: the page comes back
            "requester_name": REQUIRED["requester_name"],
            "employer_email": "geen e-mailadres",
            "job_title": "Bakker",
            "letter_language": "en",
        },
    )
    html = response.content.decode()
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in html
    folds = _folds(html)
    employer_open, employer = folds["employer"]
    assert employer_open and "geen e-mailadres" in employer and "error-message" in employer
    work_open, work = folds["work"]
    assert work_open and 'value="Bakker"' in work
    assert folds["language"][0]
    assert not folds["doctor"][0]  # nothing in it: still one line
    # "Back" keeps what is on the page; shown again, its groups are open with it
    post_step(
        client,
        "details",
        {"employer_contact": "Petra", "job_title": "Bakker"},
        wizard_goto_step="advice",
    )
    again = _folds(client.get(response.request["PATH_INFO"]).content.decode())
    assert again["employer"][0] and 'value="Petra"' in again["employer"][1]
    assert again["work"][0] and not again["doctor"][0] and not again["language"][0]
