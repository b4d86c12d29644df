"""The request for an expert opinion (deskundigenoordeel) of UWV, or of the expert a cao names:
one request per question (domain §3). UWV takes it through its own online form, so the page
for that form (each field in UWV's order with the answer to copy) is the main path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.letters.kind import LetterKind, SendTexts, to_add, wage_stopped
from decision_aid.letters.texts import DISPUTES, expert_question
from decision_aid.routing.advice import ExpertQuestion

#: The disputes UWV can give an expert opinion on (one request per question; domain §3).
QUESTION_DISPUTES = frozenset({*ExpertQuestion, "wage_stopped"})

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
DOCUMENTS = {
    "fitness_own_work": (
        _("Job description of the own work"),
        _("Messages of the company doctor about (un)fitness for work and from which date"),
    ),
    "suitable_work": _WORK_DOCUMENTS,
    "suitable_work_available": _WORK_DOCUMENTS,
    "employer_efforts": _EFFORT_DOCUMENTS,
    "employee_efforts": _EFFORT_DOCUMENTS,
}

#: Where the request goes when UWV takes it through its own online form (seed 000: by phone
#: or through the form on UWV's website; domain §3 [A]).
UWV_FORM_URL = (
    "https://www.uwv.nl/particulieren/ziek/ziek-met-werkgever/re-integreren-tijdens-ziekte/"
    "detail/deskundigenoordeel"
)
UWV_PHONE = "088-898 92 94"

_SEND_ANSWER = _(
    "UWV says 2 to 4 weeks; in practice it can take 4 to 8 weeks. UWV hears both sides and "
    "may invite the employee to its own doctor (verzekeringsarts)."
)


def recipient(role: str, cao_expert: bool) -> str:
    return "cao_expert" if cao_expert else "uwv"


def fields(answers: Mapping[str, Any]) -> frozenset[str]:
    """What UWV's form asks, as far as the answers make it apply: the payroll tax number only
    for a question UWV can answer, the offered work only when it is disputed, the date of the
    disagreement only for "can the employee do their own work" (the one question where UWV's
    form asks it), the date the wage stopped only when it did."""
    disputes = set(answers.get("disputes") or ())
    out = {"birth_date", "job_title", "contract_hours", "doctor_advice"}
    if disputes & QUESTION_DISPUTES:
        out.add("payroll_tax_number")
    if "suitable_work" in disputes:
        out |= {"work_offered", "work_refused_on"}
    if "fitness_own_work" in disputes:
        out.add("dispute_from")
    if wage_stopped(answers):
        out.add("wage_stopped_on")
    return frozenset(out)


def build(ctx: dict[str, Any], situation: dict, disputes: list[str], question: str | None) -> None:
    advice = ctx["advice"]
    question = question or (advice["expert_opinion_questions"] or ["fitness_own_work"])[0]
    ctx["question"] = question
    ctx["expert_question"] = expert_question(question, ctx["role"])
    ctx["needs_from_date"] = question == "fitness_own_work"
    ctx["about_offered_work"] = question == "suitable_work"
    ctx["cao_expert"] = advice.get("expert_body") == "cao"
    # What UWV asks to enclose: on the sending sheet (the user adds them), not in the letter.
    ctx["to_enclose"] = to_add(DOCUMENTS[question])
    ctx["wage_stopped"] = situation.get("wage") in ("stopped", "withheld")
    # UWV judges the question, not the working relationship: that stays out of the request.
    ctx["disputes"] = [str(DISPUTES[d]) for d in disputes if d != "relationship"]
    ctx["requester_label"] = str(_("employer") if ctx["requester_is_employer"] else _("employee"))


def send(ctx: dict[str, Any]) -> SendTexts:
    """UWV's online form for an employee (DigiD), the employer portal for an employer, or the
    expert the cao names; the BSN is the one line written by hand (the aid never asks or keeps
    it: UAVG art. 46 allows its use only where a law provides for it)."""
    if ctx["cao_expert"]:
        return SendTexts(
            where=_(
                "The expert that your cao names instead of UWV. Ask your employer or union for "
                "the name and address, and write them above the letter before you send it."
            ),
            answer=_("Ask the cao expert how long it takes."),
            deadline=_(
                "No deadline by law, but ask soon: a court asks for an expert opinion in a wage "
                "dispute (article 7:629a Civil Code). Look in the cao whether it sets a term."
            ),
            before=_before(ctx),
        )
    if ctx["requester_is_employer"]:
        where = _(
            "UWV: the employer portal (werkgeversportaal), with eHerkenning level EH3. Copy the "
            "answers from this letter into the form and upload the letter with its enclosures."
        )
    else:
        where = _(
            "UWV, through its online form: on uwv.nl search for Deskundigenoordeel aanvragen "
            "(uwv.nl/particulieren/ziek/ziek-met-werkgever/re-integreren-tijdens-ziekte/detail/"
            "deskundigenoordeel) and log in with DigiD. Our page for UWV's form has your answers "
            "in the form's order, to copy; upload this PDF. No DigiD? Call UWV on 088-898 92 94."
        )
    return SendTexts(
        where=where,
        answer=_SEND_ANSWER,
        deadline=_(
            "No deadline by law, but ask soon: UWV judges the situation at the time of the "
            "advice, and a court asks for an expert opinion in a wage dispute (article 7:629a "
            "Civil Code)."
        ),
        before=_before(ctx),
    )


def _before(ctx: dict[str, Any]) -> Any:
    if ctx["requester_is_employer"]:
        return _(
            "Read it once more and sign it. Write the employee's citizen service number (BSN) on "
            "its line in part 3, from your payroll records: we do not ask or keep it."
        )
    return _(
        "Read it once more and sign it. On paper, write your citizen service number (BSN) on its "
        "line in part 3: we do not ask or keep it. UWV's online form takes it through DigiD."
    )


KIND = LetterKind(
    key="expert_opinion",
    order=30,
    title=_("Request for an expert opinion (deskundigenoordeel)"),
    purpose=_(
        "Everything the request form asks, filled in where we can. Copy it into the form, or "
        "send it with the form."
    ),
    subject=_("Request for an expert opinion (deskundigenoordeel)"),
    recipient=recipient,
    own_words_guidance=_(
        "Write what you disagree about and why, in short factual words. For example: The "
        "company doctor says I can do my own work again from 1 May. I cannot, because I still "
        "cannot stand for more than an hour."
    ),
    own_words_heading=_("The disagreement and my view, in my own words"),
    own_words_heading_employer=_("The disagreement and our view, in our own words"),
    file_stem={"nl": "verzoek-deskundigenoordeel", "en": "request-expert-opinion"},
    question_stems={
        "nl": {
            "fitness_own_work": "eigen-werk",
            "suitable_work": "passend-werk",
            "suitable_work_available": "passend-werk-in-het-bedrijf",
            "employer_efforts": "inspanningen-werkgever",
            "employee_efforts": "inspanningen-werknemer",
        },
        "en": {
            "fitness_own_work": "own-work",
            "suitable_work": "suitable-work",
            "suitable_work_available": "suitable-work-in-the-company",
            "employer_efforts": "employer-efforts",
            "employee_efforts": "employee-efforts",
        },
    },
    send=send,
    fields=fields,
    build=build,
    uwv_form=True,
    one_per_question=True,
    ends_with_contract=True,
)


def uwv_form_sections(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """UWV's request form, part by part in the form's order (the order the letter follows),
    each field with the answer to copy into it. A field with no answer says what to do (the
    BSN: UWV's form takes it through DigiD); nothing is invented."""
    if ctx["kind"] != KIND.key:
        raise LookupError(ctx["kind"])
    letter, employer, employee = ctx["letter"], ctx["employer"], ctx["employee"]
    doctor = ctx["bedrijfsarts"]

    def row(label: Any, value: str, *, note: Any = "") -> dict[str, str]:
        return {"label": str(label), "value": value or "", "note": str(note)}

    unknown = _("Not filled in: leave it empty or fill it in on UWV's form.")
    sections = [
        (
            _("1. The question"),
            [
                row(_("The question"), ctx["expert_question"]),
                *(
                    [row(_("The date the disagreement is about"), letter["dispute_from"])]
                    if ctx["needs_from_date"]
                    else []
                ),
            ],
        ),
        (
            _("2. The employer"),
            [
                row(_("Name"), employer["name"]),
                row(_("Payroll tax number (loonheffingennummer)"), letter["payroll_tax_number"]),
                row(_("Address"), employer["address"]),
                row(_("Contact person"), employer["contact"]),
                row(_("Phone"), employer["phone"]),
                row(_("E-mail"), employer["email"]),
            ],
        ),
        (
            _("3. The employee"),
            [
                row(_("Name"), employee["name"]),
                row(
                    _("Citizen service number (BSN)"),
                    "",
                    note=_("UWV's form fills it in when you log in with DigiD. We never ask it."),
                ),
                row(_("Date of birth"), letter["birth_date"]),
                row(_("Address"), employee["address"]),
                row(_("Phone"), employee["phone"]),
                row(_("E-mail"), employee["email"]),
            ],
        ),
        (
            _("4. Sickness, work and wage"),
            [
                row(_("First day of sickness"), ctx["sick_since"]),
                row(_("Job title"), letter["job_title"]),
                row(_("Contract hours per week"), letter["contract_hours"]),
                *(
                    [row(_("Date the wage was stopped or held back"), letter["wage_stopped_on"])]
                    if ctx["wage_stopped"]
                    else []
                ),
            ],
        ),
        (
            _("5. Company doctor or occupational health service"),
            [
                row(_("Name"), doctor["name"]),
                row(_("Address, phone and e-mail"), doctor["address"]),
            ],
        ),
        (
            _("6. The advice of the company doctor (first opinion)"),
            [
                row(_("Date of the advice"), ctx["first_opinion_date"]),
                row(_("What the advice says"), letter["doctor_advice"]),
            ],
        ),
    ]
    if ctx["about_offered_work"]:
        sections.append(
            (
                _("7. The work that was offered"),
                [
                    row(_("The work"), letter["work_offered"]),
                    row(_("Date it was refused"), letter["work_refused_on"]),
                ],
            )
        )
    sections.append(
        (
            ctx["own_view_heading"],
            [row(ctx["own_view_heading"], ctx["own_view"])],
        )
    )
    out = []
    for title, rows in sections:
        for r in rows:
            if not r["value"] and not r["note"]:
                r["note"] = str(unknown)
        out.append({"title": str(title), "rows": rows})
    return out
