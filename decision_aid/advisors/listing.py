"""The case list and the audit log at any caseload: keyset pages, counts and search in SQL.

A page costs the same at page 1 and page 400: the next page starts after the last row shown
(its next deadline and id, the "cursor"), found through an index, instead of counting past all
earlier rows (OFFSET). Cases without a deadline come last, after every dated case. A fixed
number of queries per page, whatever the caseload or the page size: tests/advisors/test_caseload.py.

Member names are searched through their blind index (blind_index.py), never decrypted for it;
only the names on the page being shown are decrypted, each with its case's own data key, which
comes with the row (models.CASE_KEY): no query per row. The list is ordered by the week of the
next deadline (the plain column), then by id; the exact date is decrypted for the rows shown.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from decision_aid.advisors import access, blind_index
from decision_aid.advisors.models import (
    LIST_KEY,
    NO_DEADLINE,
    Advisor,
    AdvisorCase,
    AuditEvent,
    CaseCount,
    CaseNote,
    MemberNamePair,
    MemberNameWord,
    case_box,
    case_key,
    open_deadline,
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


@dataclass
class CasePage:
    rows: list[dict[str, Any]]  # case_rows: what the list shows of each case, ready to print
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


#: Up to this many matching cases a search hands the page query their ids; beyond it the
#: words are common and the page query walks the list in order and stops at a full page.
NAME_MATCH_IDS = 2000


def name_matches(advisor: Advisor, cases: QuerySet, query: str) -> list[QuerySet]:
    """Cases whose member name has every word of the query (in any order), each word found
    exactly, by its beginning (3 letters or more), with one letter wrong, missing or extra, or
    by its Dutch sound, through the blind index. No part when the query has no word in it.

    The matching cases, at most NAME_MATCH_IDS + 1, are read first and the page query gets
    their ids: for a rare word the database cannot know that few cases match an IN list of
    its hashes, and walked the whole list in order looking for them (2.7 s at 100,000 cases,
    measured). One word is read from the word index (organisation, digest, case). Several
    words are read from the pair index (blind_index.pair_digests: two typed words in one
    range of hashes, however common each word is alone), each case found there then checked
    for every typed word by its word hashes (a second look-up): reading each common word's
    cases and intersecting them cost what the caseload holds (107 ms at 100,000 cases,
    measured). Past NAME_MATCH_IDS the page query tests the words itself, walking the list
    in order: so many matches fill a page quickly.

    A case whose whole name is the query has every word of it, so it is among these; no second
    look-up by the whole name's hash is needed."""
    groups = blind_index.query_groups(query)
    if not groups:
        return []
    words = MemberNameWord.objects.filter(organisation_id=advisor.organisation_id)
    if len(groups) == 1:
        found = words.filter(digest__in=groups[0])
    else:
        found = MemberNamePair.objects.filter(
            organisation_id=advisor.organisation_id, digest__in=blind_index.query_pairs(query)
        )
    ids = list(
        found.order_by().values_list("advisor_case_id", flat=True).distinct()[: NAME_MATCH_IDS + 1]
    )
    if len(ids) <= NAME_MATCH_IDS and len(groups) > 1 and ids:
        # Each case the pairs found, checked for every typed word: its word hashes read by
        # case (a second look-up, from the ids: as one query with the pair look-up, the
        # database read every case of each common word to check a few, measured).
        has_word = {
            f"word{i}": Count("id", filter=Q(digest__in=group)) for i, group in enumerate(groups)
        }
        ids = list(
            words.filter(advisor_case_id__in=ids, digest__in=set().union(*groups))
            .order_by()
            .values("advisor_case_id")
            .annotate(**has_word)
            .filter(**{f"{name}__gt": 0 for name in has_word})
            .values_list("advisor_case_id", flat=True)
        )
    if len(ids) <= NAME_MATCH_IDS:
        return [cases.filter(id__in=sorted(ids))] if ids else []
    # Common words: the list walked in order, stopping at a full page.
    matching = cases
    for group in groups:
        matching = matching.filter(id__in=words.filter(digest__in=group).values("advisor_case_id"))
    return [matching]


def _after(cases: QuerySet, cursor: Cursor | None) -> QuerySet:
    """The cases after the cursor in list order, as one range of the list indexes: (LIST_KEY,
    id) > the cursor's, written so the index range starts at the cursor."""
    cases = cases.annotate(list_key=LIST_KEY)
    if cursor is None:
        return cases
    key = cursor.next_deadline or NO_DEADLINE
    return cases.filter(list_key__gte=key).filter(Q(list_key__gt=key) | Q(id__gt=cursor.id))


def _page_rows(parts: list[QuerySet], cursor: Cursor | None, limit: int) -> list[tuple]:
    """The next `limit` cases after the cursor, in list order, from all of `parts` (one for a
    plain list; a search has one per way to match), each as the values the list shows.

    One query per part, each with its own LIMIT and the page's columns (a UNION would have to
    collect and sort every match of every part first); merged here, a case matching twice
    counted once. The notes count is a subquery per row returned (PostgreSQL computes it after
    the LIMIT). The same queries on every page, whatever the caseload."""
    notes = (
        CaseNote.objects.filter(advisor_case=OuterRef("pk"))
        .order_by()
        .values("advisor_case")
        .annotate(n=Count("id"))
        .values("n")
    )
    found: dict[int, tuple] = {}
    for part in parts:
        rows = (
            _after(part, cursor)
            .annotate(notes_count=Coalesce(Subquery(notes, output_field=IntegerField()), 0))
            .annotate(case_key_enc=case_key())
            .order_by("list_key", "id")
            .values_list(*_ROW)[:limit]
        )
        found.update((row[0], row) for row in rows)
    return sorted(found.values(), key=lambda row: (row[1] or NO_DEADLINE, row[0]))[:limit]


_ROW = (
    "id",
    "next_deadline",
    "case_id",
    "reference",
    "member_name_enc",
    "status",
    "advisor__user__username",
    "notes_count",
    "next_deadline_enc",
    "case_key_enc",
)


def case_page(
    advisor: Advisor, *, scope: str, status: str, query: str, cursor: Cursor | None
) -> CasePage:
    """One page of the case list: a few queries, however many cases there are."""
    base = scoped_cases(advisor, scope=scope)
    counts = status_counts(advisor, scope=scope)
    cases = base.filter(status=status) if status else base
    # A NUL character cannot be in a PostgreSQL text (it was a 500); no name or reference has one.
    query = query.replace("\x00", "").strip()
    if query:
        # Any part of the reference, through the trigram index (PostgreSQL), which needs three
        # characters; a shorter query finds the reference that is exactly it, so "de" does not
        # scan every reference of the organisation.
        if len(query) >= REFERENCE_PART_MIN:
            by_reference = cases.filter(reference__icontains=query)
        else:
            by_reference = cases.filter(reference__iexact=query)
        parts = [by_reference, *name_matches(advisor, cases, query)]
    else:
        parts = [cases]
    records = _page_rows(parts, cursor, PAGE_SIZE + 1)
    more = len(records) > PAGE_SIZE
    rows = case_rows(records[:PAGE_SIZE])
    next_cursor = None
    if more:
        next_cursor = Cursor(rows[-1]["next_deadline"], rows[-1]["id"])
    return CasePage(rows=rows, next_cursor=next_cursor, counts=counts)


def case_rows(records: list[tuple]) -> list[dict[str, Any]]:
    """What the list prints of each case (values in the order of _ROW): plain values, not model
    instances, with the text already made, so rendering a page is printing strings. Per row
    shown, the case's key is unwrapped once and opens the member name and the exact deadline;
    nothing else on the page is decrypted."""
    today = timezone.localdate()
    statuses = {value: str(label) for value, label in AdvisorCase.Status.choices}
    # The link to each case: reversed once (in the current language), the id put in per row.
    placeholder = str(uuid.UUID(int=0))
    link = reverse("advisors:case", kwargs={"case_id": placeholder})
    notes_text: dict[int, str] = {}
    rows = []
    for record in records:
        pk, week, case_id, reference, name_enc, status, username, n_notes, due_enc, key = record
        box = case_box(key) if key else None
        deadline, _milestone = open_deadline(box, due_enc) if box else (None, "")
        if n_notes and n_notes not in notes_text:
            notes_text[n_notes] = ngettext("%(counter)s note", "%(counter)s notes", n_notes) % {
                "counter": n_notes
            }
        rows.append(
            {
                "id": pk,
                "next_deadline": week,  # the list's sort key (the cursor)
                "url": link.replace(placeholder, str(case_id)),
                "name": box.decrypt(name_enc).decode() if name_enc and box else "",
                "reference": reference,
                "advisor": username,
                "deadline": deadline.strftime("%d-%m-%Y") if deadline else "",
                "late": deadline is not None and deadline < today,
                "status": statuses.get(status, status),
                "notes": notes_text.get(n_notes, ""),
            }
        )
    return rows


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
        # at most 17 digits of microseconds (up to the year 5138): a longer time made
        # datetime overflow, a 500
        match = re.match(r"^(\d{1,17})\.(\d{1,18})$", text or "")
        return cls(int(match[1]), int(match[2])) if match else None


@dataclass
class AuditPage:
    events: list[dict[str, Any]]  # audit_rows: what the log shows of each event, ready to print
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
    # A NUL character cannot be in a PostgreSQL text (it was a 500); no reference has one.
    if case := case.replace("\x00", "").strip():
        try:
            events = events.filter(case_id=uuid.UUID(case))
        except ValueError:
            events = events.filter(reference=case)
    if cursor is not None:
        at = _from_us(cursor.at_us)
        events = events.filter(at__lte=at).filter(Q(at__lt=at) | Q(id__lt=cursor.id))
    records = list(
        events.order_by("-at", "-id").values_list(
            "id", "at", "actor__username", "action", "reference", "case_id"
        )[: AUDIT_PAGE_SIZE + 1]
    )
    more = len(records) > AUDIT_PAGE_SIZE
    records = records[:AUDIT_PAGE_SIZE]
    next_cursor = AuditCursor(_to_us(records[-1][1]), records[-1][0]) if more else None
    return AuditPage(events=audit_rows(records), next_cursor=next_cursor)


def audit_rows(records: list[tuple]) -> list[dict[str, Any]]:
    """What the log prints of each event: plain values with the text already made (the time in
    the site's time zone, the action in the current language)."""
    zone = timezone.get_current_timezone()
    actions = {value: str(label) for value, label in AuditEvent.Action.choices}
    return [
        {
            "at": at.astimezone(zone).strftime("%d-%m-%Y %H:%M:%S"),
            "actor": username,
            "action": actions.get(action, action),
            "case": reference or str(case_id),
        }
        for _pk, at, username, action, reference, case_id in records
    ]
