"""Limits per client that need the request: how many cases one client starts per hour, and
how many wrong resume codes it may try (cases.throttle keeps the counts).

Resume codes have 60 bits: guessing one is hopeless, the limits only keep it that way.
- per client: RESUME_RATE_PER_CLIENT wrong codes (5 per 15 minutes), then a wait;
- for everyone together: once RESUME_RATE_OVERALL wrong codes (200 an hour) are passed, the
  site is under attack, and every client gets the smaller RESUME_RATE_PER_CLIENT_UNDER_ATTACK
  (1 per 5 minutes). That slows guessing from many addresses, but never locks out a person: a
  client that has made no wrong guess can always try its code, a right code always opens the
  case, and one who mistyped waits at most one such window (5 minutes) for the next try. (It
  was 2 an hour: after two mistypes the right code got 429 for up to an hour.)
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from decision_aid.cases import throttle
from decision_aid.cases.clientip import client_key
from decision_aid.cases.models import Case
from decision_aid.cases.services import case_create


class TooManyCases(Exception):
    """This client started more cases this hour than CASES_PER_CLIENT_RATE allows."""


def case_create_limited(*, request: HttpRequest) -> Case:
    """A new case, counted against the client's hourly number of new cases."""
    rate = throttle.Rate.parse(settings.CASES_PER_CLIENT_RATE)
    if throttle.hit(f"case-create:{client_key(request)}", rate) > rate.limit:
        raise TooManyCases
    return case_create(language=request.LANGUAGE_CODE)


def too_many_cases_response(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "limited.html",
        {
            "page_title": _("Too many new cases"),
            "message": _(
                "Many new cases were started from your internet connection in the last hour. "
                "Wait an hour, or continue a case you already have with its resume code."
            ),
        },
        status=429,
    )


def upload_attempt_allowed(case: Case) -> bool:
    """Count one upload request for this case; False past UPLOADS_PER_CASE_RATE (30 an hour).

    A hostile uploader sends file after file to its own case; past the limit its requests are
    refused before any file is read or checked, so they take no upload slot from the others.
    For more it needs new cases, which are limited per address (CASES_PER_CLIENT_RATE)."""
    rate = throttle.Rate.parse(settings.UPLOADS_PER_CASE_RATE)
    return throttle.hit(f"upload:{case.pk}", rate) <= rate.limit


class CodeGuesses:
    """Limits on guessing a code (resume codes, share codes). A try is reserved before the code
    is checked (one atomic upsert, so parallel requests cannot all slip through on the same
    count) and a right code gives it back. Beyond the per-client limit: 'client'; beyond a lower
    per-client limit only while wrong codes overall are over their limit: 'attack'. So others'
    guessing alone never locks out a person with the right code."""

    def __init__(
        self, name: str, per_client: str, under_attack: str, overall: str, per_account: str = ""
    ) -> None:
        self.name = name
        self._setting_names = (per_client, under_attack, overall)
        # Guesses from one signed-in account, whatever its addresses (share codes).
        self._per_account = per_account

    def rates(self) -> tuple[throttle.Rate, throttle.Rate, throttle.Rate]:
        per_client, under_attack, overall = (
            throttle.Rate.parse(getattr(settings, name)) for name in self._setting_names
        )
        return per_client, under_attack, overall

    def account_rate(self) -> throttle.Rate | None:
        if not self._per_account:
            return None
        return throttle.Rate.parse(getattr(settings, self._per_account))

    def wait_minutes(self, reason: str) -> int:
        """How long the client waits at most after this refusal, in whole minutes."""
        per_client, under_attack, _overall = self.rates()
        rate = {"attack": under_attack, "account": self.account_rate()}.get(reason) or per_client
        return max(1, -(-rate.seconds // 60))

    def attempt(self, request: HttpRequest, *, account: str = "") -> str | None:
        """Reserve one try for this client (and signed-in ``account``), or say why it may not
        try now: 'client', 'account' or 'attack'."""
        per_client, under_attack, overall = self.rates()
        key = client_key(request)
        if throttle.hit(f"{self.name}-client:{key}", per_client) > per_client.limit:
            return "client"
        per_account = self.account_rate()
        if account and per_account is not None:
            if throttle.hit(f"{self.name}-account:{account}", per_account) > per_account.limit:
                throttle.give_back(f"{self.name}-client:{key}", per_client)
                return "account"
        slow = throttle.hit(f"{self.name}-slow:{key}", under_attack)
        if slow > under_attack.limit and throttle.over(f"{self.name}-all", overall):
            return "attack"
        return None

    def right(self, request: HttpRequest, *, account: str = "") -> None:
        """A right code: give the reserved try back."""
        per_client, under_attack, _overall = self.rates()
        key = client_key(request)
        throttle.give_back(f"{self.name}-client:{key}", per_client)
        throttle.give_back(f"{self.name}-slow:{key}", under_attack)
        per_account = self.account_rate()
        if account and per_account is not None:
            throttle.give_back(f"{self.name}-account:{account}", per_account)

    def wrong(self) -> None:
        """Count one wrong code for everyone (the client's try is already counted)."""
        throttle.hit(f"{self.name}-all", self.rates()[2])


RESUME_GUESSES = CodeGuesses(
    "resume",
    "RESUME_RATE_PER_CLIENT",
    "RESUME_RATE_PER_CLIENT_UNDER_ATTACK",
    "RESUME_RATE_OVERALL",
)


def resume_attempt(request: HttpRequest) -> str | None:
    return RESUME_GUESSES.attempt(request)


def resume_right(request: HttpRequest) -> None:
    RESUME_GUESSES.right(request)


def resume_wrong(request: HttpRequest) -> None:
    RESUME_GUESSES.wrong()


def resume_blocked_message(reason: str) -> str:
    if reason == "attack":
        return _(
            "Many wrong codes are being tried on this site right now, so each connection may "
            "only try a few. Wait %(minutes)d minutes and try again. Your answers are safe."
        ) % {"minutes": RESUME_GUESSES.wait_minutes(reason)}
    return _("Too many wrong codes. Wait 15 minutes and try again. Your answers are safe.")
