"""The employer's notice to the employee, at once and in writing, of a wage stop or suspension:
its reason and what ends it (domain §5 [O])."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, fixed, to_add, when_wage_stopped

SUBJECTS = {
    "stopped": _("Notice: your wage is stopped (wage stop)"),
    "withheld": _("Notice: your wage is held back (suspended)"),
}


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    wage = situation.get("wage") or ""
    ctx["wage"] = wage if wage in ("stopped", "withheld") else "withheld"
    ctx["title"] = str(SUBJECTS[ctx["wage"]])
    ctx["addressee"] = ctx["employee"]
    ctx["to_enclose"] = to_add(
        [_("The written rules about sickness (verzuimregels), if they apply")]
    )


KIND = LetterKind(
    key="pay_notice",
    order=90,
    title=_("Notice of a wage stop or suspension"),
    purpose=_(
        "A letter to your employee: why the pay is stopped or suspended and what ends it. The "
        "law wants this at once and in writing."
    ),
    subject=_("Your wage during sickness"),
    recipient=fixed("employee"),
    own_words_guidance=_(
        "Write what the employee did not do and what ends it, without anything medical. For "
        "example: You did not come to the company doctor on 3 and 10 March. Make a new "
        "appointment and go to it."
    ),
    own_words_heading=_("The rule or agreement that was not followed"),
    own_words_heading_employer=_("The rule or agreement you did not follow"),
    file_stem={"nl": "mededeling-loonstop-of-opschorting", "en": "notice-wage-stop-or-suspension"},
    send=SendTexts(
        where=_(
            "Give it to the employee today, by e-mail and by post. Keep a copy with the date it "
            "was sent. Send a copy to the company doctor only if the notice is about going to "
            "them."
        ),
        answer=_(
            "Once the employee does what was asked, the wage stop or the suspension ends. After "
            "a suspension you pay the held-back wage; the wage over a wage stop is not paid. "
            "Write down when that happened."
        ),
        deadline=_(
            "At once: the law wants the employee told promptly and in writing. Without it, a "
            "judge may order the wage paid."
        ),
    ),
    fields=when_wage_stopped("wage_stopped_on"),
    build=build,
    first_letter=True,
    needs_own_words=True,
)
