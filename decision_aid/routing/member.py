"""Advisor mode: a union advisor reads the advice about the member, not about themselves.

The rules speak to the sick person ("Your pay is withheld"). For an advisor those texts are
swapped for ones about "the member" (and "het loon van het lid"), one English msgid each.
"""

from __future__ import annotations

from .advice import Text
from .i18n import gettext_noop as _

#: English msgid of a rule text -> the msgid an advisor reads instead.
ADVISOR_WORDING: dict[str, str] = {
    "Your pay is withheld or stopped, and you have an expert opinion that supports you. With "
    "it, you can claim your pay at the kantonrechter (the court for work conflicts). This is "
    "called a wage claim (loonvordering).": _(
        "The member's pay is withheld or stopped, and the member has an expert opinion that "
        "supports them. With it, the pay can be claimed at the kantonrechter (the court for work "
        "conflicts). This is called a wage claim (loonvordering)."
    ),
    "Your pay is withheld or stopped and you are waiting for the expert opinion. Get legal help "
    "now, so you are ready to claim your pay when the opinion comes.": _(
        "The member's pay is withheld or stopped and the expert opinion is awaited. Prepare the "
        "wage claim now, so it is ready when the opinion comes."
    ),
    "Your pay is withheld or stopped. A judge turns down a claim for your pay if you did not ask "
    "UWV for an expert opinion (deskundigenoordeel) first. So ask for one now.": _(
        "The member's pay is withheld or stopped. A judge turns down a wage claim if the member "
        "did not ask UWV for an expert opinion (deskundigenoordeel) first, unless the unfitness "
        "is not disputed. So let the member ask for one now."
    ),
    "Your pay is withheld or stopped. A judge turns down a claim for your pay if you did not ask "
    "for an expert opinion (deskundigenoordeel) first. Your CAO names its own expert: ask that "
    "expert now.": _(
        "The member's pay is withheld or stopped. A judge turns down a wage claim if the member "
        "did not ask for an expert opinion (deskundigenoordeel) first. The CAO names its own "
        "expert: let the member ask that expert now."
    ),
    "You disagree about whether you can do your own work, and your pay is not in dispute. UWV "
    "only judges that question in a dispute about pay. A second opinion by another bedrijfsarts "
    "is the way to check the medical advice.": _(
        "The member disagrees about whether they can do their own work, and the pay is not in "
        "dispute. UWV only judges that question in a dispute about pay. A second opinion by "
        "another bedrijfsarts is the way to check the medical advice."
    ),
    "You disagree about whether you can do your own work, and your pay is not in dispute. The "
    "expert named in your CAO only judges that question in a dispute about pay. A second "
    "opinion by another bedrijfsarts is the way to check the medical advice.": _(
        "The member disagrees about whether they can do their own work, and the pay is not in "
        "dispute. The expert named in the CAO only judges that question in a dispute about pay. "
        "A second opinion by another bedrijfsarts is the way to check the medical advice."
    ),
    "If the employer stops your pay because you were declared fit, ask UWV at once for an "
    "expert opinion on whether you can do your own work. A judge needs it before you can claim "
    "your pay.": _(
        "If the employer stops the member's pay because they were declared fit, the member asks "
        "UWV at once for an expert opinion on the own work. A judge needs it before the pay can "
        "be claimed."
    ),
    "If the employer stops your pay because you were declared fit, ask the expert named in your "
    "CAO at once for an expert opinion on whether you can do your own work. A judge needs it "
    "before you can claim your pay.": _(
        "If the employer stops the member's pay because they were declared fit, the member asks "
        "the expert named in the CAO at once for an expert opinion on the own work. A judge "
        "needs it before the pay can be claimed."
    ),
    "Your pay is suspended (opgeschort). That is only allowed while you do not follow reasonable "
    "written rules, for example about giving information or going to the bedrijfsarts. Ask the "
    "employer in writing what exactly you must do, and do it: then the suspension ends and the "
    "withheld pay must be paid. An expert opinion, which costs money, is not the first step.": _(
        "The member's pay is suspended (opgeschort). That is only allowed while the member does "
        "not follow reasonable written rules, for example about giving information or going to "
        "the bedrijfsarts. Ask the employer in writing what exactly the member must do, and let "
        "the member do it: then the suspension ends and the withheld pay must be paid. An expert "
        "opinion, which costs money, is not the first step."
    ),
    "Nobody disputes that you are sick: the dispute is only about the pay. That is a plain "
    "claim for wages. An expert opinion is not needed for it, because the law asks for one only "
    "when the sickness itself is disputed. First claim the pay in writing, with a date to pay "
    "by. If the employer does not pay, get legal help; the last step is the kantonrechter (a "
    "fast ruling, kort geding, when it is urgent).": _(
        "Nobody disputes that the member is sick: the dispute is only about the pay. That is a "
        "plain claim for wages; no expert opinion is needed, because the law asks for one only "
        "when the sickness itself is disputed. First the written claim with a date to pay by; "
        "if the employer does not pay, the kantonrechter (kort geding when it is urgent)."
    ),
    "Ask your union for legal help. Unions help their members with conflicts about sickness and "
    "work.": _(
        "You are the member's legal help: the union handles the claim; a union lawyer can take "
        "it to court."
    ),
}


def for_advisor(text: Text) -> Text:
    """The advisor's wording of a rule text (the same text when it speaks to nobody)."""
    msgid = ADVISOR_WORDING.get(text.msgid)
    return text if msgid is None else Text(msgid, text.params)
