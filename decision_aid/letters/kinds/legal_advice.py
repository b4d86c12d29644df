"""A case summary for legal help: addressed to the first helper the routing names (union,
legal-expenses insurer, Juridisch Loket; routing.referral), with the questions per dispute."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, fixed, to_add, when_wage_stopped
from decision_aid.routing.referral import JURIDISCH_LOKET_PHONE, LegalHelper, legal_helper

LEGAL_QUESTIONS = {
    "fitness_own_work": _("Should I ask UWV for an expert opinion on my fitness for work?"),
    "suitable_work": _("Must the offered work be accepted, and what if it is refused?"),
    "suitable_work_available": _("What may be asked of the employer to find suitable work?"),
    "employer_efforts": _("What can be done if the employer does not do enough?"),
    "employee_efforts": _("What are the consequences if the employee is said to do too little?"),
    "wage_stopped": _("Was stopping the wage allowed, and how can the wage be claimed?"),
    "medical_advice_doubt": _("Is a second opinion or an expert opinion the better step?"),
    "relationship": _("What are the options now that the working relationship is disturbed?"),
    "doctor_conduct": _("How do I make a complaint about how the company doctor acted?"),
    "pmo_doubt": _("Can I ask for a second opinion on the result of the PMO?"),
}
#: The same questions where the CAO names its own expert (7:629a lid 7): never UWV alone.
LEGAL_QUESTIONS_CAO = {
    "fitness_own_work": _(
        "Should I ask the expert named in the CAO for an expert opinion on my fitness for work?"
    ),
}
#: The employer's questions, where the employee's wording would be wrong: the second opinion
#: is the employee's alone (domain §2, §4), and the employer's risk is a wage sanction (§5).
LEGAL_QUESTIONS_EMPLOYER = {
    "fitness_own_work": _(
        "Should we ask UWV for an expert opinion on whether the employee can do their own work?"
    ),
    "suitable_work_available": _("What must we do to find suitable work for the employee?"),
    "employer_efforts": _(
        "Are we doing enough for the re-integration, and how do we avoid a wage sanction "
        "(loonsanctie)?"
    ),
    "wage_stopped": _(
        "Were we allowed to stop or hold back the wage (article 7:629 Civil Code), and what "
        "must we do now?"
    ),
    "medical_advice_doubt": _(
        "Only the employee can ask for a second opinion: can we ask UWV for an expert opinion "
        "instead?"
    ),
    "doctor_conduct": _("How can we make a complaint about how the company doctor acted?"),
    "pmo_doubt": _(
        "What can we do if we doubt the result of the PMO? Only the employee can ask for a "
        "second opinion."
    ),
}
LEGAL_QUESTIONS_EMPLOYER_CAO = {
    "fitness_own_work": _(
        "Should we ask the expert named in the CAO for an expert opinion on whether the "
        "employee can do their own work?"
    ),
}
LEGAL_QUESTIONS_ALWAYS = (
    _("Which deadlines must be watched?"),
    _("Which step do you advise next?"),
)


def addressee(situation: dict[str, Any], role: str) -> str:
    """The letter goes to the first legal helper the routing names."""
    helper = legal_helper(
        role=role,
        union_member=situation.get("union_member"),
        legal_insurance=situation.get("legal_insurance"),
    )
    return str(
        {
            # the union's own advisor hands the case on, not to "De vakbond"
            LegalHelper.UNION_LEGAL: _(
                "The union's legal department or lawyer (for the member's case)"
            ),
            LegalHelper.UNION: _("The union (vakbond)"),
            LegalHelper.INSURER: _("The legal expenses insurer (rechtsbijstandsverzekering)"),
            LegalHelper.EMPLOYER_ADVISOR: _("Our legal advisor"),
            LegalHelper.JURIDISCH_LOKET: _("Het Juridisch Loket (%(phone)s, juridischloket.nl)")
            % {"phone": JURIDISCH_LOKET_PHONE},
        }[helper]
    )


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    ctx["addressee_name"] = addressee(situation, ctx["role"])
    # the sheet names the addressee (union, insurer, Juridisch Loket), not "a lawyer, ..."
    ctx["sheet_recipient"] = ctx["addressee_name"]
    cao = situation.get("cao_expert") is True
    if ctx["requester_is_employer"]:
        cao_questions, own = LEGAL_QUESTIONS_EMPLOYER_CAO, LEGAL_QUESTIONS_EMPLOYER
    else:
        cao_questions, own = LEGAL_QUESTIONS_CAO, {}
    questions = [
        str(cao_questions[d] if cao and d in cao_questions else own.get(d, LEGAL_QUESTIONS[d]))
        for d in disputes
    ]
    ctx["legal_questions"] = questions + [str(q) for q in LEGAL_QUESTIONS_ALWAYS]
    ctx["to_enclose"] = to_add(
        [
            _("Plan of action (plan van aanpak) and its changes"),
            _("Letters and e-mails about the re-integration"),
        ]
    )


def send(ctx: dict[str, Any]) -> SendTexts:
    return SendTexts(
        where=str(
            _(
                "Give or send it to %(who)s. Call first to make an appointment; take the letter "
                "and its enclosures with you."
            )
        )
        % {"who": ctx["addressee_name"]},
        answer=_("They tell you when they can help; ask for an appointment within a week."),
        deadline=_("Now: some steps have deadlines, and your legal helper knows them."),
    )


KIND = LetterKind(
    key="legal_advice",
    order=50,
    title=_("Case summary for legal advice"),
    purpose=_("A summary to give to the union, the Juridisch Loket or the insurer."),
    subject=_("Request for legal advice"),
    recipient=fixed("legal_helper"),
    own_words_guidance=_(
        "Write what you want to know. For example: My wage was stopped on 1 March. Is that "
        "allowed, and what can I do?"
    ),
    own_words_heading=_("My question, in my own words"),
    own_words_heading_employer=_("Our question, in our own words"),
    file_stem={"nl": "vraag-om-juridisch-advies", "en": "request-legal-advice"},
    send=send,
    fields=when_wage_stopped("wage_stopped_on"),
    build=build,
)
