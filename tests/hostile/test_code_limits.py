"""Guessing codes, second round: a person who mistyped their resume code twice while others
guess was locked out for up to an hour; one advisor account guessed 205 share codes from 45
addresses. Now the right code opens within minutes, and share codes are limited per account
and per code (case) as well as per address."""

from __future__ import annotations

import types

import pytest
from django.test import Client

from decision_aid.advisors.models import ShareCode
from decision_aid.cases import throttle
from decision_aid.cases.models import Case
from tests.advisors.conftest import advisors, client_for, member, no_2fa  # noqa: F401
from tests.advisors.test_sharing import _share_code
from tests.hostile.test_limits import WRONG, behind_proxy, via_proxy  # noqa: F401
from tests.journey import walk

pytestmark = pytest.mark.django_db

START = 1_800_000_000 - 1_800_000_000 % 3600 + 60  # one minute into an hour


@pytest.fixture
def clock(monkeypatch):
    """The counters' clock, moved by hand (only cases.throttle reads it)."""
    now = [float(START)]
    monkeypatch.setattr(throttle, "time", types.SimpleNamespace(time=lambda: now[0]))
    return now


def test_the_right_code_opens_within_minutes_after_two_mistypes_during_an_attack(
    behind_proxy,  # noqa: F811
    settings,
    typical_answers,
    clock,
):
    owner = Client(**via_proxy("198.51.100.20"))
    walk(owner, typical_answers, stop_at="talked")
    code = Case.objects.get().resume_code
    settings.RESUME_RATE_OVERALL = "10/h"
    for n in range(12):  # a botnet, each address within its own limit: the site is under attack
        Client(**via_proxy(f"192.0.2.{n}")).post("/zaak/hervatten/", WRONG)
    person = Client(**via_proxy("198.51.100.21"))
    person.post("/zaak/hervatten/", WRONG)  # two mistypes
    blocked = person.post("/zaak/hervatten/", WRONG)
    assert blocked.status_code == 429
    assert "Wacht 5 minuten" in blocked.content.decode()
    clock[0] += 6 * 60  # six minutes later, the attack still going on
    Client(**via_proxy("192.0.2.99")).post("/zaak/hervatten/", WRONG)
    assert person.post("/zaak/hervatten/", {"code": code}).status_code == 302


def test_one_advisor_account_guessing_from_many_addresses_is_stopped(
    behind_proxy,  # noqa: F811
    member,  # noqa: F811
    advisors,  # noqa: F811
):
    code = _share_code(member)
    statuses = []
    for n in range(45):  # one account, a new address for every guess
        guesser = client_for(advisors["a2"])
        guesser.defaults.update(via_proxy(f"192.0.2.{n}"))
        statuses.append(guesser.post("/adviseur/samen/", {"code": "XXXXXX"}).status_code)
    assert statuses.count(400) == 5  # five wrong codes evaluated, then "wait"
    assert set(statuses[5:]) == {429}
    # Another advisor of the organisation, and the right code, still get through.
    colleague = client_for(advisors["a1"])
    colleague.defaults.update(via_proxy("198.51.100.30"))
    assert colleague.post("/adviseur/samen/", {"code": code}).status_code == 302


def test_a_waiting_share_code_stops_after_meeting_so_many_wrong_codes(
    behind_proxy,  # noqa: F811
    settings,
    member,  # noqa: F811
    advisors,  # noqa: F811
):
    """Per case: however many addresses and accounts guess, one member's waiting code meets at
    most SHARE_GUESSES_PER_CODE wrong codes; then it stops and the member asks a new one."""
    settings.SHARE_GUESSES_PER_CODE = 20
    code = _share_code(member)
    for n in range(21):  # 21 addresses, each one wrong code (within every per-client limit)
        guesser = client_for(advisors["a2"])
        guesser.defaults.update(via_proxy(f"192.0.2.{n}"))
        settings.SHARE_RATE_PER_ACCOUNT = "100/h"
        assert guesser.post("/adviseur/samen/", {"code": "XXXXXX"}).status_code == 400
    a1 = client_for(advisors["a1"])
    a1.defaults.update(via_proxy("198.51.100.30"))
    assert a1.post("/adviseur/samen/", {"code": code}).status_code == 400
    assert ShareCode.objects.get().used_at is None
    # A new code works again.
    fresh = _share_code(member)
    assert a1.post("/adviseur/samen/", {"code": fresh}).status_code == 302
