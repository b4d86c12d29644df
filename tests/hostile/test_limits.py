"""Request size, cases per client, the client address behind a
proxy, login lock-out per user and address, atomic counters, session fixation."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from decision_aid.cases.models import Case
from tests.documents.cases import case_file_for
from tests.journey import post_step, step_url, walk

pytestmark = pytest.mark.django_db

WRONG = {"code": "AAAA-BBBB-CCCC"}
PROXY = "10.0.0.2"  # the TLS proxy in front of gunicorn


@pytest.fixture
def behind_proxy(settings):
    """The documented production setting DJANGO_BEHIND_PROXY=1, as the settings read it."""
    settings.TRUSTED_PROXY_HOPS = 1
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"  # what the old settings set


def via_proxy(real: str, sent: str | None = None) -> dict[str, str]:
    """What gunicorn sees: the proxy's address, and X-Forwarded-For with whatever the client
    sent followed by the address the proxy appended."""
    header = f"{sent}, {real}" if sent is not None else real
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": header}


# --- item 4: request size and cases per client ------------------------------------------
def test_an_oversized_request_body_is_refused_before_it_is_read(client, owned_case):
    case = owned_case(case_file_for("court"))
    big = SimpleUploadedFile("groot.pdf", b"%PDF-1.7\n" + b"0" * (22 * 1024 * 1024))
    response = client.post(f"/en/brief/{case.id}/bijlagen/", {"file": big})
    assert response.status_code == 413
    assert "too much to send at once" in response.content.decode()
    assert case.attachments.count() == 0


def test_the_back_path_stores_only_the_pages_fields_each_capped(client, typical_answers):
    walk(client, typical_answers, stop_at="details")
    case_id = client.session["cases"][-1]
    huge = "x" * 300_000  # three of them stay under the 1 MB form-data cap
    post_step(
        client,
        "details",
        {**typical_answers["details"], "own_view": huge, "junk": huge},
        wizard_goto_step="review",
        **{"details-other": huge},
    )
    state = Case.objects.get(pk=case_id).wizard_state
    stored = state["step_data"]["details"]
    assert "details-junk" not in stored and "details-other" not in stored
    assert 0 < len(stored["details-own_view"][0]) <= 10_000
    assert len(str(state)) < 50_000


def test_one_client_may_start_only_so_many_cases_an_hour(settings):
    settings.CASES_PER_CLIENT_RATE = "3/h"
    first = {"intake_wizard-current_step": "role", "role-role": "employee"}
    for _ in range(3):
        response = Client(REMOTE_ADDR="192.0.2.50").post("/vragen/", first)
        assert response.status_code == 302
    refused = Client(REMOTE_ADDR="192.0.2.50").post("/vragen/", first)
    assert refused.status_code == 429
    assert "Te veel nieuwe zaken" in refused.content.decode()
    assert Case.objects.count() == 3
    assert Client(REMOTE_ADDR="192.0.2.51").post("/vragen/", first).status_code == 302


# --- item 5: the client address behind a proxy --------------------------------------------
def test_changing_x_forwarded_for_does_not_give_more_guesses(behind_proxy):
    for n in range(5):
        browser = Client(**via_proxy("203.0.113.5", sent=f"198.18.0.{n}"))
        assert browser.post("/zaak/hervatten/", WRONG).status_code == 400
    browser = Client(**via_proxy("203.0.113.5", sent="198.18.0.99"))
    assert browser.post("/zaak/hervatten/", WRONG).status_code == 429
    # someone else behind the same proxy is not blocked
    assert Client(**via_proxy("203.0.113.6")).post("/zaak/hervatten/", WRONG).status_code == 400


@pytest.mark.parametrize(
    "header",
    [None, "", "1.2.3.4, 5.6.7.8", "unknown", ",,,", "999.1.1.1", "[2001:db8::1]:443", "a" * 5000],
)
def test_odd_x_forwarded_for_headers_never_give_a_500(behind_proxy, header):
    meta = {"REMOTE_ADDR": PROXY}
    if header is not None:
        meta["HTTP_X_FORWARDED_FOR"] = header
    response = Client(**meta).post("/zaak/hervatten/", WRONG)
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()


# --- item 6: login lock-out per user and real address -------------------------------------
def test_wrong_passwords_from_one_address_do_not_lock_the_advisor_out_elsewhere(
    behind_proxy, settings
):
    from tests.advisors.conftest import PASSWORD, make_advisor

    settings.ADVISOR_REQUIRE_2FA = False
    make_advisor("t6", "FNV Utrecht")
    attacker = Client(**via_proxy("203.0.113.66"))
    for _ in range(6):
        attacker.post("/adviseur/inloggen/", {"username": "t6", "password": "fout"})
    assert (
        attacker.post("/adviseur/inloggen/", {"username": "t6", "password": PASSWORD}).status_code
        == 429
    )
    advisor = Client(**via_proxy("198.51.100.10"))
    response = advisor.post("/adviseur/inloggen/", {"username": "t6", "password": PASSWORD})
    assert response.status_code == 302


# --- item 7: a global limit that slows guessing but locks out nobody ----------------------
def test_many_addresses_guessing_do_not_lock_out_the_person_with_the_right_code(
    behind_proxy, settings, typical_answers
):
    owner = Client(**via_proxy("198.51.100.20"))
    walk(owner, typical_answers, stop_at="talked")
    code = Case.objects.get().resume_code
    settings.RESUME_RATE_OVERALL = "10/h"
    for n in range(12):  # a botnet: each address within its own limit
        Client(**via_proxy(f"192.0.2.{n}")).post("/zaak/hervatten/", WRONG)
    other_browser = Client(**via_proxy("198.51.100.21"))
    assert other_browser.post("/zaak/hervatten/", {"code": code}).status_code == 302


# --- item 10: session fixation ----------------------------------------------------------
def test_opening_a_case_by_code_gives_a_new_session_key(typical_answers):
    owner = Client()
    walk(owner, typical_answers, stop_at="talked")
    code = Case.objects.get().resume_code
    victim = Client()
    victim.get("/zaak/hervatten/")
    victim.session.save()
    planted = victim.session.session_key
    victim.cookies["sessionid"] = planted
    assert victim.post("/zaak/hervatten/", {"code": code}).status_code == 302
    assert victim.cookies["sessionid"].value != planted
    # the planted key no longer opens the case
    attacker = Client()
    attacker.cookies["sessionid"] = planted
    assert attacker.get(step_url(victim, "talked")).status_code in (302, 404)
