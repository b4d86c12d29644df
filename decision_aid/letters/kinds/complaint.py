"""A complaint about how the company doctor acted, under the occupational health service's
complaints procedure (domain [AQ])."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, fixed, no_fields


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    ctx["addressee"] = ctx["bedrijfsarts"]


KIND = LetterKind(
    key="complaint",
    order=70,
    title=_("Complaint about how the company doctor acted"),
    purpose=_(
        "A letter to the company doctor or the occupational health service, under its "
        "complaints procedure. Send it yourself."
    ),
    subject=_("Complaint about how the company doctor acted"),
    recipient=fixed("bedrijfsarts"),
    own_words_guidance=_(
        "Write what happened, when, and who was there. For example: On 3 March the company "
        "doctor gave advice about my work without examining me or asking about my complaints."
    ),
    own_words_heading=_("What happened, in my own words"),
    own_words_heading_employer=_("What happened, in our own words"),
    file_stem={"nl": "klacht-over-bedrijfsarts", "en": "complaint-company-doctor"},
    send=SendTexts(
        where=_(
            "Send it to the company doctor's occupational health service (arbodienst), for its "
            "complaints procedure. Ask them for the address of the complaints officer if you do "
            "not know it."
        ),
        answer=_(
            "The occupational health service must have a complaints procedure; it says how long "
            "an answer takes. Ask for it in writing."
        ),
        deadline=_("See the complaints procedure; complain soon after it happened."),
    ),
    fields=no_fields,
    build=build,
)
