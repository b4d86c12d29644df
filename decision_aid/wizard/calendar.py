"""The case's dated deadlines as an .ics calendar: made when asked, stored nowhere.

An event names the step ("Laatste dag bezwaar loonsanctie"), never the health matter, and
carries no name or case id: a calendar is often shared or synced to other services.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from decision_aid.casefile.answers import build_case_file
from decision_aid.cases.access import Action as CaseAction
from decision_aid.cases.access import case_for
from decision_aid.routing import advise
from decision_aid.routing.advice import Action
from decision_aid.routing.casefile import load_case
from decision_aid.routing.deadlines import plus


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545 §3.1)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def ics(actions: tuple[Action, ...], *, now: datetime | None = None) -> str:
    """An iCalendar (RFC 5545) file with one all-day event per deadline."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Beslishulp re-integratie//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for action in actions:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{action.key}-{action.due:%Y%m%d}@beslishulp.invalid",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{action.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{plus(action.due, timedelta(days=1)):%Y%m%d}",
            f"SUMMARY:{_escape(action.label.render(gettext))}",
            f"DESCRIPTION:{_escape(action.text.render(gettext))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def case_deadlines(case_file: dict[str, Any]) -> tuple[Action, ...]:
    return advise(load_case(case_file, today=timezone.localdate())).deadlines


@require_GET
def calendar_view(request: HttpRequest, case_id: Any) -> HttpResponse:
    from decision_aid.wizard.summary import cleaned_from_state

    case = case_for(request, case_id, CaseAction.VIEW_ANSWERS)  # the member's own dates
    case_file = case.case_file
    if not case_file:
        cleaned, _pages, complete = cleaned_from_state(case.wizard_state)
        if not complete:
            raise Http404
        case_file = build_case_file(
            cleaned, as_of=timezone.localdate(), language=request.LANGUAGE_CODE
        )
    else:
        case_file = {**case_file, "as_of": timezone.localdate().isoformat()}
    body = ics(case_deadlines(case_file))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="termijnen.ics"'
    response["Cache-Control"] = "no-store"
    return response
