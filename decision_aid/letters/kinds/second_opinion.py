"""The employee's request to the own company doctor for a second opinion by another company
doctor (the employee's right only; domain §4)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, fixed, no_fields


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    ctx["addressee"] = ctx["bedrijfsarts"]
    author = (situation.get("first_opinion") or {}).get("author")
    ctx["pmo"] = "pmo_doubt" in disputes or author == "pmo"


KIND = LetterKind(
    key="second_opinion",
    order=40,
    title=_("Request for a second opinion"),
    purpose=_("A letter to your own company doctor. Send it yourself."),
    subject=_("Request for a second opinion"),
    recipient=fixed("bedrijfsarts"),
    own_words_guidance=_(
        "Write what you doubt in the medical advice. For example: The advice does not take my "
        "new MRI scan into account."
    ),
    own_words_heading=_("What I doubt, in my own words"),
    own_words_heading_employer=None,
    file_stem={"nl": "verzoek-second-opinion", "en": "request-second-opinion"},
    send=SendTexts(
        where=_(
            "Send it to your own company doctor (bedrijfsarts) or the occupational health "
            "service (arbodienst), by post or through their secure portal or e-mail. Keep a copy."
        ),
        answer=_(
            "The letter asks for an answer within two weeks. The company doctor arranges the "
            "second opinion, or explains in writing why not."
        ),
        deadline=_(
            "No deadline by law. Ask soon after the advice you doubt; the agreements about your "
            "re-integration go on in the meantime."
        ),
    ),
    fields=no_fields,
    build=build,
)
