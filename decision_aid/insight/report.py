"""The counts as the people who run the aid see them: summed over a period, never per day or
per person, and every count from 1 to 4 shown as "< 5" (docs/privacy.md).

Staff see everything (or one channel); an advisor organisation's lead sees only the counts of
their own organisation's advisors. Templates get this module's prepared context.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from decision_aid.insight import counters as c
from decision_aid.insight.models import Channel, DailyCount, Feedback

PERIODS = (7, 30, 90, 365)
DEFAULT_PERIOD = 30
RECENT_TEXTS = 20


def mask_below() -> int:
    return settings.INSIGHT_MASK_BELOW


def is_masked(n: int) -> bool:
    return 0 < n < mask_below()


def shown(n: int) -> str:
    """A count as shown: 1 to 4 become "< 5" (a small group could be one known person)."""
    return f"< {mask_below()}" if is_masked(n) else str(n)


@dataclass(frozen=True)
class Scope:
    """Whose counts: everything (staff), one channel (staff), or one organisation (its lead)."""

    days: int = DEFAULT_PERIOD
    channel: str = ""  # "", "public" or "advisor"
    organisation: int | None = None  # a lead's organisation

    @classmethod
    def from_query(cls, query: Any, *, organisation: int | None = None) -> Scope:
        try:
            days = int(query.get("days", DEFAULT_PERIOD))
        except (TypeError, ValueError):
            days = DEFAULT_PERIOD
        if days not in PERIODS:
            days = DEFAULT_PERIOD
        channel = query.get("channel", "")
        if organisation is not None or channel not in Channel.values:
            channel = ""
        return cls(days=days, channel=channel, organisation=organisation)

    @property
    def last_day(self) -> date:
        return timezone.localdate()

    @property
    def first_day(self) -> date:
        return self.last_day - timedelta(days=self.days - 1)

    def counts(self):
        rows = DailyCount.objects.filter(day__gte=self.first_day, day__lte=self.last_day)
        if self.organisation is not None:
            rows = rows.filter(organisation=self.organisation, channel=Channel.ADVISOR)
        elif self.channel:
            rows = rows.filter(channel=self.channel)
        return rows


def _funnel_pages() -> list[tuple[str, str]]:
    from decision_aid.wizard.steps import STEPS

    pages = [(step.name, str(step.form.title)) for step in STEPS]
    pages.append(("attachments", _("Add the advice of the company doctor")))
    return pages


@dataclass
class FunnelRow:
    key: str
    label: str
    reached: int
    answered: int | None  # None: a page that is reached only (the letter)
    biggest_drop: bool = False

    @property
    def left(self) -> int:
        return max(self.reached - (self.answered or 0), 0) if self.answered is not None else 0

    @property
    def reached_shown(self) -> str:
        return shown(self.reached)

    @property
    def answered_shown(self) -> str:
        return "" if self.answered is None else shown(self.answered)

    @property
    def left_shown(self) -> str:
        return "" if self.answered is None else shown(self.left)


def funnel(totals: dict[tuple[str, str], int]) -> list[FunnelRow]:
    """The wizard's pages in order, reached and answered, then the first letter downloaded;
    pages nobody reached are left out. The page where most people stopped is marked."""
    rows = []
    for key, label in _funnel_pages():
        reached = totals.get((c.PAGE_REACHED, key), 0)
        answered = totals.get((c.PAGE_ANSWERED, key), 0)
        if not reached and not answered:
            continue
        # the attachments page has no answer of its own: going on is downloading a letter
        rows.append(FunnelRow(key, label, reached, None if key == "attachments" else answered))
    letters = sum(n for (metric, _key), n in totals.items() if metric == c.FIRST_LETTER)
    if letters:
        rows.append(FunnelRow("first_letter", _("First letter downloaded"), letters, None))
    answerable = [r for r in rows if r.answered is not None and r.left > 0]
    if answerable:
        max(answerable, key=lambda r: r.left).biggest_drop = True
    return rows


@dataclass
class Table:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (label, shown count)


def _route_labels() -> dict[str, Any]:
    from decision_aid.advice.presenter import ROUTE_TITLES

    return {k: v for k, v in ROUTE_TITLES.items() if k != "out_of_scope"}


TIME_LABELS = {
    "under_30m": gettext_lazy("under 30 minutes"),
    "30m_2h": gettext_lazy("30 minutes to 2 hours"),
    "2h_1d": gettext_lazy("2 hours to 1 day"),
    "1d_7d": gettext_lazy("1 to 7 days"),
    "over_7d": gettext_lazy("more than 7 days"),
}
ANSWER_LABELS = dict(Feedback.Answer.choices)


OUT_OF_SCOPE_LABELS = {
    "scope_self_employed": gettext_lazy("Self-employed: no employment contract"),
    "scope_no_employer": gettext_lazy("No employer"),
    "scope_contract_ended": gettext_lazy("The contract has ended"),
    "scope_not_sick": gettext_lazy("Not sick (any more)"),
    "scope_past_104_weeks": gettext_lazy("Sick for more than 104 weeks"),
}
FORMAT_LABELS = {"pdf": "PDF", "docx": "Word"}
OTHER_LABELS = {
    c.RESUME: {
        "code": gettext_lazy("With the resume code"),
        "file": gettext_lazy("With an answers file"),
    },
    c.DELETION: {
        "person": gettext_lazy("By the person (delete everything)"),
        "advisor": gettext_lazy("By an advisor"),
        "expired": gettext_lazy("Expired (retention ended)"),
    },
    c.INTAKE: {"saved": gettext_lazy("New intakes")},
}


def label_of(metric: str, key: str) -> str:
    """What a count's key means, in the page's language (the code itself when unknown)."""
    from decision_aid.cases.models import Attachment
    from decision_aid.wizard.choices import DISPUTE_CHOICES

    if metric == c.ROUTE or metric == c.SHEET:
        return str(_route_labels().get(key, key))
    if metric == c.OUT_OF_SCOPE:
        return str(OUT_OF_SCOPE_LABELS.get(key, key))
    if metric == c.EXPERT_QUESTION:
        return str(dict(DISPUTE_CHOICES).get(key, key))
    if metric == c.FIRST_LETTER:
        return str(TIME_LABELS.get(key, key))
    if metric == c.LETTER:
        kind, _dot, fmt = key.partition(".")
        return f"{_route_labels().get(kind, kind)} ({FORMAT_LABELS.get(fmt, fmt)})"
    if metric == c.ATTACHMENT:
        role, _dot, kind = key.partition(".")
        roles, kinds = dict(Attachment.Role.choices), dict(Attachment.Kind.choices)
        return f"{roles.get(role, role)}: {kinds.get(kind, kind)}"
    return str(OTHER_LABELS.get(metric, {}).get(key, key))


def _table(title: str, totals: dict[tuple[str, str], int], metric: str) -> Table:
    """One metric's keys, most first (time buckets in their own order), masked."""
    found = sorted(
        ((key, n) for (m, key), n in totals.items() if m == metric and n),
        key=lambda item: (-item[1], item[0]),
    )
    if metric == c.FIRST_LETTER:
        order = list(TIME_LABELS)
        found.sort(key=lambda item: order.index(item[0]) if item[0] in order else len(order))
    return Table(title, [(label_of(metric, key), shown(n)) for key, n in found])


def _weeks(scope: Scope) -> list[date]:
    """The Mondays of the period's weeks, oldest first."""
    first = scope.first_day - timedelta(days=scope.first_day.weekday())
    weeks = []
    while first <= scope.last_day:
        weeks.append(first)
        first += timedelta(days=7)
    return weeks


def routes_over_time(scope: Scope) -> dict[str, Any]:
    """Recommended routes per week (week of Monday), masked like every count."""
    per_week: dict[tuple[date, str], int] = {}
    rows = (
        scope.counts()
        .filter(metric=c.ROUTE)
        .values_list("day", "key")
        .annotate(n=Sum("count"))
        .order_by()
    )
    for day, key, n in rows:
        monday = day - timedelta(days=day.weekday())
        per_week[(monday, key)] = per_week.get((monday, key), 0) + n
    labels = _route_labels()
    routes = [r for r in labels if any(k == r for (_w, k) in per_week)]
    weeks = _weeks(scope)
    return {
        "weeks": weeks,
        "routes": [
            {"label": labels[r], "cells": [shown(per_week.get((w, r), 0)) for w in weeks]}
            for r in routes
        ],
    }


def totals_of(scope: Scope) -> dict[tuple[str, str], int]:
    rows = scope.counts().values_list("metric", "key").annotate(n=Sum("count")).order_by()
    return {(metric, key): n for metric, key, n in rows}


def page_context(scope: Scope, *, staff: bool) -> dict[str, Any]:
    totals = totals_of(scope)
    rows = funnel(totals)
    drop = next((r for r in rows if r.biggest_drop), None)
    feedback = {
        place: [
            (str(ANSWER_LABELS[a]), shown(totals.get((c.FEEDBACK, f"{place}.{a}"), 0)))
            for a in ANSWER_LABELS
        ]
        for place in ("advice", "sheet")
    }
    context = {
        "scope": scope,
        "periods": PERIODS,
        "staff": staff,
        "funnel": rows,
        "drop": drop,
        "routes_over_time": routes_over_time(scope),
        "tables": [
            _table(_("Recommended route"), totals, c.ROUTE),
            _table(_("Out of scope, by reason"), totals, c.OUT_OF_SCOPE),
            _table(_("Expert-opinion questions"), totals, c.EXPERT_QUESTION),
            _table(_("Letters downloaded, by kind and format"), totals, c.LETTER),
            _table(_("Sending sheets downloaded (PDF)"), totals, c.SHEET),
            _table(_("Time from start to first letter"), totals, c.FIRST_LETTER),
            _table(_("Attachments added, by type"), totals, c.ATTACHMENT),
            _table(_("Resumed"), totals, c.RESUME),
            _table(_("Deleted"), totals, c.DELETION),
            _table(_("Advisor intakes saved"), totals, c.INTAKE),
        ],
        "feedback": feedback,
    }
    if staff:
        recent = Feedback.objects.filter(day__gte=scope.first_day).only(
            "day", "language", "place", "answer", "text_enc"
        )[:RECENT_TEXTS]
        context["recent_texts"] = [
            {
                "day": f.day,
                "place": f.get_place_display(),
                "answer": f.get_answer_display(),
                "language": f.language,
                "text": f.text,
            }
            for f in recent
        ]
    return context


CSV_COLUMNS = ("first_day", "last_day", "channel", "language", "role", "metric", "key", "count")


def csv_text(scope: Scope) -> str:
    """The period's counts, summed per channel, language, role, metric and key (never per day),
    counts from 1 to 4 written as "< 5"."""
    rows = (
        scope.counts()
        .values_list("channel", "language", "role", "metric", "key")
        .annotate(n=Sum("count"))
        .order_by("channel", "language", "role", "metric", "key")
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for channel, language, role, metric, key, n in rows:
        writer.writerow(
            [scope.first_day, scope.last_day, channel, language, role, metric, key, shown(n)]
        )
    return out.getvalue()
