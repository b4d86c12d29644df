"""Copy shared by several letter kinds: the expert-opinion questions, the disputes, who
receives a letter, and the sheet's lines that are the same for every kind. A kind's own copy is
in its module under ``kinds/``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# The expert-opinion questions (one request per question), as UWV asks them.
EXPERT_QUESTIONS = {
    "fitness_own_work": _("Can the employee do their own work fully again, and from which date?"),
    "suitable_work": _(
        "Is the work that was offered (adjusted own work or other work) suitable for the employee?"
    ),
    "suitable_work_available": _(
        "Is there suitable work for the employee with this employer (adjusted own work or "
        "other work)?"
    ),
    "employer_efforts": _("Has the employer done enough for the employee's re-integration?"),
    "employee_efforts": _("Has the employee done enough for their own re-integration?"),
}
# The same questions in the requester's own voice: the employee (or the member an advisor
# writes for) asks about themselves, the employer about "my employee"; no guessed gender.
EXPERT_QUESTIONS_BY_EMPLOYEE = {
    "fitness_own_work": _("Can I do my own work fully again, and from which date?"),
    "suitable_work": _(
        "Is the work that was offered to me (adjusted own work or other work) suitable for me?"
    ),
    "suitable_work_available": _(
        "Is there suitable work for me with my employer (adjusted own work or other work)?"
    ),
    "employer_efforts": _("Has my employer done enough for my re-integration?"),
    "employee_efforts": _("Have I done enough for my re-integration?"),
}
EXPERT_QUESTIONS_BY_EMPLOYER = {
    "fitness_own_work": _("Can my employee do the own work fully again, and from which date?"),
    "suitable_work": _(
        "Is the work we offered (adjusted own work or other work) suitable for my employee?"
    ),
    "suitable_work_available": _(
        "Is there suitable work for my employee with us (adjusted own work or other work)?"
    ),
    "employer_efforts": _("Have we done enough for the re-integration of my employee?"),
    "employee_efforts": _("Has my employee done enough for the re-integration?"),
}


def expert_question(question: str, role: str) -> str:
    """The question as the requester asks it (the neutral wording for an unknown question)."""
    own = EXPERT_QUESTIONS_BY_EMPLOYER if role == "employer" else EXPERT_QUESTIONS_BY_EMPLOYEE
    return str(own.get(question) or EXPERT_QUESTIONS.get(question, ""))


DISPUTES = {
    "fitness_own_work": _("whether the employee can do their own work"),
    "suitable_work": _("whether the work that was offered is suitable"),
    "suitable_work_available": _("whether there is suitable work in the company"),
    "employer_efforts": _("whether the employer does enough for re-integration"),
    "employee_efforts": _("whether the employee does enough for re-integration"),
    "wage_stopped": _("the wage that was stopped or held back"),
    "medical_advice_doubt": _("doubt about the medical advice of the company doctor"),
    "relationship": _("the working relationship"),
    "doctor_conduct": _("how the company doctor acted"),
    "pmo_doubt": _("doubt about the result of a periodic medical examination (PMO)"),
}
YES_NO = {True: _("yes"), False: _("no"), None: _("not known")}

# --- letters written for the one who receives them ------------------------------
#: Who receives each kind. "employer" is decided per case (the other party of a mediation
#: letter is the employer unless the employer writes); each kind's ``recipient`` says.
RECIPIENT_LABELS = {
    "self": _("you (a sheet for the conversation; not sent)"),
    "employer": _("the employer"),
    "employee": _("the employee"),
    "uwv": _("UWV"),
    "cao_expert": _("the expert named in the cao"),
    "bedrijfsarts": _("the company doctor (bedrijfsarts) or occupational health service"),
    "legal_helper": _("a lawyer, the union or the Juridisch Loket"),
}
#: The talk sheet is not sent, but it may be shown in the conversation.
SEND_NO_MEDICAL_TALK = _(
    "You may show this sheet in the conversation. Write nothing on it about your illness: the "
    "employer may not be told a diagnosis. Show only the sheet, not the papers after it."
)
#: The first opinion goes after every letter (product.md); the employer may see only the advice
#: without medical details (domain.md: medical details to employee and arbodienst [J]).
SEND_NO_MEDICAL = _(
    "This letter goes to the employer. It holds nothing about your illness, and it must not: "
    "the employer may not be told a diagnosis. Is the company doctor's advice attached? Then "
    "send only the version the employer also got, without medical details: leave out any page "
    "about your illness. Add no other medical papers."
)
SHEET_TITLE = _("How to send this letter")
SHEET_TITLE_TAKE_ALONG = _("How to use this sheet")
THIS_WEEK_TITLE = _("This week")
CONTRACT_END_LABEL = _("End date of the temporary contract")
SEND_DEADLINE_CONTRACT = _(
    "Before %(date)s, the last day of the temporary contract: after it, there is no expert "
    "opinion or re-integration report between employer and employee any more."
)
#: The sending sheet's file name starts with this (zo-verstuurt-u-verzoek-....pdf).
SHEET_STEM = {"nl": "zo-verstuurt-u", "en": "how-to-send"}
