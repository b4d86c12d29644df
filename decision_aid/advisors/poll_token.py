"""A signed ticket for the live poll: "still version N?" answered in one query.

Each open page of a shared call asks every 1.5 s whether the case changed. Through the usual
checks that costs the session row, the user with their advisor, and then the case: three
queries and the session machinery for an answer of no bytes. The page is therefore drawn with
a ticket in its poll URL, signed with the app's secret (django.core.signing, salted), naming the
case and, on the advisor's side, the advisor and their organisation. A poll with a valid ticket
reads only the case's two columns (the member) or the same with the organisation boundary and
the advisor's standing in one statement (the advisor), and leaves the session alone.

What a ticket can reveal: that a case's version changed, and whether it is still shared, for
TICKET_SECONDS after its page was drawn; never an answer. Everything else (the changed answers,
the advice) is fetched through the full checks. The advisor's ticket is checked against the
database on every poll: an advisor removed from the organisation, made inactive, or no longer
allowed to see the case (not the lead and not theirs) gets 404 at once. An expired or wrong
ticket falls back to the full checks, so a poll never fails because of its ticket.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core import signing
from django.db import connection
from django.utils import timezone

SALT = "decision_aid.live-poll"
TICKET_SECONDS = 30 * 60


def member_ticket(case_id: Any) -> str:
    return signing.dumps([str(case_id), 0, 0], salt=SALT)


def advisor_ticket(case_id: Any, *, advisor_id: int, organisation_id: int) -> str:
    return signing.dumps([str(case_id), advisor_id, organisation_id], salt=SALT)


def read(ticket: str | None, case_id: Any) -> tuple[int, int] | None:
    """(advisor id, organisation id) of a valid ticket for this case ((0, 0): the member's), or
    None: no ticket, a wrong one, one for another case, or an expired one."""
    if not ticket or len(ticket) > 200:
        return None
    try:
        value = signing.loads(ticket, salt=SALT, max_age=TICKET_SECONDS)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not (isinstance(value, list) and len(value) == 3 and value[0] == str(case_id)):
        return None
    advisor_id, organisation_id = value[1], value[2]
    if not (isinstance(advisor_id, int) and isinstance(organisation_id, int)):
        return None
    return advisor_id, organisation_id


def advisor_version(
    case_id: Any, *, advisor_id: int, organisation_id: int
) -> tuple[int, str] | None:
    """(revision, sharing) of a case shared live with this advisor's organisation, in one
    statement that also checks the advisor still stands where the ticket says: active, in that
    organisation, and the lead or the case's own advisor (as access.visible_cases). Plain SQL:
    the ORM took longer to build this query than PostgreSQL to answer it."""
    from django.contrib.auth import get_user_model

    from decision_aid.advisors.models import Advisor, AdvisorCase
    from decision_aid.cases.models import Case

    q = connection.ops.quote_name
    advisor_case, case = q(AdvisorCase._meta.db_table), q(Case._meta.db_table)
    advisor, user = q(Advisor._meta.db_table), q(get_user_model()._meta.db_table)
    sql = (
        f"SELECT c.revision, c.sharing FROM {advisor_case} ac "  # noqa: S608 - table names only
        f"JOIN {case} c ON c.id = ac.case_id "
        "WHERE ac.case_id = %s AND ac.organisation_id = %s AND c.sharing = 'live' "
        "AND c.expires_at > %s AND EXISTS ("
        f"SELECT 1 FROM {advisor} a JOIN {user} u ON u.id = a.user_id "
        "WHERE a.id = %s AND a.organisation_id = %s AND u.is_active "
        "AND (a.is_lead OR ac.advisor_id = a.id)) LIMIT 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                Case._meta.pk.get_db_prep_value(uuid.UUID(str(case_id)), connection),
                organisation_id,
                Case._meta.get_field("expires_at").get_db_prep_value(timezone.now(), connection),
                advisor_id,
                organisation_id,
            ],
        )
        row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else None
