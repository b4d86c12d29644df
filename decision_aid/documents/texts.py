"""The copy of the drafts as lazily translated data: titles, question texts, fact values.

The presenter picks from these; templates only show them. English source strings, Dutch in
nl_translations.json (merged into locale/ by the lead).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

DOCUMENT_TITLES = {
    "talk": _("Preparation for a conversation"),
    "mediation": _("Proposal for mediation"),
    "expert_opinion": _("Request for an expert opinion (deskundigenoordeel)"),
    "second_opinion": _("Request for a second opinion"),
    "legal_advice": _("Case summary for legal advice"),
    "court": _("Draft summary of a wage claim"),
    "complaint": _("Complaint about how the company doctor acted"),
}

# What each document is for, on the draft page.
DOCUMENT_PURPOSES = {
    "talk": _("A sheet to prepare the conversation. Keep it for yourself; do not send it."),
    "mediation": _("A letter to the other party proposing a mediator. Send it yourself."),
    "expert_opinion": _(
        "Everything the request form asks, filled in where we can. Copy it into the form, or "
        "send it with the form."
    ),
    "second_opinion": _("A letter to your own company doctor. Send it yourself."),
    "legal_advice": _("A summary to give to the union, the Juridisch Loket or the insurer."),
    "court": _("A summary of a possible wage claim. Talk to a legal advisor before you use it."),
    "complaint": _(
        "A letter to the company doctor or the occupational health service, under its "
        "complaints procedure. Send it yourself."
    ),
}

# Guidance for the question in one's own words, per document (shown on the draft page).
OWN_WORDS_GUIDANCE = {
    "talk": _(
        "Write what you want to reach in the conversation. For example: I want to agree on "
        "work I can do for 4 hours a day, starting next month."
    ),
    "mediation": _(
        "Write why talking has become hard, without blaming. For example: Since March we only "
        "talk by e-mail and we do not agree on my return to work."
    ),
    "expert_opinion": _(
        "Write what you disagree about and why, in short factual words. For example: The "
        "company doctor says I can do my own work again from 1 May. I cannot, because I still "
        "cannot stand for more than an hour."
    ),
    "second_opinion": _(
        "Write what you doubt in the medical advice. For example: The advice does not take my "
        "new MRI scan into account."
    ),
    "legal_advice": _(
        "Write what you want to know. For example: My wage was stopped on 1 March. Is that "
        "allowed, and what can I do?"
    ),
    "court": _(
        "Write what you claim and why. For example: My employer stopped my wage on 1 March, "
        "but UWV says I did enough for my re-integration."
    ),
    "complaint": _(
        "Write what happened, when, and who was there. For example: On 3 March the company "
        "doctor gave advice about my work without examining me or asking about my complaints."
    ),
}

OWN_WORDS_HEADINGS = {
    "talk": _("What I want to reach, in my own words"),
    "mediation": _("Why I propose mediation, in my own words"),
    "expert_opinion": _("The disagreement and my view, in my own words"),
    "second_opinion": _("What I doubt, in my own words"),
    "legal_advice": _("My question, in my own words"),
    "court": _("The claim, in my own words"),
    "complaint": _("What happened, in my own words"),
}

#: An employer's letter speaks as "we" (the employee's letters as "I").
OWN_WORDS_HEADINGS_EMPLOYER = {
    "talk": _("What we want to reach, in our own words"),
    "mediation": _("Why we propose mediation, in our own words"),
    "expert_opinion": _("The disagreement and our view, in our own words"),
    "legal_advice": _("Our question, in our own words"),
    "complaint": _("What happened, in our own words"),
}

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


_EFFORT_DOCUMENTS = (
    _("Problem analysis (probleemanalyse)"),
    _("Plan of action (plan van aanpak) and its changes"),
    _("Evaluations of the plan of action"),
    _("Messages of the company doctor, including the most recent advice"),
    _("Report of a labour expert (arbeidsdeskundige), if there is one"),
    _("Letters and e-mails about the re-integration"),
)
_WORK_DOCUMENTS = (
    _("Description of the work that was offered or asked for"),
    _("Messages of the company doctor about what the employee can do"),
    _("Report of a labour expert (arbeidsdeskundige), if there is one"),
)
# What UWV asks to enclose, per question (domain brief §3, source B).
EXPERT_DOCUMENTS = {
    "fitness_own_work": (
        _("Job description of the own work"),
        _("Messages of the company doctor about (un)fitness for work and from which date"),
    ),
    "suitable_work": _WORK_DOCUMENTS,
    "suitable_work_available": _WORK_DOCUMENTS,
    "employer_efforts": _EFFORT_DOCUMENTS,
    "employee_efforts": _EFFORT_DOCUMENTS,
}

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

# Questions to ask in a conversation, and to put to a legal advisor, per dispute.
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

YES_NO = {True: _("yes"), False: _("no"), None: _("not known")}
RELATIONSHIP = {
    "good": _("good: talking is still possible"),
    "strained": _("strained: talking is difficult"),
    "broken": _("broken: talking is no longer possible"),
}
MEDIATION = {
    "not_tried": _("not tried"),
    "ongoing": _("going on now"),
    "failed": _("tried, without a solution"),
}
EXPERT_OPINION_STATE = {
    "none": _("not asked for"),
    "requested": _("asked for; waiting for the answer"),
    # the wizard asks "did UWV agree with you?": the letter's writer is the one it favoured or not
    "for_requester": _("given, in my favour"),
    "against_requester": _("given, not in my favour"),
}
WAGE = {
    "paid": _("paid"),
    "withheld": _("held back (suspended)"),
    "stopped": _("stopped (wage stop)"),
    "ended": _("ended"),
}
OPINION_AUTHOR = {
    "bedrijfsarts": _("company doctor (bedrijfsarts)"),
    "pmo": _("periodic medical examination (PMO)"),
    "other": _("another doctor or expert"),
}


# --- letters written for the one who receives them ------------------------------
#: Who receives each kind. "employer" is decided per case (the other party of a mediation
#: letter is the employer unless the employer writes); see presenter.recipient_of.
RECIPIENT_LABELS = {
    "self": _("you (a sheet for the conversation; not sent)"),
    "employer": _("the employer"),
    "employee": _("the employee"),
    "uwv": _("UWV"),
    "cao_expert": _("the expert named in the cao"),
    "bedrijfsarts": _("the company doctor (bedrijfsarts) or occupational health service"),
    "legal_helper": _("a lawyer, the union or the Juridisch Loket"),
}

# The subject line of each letter (the title the recipient reads).
LETTER_SUBJECTS = {
    "talk": _("Preparation for a conversation"),
    "mediation": _("Proposal to ask a mediator for help"),
    "expert_opinion": _("Request for an expert opinion (deskundigenoordeel)"),
    "second_opinion": _("Request for a second opinion"),
    "legal_advice": _("Request for legal advice"),
    "court": _("Wage claim: summary for a lawyer, the union or the Juridisch Loket"),
    "complaint": _("Complaint about how the company doctor acted"),
}

# The "Zo verstuurt u deze brief" sheet: where it goes, per kind (and per requester).
SEND_WHERE = {
    "talk": _("You do not send this sheet. Take it with you to the conversation."),
    "mediation": _(
        "Send the letter by e-mail or by post to the address at the top of the letter. Keep a "
        "copy. An e-mail with the letter as PDF is enough."
    ),
    "expert_opinion_employee": _(
        "UWV, through its online form: on uwv.nl search for Deskundigenoordeel aanvragen "
        "(uwv.nl/particulieren/ziek/ziek-met-werkgever/re-integreren-tijdens-ziekte/detail/"
        "deskundigenoordeel) and log in with DigiD. Our page for UWV's form has your answers in "
        "the form's order, to copy; upload this PDF. No DigiD? Call UWV on 088-898 92 94."
    ),
    "expert_opinion_employer": _(
        "UWV: the employer portal (werkgeversportaal), with eHerkenning level EH3. Copy the "
        "answers from this letter into the form and upload the letter with its enclosures."
    ),
    "expert_opinion_cao": _(
        "The expert that your cao names instead of UWV. Ask your employer or union for the "
        "name and address, and write them above the letter before you send it."
    ),
    "second_opinion": _(
        "Send it to your own company doctor (bedrijfsarts) or the occupational health service "
        "(arbodienst), by post or through their secure portal or e-mail. Keep a copy."
    ),
    "complaint": _(
        "Send it to the company doctor's occupational health service (arbodienst), for its "
        "complaints procedure. Ask them for the address of the complaints officer if you do "
        "not know it."
    ),
    "legal_advice": _(
        "Give or send it to %(who)s. Call first to make an appointment; take the letter and its "
        "enclosures with you."
    ),
    "court": _(
        "Do not send this to the court. Give it to a lawyer, your union or the Juridisch Loket "
        "(%(phone)s). They decide with you whether and how to go to court."
    ),
}
SEND_ANSWER = {
    "talk": _("Agree in the conversation when you talk again, and write the agreements down."),
    "mediation": _(
        "The letter asks for an answer within two weeks. No answer? Send a reminder, or ask the "
        "company doctor to advise on mediation."
    ),
    "expert_opinion": _(
        "UWV says 2 to 4 weeks; in practice it can take 4 to 8 weeks. UWV hears both sides and "
        "may invite the employee to its own doctor (verzekeringsarts)."
    ),
    "expert_opinion_cao": _("Ask the cao expert how long it takes."),
    "second_opinion": _(
        "The letter asks for an answer within two weeks. The company doctor arranges the second "
        "opinion, or explains in writing why not."
    ),
    "complaint": _(
        "The occupational health service must have a complaints procedure; it says how long "
        "an answer takes. Ask for it in writing."
    ),
    "legal_advice": _("They tell you when they can help; ask for an appointment within a week."),
    "court": _("Your legal helper tells you what happens next and which deadlines count."),
}
SEND_DEADLINE = {
    "talk": _("As soon as possible: disagreements are best talked about early."),
    "mediation": _("No deadline by law. Send it soon: a long conflict makes return harder."),
    "expert_opinion": _(
        "No deadline by law, but ask soon: UWV judges the situation at the time of the advice, "
        "and a court asks for an expert opinion in a wage dispute (article 7:629a Civil Code)."
    ),
    "second_opinion": _(
        "No deadline by law. Ask soon after the advice you doubt; the agreements about your "
        "re-integration go on in the meantime."
    ),
    "complaint": _("See the complaints procedure; complain soon after it happened."),
    "legal_advice": _("Now: some steps have deadlines, and your legal helper knows them."),
    "court": _(
        "A claim for wage has deadlines. Let a legal helper check them now; do not wait for "
        "the answer of the other party."
    ),
}
#: "Before you send it": the one line to write by hand is the BSN, only in the request for an
#: expert opinion (the aid never asks or keeps it: UAVG art. 46 allows its use only where a law
#: provides for it).
SEND_BEFORE = _("Read it once more and sign it.")
SEND_BEFORE_EXPERT = _(
    "Read it once more and sign it. On paper, write your citizen service number (BSN) on its "
    "line in part 3: we do not ask or keep it. UWV's online form takes it through DigiD."
)
SEND_BEFORE_EXPERT_EMPLOYER = _(
    "Read it once more and sign it. Write the employee's citizen service number (BSN) on its "
    "line in part 3, from your payroll records: we do not ask or keep it."
)
SEND_DEADLINE_CAO = _(
    "No deadline by law, but ask soon: a court asks for an expert opinion in a wage dispute "
    "(article 7:629a Civil Code). Look in the cao whether it sets a term."
)
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


# --- the first letters of a money dispute (money_texts.py), one place per kind --------------
def _merge_money_letters() -> None:
    from decision_aid.documents import money_texts as m

    for mine, theirs in (
        (DOCUMENT_TITLES, m.DOCUMENT_TITLES),
        (DOCUMENT_PURPOSES, m.DOCUMENT_PURPOSES),
        (OWN_WORDS_GUIDANCE, m.OWN_WORDS_GUIDANCE),
        (OWN_WORDS_HEADINGS, m.OWN_WORDS_HEADINGS),
        (OWN_WORDS_HEADINGS_EMPLOYER, m.OWN_WORDS_HEADINGS_EMPLOYER),
        (LETTER_SUBJECTS, m.LETTER_SUBJECTS),
        (SEND_WHERE, m.SEND_WHERE),
        (SEND_ANSWER, m.SEND_ANSWER),
        (SEND_DEADLINE, m.SEND_DEADLINE),
        (RECIPIENT_LABELS, m.RECIPIENT_LABELS),
    ):
        mine.update(theirs)


_merge_money_letters()
