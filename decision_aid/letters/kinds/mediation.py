"""The letter to the other party proposing a mediator (voluntary for both; domain §2)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, no_fields


def recipient(role: str, cao_expert: bool) -> str:
    return "employee" if role == "employer" else "employer"


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    ctx["addressee"] = ctx["other_party"]
    ctx["employer_pays_self"] = ctx["requester_is_employer"]


KIND = LetterKind(
    key="mediation",
    order=20,
    title=_("Proposal for mediation"),
    purpose=_("A letter to the other party proposing a mediator. Send it yourself."),
    subject=_("Proposal to ask a mediator for help"),
    recipient=recipient,
    own_words_guidance=_(
        "Write why talking has become hard, without blaming. For example: Since March we only "
        "talk by e-mail and we do not agree on my return to work."
    ),
    own_words_heading=_("Why I propose mediation, in my own words"),
    own_words_heading_employer=_("Why we propose mediation, in our own words"),
    file_stem={"nl": "voorstel-mediation", "en": "mediation-proposal"},
    send=SendTexts(
        where=_(
            "Send the letter by e-mail or by post to the address at the top of the letter. Keep "
            "a copy. An e-mail with the letter as PDF is enough."
        ),
        answer=_(
            "The letter asks for an answer within two weeks. No answer? Send a reminder, or ask "
            "the company doctor to advise on mediation."
        ),
        deadline=_("No deadline by law. Send it soon: a long conflict makes return harder."),
    ),
    fields=no_fields,
    build=build,
    reaches_employer=True,
    ends_with_contract=True,
)
