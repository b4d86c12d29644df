"""Role x URL matrix, built from the URL configuration itself.

Every URL pattern of the site is requested by every kind of requester, with GET and with POST,
on a case in each of the states the union sees (its own intake that the member resumed, a case
the member shares live, a case the member kept with the union), and the outcome is compared with
the table below. A URL pattern without a row fails the test: whoever adds a page decides here
who may open it.

Outcome per request: "y" the view did its work for this requester (2xx, a redirect onwards, or
a 400/429 about the input: the page is open to them); "." refused (404, 403, 405, 409, or sent
to sign in / to the resume page). Each row is two strings, GET then POST, one character per
requester in the order of ROLES. A dict row gives the strings per case state where they differ.

Every request runs in a savepoint that is rolled back, and the requester's cookies are put back
afterwards, so a POST that deletes or signs out does not change the next cell.
"""

from __future__ import annotations

import os
import re
from http.cookies import SimpleCookie
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from decision_aid.cases.models import Case
from decision_aid.cases.services import case_merge_state  # noqa: F401 - (documents the store)
from tests.advisors.conftest import INTAKE, client_for
from tests.journey import current_case_id, walk

pytestmark = pytest.mark.django_db

ROLES = ("anon", "member", "other_member", "advisor", "colleague", "lead", "other_org", "staff")
STATES = ("own", "live", "kept")

# fmt: off
# name: (GET, POST) per requester:
#      anon member other_member advisor colleague lead other_org staff
MATRIX: dict[str, Any] = {
    # --- public pages -------------------------------------------------------------------
    "pages:home":              ("yyyyyyyy", "........"),
    "pages:privacy":           ("yyyyyyyy", "........"),
    "pages:sources":           ("yyyyyyyy", "........"),
    "pages:extend_session":    ("........", "yyyyyyyy"),
    "insight:feedback":        ("yyyyyyyy", "yyyyyyyy"),
    "insight:thanks":          ("yyyyyyyy", "........"),
    "wizard:start":            ("yyyyyyyy", "yyyyyyyy"),
    "cases:resume":            ("yyyyyyyy", "yyyyyyyy"),
    # --- the member's room: only the member, in every state -------------------------------
    # (the advisor changes answers on the call page; the finding: advisors posted these)
    "wizard:case":             (".y......", ".y......"),
    "wizard:step":             (".y......", ".y......"),
    "wizard:summary":          (".y......", ".y......"),
    "wizard:calendar":         (".y......", "........"),
    "documents:draft":         (".y......", "........"),
    "documents:preview":       (".y......", "........"),
    "documents:preview_doc":   (".y......", "........"),
    "documents:pdf":           (".y......", "........"),
    "documents:pdf_doc":       (".y......", "........"),
    "documents:docx":          (".y......", "........"),
    "documents:sheet":         (".y......", "........"),
    "documents:sheet_pdf":     (".y......", "........"),
    "documents:uwv_form":      (".y......", "........"),
    "documents:own_words":     (".y......", ".y......"),
    # the union may add the doctor's advice to its own intake, never to the member's case
    "documents:attachments":   {"own":  (".y.y.y..", ".y.y.y.."),
                                "live": (".y......", ".y......"),
                                "kept": (".y......", ".y......")},
    # the finding: an advisor on a share downloaded the member's resume code
    "cases:resume_code":       (".y......", "........"),
    # the finding: an advisor on a share, and a lead on a kept case, deleted the member's case
    "cases:delete":            (".y......", ".y......"),
    "cases:case_file":         (".y......", "........"),
    "cases:attachment":        (".y.y.y..", "........"),
    "share:start":             ("........", ".y......"),
    "share:stop":              ("........", ".y......"),
    "share:keep":              ("........", ".y......"),
    "share:version":           (".y......", "........"),
    # --- the union's room: the case's advisor and the lead -------------------------------
    "advisors:cases":          ("...yyyy.", "........"),
    "advisors:login":          ("yyyyyyyy", "yyyyyyyy"),
    # signing out sends everybody to the sign-in page ("." by the rule above)
    "advisors:logout":         ("yyyyyyyy", "........"),
    "advisors:two_factor":     ("...yyyyy", "...yyyyy"),
    "advisors:two_factor_setup": ("........", "........"),
    "advisors:intake":         ("...yyyy.", "...yyyy."),
    "advisors:advice_preview": ("........", "...yyyy."),
    "advisors:import":         ("...yyyy.", "...yyyy."),
    "advisors:audit":          (".....y..", "........"),
    "advisors:usage":          (".....y..", "........"),
    "advisors:usage_csv":      (".....y..", "........"),
    "advisors:share_open":     ("...yyyy.", "...yyyy."),
    "advisors:live":           {"own":  ("........", "........"),
                                "live": ("...y.y..", "...y.y.."),
                                "kept": ("........", "........")},
    "advisors:live_version":   {"own":  ("........", "........"),
                                "live": ("...y.y..", "........"),
                                "kept": ("........", "........")},
    "advisors:case":           ("...y.y..", "...y.y.."),
    # the intake may rebuild only the union's own case; a shared one goes to the call page
    "advisors:change":         {"own":  ("...y.y..", "...y.y.."),
                                "live": ("...y.y..", "........"),
                                "kept": ("........", "........")},
    "advisors:pdf":            ("...y.y..", "........"),
    "advisors:letter_pdf":     ("...y.y..", "........"),
    "advisors:letter_docx":    ("...y.y..", "........"),
    "advisors:attachments":    {"own":  ("...y.y..", "........"),
                                "live": ("........", "........"),
                                "kept": ("........", "........")},
    "advisors:export":         ("...y.y..", "........"),
    # during the call only the member deletes; a kept case is let go of (the member's stays)
    "advisors:delete":         {"own":  ("...y.y..", "...y.y.."),
                                "live": ("........", "........"),
                                "kept": ("...y.y..", "...y.y..")},
    # --- staff -----------------------------------------------------------------------------
    "admin:*":                 ("yyyyyyyy", None),
}
# fmt: on


def _patterns(resolver: URLResolver | None = None, namespace: str = ""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name or pattern.pattern}", pattern


def _row_key(name: str) -> str:
    return "admin:*" if name.startswith("admin:") else name


def test_every_url_pattern_has_a_row():
    names = {_row_key(name) for name, _pattern in _patterns()}
    missing = sorted(names - set(MATRIX))
    assert not missing, f"URL patterns without a row in MATRIX: {missing}"
    assert not set(MATRIX) - names, "rows for URL patterns that no longer exist"


# --- the requesters and the case ------------------------------------------------------------
def _share(member: Client, advisor_client: Client, case_id: str) -> None:
    page = member.post(f"/samen/{case_id}/code/", {"next": f"/vragen/{case_id}/"}, follow=True)
    code = re.search(
        r'class="share-code"><span aria-hidden="true">([A-Z0-9]{6})<', page.content.decode()
    )[1]
    assert advisor_client.post("/adviseur/samen/", {"code": code}).status_code == 302


def _world(state: str, advisors: dict[str, Any], typical_answers: dict[str, Any]) -> dict[str, Any]:
    member = Client(REMOTE_ADDR="198.51.100.41")
    a1 = client_for(advisors["a1"])
    if state == "own":
        response = a1.post("/adviseur/nieuw/", {**INTAKE, "save": "1"})
        case_id = response["Location"].rstrip("/").split("/")[-1]
        code = Case.objects.get(pk=case_id).resume_code
        assert member.post("/zaak/hervatten/", {"code": code}).status_code == 302
    else:
        walk(member, typical_answers)
        case_id = current_case_id(member)
        _share(member, a1, case_id)
        if state == "kept":
            member.post(f"/samen/{case_id}/houden/", {})
    # a file the member added (typed text), for the attachment URL
    member.post(
        f"/brief/{case_id}/bijlagen/", {"action": "text", "text": "Advies bedrijfsarts: " * 5}
    )
    case = Case.objects.get(pk=case_id)
    other = Client(REMOTE_ADDR="198.51.100.42")
    walk(other, typical_answers, stop_at="talked")
    staff = get_user_model().objects.create_user(
        f"staff-{state}", password="x", is_staff=True, is_superuser=True
    )
    staff_client = Client()
    staff_client.force_login(staff)
    clients = {
        "anon": Client(REMOTE_ADDR="198.51.100.40"),
        "member": member,
        "other_member": other,
        "advisor": a1,
        "colleague": client_for(advisors["a2"]),
        "lead": client_for(advisors["lead"]),
        "other_org": client_for(advisors["b1"]),
        "staff": staff_client,
    }
    from decision_aid.advisors.letters import letters

    slug = letters(case)[0]["slug"]
    return {
        "clients": clients,
        "kwargs": {
            "case_id": case.pk,
            "step": "talked" if state != "own" else "review",
            "doc": slug,
            "attachment_id": case.attachments.first().pk,
            "token": "x",
        },
    }


REFUSED_TARGETS = ("/inloggen/", "/tweestaps/", "/hervatten/", "/beheer/login/")


def _outcome(response) -> str:
    status = response.status_code
    if 300 <= status < 400:
        target = response.get("Location", "")
        return "." if any(t in target for t in REFUSED_TARGETS) else "y"
    if status in (404, 403, 405, 409, 410):
        return "."
    return "y"


def _request(client: Client, method: str, url: str, kept_file: tuple[str, bytes]) -> str:
    saved = SimpleCookie()
    saved.load(client.cookies.output(header="", sep=";"))
    with transaction.atomic():
        response = client.get(url) if method == "GET" else client.post(url, {})
        outcome = _outcome(response)
        transaction.set_rollback(True)
    client.cookies = saved
    path, data = kept_file  # a rolled-back delete still removed the file from the disk
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
    return outcome


@pytest.mark.parametrize("state", STATES)
def test_role_by_url_matrix(state, advisors, typical_answers, settings):
    world = _world(state, advisors, typical_answers)
    stored = Case.objects.get(pk=world["kwargs"]["case_id"]).attachments.first().file
    with open(stored.path, "rb") as fh:
        kept_file = (stored.path, fh.read())
    differences = []
    for name, pattern in _patterns():
        row = MATRIX[_row_key(name)]
        if isinstance(row, dict):
            row = row[state]
        wanted_get, wanted_post = row
        params = list(pattern.pattern.regex.groupindex)
        if name.startswith("admin:"):
            if params:
                continue  # admin pages of one object: the staff rule holds, asked above
            # staff only; an add page is forbidden to staff too where the model admin adds nothing
            wanted_get = ".......?" if name.endswith("_add") else ".......y"
            if name in ("admin:login", "admin:logout", "admin:autocomplete"):
                wanted_get = None
        try:
            url = reverse(name, kwargs={p: world["kwargs"][p] for p in params})
        except Exception as exc:
            raise AssertionError(f"cannot build {name} with {params}") from exc
        for method, wanted in (("GET", wanted_get), ("POST", wanted_post)):
            if wanted is None:
                continue
            got = "".join(_request(world["clients"][r], method, url, kept_file) for r in ROLES)
            if any(w not in ("?", g) for w, g in zip(wanted, got, strict=True)):
                differences.append(f"{state} {method} {name} ({url}): want {wanted} got {got}")
    assert not differences, "\n" + "\n".join(differences)
