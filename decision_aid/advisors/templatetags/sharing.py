"""The member's "Samen met mijn adviseur" panel on the wizard and draft pages."""

from __future__ import annotations

from typing import Any

from django import template

from decision_aid.advisors.poll_token import member_ticket
from decision_aid.advisors.sharing import share_status
from decision_aid.cases.selectors import owns_case

register = template.Library()


def _own_words_by_advisor(case: Any) -> str:
    """The member's own words for the letter, when the advisor typed them last (the call's
    stamps): shown to the member, who signs the letter they go into."""
    from decision_aid.casefile import live

    state = case.wizard_state or {}
    if "own_view" not in live.last_changes(state, by=live.ADVISOR):
        return ""
    details = (state.get("step_data") or {}).get("details") or {}
    return str((details.get("details-own_view") or [""])[0])


@register.simple_tag
def union_copy(case: Any) -> str:
    """The organisation that holds a copy of the member's case (kept after a call, shared now,
    or its intake), or "": the delete page says what happens to that copy."""
    from decision_aid.advisors.models import AdvisorCase

    row = AdvisorCase.objects.filter(case_id=case.pk).values_list("organisation__name").first()
    return row[0] if row else ""


@register.inclusion_tag("includes/share_panel.html", takes_context=True)
def share_panel(context: Any, part: str = "active") -> dict[str, Any]:
    """Only for the member's own browser (an advisor looking at these pages sees none). No
    query for a case that was never shared (Case.sharing).

    ``part="active"`` is the open panel while a code, a call or a kept case is running (shown
    above the page's folded tools); ``part="start"`` is only the "Together with my advisor"
    button, inside the folded "Continue later" tools, so what repeats on every page is one
    line on a phone until it is needed."""
    request = context.get("request")
    case = context.get("case")
    if case is None or request is None or not owns_case(request, case.pk):
        return {"show": False}
    status = share_status(case)
    if (part == "start") == bool(status.state):
        return {"show": False}
    role = context.get("person_role") or context.get("feedback_role")
    if role == "employer" and not status.state:
        # "Calling your union?" is for a member; an employer has no union advisor to share with
        return {"show": False}
    return {
        "show": True,
        "part": part,
        "case": case,
        "status": status,
        "advisor_words": _own_words_by_advisor(case) if status.state in ("live", "kept") else "",
        # the poll's ticket (advisors.poll_token), only where live.js polls
        "poll_ticket": member_ticket(case.pk) if status.state in ("code", "live") else "",
        "here": request.get_full_path(),
        # a question page: the start button sends that page's form first (wizard.views)
        "page_form": context.get("language_switch_form") or "",
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }


@register.simple_tag(takes_context=True)
def share_offered(context: Any) -> bool:
    """Whether the folded tools hold the "Together with my advisor" button (their title says so)."""
    return bool(share_panel(context, "start").get("show"))
