"""Password rules everywhere, two-step sign-in set up only through
a one-time link, and no open redirect after the second step."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django_otp.oath import totp

from tests.advisors.conftest import PASSWORD, make_advisor

pytestmark = pytest.mark.django_db


def _code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.parametrize("weak", ["a", "password1234", "12345678901234", "kort-wacht"])
def test_create_advisor_refuses_a_weak_password(monkeypatch, weak):
    monkeypatch.setenv("DJANGO_ADVISOR_PASSWORD", weak)
    with pytest.raises(CommandError):
        call_command("create_advisor", "zwak", "--organisation", "FNV Oost", stdout=StringIO())
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="zwak", password__gt="").exists()


def test_the_admin_user_form_refuses_a_weak_password():
    from django.contrib.auth.forms import AdminUserCreationForm

    form = AdminUserCreationForm(
        data={"username": "beheer2", "password1": "a", "password2": "a", "usable_password": "true"}
    )
    assert not form.is_valid()
    assert "password2" in form.errors


def test_password_alone_never_shows_the_authenticator_key(settings):
    settings.ADVISOR_REQUIRE_2FA = True
    make_advisor("t8", "FNV Utrecht")
    client = Client()
    client.post("/adviseur/inloggen/", {"username": "t8", "password": PASSWORD})
    page = client.get("/adviseur/tweestaps/").content.decode()
    assert "data:image/svg+xml" not in page and "resume-code" not in page
    assert "set-up link" in page or "instellink" in page


def test_the_set_up_link_from_the_command_works_once_and_only_for_its_advisor(
    settings, monkeypatch
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.ADVISOR_REQUIRE_2FA = True
    monkeypatch.setenv("DJANGO_ADVISOR_PASSWORD", PASSWORD)
    out = StringIO()
    call_command("create_advisor", "nieuw", "--organisation", "FNV Oost", stdout=out)
    link = re.search(r"(/adviseur/tweestaps/instellen/\S+/)", out.getvalue()).group(1)
    # Another advisor who got hold of the link sees nothing.
    make_advisor("ander", "FNV Oost")
    other = Client()
    other.post("/adviseur/inloggen/", {"username": "ander", "password": PASSWORD})
    assert other.get(link).status_code == 404
    # The advisor: the link asks for the password first, then shows the key.
    client = Client()
    login = client.get(link)
    assert login.status_code == 302 and "/adviseur/inloggen/" in login["Location"]
    response = client.post(login["Location"], {"username": "nieuw", "password": PASSWORD})
    assert response["Location"] == link
    assert "data:image/svg+xml" in client.get(link).content.decode()
    device = TOTPDevice.objects.get(user__username="nieuw")
    assert client.post(link, {"token": _code(device)}).status_code == 302
    assert client.get("/adviseur/").status_code == 200
    # Used: the link is dead, also for the advisor.
    assert client.get(link).status_code == 404


@pytest.mark.parametrize(
    "target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "///evil.example"]
)
def test_no_open_redirect_after_the_second_step(settings, target):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.ADVISOR_REQUIRE_2FA = True
    advisor = make_advisor("t9", "FNV Utrecht")
    device = TOTPDevice.objects.create(user=advisor.user, confirmed=True, name="app")
    client = Client()
    client.post("/adviseur/inloggen/", {"username": "t9", "password": PASSWORD})
    response = client.post(f"/adviseur/tweestaps/?next={target}", {"token": _code(device)})
    assert response.status_code == 302
    assert response["Location"] == "/adviseur/"


@pytest.mark.django_db
@pytest.mark.parametrize(("two_factor", "status"), [(True, 302), (False, 200)])
def test_the_admin_asks_for_the_second_factor_whenever_advisors_must(settings, two_factor, status):
    """Decided per request from the setting, not by which code imported the URLs first (that
    made a test pass alone and fail after another one)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    settings.ADVISOR_REQUIRE_2FA = two_factor
    admin = get_user_model().objects.create_superuser("beheer2", password="x" * 20)
    client = Client()
    client.force_login(admin)
    response = client.get("/beheer/")
    assert response.status_code == status
    if two_factor:
        assert "/beheer/login/" in response["Location"]


# --- hostile pass 2: the second step ------------------------------------------------------
def _half_signed_in(username: str):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    advisor = make_advisor(username, "FNV Utrecht")
    device = TOTPDevice.objects.create(user=advisor.user, confirmed=True, name="app")
    client = Client()
    client.post("/adviseur/inloggen/", {"username": username, "password": PASSWORD})
    return client, device


def test_the_session_key_changes_at_the_second_step(settings):
    """Someone who learnt the session key after the password step (before the code) must not
    be fully signed in once the advisor types the code."""
    settings.ADVISOR_REQUIRE_2FA = True
    client, device = _half_signed_in("t10")
    half = client.cookies["sessionid"].value
    assert client.post("/adviseur/tweestaps/", {"token": _code(device)}).status_code == 302
    assert client.cookies["sessionid"].value != half
    other = Client()
    other.cookies["sessionid"] = half
    assert other.get("/adviseur/").status_code == 302  # to the sign-in page


@pytest.mark.parametrize(("lang", "words"), [("", "Wacht tot"), ("/en", "Wait until")])
def test_a_right_code_refused_after_a_wrong_one_says_to_wait(settings, lang, words):
    """django-otp refuses every code for a while after a wrong one; the page said "this code
    is not right" for the right code, so the advisor doubted their phone."""
    settings.ADVISOR_REQUIRE_2FA = True
    client, device = _half_signed_in("t11")
    client.post(f"{lang}/adviseur/tweestaps/", {"token": "000000"})
    response = client.post(f"{lang}/adviseur/tweestaps/", {"token": _code(device)})
    assert response.status_code == 400
    assert words in response.content.decode()
