"""The copy of the first letters in a money dispute (domain.md §10), merged into texts.py.

- ``wage_protest``: the employee protests in writing against a stop, cut or suspension and asks
  payment by a date;
- ``pay_notice``: the employer tells the employee at once and in writing of a suspension or stop,
  its reason and what ends it (domain §5 [O]);
- ``sanction_objection``: the employer's objection (bezwaarschrift) to UWV against a wage
  sanction, with the decision date, and the shortening request beside it (Awb 6:7; [AU]).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

KINDS = ("wage_protest", "pay_notice", "sanction_objection")

DOCUMENT_TITLES = {
    "wage_protest": _("Written claim for the pay"),
    "pay_notice": _("Notice of a wage stop or suspension"),
    "sanction_objection": _("Objection to the wage sanction"),
}

DOCUMENT_PURPOSES = {
    "wage_protest": _(
        "A letter to the employer: you do not agree, and you ask for the missing pay by a date. "
        "Send it yourself, today."
    ),
    "pay_notice": _(
        "A letter to your employee: why the pay is stopped or suspended and what ends it. The "
        "law wants this at once and in writing."
    ),
    "sanction_objection": _(
        "A letter to UWV: your objection (bezwaar) to the wage sanction, and beside it the "
        "request to shorten it. It must reach UWV within 6 weeks of the decision."
    ),
}

OWN_WORDS_GUIDANCE = {
    "wage_protest": _(
        "Write what is missing and since when, without anything about your illness. For "
        "example: Since 1 March I get 70 percent, but article 8 of the cao says 100 percent in "
        "the first year."
    ),
    "pay_notice": _(
        "Write what the employee did not do and what ends it, without anything medical. For "
        "example: You did not come to the company doctor on 3 and 10 March. Make a new "
        "appointment and go to it."
    ),
    "sanction_objection": _(
        "Write why UWV's decision is wrong, point by point. For example: The plan of action was "
        "revised every 6 weeks; the reports of 1 March and 12 April show this."
    ),
}

OWN_WORDS_HEADINGS = {
    "wage_protest": _("What is missing, in my own words"),
    "pay_notice": _("The rule or agreement that was not followed"),
    "sanction_objection": _("The reasons for the objection"),
}

OWN_WORDS_HEADINGS_EMPLOYER = {
    "pay_notice": _("The rule or agreement you did not follow"),
    "sanction_objection": _("The reasons for our objection"),
}

LETTER_SUBJECTS = {
    "wage_protest": _("Claim for payment of my wage during sickness"),
    "pay_notice": _("Your wage during sickness"),
    "sanction_objection": _("Objection (bezwaarschrift) to the wage sanction decision"),
}

SANCTION_OBJECTION_SUBJECT_DATED = _(
    "Objection (bezwaarschrift) to the wage sanction decision of %(date)s"
)

#: The subject says what happened to the pay, when the wizard knows it.
WAGE_PROTEST_SUBJECTS = {
    "stopped": _("Protest against stopping my wage, and claim for payment"),
    "withheld": _("Protest against holding back my wage, and claim for payment"),
    "cut": _("Claim for the full wage during sickness"),
    "refused": _("Claim for payment of my wage during sickness"),
}
PAY_NOTICE_SUBJECTS = {
    "stopped": _("Notice: your wage is stopped (wage stop)"),
    "withheld": _("Notice: your wage is held back (suspended)"),
}

SEND_WHERE = {
    "wage_protest": _(
        "Send it to the employer by e-mail and by registered post (aangetekend), or hand it over "
        "and ask for a signed copy. Keep a copy and the proof of sending."
    ),
    "pay_notice": _(
        "Give it to the employee today, by e-mail and by post. Keep a copy with the date it was "
        "sent. Send a copy to the company doctor only if the notice is about going to them."
    ),
    "sanction_objection": _(
        "UWV, at the address for objections in the decision letter (or through the employer "
        "portal, if the decision says so). Send it by registered post or keep the proof of "
        "sending."
    ),
}
SEND_ANSWER = {
    "wage_protest": _(
        "The letter asks for payment by the date in it. No payment and no good answer by then? "
        "Go to a legal helper with this letter and your pay slips."
    ),
    "pay_notice": _(
        "Once the employee does what was asked, the wage stop or the suspension ends. After a "
        "suspension you pay the held-back wage; the wage over a wage stop is not paid. Write "
        "down when that happened."
    ),
    "sanction_objection": _(
        "UWV confirms the objection and decides on it in writing; it may invite you to explain. "
        "On the shortening request UWV decides in about 3 weeks; the sanction then ends 6 "
        "weeks after that decision."
    ),
}
SEND_DEADLINE = {
    "wage_protest": _("Today: the sooner you protest, the clearer it is that you do not agree."),
    "pay_notice": _(
        "At once: the law wants the employee told promptly and in writing. Without it, a judge "
        "may order the wage paid."
    ),
    "sanction_objection": _(
        "Within 6 weeks of the date of the decision (article 6:7 General Administrative Law "
        "Act). A late objection is usually not dealt with."
    ),
}
#: The sheet's deadline with the dates of this case.
SEND_DEADLINE_OBJECTION_DATE = _(
    "By %(date)s at the latest: 6 weeks after the decision of %(decided)s (article 6:7 General "
    "Administrative Law Act). A late objection is usually not dealt with."
)
SEND_DEADLINE_PAY_BY = _(
    "Send it today. The letter asks for payment by %(date)s; keep that date in your diary."
)
SEND_DEADLINE_CONTRACT = _(
    "Before %(date)s, the last day of the temporary contract: after it, there is no expert "
    "opinion or re-integration report between employer and employee any more."
)
RECIPIENT_LABELS = {"uwv_objection": _("UWV (objections)")}

FILE_STEMS = {
    "nl": {
        "wage_protest": "schriftelijke-eis-loon",
        "pay_notice": "mededeling-loonstop-of-opschorting",
        "sanction_objection": "bezwaar-loonsanctie",
    },
    "en": {
        "wage_protest": "written-claim-for-pay",
        "pay_notice": "notice-wage-stop-or-suspension",
        "sanction_objection": "objection-wage-sanction",
    },
}

TO_ENCLOSE = {
    "wage_protest": (
        _("Pay slips of the months concerned"),
        _("The article of the contract or cao about pay during sickness (if it is about that)"),
    ),
    "pay_notice": (_("The written rules about sickness (verzuimregels), if they apply"),),
    "sanction_objection": (
        _("A copy of UWV's decision on the wage sanction"),
        _("The re-integration report (re-integratieverslag) and the plan of action"),
        _("What shows the repair: new plan, advice of the company doctor, new reports"),
    ),
}

THIS_WEEK_TITLE = _("This week")
