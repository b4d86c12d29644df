"""The employer's objection (bezwaarschrift) to UWV against a wage sanction, with the decision
date, and the request to shorten it beside it (Awb 6:7; domain §10 [AU])."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, day, fixed, to_add
from decision_aid.routing.deadlines import plus
from decision_aid.routing.weeks import OBJECTION_WEEKS

SUBJECT_DATED = _("Objection (bezwaarschrift) to the wage sanction decision of %(date)s")
TO_ENCLOSE = (
    _("A copy of UWV's decision on the wage sanction"),
    _("The re-integration report (re-integratieverslag) and the plan of action"),
    _("What shows the repair: new plan, advice of the company doctor, new reports"),
)
DEADLINE_DATED = _(
    "By %(date)s at the latest: 6 weeks after the decision of %(decided)s (article 6:7 General "
    "Administrative Law Act). A late objection is usually not dealt with."
)


def fields(answers: Mapping[str, Any]) -> frozenset[str]:
    """UWV finds the employer's file by its payroll tax number (loonheffingennummer)."""
    # the objection is made once the decision's date is known (its 6 weeks run from it)
    sanctioned = (
        answers.get("role") == "employer"
        and answers.get("wage_sanction") == "yes"
        and bool(answers.get("sanction_decided_on"))
    )
    return frozenset({"payroll_tax_number"}) if sanctioned else frozenset()


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    decided = situation.get("sanction_decided_on")
    ctx["decided_on"] = day(decided)
    ctx["objection_by"] = (
        day(plus(date.fromisoformat(decided), timedelta(weeks=OBJECTION_WEEKS))) if decided else ""
    )
    if decided:
        ctx["title"] = str(SUBJECT_DATED) % {"date": ctx["decided_on"]}
    ctx["to_enclose"] = to_add(TO_ENCLOSE)


def dated_deadline(ctx: dict[str, Any]) -> str:
    if not ctx.get("objection_by"):
        return ""
    return str(DEADLINE_DATED) % {"date": ctx["objection_by"], "decided": ctx["decided_on"]}


KIND = LetterKind(
    key="sanction_objection",
    order=100,
    title=_("Objection to the wage sanction"),
    purpose=_(
        "A letter to UWV: your objection (bezwaar) to the wage sanction, and beside it the "
        "request to shorten it. It must reach UWV within 6 weeks of the decision."
    ),
    subject=_("Objection (bezwaarschrift) to the wage sanction decision"),
    recipient=fixed("uwv"),
    own_words_guidance=_(
        "Write why UWV's decision is wrong, point by point. For example: The plan of action was "
        "revised every 6 weeks; the reports of 1 March and 12 April show this."
    ),
    own_words_heading=_("The reasons for the objection"),
    own_words_heading_employer=_("The reasons for our objection"),
    file_stem={"nl": "bezwaar-loonsanctie", "en": "objection-wage-sanction"},
    send=SendTexts(
        where=_(
            "UWV, at the address for objections in the decision letter (or through the employer "
            "portal, if the decision says so). Send it by registered post or keep the proof of "
            "sending."
        ),
        answer=_(
            "UWV confirms the objection and decides on it in writing; it may invite you to "
            "explain. On the shortening request UWV decides in about 3 weeks; the sanction then "
            "ends 6 weeks after that decision."
        ),
        deadline=_(
            "Within 6 weeks of the date of the decision (article 6:7 General Administrative Law "
            "Act). A late objection is usually not dealt with."
        ),
    ),
    fields=fields,
    build=build,
    first_letter=True,
    needs_own_words=True,
    dated_deadline=dated_deadline,
)
