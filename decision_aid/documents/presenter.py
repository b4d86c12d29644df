"""One function builds each document's context; the HTML preview and the PDF both use it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from decision_aid.cases.models import Case
from decision_aid.wizard.presenter import ROUTE_TITLES, advice_context

DOCUMENT_TITLES = {
    "talk": _("Preparation for a conversation"),
    "mediation": _("Proposal for mediation"),
    "expert_opinion": _("Request for an expert opinion (deskundigenoordeel)"),
    "second_opinion": _("Request for a second opinion"),
    "legal_advice": _("Case summary for legal advice"),
    "court": _("Draft summary of a wage claim"),
}


@dataclass(frozen=True)
class Enclosure:
    title: str
    pages: int | None


def _d(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d-%m-%Y") if value else "—"


def document_context(case: Case) -> dict[str, Any]:
    case_file = case.case_file
    situation = case_file["situation"]
    parties = case_file.get("parties", {})
    advice = advice_context(case_file)
    route = advice["primary"]["route"]
    role = case_file["role"]
    employee = parties.get("employee", {})
    employer = parties.get("employer", {})
    requester = employer if role == "employer" else employee
    other = employee if role == "employer" else employer
    files = list(case.attachments.all())
    enclosures = [
        Enclosure(title=str(_("Advice of the company doctor (first opinion)")), pages=f.page_count)
        for f in files
    ]
    return {
        "title": DOCUMENT_TITLES.get(route, ROUTE_TITLES.get(route, route)),
        "route": route,
        "role": role,
        "date": timezone.localdate().strftime("%d-%m-%Y"),
        "requester": requester,
        "other_party": other,
        "employee": employee,
        "employer": employer,
        "advisor": parties.get("advisor"),
        "bedrijfsarts": parties.get("bedrijfsarts", {}),
        "own_view": parties.get("own_view", ""),
        "sick_since": _d(situation.get("sick_since")),
        "first_opinion_date": _d(situation.get("first_opinion", {}).get("date")),
        "advice": advice,
        "enclosures": enclosures,
        "first_opinion_pages": sum(f.page_count for f in files),
    }
