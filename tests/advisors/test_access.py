"""The organisation boundary: every advisor view, PDF and upload URL."""

from __future__ import annotations

import pytest
from django.test import Client

from decision_aid.advisors.models import AdvisorCase, AuditEvent
from tests.advisors.conftest import client_for

pytestmark = pytest.mark.django_db

ADVISOR_URLS = [
    "/adviseur/zaken/{id}/",
    "/adviseur/zaken/{id}/wijzigen/",
    "/adviseur/zaken/{id}/export.json",
    "/adviseur/zaken/{id}/verwijderen/",
    "/adviseur/zaken/{id}/pdf/",
    "/adviseur/zaken/{id}/bijlagen/",
]
CASE_URLS = [
    "/brief/{id}/",
    "/brief/{id}/pdf/",
    "/brief/{id}/bijlagen/",
    "/brief/{id}/voorbeeld/",
    "/zaak/{id}/antwoorden.json",
]


@pytest.mark.parametrize("url", ADVISOR_URLS + CASE_URLS)
def test_advisor_of_another_organisation_gets_404(advisors, saved_case, url):
    response = client_for(advisors["b1"]).get(url.format(id=saved_case))
    assert response.status_code == 404


@pytest.mark.parametrize("url", ADVISOR_URLS)
def test_colleague_who_is_not_lead_gets_404(advisors, saved_case, url):
    assert client_for(advisors["a2"]).get(url.format(id=saved_case)).status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/adviseur/", "/adviseur/nieuw/", "/adviseur/importeren/", "/adviseur/audit/", *ADVISOR_URLS],
)
def test_anonymous_visitor_is_sent_to_login(advisors, saved_case, url):
    response = Client().get(url.format(id=saved_case))
    assert response.status_code == 302
    assert response["Location"].startswith("/adviseur/inloggen/?next=")


@pytest.mark.parametrize("who", ["a1", "lead"])
def test_owner_and_lead_see_the_case(advisors, saved_case, who):
    client = client_for(advisors[who])
    assert client.get(f"/adviseur/zaken/{saved_case}/").status_code == 200
    pdf = client.get(f"/adviseur/zaken/{saved_case}/pdf/", follow=True)
    assert pdf["Content-Type"] == "application/pdf"
    # The list opens on "my open cases"; a lead finds a colleague's case under "all cases".
    listing = client.get("/adviseur/?scope=all").content.decode()
    assert "Fatma Yılmaz" in listing


def test_case_list_only_shows_own_organisation(advisors, saved_case):
    assert "Fatma" not in client_for(advisors["b1"]).get("/adviseur/").content.decode()
    assert "Fatma" not in client_for(advisors["a2"]).get("/adviseur/").content.decode()


def test_audit_log_records_actions_without_content_and_only_lead_sees_it(advisors, saved_case):
    client = client_for(advisors["a1"])
    client.get(f"/adviseur/zaken/{saved_case}/")
    client.get(f"/adviseur/zaken/{saved_case}/export.json")
    client.post(f"/adviseur/zaken/{saved_case}/", {"text": "Belt maandag terug."})
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert {"created", "viewed", "exported", "changed"} <= set(actions)
    assert client.get("/adviseur/audit/").status_code == 404
    page = client_for(advisors["lead"]).get("/adviseur/audit/").content.decode()
    assert "a1" in page and "FNV-2026-0042" in page
    assert "Fatma" not in page and "maandag" not in page
    assert client_for(advisors["b1"]).get("/adviseur/audit/").status_code == 404


def test_delete_is_logged_and_removes_the_case(advisors, saved_case):
    client = client_for(advisors["a1"])
    client.post(f"/adviseur/zaken/{saved_case}/verwijderen/")
    assert not AdvisorCase.objects.exists()
    assert AuditEvent.objects.filter(action="deleted", case_id=saved_case).exists()


def test_public_wizard_of_another_organisations_case_shows_nothing(advisors, saved_case):
    response = client_for(advisors["b1"]).get(f"/vragen/{saved_case}/review/")
    assert response.status_code == 302
    assert response["Location"].startswith("/zaak/hervatten/")
