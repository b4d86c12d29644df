"""Counting without tracking, as the apps that count see it: what happened, said by a view.

``count(request, metric, key, role=...)`` only remembers the event on the request; the insight
app writes it after the response (``insight.counters.InsightMiddleware``). ``record(counts)``
adds counts outside a request (a batch job) through the writer the insight app registers at
start-up. So the wizard, the letters, storage and the advisors count without importing the app
that keeps and shows the counts (docs/architecture.md, the layers); what each metric means is in
docs/privacy.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from decision_aid.routing import advise
from decision_aid.routing.advice import Route
from decision_aid.routing.casefile import CaseFileError, load_case

if TYPE_CHECKING:
    from django.http import HttpRequest

# metric names (the ``metric`` column); keys are codes from the wizard and the engine
PAGE_REACHED = "page_reached"  # key: wizard page name, or "attachments" (first finish)
PAGE_ANSWERED = "page_answered"  # key: wizard page name, the first time it is answered
OUT_OF_SCOPE = "out_of_scope"  # key: the deciding rule (scope_self_employed, ...)
ROUTE = "route"  # key: the recommended route (talk, expert_opinion, ...)
EXPERT_QUESTION = "expert_question"  # key: an expert-opinion question the advice names
LETTER = "letter"  # key: "<kind>.<format>" (expert_opinion.pdf, talk.docx, ...)
SHEET = "sheet"  # key: letter kind of a downloaded sending sheet (PDF)
FIRST_LETTER = "first_letter"  # key: time from start to the case's first letter, a bucket
ATTACHMENT = "attachment"  # key: "<role>.<kind>" (first_opinion.pdf, ...)
RESUME = "resume"  # key: "code" or "file"
DELETION = "deletion"  # key: "person" or "advisor"; "expired" from purge_expired
INTAKE = "intake"  # key: "saved" (an advisor's new case)
FEEDBACK = "feedback"  # key: "<place>.<answer>" (advice.yes, sheet.no, ...)

ROLES = ("employee", "employer", "advisor")

# Start to first letter: coarse buckets only (upper bound in minutes, key)
TIME_BUCKETS: tuple[tuple[int | None, str], ...] = (
    (30, "under_30m"),
    (120, "30m_2h"),
    (24 * 60, "2h_1d"),
    (7 * 24 * 60, "1d_7d"),
    (None, "over_7d"),
)

_ATTR = "_insight_counts"


def time_bucket(minutes: float) -> str:
    for limit, key in TIME_BUCKETS:
        if limit is None or minutes < limit:
            return key
    return TIME_BUCKETS[-1][1]


def clean_role(role: object) -> str:
    return role if role in ROLES else ""  # type: ignore[return-value]


def count(
    request: HttpRequest, metric: str, key: str = "", *, role: object = "", n: int = 1
) -> None:
    """Remember one event of this request; written by the middleware after the response."""
    counts: Counter = request.__dict__.setdefault(_ATTR, Counter())
    counts[(metric, str(key)[:64], clean_role(role))] += n


def pending(request: HttpRequest) -> Counter:
    return request.__dict__.get(_ATTR) or Counter()


_writers: list[Callable[[Counter], None]] = []


def register_writer(writer: Callable[[Counter], None]) -> None:
    """Called once by the insight app: how counts made outside a request are written."""
    if writer not in _writers:
        _writers.append(writer)


def record(counts: Counter) -> None:
    """Counts of a batch job (no request, no language): written now by the registered writer."""
    for writer in _writers:
        writer(counts)


def advice_counts(case_file: dict[str, Any]) -> list[tuple[str, str]]:
    try:
        advice = advise(load_case(case_file))
    except CaseFileError:
        return []
    if advice.primary.route is Route.OUT_OF_SCOPE:
        rule = advice.fired_rules[0] if advice.fired_rules else ""
        return [(OUT_OF_SCOPE, rule)]
    found = [(ROUTE, str(advice.primary.route))]
    found += [(EXPERT_QUESTION, str(q)) for q in advice.expert_opinion_questions]
    return found
