"""The live poll with its page's signed ticket (advisors.poll_token): one query, no session
read, and the same answers and refusals as the full checks: 204/200 for who may see the case,
404 as soon as they may not (sharing stopped, advisor made inactive or moved, not the lead and
not theirs), and a wrong or expired ticket falls back to the full checks."""

from __future__ import annotations

import re
import time
from urllib.parse import unquote, urlencode

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from decision_aid.advisors import poll_token
from tests.advisors.conftest import client_for, make_advisor
from tests.advisors.test_sharing import _case, _live_post, _open, _share_code

pytestmark = pytest.mark.django_db


def _poll_url(html: str) -> str:
    return unquote(re.search(r'data-live-version-url="([^"]+)"', html)[1].replace("&amp;", "&"))


def _poll(client: Client, url: str, version: str = ""):
    joined = f"{url}{'&' if '?' in url else '?'}{urlencode({'v': version})}"
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(joined)
    return response, [q["sql"] for q in ctx.captured_queries]


def test_the_members_ticketed_poll_is_one_query_and_leaves_the_session_alone(member, advisors):
    code = _share_code(member)
    case = _case(member)
    page = member.get(f"/vragen/{case.pk}/talked/").content.decode()
    url = _poll_url(page)
    assert "?t=" in url
    version = f"{case.revision}-{case.sharing}"
    response, sql = _poll(member, url, version)
    assert response.status_code == 204
    assert len(sql) == 1 and "django_session" not in sql[0]
    _open(client_for(advisors["a1"]), code)  # the advisor joins: a new version
    response, sql = _poll(member, url, version)
    assert response.status_code == 200 and response.content.decode().endswith("-live")
    assert len(sql) == 1
    # the same URL from a browser without the case's session: it only learns the version
    # number (no answers); a ticket for this case in another case's URL is refused
    other = Client().get(url.replace(str(case.pk), "00000000-0000-4000-8000-000000000000"))
    assert other.status_code == 404


def test_the_advisors_ticketed_poll_is_one_query_and_ends_when_access_ends(member, advisors):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    url = _poll_url(a1.get(f"/adviseur/zaken/{case.pk}/samen/").content.decode())
    assert "?t=" in url
    case.refresh_from_db()
    version = f"{case.revision}-{case.sharing}"
    response, sql = _poll(a1, url, version)
    assert response.status_code == 204
    assert len(sql) == 1 and "django_session" not in sql[0]
    # a change by the member: a new version; the JSON carries a fresh ticket
    _live_post(a1, case, {"talked": "no"})
    response, _ = _poll(a1, url, version)
    assert response.status_code == 200
    fresh = a1.get(f"/adviseur/zaken/{case.pk}/samen/?format=json").json()["poll"]
    assert "?t=" in fresh and fresh != url
    # the advisor made inactive: 404 at the next poll, ticket or not
    user = advisors["a1"].user
    user.is_active = False
    user.save()
    assert _poll(Client(), url)[0].status_code == 404
    user.is_active = True
    user.save()
    assert _poll(Client(), url, version)[0].status_code == 200
    # moved to another organisation: 404
    other = make_advisor("elders", "CNV Zwolle")
    advisors["a1"].organisation = other.organisation
    advisors["a1"].save()
    assert _poll(Client(), url)[0].status_code == 404


def test_a_colleague_sees_only_what_access_allows_and_stop_sharing_ends_it(member, advisors):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    # a ticket made for a colleague who is not the lead and not the case's advisor: 404
    a2_ticket = poll_token.advisor_ticket(
        case.pk, advisor_id=advisors["a2"].pk, organisation_id=advisors["a2"].organisation_id
    )
    assert (
        Client().get(f"/adviseur/zaken/{case.pk}/samen/versie/", {"t": a2_ticket}).status_code
        == 404
    )
    # the lead's: allowed, as access.visible_cases allows the lead
    lead_ticket = poll_token.advisor_ticket(
        case.pk, advisor_id=advisors["lead"].pk, organisation_id=advisors["lead"].organisation_id
    )
    assert (
        Client().get(f"/adviseur/zaken/{case.pk}/samen/versie/", {"t": lead_ticket}).status_code
        == 200
    )
    # the member stops sharing: every ticket gives 404 at once
    member.post(f"/samen/{case.pk}/stoppen/", {"next": f"/vragen/{case.pk}/talked/"})
    assert (
        Client().get(f"/adviseur/zaken/{case.pk}/samen/versie/", {"t": lead_ticket}).status_code
        == 404
    )


def test_a_wrong_or_expired_ticket_falls_back_to_the_full_checks(member, advisors, monkeypatch):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    url = f"/adviseur/zaken/{case.pk}/samen/versie/"
    good = poll_token.advisor_ticket(
        case.pk, advisor_id=advisors["a1"].pk, organisation_id=advisors["a1"].organisation_id
    )
    tampered = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    for ticket in (tampered, "", "x" * 500, poll_token.member_ticket(case.pk)):
        # nobody signed in: the full checks send them to the sign-in page
        assert Client().get(url, {"t": ticket}).status_code == 302
        # the advisor signed in: the full checks still answer
        assert a1.get(url, {"t": ticket}).status_code == 200
    # an expired ticket: the same fallback
    later = time.time() + poll_token.TICKET_SECONDS + 5
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert Client().get(url, {"t": good}).status_code == 302
    # the member's side: an advisor's ticket is no member ticket; a stranger gets 404
    assert Client().get(f"/samen/{case.pk}/versie/", {"t": good}).status_code == 404
