"""The advisor intake starts with the facts unanswered: nothing is
pre-selected, a skipped question becomes "unknown" (never "wage paid", "relationship good" or
"member: yes" as a fact in a letter), and contract and sickness must be answered."""

from __future__ import annotations

import re

import pytest

from decision_aid.advisors.models import AdvisorCase
from tests.advisors.conftest import INTAKE, client_for

pytestmark = pytest.mark.django_db


def test_nothing_is_preselected(advisors):
    html = client_for(advisors["a1"]).get("/adviseur/nieuw/").content.decode()
    radios = re.findall(r'<input type="radio"[^>]*>', html)
    assert len(radios) > 20
    assert not [r for r in radios if " checked" in r]


def test_skipped_questions_are_unknown_not_facts(advisors):
    client = client_for(advisors["a1"])
    skipped = ("talked", "wage", "relationship", "union_member", "first_opinion", "mediation")
    data = {k: v for k, v in INTAKE.items() if k not in skipped}
    response = client.post("/adviseur/nieuw/", {**data, "save": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    situation = AdvisorCase.objects.get().case.case_file["situation"]
    assert situation["wage"] is None  # unknown, not "paid"
    assert situation["relationship"] is None  # unknown, not "good"
    assert situation["union_member"] is None
    assert situation["talked"] is None
    assert situation["first_opinion"]["present"] is None


def test_contract_and_sickness_must_be_answered(advisors):
    client = client_for(advisors["a1"])
    data = {k: v for k, v in INTAKE.items() if k not in ("employment", "still_sick")}
    response = client.post("/adviseur/nieuw/", {**data, "save": "1"})
    assert response.status_code == 400
    assert response.content.decode().count("Kies een van de antwoorden.") >= 2


def test_attachments_stay_in_the_advisor_layout_with_a_way_back(advisors, saved_case):
    client = client_for(advisors["a1"])
    back = f'href="/adviseur/zaken/{saved_case}/"'
    response = client.get(f"/brief/{saved_case}/bijlagen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="advisor-nav"' in html  # the advisor's menu
    assert back in html and "Terug naar de zaak" in html
    assert "Stap " not in html  # no member's progress in advisor mode
    assert "Alles verwijderen" not in html and "hervatcode.txt" not in html
    # the member's letter page is the member's: the union's letter is on its case page
    assert client.get(f"/brief/{saved_case}/").status_code == 404


def test_a_member_sees_the_public_layout(client, typical_answers):
    from tests.journey import walk

    response = walk(client, typical_answers)
    html = response.content.decode()
    assert "/bijlagen/" in response.request["PATH_INFO"]
    assert 'class="advisor-nav"' not in html
    assert "Terug naar de zaak" not in html
    assert "Stap 18 van 19" in html
