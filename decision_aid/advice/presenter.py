"""The advice page's prepared context: the engine's advice, translated, with its sources.

Templates receive this dict and hold no rules.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from decision_aid.advice.timeline_svg import timeline_figure
from decision_aid.content import citation_label, get_source
from decision_aid.routing import advise
from decision_aid.routing.advice import advice_to_dict
from decision_aid.routing.casefile import load_case


def source_view(source_id: str) -> dict[str, Any]:
    source = get_source(source_id)
    english = (get_language() or "nl").startswith("en")
    anchor = "bron-" + "".join(ch if ch.isalnum() else "-" for ch in source_id).strip("-")
    return {
        "id": source_id,
        "label": citation_label(source_id, english=english),
        "anchor": anchor,
        "title": source.title_en if english else source.title_nl,
        "passage": source.passage_en if english else source.passage_nl,
        "url": source.url,
        "href": reverse("pages:sources") + "#" + anchor,
    }


def advice_context(case_file: dict[str, Any]) -> dict[str, Any]:
    advice = advice_to_dict(advise(load_case(case_file)), translate=gettext)
    cited: dict[str, dict[str, Any]] = {}

    def link(reasons: list[dict[str, Any]]) -> None:
        for reason in reasons:
            views = []
            for sid in reason.get("sources", []):
                cited.setdefault(sid, source_view(sid))
                views.append(cited[sid])
            reason["source_views"] = views

    for block in (advice["primary"], *advice["alternatives"], *advice["not_recommended"]):
        link(block["reasons"])
    for cost in advice.get("costs", []):
        link([cost])
    for block in (advice["primary"], *advice["alternatives"], *advice["not_recommended"]):
        block["title"] = route_title(block["route"], advice.get("requester"))
    for milestone in advice["timeline"].get("milestones", []):
        milestone["status_label"] = STATUS_LABELS.get(milestone["status"], milestone["status"])
    advice["cited_sources"] = list(cited.values())
    # the phone's first two screens: the recommendation, one reason and the letter button;
    # the other reasons are folded
    reasons = advice["primary"]["reasons"]
    advice["short_why"], advice["more_why"] = reasons[:SHORT_WHY], reasons[SHORT_WHY:]
    figure = None if advice.get("out_of_scope") else timeline_figure(advice)
    advice["timeline_svg"], advice["timeline_text"] = figure or ("", "")
    advice["rule_set_label"] = rule_set_label(advice.get("rule_set"))
    return advice


def rule_set_label(rule_set: dict[str, str] | None) -> str:
    """ "Rules version 3, sources of 30-11-2026": on the advice page and in every PDF footer."""
    if not rule_set:
        return ""
    day = date.fromisoformat(rule_set["sources_date"]).strftime("%d-%m-%Y")
    return gettext("Rules version %(version)s, sources of %(date)s") % {
        "version": rule_set["version"],
        "date": day,
    }


SHORT_WHY = 1

ROUTE_TITLES = {
    "talk": _("Talk about it with the employer or the company doctor"),
    "mediation": _("Ask a mediator for help"),
    "expert_opinion": _("Ask for an expert opinion (deskundigenoordeel)"),
    "second_opinion": _("Ask for a second opinion from another company doctor"),
    "legal_advice": _("Get legal advice"),
    "court": _("Go to the sub-district court (kantonrechter)"),
    "complaint": _("Make a complaint about how the company doctor acted"),
    "objection": _("Object to the wage sanction and ask UWV to shorten it"),
    "out_of_scope": _("This aid does not fit your situation"),
}

#: Titles that name the other party: an employer talks with the employee, not with itself.
EMPLOYER_ROUTE_TITLES = {
    "talk": _("Talk about it with the employee or the company doctor"),
}


def route_title(route: str, requester: str | None = None) -> str:
    """The route's title for whoever asks (the JSON's ``requester``: employee or employer)."""
    if requester == "employer" and route in EMPLOYER_ROUTE_TITLES:
        return str(EMPLOYER_ROUTE_TITLES[route])
    return str(ROUTE_TITLES.get(route, route))


STATUS_LABELS = {
    "past": _("past"),
    "due": _("now"),
    "coming": _("coming"),
}
