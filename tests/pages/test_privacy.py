"""The privacy page: who is responsible and how to reach them (from the
settings), the rights to see and delete, the right to complain to the Autoriteit
Persoonsgegevens, what is stored and for how long (from the retention setting)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_privacy_page_names_controller_contact_rights_and_retention(client, settings):
    settings.PRIVACY_CONTROLLER = "Stichting Werk & Gezond"
    settings.PRIVACY_CONTACT = "privacy@werkengezond.example"
    settings.CASE_RETENTION_DAYS = 21
    html = client.get("/privacy/").content.decode()
    assert "Stichting Werk &amp; Gezond is verantwoordelijk voor uw gegevens" in html
    assert "privacy@werkengezond.example" in html
    assert "Uw gegevens inzien" in html and "Uw gegevens laten verwijderen" in html
    assert "Autoriteit Persoonsgegevens" in html
    assert 'href="https://www.autoriteitpersoonsgegevens.nl/"' in html
    assert "We verwijderen alles 21 dagen na uw laatste wijziging" in html
    assert "Alleen wat de brief nodig heeft" in html


def test_english_privacy_page(client, settings):
    settings.PRIVACY_CONTROLLER = "Foundation Work"
    settings.PRIVACY_CONTACT = "+31 30 123 45 67"
    html = client.get("/en/privacy/").content.decode()
    assert "Foundation Work is responsible for your data" in html
    assert "+31 30 123 45 67" in html
    assert "We delete everything 30 days after your last change" in html
    assert "complain to the Dutch data protection authority" in html


def test_without_settings_the_page_says_whom_to_ask(client, settings):
    settings.PRIVACY_CONTROLLER = ""
    settings.PRIVACY_CONTACT = ""
    html = client.get("/privacy/").content.decode()
    assert "heeft haar naam hier nog niet ingevuld" in html


def test_privacy_page_says_what_is_counted_and_how_long_feedback_texts_stay(client, settings):
    settings.CASE_RETENTION_DAYS = 21
    html = client.get("/privacy/").content.decode()
    assert "Wat we tellen" in html
    assert "niet gekoppeld aan u, uw antwoorden, uw internetadres of een cookie" in html
    assert "Kleine aantallen (onder de 5) laten we nooit zien." in html
    assert "wissen we hem na 21 dagen" in html
    english = client.get("/en/privacy/").content.decode()
    assert "What we count" in english and "delete it after 21 days" in english
