from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from decision_aid.advisors.models import Advisor, Organisation

PASSWORD = "Lange-zin-als-wachtwoord-2026"

# A typical phone intake: 30 weeks sick, no work offered though partial work is possible,
# talked without result.
INTAKE = {
    "member_name": "Fatma Yılmaz",
    "reference": "FNV-2026-0042",
    "sick_since": "30w",
    "disputes": ["suitable_work_available"],
    "talked": "yes",
    "wage": "paid",
    "first_opinion": "bedrijfsarts",
    "first_opinion_date": "",
    "relationship": "good",
    "mediation": "not_tried",
    "expert_opinion": "none",
    "employer_passive": "unknown",
    "employment": "permanent",
    "contract_end": "",
    "still_sick": "yes",
    "union_member": "yes",
    "legal_insurance": "unknown",
    "cao_expert": "unknown",
    "member_address": "",
    "employer_name": "Transport Snel B.V.",
    "bedrijfsarts_name": "",
    "own_view": "",
}


def make_advisor(username: str, organisation: str, *, lead: bool = False) -> Advisor:
    user = get_user_model().objects.create_user(username, password=PASSWORD, first_name="Sam")
    org, _ = Organisation.objects.get_or_create(name=organisation)
    return Advisor.objects.create(user=user, organisation=org, is_lead=lead)


@pytest.fixture
def no_2fa(settings):
    settings.ADVISOR_REQUIRE_2FA = False


@pytest.fixture
def advisors(db, no_2fa):
    return {
        "a1": make_advisor("a1", "FNV Utrecht"),
        "a2": make_advisor("a2", "FNV Utrecht"),
        "lead": make_advisor("lead", "FNV Utrecht", lead=True),
        "b1": make_advisor("b1", "CNV Noord"),
    }


def client_for(advisor: Advisor) -> Client:
    client = Client()
    client.force_login(advisor.user)
    return client


@pytest.fixture
def saved_case(advisors):
    client = client_for(advisors["a1"])
    response = client.post("/adviseur/nieuw/", {**INTAKE, "save": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    case_id = response["Location"].rstrip("/").split("/")[-1]
    return case_id


@pytest.fixture
def member(typical_answers):
    """A member alone on the phone, stuck on the 'talked' page (the shared-call tests)."""
    from tests.journey import walk

    client = Client(REMOTE_ADDR="198.51.100.30")
    walk(client, typical_answers, stop_at="talked")
    return client
