"""Odd input in the signed-in advisor area (the second hostile pass): each of these was a 500."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.advisors.conftest import PASSWORD, client_for, make_advisor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["\x00", "FNV\x00-2026"])
def test_a_search_with_a_nul_character_shows_the_list(advisors, saved_case, query):
    response = client_for(advisors["lead"]).get("/adviseur/", {"q": query, "scope": "all"})
    assert response.status_code == 200


@pytest.mark.parametrize("case", ["\x00", "FNV-2026-0042\x00"])
def test_an_audit_filter_with_a_nul_character_shows_the_log(advisors, saved_case, case):
    response = client_for(advisors["lead"]).get("/adviseur/audit/", {"case": case})
    assert response.status_code == 200


@pytest.mark.parametrize("after", ["99999999999999999999.1", "300000000000000000.5"])
def test_an_audit_page_cursor_far_in_the_future_starts_at_the_first_page(
    advisors, saved_case, after
):
    response = client_for(advisors["lead"]).get("/adviseur/audit/", {"after": after})
    assert response.status_code == 200
    assert "FNV-2026-0042" in response.content.decode()  # the newest events, as without it


@pytest.mark.parametrize("length", [256, 100_000])
def test_a_very_long_user_name_at_sign_in_is_a_message_not_an_error(settings, length):
    settings.ADVISOR_REQUIRE_2FA = True
    make_advisor("t1", "FNV Utrecht")
    client = Client(REMOTE_ADDR="203.0.113.20")
    response = client.post("/adviseur/inloggen/", {"username": "x" * length, "password": "p"})
    assert response.status_code == 200
    # the advisor can still sign in from there
    response = client.post("/adviseur/inloggen/", {"username": "t1", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("lang", "title"),
    [("", "Inloggen voor vakbondsadviseurs"), ("/en", "Sign in for union advisors")],
)
def test_the_sign_in_page_and_its_errors_have_a_title(settings, lang, title):
    """The page title was empty ("Fout:  – ..."): a screen reader or a tab said nothing."""
    settings.ADVISOR_REQUIRE_2FA = True
    client = Client(REMOTE_ADDR="203.0.113.21")
    assert f"<title>{title} –" in client.get(f"{lang}/adviseur/inloggen/").content.decode()
    wrong = client.post(f"{lang}/adviseur/inloggen/", {"username": "t1", "password": "fout"})
    assert f"{title} –" in wrong.content.decode().split("</title>")[0]


@pytest.mark.parametrize(
    ("lang", "title"), [("", "Te veel pogingen"), ("/en", "Too many attempts")]
)
def test_the_locked_out_page_has_a_title(settings, lang, title):
    settings.ADVISOR_REQUIRE_2FA = True
    make_advisor("t1", "FNV Utrecht")
    client = Client(REMOTE_ADDR="203.0.113.22")
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(f"{lang}/adviseur/inloggen/", {"username": "t1", "password": "x"})
    assert response.status_code == 429
    assert f"<title>{title} –" in response.content.decode()


def test_signing_out_by_typing_the_address_asks_instead_of_a_blank_page(advisors):
    """Django's logout is POST only: a typed /adviseur/uitloggen/ was a blank 405 page. Now it
    asks, with the button; the POST signs out; signed out, the page says so."""
    client = client_for(advisors["a1"])
    page = client.get("/adviseur/uitloggen/")
    assert page.status_code == 200
    assert "Uitloggen?" in page.content.decode()
    assert client.get("/adviseur/").status_code == 200  # the GET did not sign out
    assert client.post("/adviseur/uitloggen/").status_code == 302
    assert client.get("/adviseur/").status_code == 302  # signed out now
    assert "U bent uitgelogd." in client.get("/adviseur/uitloggen/").content.decode()
    assert "Sign out?" in client.get("/en/adviseur/uitloggen/").content.decode()
