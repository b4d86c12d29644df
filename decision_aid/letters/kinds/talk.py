"""The sheet to prepare a conversation with the employer or the company doctor: kept by the
one who talks, maybe shown in the conversation, never sent."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, fixed, no_fields

# Questions to ask in a conversation, per dispute.
TALK_QUESTIONS = {
    "fitness_own_work": _("What exactly can I do, and what not yet? From which date?"),
    "suitable_work": _("What does the offered work involve: tasks, hours, place?"),
    "suitable_work_available": _("Which work in the company could be adjusted for me?"),
    "employer_efforts": _("What will the employer do in the coming weeks for my return?"),
    "employee_efforts": _("What exactly is expected of the employee, and by when?"),
    "wage_stopped": _("Why was the wage stopped, and what is needed to pay it again?"),
    "medical_advice_doubt": _("Can the company doctor explain the advice, or look at it again?"),
    "relationship": _("How can we talk with each other again? Would a mediator help?"),
    "doctor_conduct": _("Can the company doctor's conduct be discussed, and with whom?"),
    "pmo_doubt": _("Can the company doctor explain the result of the PMO?"),
}
#: The employer's own questions for the conversation, where the employee's wording ("what can
#: I do", "why was the wage stopped") would be wrong on the employer's sheet.
TALK_QUESTIONS_EMPLOYER = {
    "fitness_own_work": _("What can the employee do now, and what not yet? From which date?"),
    "suitable_work": _(
        "What makes the offered work unsuitable in the employee's view: the tasks, the hours or "
        "the place?"
    ),
    "suitable_work_available": _("Which work in the company could we adjust for the employee?"),
    "employer_efforts": _("What does the employee expect from us in the coming weeks?"),
    "wage_stopped": _("Why did we stop or hold back the wage, and what is needed to pay it again?"),
}


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    # the employer's sheet asks the employer's questions, not the employee's
    own = TALK_QUESTIONS_EMPLOYER if ctx["requester_is_employer"] else {}
    ctx["talk_questions"] = [str(own.get(d, TALK_QUESTIONS[d])) for d in disputes] or [
        str(TALK_QUESTIONS["medical_advice_doubt"])
    ]
    routes = [a["title"] for a in ctx["advice"]["alternatives"] if a["route"] != "talk"]
    ctx["if_it_fails"] = [str(r) for r in routes] or fallback(situation)
    ctx["with_whom"] = ctx["other_party"]["name"]


def fallback(situation: dict) -> list[str]:
    """The next step when the talk fails and the advice names none: mediation only while it
    is still open (voluntary: not again after a refusal, domain §2 [AK]), an expert opinion only
    while none was asked (one per situation, domain §3 [E]); otherwise legal advice."""
    steps = []
    if situation.get("mediation") in (None, "not_tried"):
        steps.append(str(_("Ask a mediator for help")))
    if situation.get("expert_opinion") in (None, "none"):
        steps.append(str(_("Ask for an expert opinion (deskundigenoordeel)")))
    return steps or [str(_("Get legal advice"))]


KIND = LetterKind(
    key="talk",
    order=10,
    title=_("Preparation for a conversation"),
    purpose=_("A sheet to prepare the conversation. Keep it for yourself; do not send it."),
    subject=_("Preparation for a conversation"),
    recipient=fixed("self"),
    own_words_guidance=_(
        "Write what you want to reach in the conversation. For example: I want to agree on "
        "work I can do for 4 hours a day, starting next month."
    ),
    own_words_heading=_("What I want to reach, in my own words"),
    own_words_heading_employer=_("What we want to reach, in our own words"),
    file_stem={"nl": "voorbereiding-gesprek", "en": "conversation-preparation"},
    send=SendTexts(
        where=_("You do not send this sheet. Take it with you to the conversation."),
        answer=_("Agree in the conversation when you talk again, and write the agreements down."),
        deadline=_("As soon as possible: disagreements are best talked about early."),
    ),
    fields=no_fields,
    build=build,
    reaches_employer=True,
    is_sheet=True,
    ends_with_contract=True,
)
