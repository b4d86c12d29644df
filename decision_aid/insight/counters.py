"""Counting without tracking: views say what happened, the middleware writes it once.

``count(request, metric, key, role=...)`` only remembers the event on the request. After the
response is made, ``InsightMiddleware`` adds the request's events to the process's held counts;
at most every INSIGHT_FLUSH_SECONDS (10 s) the request that finds them older than that writes
them all in **one** statement, an ``INSERT ... ON CONFLICT DO UPDATE SET count = count +
excluded.count`` on ``insight_dailycount`` (PostgreSQL; SQLite 3.24+ runs the same SQL), and a
process that ends writes what it still holds. Before, every counting request wrote its own
statement: 19 of a journey's 169 (docs/benchmarks-log.md). Holding them also means
a write no longer falls at the moment of one person's request. With INSIGHT_FLUSH_SECONDS = 0
(the tests) every request writes its own at once. A request that counted nothing writes
nothing.

A row holds the day, the page language, the role (employee, employer, advisor or empty), the
channel (public, or an advisor organisation's number) and what happened: no case id, no IP
address, user agent, cookie or time of day. What each metric means: docs/privacy.md.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

# What is counted and how a view says so live in decision_aid.counting (below every app that
# counts); this module writes them.
from decision_aid.counting import (  # noqa: F401 - the metric names, for the counts pages
    _ATTR,
    ATTACHMENT,
    DELETION,
    EXPERT_QUESTION,
    FEEDBACK,
    FIRST_LETTER,
    INTAKE,
    LETTER,
    OUT_OF_SCOPE,
    PAGE_ANSWERED,
    PAGE_REACHED,
    RESUME,
    ROLES,
    ROUTE,
    SHEET,
    TIME_BUCKETS,
    clean_role,
    count,
    pending,
    time_bucket,
)

logger = logging.getLogger(__name__)


def _advisor_organisation(request: HttpRequest) -> int:
    """The signed-in advisor's organisation, or 0: public. No query for anonymous visitors (the
    session is already read); one for a signed-in user, unless a view already found them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    target = getattr(user, "_wrapped", user)
    advisor = getattr(getattr(target, "_state", None), "fields_cache", {}).get("advisor")
    if advisor is not None:
        return advisor.organisation_id
    from decision_aid.advisors.models import Advisor

    org = Advisor.objects.filter(user_id=user.pk).values_list("organisation_id", flat=True)
    return org.first() or 0


def write(counts: Counter, *, language: str, organisation: int = 0, day: object = None) -> None:
    """Add the counts in one upsert statement, now."""
    if counts:
        _write_rows(_keyed(counts, day=day, language=language, organisation=organisation))


def _keyed(counts: Counter, *, day: object, language: str, organisation: int) -> Counter:
    """A request's (metric, key, role) counts as rows keyed (day, language, organisation,
    metric, key, role)."""
    day = day or timezone.localdate()
    return Counter(
        {
            (day, language[:2], organisation, metric, key, role): n
            for (metric, key, role), n in counts.items()
        }
    )


def _write_rows(rows: Counter) -> None:
    """One ``INSERT ... ON CONFLICT DO UPDATE`` for rows keyed (day, language, organisation,
    metric, key, role)."""
    from decision_aid.insight.models import Channel, DailyCount

    table = connection.ops.quote_name(DailyCount._meta.db_table)
    values, params = [], []
    # always in the same order: two writers that add to the same rows lock them in one order
    for (day, language, organisation, metric, key, role), n in sorted(
        rows.items(), key=lambda item: tuple(map(str, item[0]))
    ):
        channel = Channel.ADVISOR if organisation else Channel.PUBLIC
        values.append("(%s, %s, %s, %s, %s, %s, %s, %s)")
        params += [day, language, role, channel, organisation, metric, key, n]
    columns = "day, language, role, channel, organisation, metric, key, count"
    conflict = "day, language, role, channel, organisation, metric, key"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) VALUES {', '.join(values)} "  # noqa: S608
            f"ON CONFLICT ({conflict}) DO UPDATE SET count = {table}.count + excluded.count",
            params,
        )


# The counts this process holds until the next write (see the module's docstring).
_held_lock = threading.Lock()
_held: Counter = Counter()
_held_since = time.monotonic()
HELD_ROWS_MAX = 5000  # distinct rows; more are written at once (a day has a few hundred)


def _take_held(*, force: bool = False) -> Counter:
    """The held counts, if it is time to write them (then this process holds none)."""
    global _held, _held_since
    with _held_lock:
        due = time.monotonic() - _held_since >= settings.INSIGHT_FLUSH_SECONDS
        if not _held or not (force or due or len(_held) >= HELD_ROWS_MAX):
            return Counter()
        batch, _held = _held, Counter()
        _held_since = time.monotonic()
        return batch


def _hold(rows: Counter) -> None:
    with _held_lock:
        _held.update(rows)


def write_held() -> None:
    """Write what this process holds, whatever its age (at exit, and for tests)."""
    batch = _take_held(force=True)
    if batch:
        try:
            _write_rows(batch)
        except DatabaseError:
            logger.warning("Could not write the anonymous counts this process held")


atexit.register(write_held)


def flush(request: HttpRequest) -> None:
    counts = pending(request)
    if not counts:
        return
    request.__dict__.pop(_ATTR, None)
    try:
        rows = _keyed(
            counts,
            day=None,
            language=getattr(request, "LANGUAGE_CODE", None) or get_language() or "nl",
            organisation=_advisor_organisation(request),
        )
        if settings.INSIGHT_FLUSH_SECONDS <= 0:
            _write_rows(rows)
            return
        _hold(rows)
        batch = _take_held()
        if batch:
            try:
                _write_rows(batch)
            except DatabaseError:
                _hold(batch)  # the next request tries again
                raise
    except DatabaseError:
        # A count is never worth a failed page; the person's own request already succeeded.
        logger.warning("Could not write the anonymous counts of a request")


class InsightMiddleware:
    """Writes the request's counts after the view, in one statement (see ``flush``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        flush(request)
        return response
