"""The case list and the audit log at any caseload: keyset pages, counts and search in SQL.

A page costs the same at page 1 and page 400: the next page starts after the last row shown
(its next deadline and id, the "cursor"), found through an index, instead of counting past all
earlier rows (OFFSET). Cases without a deadline come last, after every dated case. A fixed
number of queries per page, whatever the caseload or the page size: tests/advisors/test_caseload.py.

Member names are searched through their blind index (blind_index.py), never decrypted for it;
only the names on the page being shown are decrypted.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from decision_aid.advisors import access, blind_index
from decision_aid.advisors.models import (
    Advisor,
    AdvisorCase,
    AuditEvent,
    CaseCount,
    CaseNote,
    MemberNameWord,
)

PAGE_SIZE = 50
REFERENCE_PART_MIN = 3  # characters of a reference needed to search by a part of it
AUDIT_PAGE_SIZE = 100
_CURSOR = re.compile(r"^(\d{8}|-)\.(\d{1,18})$")


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: after this (next_deadline, id). Text form: "20261130.1234" or
    "-.1234" (no deadline)."""

    next_deadline: date | None
    id: int

    def encode(self) -> str:
        day = self.next_deadline.strftime("%Y%m%d") if self.next_deadline else "-"
        return f"{day}.{self.id}"

    @classmethod
    def decode(cls, text: str) -> Cursor | None:
        """None for anything malformed: the list then simply starts at the first page."""
        match = _CURSOR.match(text or "")
        if not match:
            return None
        try:
            day = (
                None
                if match[1] == "-"
                else date(*map(int, (match[1][:4], match[1][4:6], match[1][6:])))
            )
        except ValueError:
            return None
        return cls(day, int(match[2]))


@dataclass(frozen=True)
class Part:
    """One way for a case to be on the page: walked in list order through an index (the plain
    list, a name word), or a set of matches found through its own index and then sorted."""

    cases: QuerySet
    walk: bool


@dataclass
class CasePage:
    rows: list[AdvisorCase]
    next_cursor: Cursor | None
    counts: dict[str, int]


def scoped_cases(advisor: Advisor, *, scope: str) -> QuerySet[AdvisorCase]:
    """The cases this advisor may see (access.visible_cases), narrowed to their own unless a lead
    asks for the whole organisation (scope "all")."""
    cases = access.visible_cases(advisor)
    if not (advisor.is_lead and scope == "all"):
        cases = cases.filter(advisor=advisor)
    return cases


def status_counts(advisor: Advisor, *, scope: str) -> dict[str, int]:
    """Cases per status in the same scope as scoped_cases, in one query over CaseCount (a few
    rows per advisor, kept by database triggers), not by counting the cases themselves."""
    counts = dict.fromkeys(AdvisorCase.Status.values, 0)
    rows = CaseCount.objects.filter(organisation_id=advisor.organisation_id)
    if not (advisor.is_lead and scope == "all"):
        rows = rows.filter(advisor=advisor)
    for status, n in rows.order_by().values_list("status").annotate(total=Sum("n")):
        counts[status] = n
    return counts


def name_matches(advisor: Advisor, cases: QuerySet, query: str) -> list[Part]:
    """Cases whose member name has every word of the query, and those whose whole name is the
    query, through the blind index: two parts, each an index look-up. No parts when the query
    has no word in it."""
    digests = blind_index.word_digests(query)
    if not digests:
        return []
    words = MemberNameWord.objects.filter(organisation_id=advisor.organisation_id)
    if len(digests) == 1:
        # One word: walk the list in order and stop at a full page, however common the word.
        subquery = words.filter(digest=digests[0]).values("advisor_case_id")
        by_words = Part(cases.filter(id__in=subquery), walk=True)
    else:
        # Several words: first the cases that have them all (a join in the word table, as big as
        # the matches of the words), then the page. Walking the list in order instead would
        # cover the whole caseload for two common words that seldom meet ("Anna", "Bakker").
        both = words.filter(digest=digests[0])
        for digest in digests[1:]:
            both = both.filter(
                advisor_case_id__in=words.filter(digest=digest).values("advisor_case_id")
            )
        ids = list(both.values_list("advisor_case_id", flat=True))
        by_words = Part(cases.filter(id__in=ids), walk=False)
    whole = cases.filter(member_name_digest=blind_index.name_digest(query))
    return [by_words, Part(whole, walk=False)]


def _after(cases: QuerySet, cursor: Cursor | None, *, dated: bool) -> QuerySet:
    """The cases after the cursor within one segment: with a deadline, or without one."""
    if dated:
        cases = cases.filter(next_deadline__isnull=False)
        if cursor is not None:
            # (next_deadline, id) > cursor, written so the index range starts at the cursor.
            cases = cases.filter(next_deadline__gte=cursor.next_deadline).filter(
                Q(next_deadline__gt=cursor.next_deadline) | Q(id__gt=cursor.id)
            )
        return cases
    cases = cases.filter(next_deadline__isnull=True)
    if cursor is not None and cursor.next_deadline is None:
        cases = cases.filter(id__gt=cursor.id)
    return cases


def _after_any(cases: QuerySet, cursor: Cursor | None) -> QuerySet:
    """The cases after the cursor, both segments in one condition (for a part that is a set of
    matches found through its own index, sorted once, not walked in list order)."""
    if cursor is None:
        return cases
    if cursor.next_deadline is None:
        return cases.filter(next_deadline__isnull=True, id__gt=cursor.id)
    return cases.filter(
        Q(next_deadline__gt=cursor.next_deadline)
        | Q(next_deadline=cursor.next_deadline, id__gt=cursor.id)
        | Q(next_deadline__isnull=True)
    )


def _keyset(parts: list[Part], cursor: Cursor | None, limit: int) -> list[int]:
    """The ids of the next `limit` cases after the cursor, in list order, from all of `parts`
    (one part for a plain list; a search has one per way to match).

    Each part is its own query with its own LIMIT (a UNION would have to collect and sort every
    match of every part first); the parts are merged here, a case matching twice counted once.
    A part that walks an index in list order is asked per segment (dated, then undated), so it
    stops after `limit` rows however many cases match; both segments are always asked (unless
    the cursor is past the dated cases), so every page makes the same queries."""
    found: set[tuple[Any, int]] = set()
    for part in parts:
        if part.walk:
            segments = [False] if cursor and cursor.next_deadline is None else [True, False]
            for dated in segments:
                rows = _after(part.cases, cursor, dated=dated).values_list("next_deadline", "id")
                found.update(rows.order_by("next_deadline", "id")[:limit])
        else:
            rows = _after_any(part.cases, cursor).values_list("next_deadline", "id")
            found.update(rows.order_by(*AdvisorCase._meta.ordering)[:limit])
    ordered = sorted(found, key=lambda row: (row[0] is None, row[0] or date.min, row[1]))
    return [row_id for _day, row_id in ordered[:limit]]


def case_page(
    advisor: Advisor, *, scope: str, status: str, query: str, cursor: Cursor | None
) -> CasePage:
    """One page of the case list: a few queries, however many cases there are."""
    base = scoped_cases(advisor, scope=scope)
    counts = status_counts(advisor, scope=scope)
    cases = base.filter(status=status) if status else base
    query = query.strip()
    if query:
        # Any part of the reference, through the trigram index (PostgreSQL), which needs three
        # characters; a shorter query finds the reference that is exactly it, so "de" does not
        # scan every reference of the organisation.
        if len(query) >= REFERENCE_PART_MIN:
            by_reference = Part(cases.filter(reference__icontains=query), walk=False)
        else:
            by_reference = Part(cases.filter(reference__iexact=query), walk=False)
        parts = [by_reference, *name_matches(advisor, cases, query)]
    else:
        parts = [Part(cases, walk=True)]
    ids = _keyset(parts, cursor, PAGE_SIZE + 1)
    more = len(ids) > PAGE_SIZE
    ids = ids[:PAGE_SIZE]
    notes = (
        CaseNote.objects.filter(advisor_case=OuterRef("pk"))
        .order_by()
        .values("advisor_case")
        .annotate(n=Count("id"))
        .values("n")
    )
    rows = (
        list(
            AdvisorCase.objects.filter(id__in=ids)
            .select_related("advisor__user")
            .defer("next_deadline_label", "created_at")
            .annotate(notes_count=Coalesce(Subquery(notes, output_field=IntegerField()), Value(0)))
            .order_by(*AdvisorCase._meta.ordering)
        )
        if ids
        else []
    )
    last = rows[-1] if rows else None
    next_cursor = Cursor(last.next_deadline, last.id) if more and last else None
    return CasePage(rows=rows, next_cursor=next_cursor, counts=counts)


# --- the audit log ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditCursor:
    """Where an audit page starts: before this (at, id), newest first. Text: "<unix µs>.<id>"."""

    at_us: int
    id: int

    def encode(self) -> str:
        return f"{self.at_us}.{self.id}"

    @classmethod
    def decode(cls, text: str) -> AuditCursor | None:
        match = re.match(r"^(\d{1,20})\.(\d{1,18})$", text or "")
        return cls(int(match[1]), int(match[2])) if match else None


@dataclass
class AuditPage:
    events: list[AuditEvent]
    next_cursor: AuditCursor | None


def _from_us(value: int) -> Any:
    from datetime import UTC, datetime, timedelta

    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=value)


def _to_us(value: Any) -> int:
    from datetime import UTC, datetime

    delta = value - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def audit_page(
    advisor: Advisor, *, actor_id: int | None, action: str, case: str, cursor: AuditCursor | None
) -> AuditPage:
    """One page of the organisation's audit log, newest first, filtered in SQL. `case` is a
    case id or the advisor's reference (exact)."""
    events = AuditEvent.objects.filter(organisation_id=advisor.organisation_id)
    if actor_id:
        events = events.filter(actor_id=actor_id)
    if action:
        events = events.filter(action=action)
    if case := case.strip():
        try:
            events = events.filter(case_id=uuid.UUID(case))
        except ValueError:
            events = events.filter(reference=case)
    if cursor is not None:
        at = _from_us(cursor.at_us)
        events = events.filter(at__lte=at).filter(Q(at__lt=at) | Q(id__lt=cursor.id))
    rows = list(events.select_related("actor").order_by("-at", "-id")[: AUDIT_PAGE_SIZE + 1])
    more = len(rows) > AUDIT_PAGE_SIZE
    rows = rows[:AUDIT_PAGE_SIZE]
    next_cursor = AuditCursor(_to_us(rows[-1].at), rows[-1].id) if more else None
    return AuditPage(events=rows, next_cursor=next_cursor)
