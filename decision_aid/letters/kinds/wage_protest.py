"""The employee's written claim for the pay: a protest against a stop, cut or suspension that
asks payment by a date (domain §10)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, day, fixed, to_add, when_wage_stopped
from decision_aid.routing.deadlines import plus
from decision_aid.routing.weeks import PAY_BY_DAYS

#: The subject says what happened to the pay, when the wizard knows it.
SUBJECTS = {
    "stopped": _("Protest against stopping my wage, and claim for payment"),
    "withheld": _("Protest against holding back my wage, and claim for payment"),
    "cut": _("Claim for the full wage during sickness"),
    "refused": _("Claim for payment of my wage during sickness"),
}
TO_ENCLOSE = (
    _("Pay slips of the months concerned"),
    _("The article of the contract or cao about pay during sickness (if it is about that)"),
)
PAY_BY = _("Send it today. The letter asks for payment by %(date)s; keep that date in your diary.")


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    wage = situation.get("wage") or ""
    ctx["wage"] = wage
    ctx["title"] = str(SUBJECTS.get(wage, KIND.subject))
    ctx["addressee"] = ctx["employer"]
    ctx["pay_by"] = day(plus(date.fromisoformat(ctx["advice_date"]), timedelta(days=PAY_BY_DAYS)))
    ctx["pregnancy"] = situation.get("pregnancy_related") is True
    ctx["to_enclose"] = to_add(TO_ENCLOSE)


def dated_deadline(ctx: dict[str, Any]) -> str:
    return str(PAY_BY) % {"date": ctx["pay_by"]}


KIND = LetterKind(
    key="wage_protest",
    order=80,
    title=_("Written claim for the pay"),
    purpose=_(
        "A letter to the employer: you do not agree, and you ask for the missing pay by a date. "
        "Send it yourself, today."
    ),
    subject=_("Claim for payment of my wage during sickness"),
    recipient=fixed("employer"),
    own_words_guidance=_(
        "Write what is missing and since when, without anything about your illness. For "
        "example: Since 1 March I get 70 percent, but article 8 of the cao says 100 percent in "
        "the first year."
    ),
    own_words_heading=_("What is missing, in my own words"),
    own_words_heading_employer=None,
    file_stem={"nl": "schriftelijke-eis-loon", "en": "written-claim-for-pay"},
    send=SendTexts(
        where=_(
            "Send it to the employer by e-mail and by registered post (aangetekend), or hand it "
            "over and ask for a signed copy. Keep a copy and the proof of sending."
        ),
        answer=_(
            "The letter asks for payment by the date in it. No payment and no good answer by "
            "then? Go to a legal helper with this letter and your pay slips."
        ),
        deadline=_("Today: the sooner you protest, the clearer it is that you do not agree."),
    ),
    fields=when_wage_stopped("wage_stopped_on"),
    build=build,
    reaches_employer=True,
    first_letter=True,
    dated_deadline=dated_deadline,
)
