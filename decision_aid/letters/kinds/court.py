"""A summary of a possible wage claim before the kantonrechter, for a legal helper (the last
resort; never sent to the court by the person; domain §6)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, fixed, to_add, when_wage_stopped
from decision_aid.letters.texts import YES_NO
from decision_aid.routing.referral import JURIDISCH_LOKET_PHONE

EXPERT_OPINION_STATE = {
    "none": _("not asked for"),
    "requested": _("asked for; waiting for the answer"),
    # the wizard asks "did UWV agree with you?": the letter's writer is the one it favoured or not
    "for_requester": _("given, in my favour"),
    "against_requester": _("given, not in my favour"),
}


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    state = situation.get("expert_opinion")
    ctx["has_expert_opinion"] = state in ("for_requester", "against_requester")
    ctx["expert_opinion_state"] = str(EXPERT_OPINION_STATE.get(state or "", YES_NO[None]))
    uploaded = str(_("Expert opinion (deskundigenoordeel)"))
    ctx["expert_opinion_attached"] = next(
        (e for e in ctx["enclosures"] if e.title.startswith(uploaded)), None
    )
    ctx["to_enclose"] = (
        []
        if ctx["expert_opinion_attached"]
        else to_add([_("Expert opinion (deskundigenoordeel) of UWV or the CAO expert")])
    )
    ctx["to_enclose"] += to_add(
        [
            _("Pay slips and the letter that stopped or held back the wage"),
            _("Employment contract"),
        ]
    )


def send(ctx: dict[str, Any]) -> SendTexts:
    return SendTexts(
        where=str(
            _(
                "Do not send this to the court. Give it to a lawyer, your union or the Juridisch "
                "Loket (%(phone)s). They decide with you whether and how to go to court."
            )
        )
        % {"phone": JURIDISCH_LOKET_PHONE},
        answer=_("Your legal helper tells you what happens next and which deadlines count."),
        deadline=_(
            "A claim for wage has deadlines. Let a legal helper check them now; do not wait for "
            "the answer of the other party."
        ),
    )


KIND = LetterKind(
    key="court",
    order=60,
    title=_("Draft summary of a wage claim"),
    purpose=_("A summary of a possible wage claim. Talk to a legal advisor before you use it."),
    subject=_("Wage claim: summary for a lawyer, the union or the Juridisch Loket"),
    recipient=fixed("legal_helper"),
    own_words_guidance=_(
        "Write what you claim and why. For example: My employer stopped my wage on 1 March, "
        "but UWV says I did enough for my re-integration."
    ),
    own_words_heading=_("The claim, in my own words"),
    own_words_heading_employer=None,
    file_stem={
        "nl": "loonvordering-voor-advocaat-of-juridisch-loket",
        "en": "wage-claim-for-a-lawyer-or-legal-aid",
    },
    send=send,
    fields=when_wage_stopped("wage_stopped_on", "gross_wage"),
    build=build,
    takes_expert_opinion=True,
)
