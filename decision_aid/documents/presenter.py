"""One function builds each document's context; the HTML preview and the PDF both use it.

``build_document_context`` works on a case file (the JSON the engine reads) and a list of the
attached pieces, so the web views (``document_context``) and ``manage.py draft`` share it.
Templates get this prepared dict and hold no rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from decision_aid.advice.presenter import advice_context
from decision_aid.advice.timeline_svg import for_print
from decision_aid.casefile.answers import LETTER_DATES, LETTER_FIELDS
from decision_aid.content import citation_label
from decision_aid.documents import money, money_texts
from decision_aid.documents import texts as t
from decision_aid.routing.referral import JURIDISCH_LOKET_PHONE, LegalHelper, legal_helper

DOCUMENT_TITLES = t.DOCUMENT_TITLES
KINDS = tuple(t.DOCUMENT_TITLES)


@dataclass(frozen=True)
class DocumentRef:
    """One document the advice names: a kind, and for an expert opinion its question."""

    kind: str
    question: str | None = None

    @property
    def slug(self) -> str:
        return f"{self.kind}-{self.question}" if self.question else self.kind

    @property
    def title(self) -> str:
        return str(t.DOCUMENT_TITLES[self.kind])

    @property
    def subtitle(self) -> str:
        return str(t.EXPERT_QUESTIONS.get(self.question or "", ""))

    @property
    def purpose(self) -> str:
        return str(t.DOCUMENT_PURPOSES[self.kind])

    @property
    def guidance(self) -> str:
        return str(t.OWN_WORDS_GUIDANCE[self.kind])


@dataclass(frozen=True)
class AttachedPiece:
    """What the presenter needs to know of one stored piece of the first opinion."""

    kind: str  # pdf | image | text
    page_count: int
    role: str = "first_opinion"  # first_opinion | expert_opinion


@dataclass(frozen=True)
class Enclosure:
    title: str
    pages: int | None
    attached: bool = True
    number: int = 0
    #: The stamp in the margin of each of its pages: "Bijlage 1 – Advies bedrijfsarts van …".
    stamp: str = ""


@dataclass(frozen=True)
class Row:
    """One line of facts. ``blank`` says why the value is left to fill in by hand."""

    label: str
    value: str = ""
    blank: str = ""


def documents_for(
    case_file: dict[str, Any], advice: dict[str, Any] | None = None
) -> list[DocumentRef]:
    """The documents the advice names. ``advice``: advice_context(case_file), when the caller
    has it already (it is the costliest part of building a letter's context)."""
    advice = advice or advice_context(case_file)
    return [DocumentRef(d["kind"], d.get("question")) for d in advice["documents"]]


def find_document(
    case_file: dict[str, Any], slug: str | None, advice: dict[str, Any] | None = None
) -> DocumentRef:
    """The document with this slug (the first one when no slug); LookupError if none."""
    docs = documents_for(case_file, advice)
    if not docs:
        raise LookupError("no documents for this advice")
    if slug is None:
        return docs[0]
    for doc in docs:
        if doc.slug == slug:
            return doc
    raise LookupError(slug)


def _d(value: str | date | None) -> str:
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return day.strftime("%d-%m-%Y")


def _party(data: dict[str, Any] | None) -> dict[str, str]:
    data = data or {}
    return {k: str(data.get(k) or "") for k in ("name", "address", "email", "phone", "contact")}


def _enclosures(attached: list[AttachedPiece], opinion_date: str) -> list[Enclosure]:
    """The attached pieces, numbered as the letter lists them and as their stamps say."""
    out = []
    enclosure_word = _("Enclosure")  # outside the f-string, where makemessages can see it
    for number, a in enumerate(attached, start=1):
        if a.role == "expert_opinion":
            title = str(_("Expert opinion (deskundigenoordeel)"))
        elif opinion_date:
            title = str(_("Advice of the company doctor of %(date)s") % {"date": opinion_date})
        else:
            title = str(_("Advice of the company doctor"))
        if a.kind == "text":
            title += ", " + str(_("typed by the requester"))
        stamp = f"{enclosure_word} {number} – {title}"
        out.append(Enclosure(title, a.page_count, number=number, stamp=stamp))
    return out


def recipient_of(kind: str, role: str, cao_expert: bool = False) -> str:
    """Who receives a letter of this kind (a key of texts.RECIPIENT_LABELS)."""
    if kind == "mediation":
        return "employee" if role == "employer" else "employer"
    if kind == "expert_opinion":
        return "cao_expert" if cao_expert else "uwv"
    if kind in money.RECIPIENTS:
        return money.RECIPIENTS[kind]
    return {
        "talk": "self",
        "second_opinion": "bedrijfsarts",
        "complaint": "bedrijfsarts",
        "legal_advice": "legal_helper",
        "court": "legal_helper",
    }[kind]


def reaches_employer(kind: str, role: str) -> bool:
    """Letters the employer reads (a talk sheet may be shown in the conversation)."""
    return role != "employer" and kind in ("mediation", "talk", "wage_protest")


def own_words_for(parties: dict[str, Any], kind: str, role: str) -> str:
    """The own words of this letter. The wizard's own words (often written for UWV or a
    doctor, and maybe about the illness) never go into a letter the employer reads."""
    own = (parties.get("own_words") or {}).get(kind, "")
    # the first letters of a money dispute go to the other side or to UWV: only their own words
    if own or reaches_employer(kind, role) or kind in money.RECIPIENTS:
        return own
    return parties.get("own_view", "")


def _place(address: str) -> str:
    """The town of an address's last line ("1234 AB Ede" -> "Ede"), for "place and date"."""
    lines = [x.strip() for x in (address or "").splitlines() if x.strip()]
    if not lines:
        return ""
    words = lines[-1].split()
    if len(words) >= 3 and words[0].isdigit() and len(words[1]) == 2 and words[1].isalpha():
        words = words[2:]
    elif words and words[0][:4].isdigit():
        words = words[1:]
    return " ".join(words)


# File names a person understands, per language (no gettext: these are not sentences).
FILE_STEMS = {
    "nl": {
        "talk": "voorbereiding-gesprek",
        "mediation": "voorstel-mediation",
        "expert_opinion": "verzoek-deskundigenoordeel",
        "second_opinion": "verzoek-second-opinion",
        "legal_advice": "vraag-om-juridisch-advies",
        "court": "loonvordering-voor-advocaat-of-juridisch-loket",
        "complaint": "klacht-over-bedrijfsarts",
        "fitness_own_work": "eigen-werk",
        "suitable_work": "passend-werk",
        "suitable_work_available": "passend-werk-in-het-bedrijf",
        "employer_efforts": "inspanningen-werkgever",
        "employee_efforts": "inspanningen-werknemer",
        "sheet": "zo-verstuurt-u",
    },
    "en": {
        "talk": "conversation-preparation",
        "mediation": "mediation-proposal",
        "expert_opinion": "request-expert-opinion",
        "second_opinion": "request-second-opinion",
        "legal_advice": "request-legal-advice",
        "court": "wage-claim-for-a-lawyer-or-legal-aid",
        "complaint": "complaint-company-doctor",
        "fitness_own_work": "own-work",
        "suitable_work": "suitable-work",
        "suitable_work_available": "suitable-work-in-the-company",
        "employer_efforts": "employer-efforts",
        "employee_efforts": "employee-efforts",
        "sheet": "how-to-send",
    },
}


for _language, _stems in money_texts.FILE_STEMS.items():
    FILE_STEMS[_language].update(_stems)


def file_name(
    doc: DocumentRef, language: str, day: date, ext: str = "pdf", *, sheet: bool = False
) -> str:
    """E.g. verzoek-deskundigenoordeel-passend-werk-2026-11-30.pdf."""
    stems = FILE_STEMS.get(language[:2], FILE_STEMS["nl"])
    parts = [stems["sheet"]] if sheet else []
    parts.append(stems[doc.kind])
    if doc.question:
        parts.append(stems.get(doc.question, doc.question.replace("_", "-")))
    parts.append(day.isoformat())
    return "-".join(parts) + "." + ext


def _letter_details(parties: dict[str, Any]) -> dict[str, str]:
    """The optional details a recipient needs, formatted; "" where not given (left out)."""
    raw = parties.get("letter") or {}
    out = {k: str(raw.get(k) or "") for k in LETTER_FIELDS if k not in LETTER_DATES}
    for k in LETTER_DATES:
        out[k] = _d(raw.get(k)) if raw.get(k) else ""
    return out


def _legal_addressee(situation: dict[str, Any], role: str) -> str:
    """The legal-advice letter goes to the first legal helper the routing names."""
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


def build_document_context(
    case_file: dict[str, Any],
    doc: DocumentRef | None = None,
    attached: list[AttachedPiece] | None = None,
    *,
    today: date | None = None,
    advice: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The context for one document; every kind gets the same common keys plus its own.
    ``advice``: advice_context(case_file), when the caller has it already."""
    today = today or timezone.localdate()
    attached = attached or []
    situation = case_file["situation"]
    parties = case_file.get("parties") or {}
    advice = advice or advice_context(case_file)
    if doc is None:
        docs = [DocumentRef(d["kind"], d.get("question")) for d in advice["documents"]]
        doc = docs[0] if docs else DocumentRef("talk")
    role = case_file.get("role", "employee")
    employee = _party(parties.get("employee"))
    employer = _party(parties.get("employer"))
    doctor = _party(parties.get("bedrijfsarts"))
    advisor = _party(parties.get("advisor")) if parties.get("advisor") else None
    # The member stays the requester when a union advisor prepared it.
    requester, other = (employer, employee) if role == "employer" else (employee, employer)
    if advisor and advisor["name"]:
        contact = {"name": advisor["name"], "role": str(_("union advisor"))}
    elif requester["contact"]:
        contact = {"name": requester["contact"], "role": ""}
    else:
        contact = None
    disputes = [d for d in situation.get("disputes") or [] if d in t.DISPUTES]
    opinion_date = _d((situation.get("first_opinion") or {}).get("date"))
    enclosures = _enclosures(attached, opinion_date)
    cao = advice.get("expert_body") == "cao"
    recipient = recipient_of(doc.kind, role, cao)
    # The file names in the language the person reads the page in (the command: the case's).
    language = get_language() or str(case_file.get("language") or "nl")
    context: dict[str, Any] = {
        "kind": doc.kind,
        "route": doc.kind,
        "question": doc.question,
        "slug": doc.slug,
        "template": f"pdf/{doc.kind}.html",
        "title": str(t.LETTER_SUBJECTS[doc.kind]),
        "subtitle": doc.subtitle,
        "role": role,
        "date": _d(today),
        "place": _place(requester["address"]),
        "requester": requester,
        "requester_is_employer": role == "employer",
        "other_party": other,
        "contact": contact,
        "employee": employee,
        "employer": employer,
        "advisor": advisor,
        "bedrijfsarts": doctor,
        "recipient": recipient,
        "recipient_label": str(t.RECIPIENT_LABELS[recipient]),
        "reaches_employer": reaches_employer(doc.kind, role),
        "own_view": own_words_for(parties, doc.kind, role),
        "own_view_heading": str(
            (t.OWN_WORDS_HEADINGS_EMPLOYER if role == "employer" else {}).get(
                doc.kind, t.OWN_WORDS_HEADINGS[doc.kind]
            )
        ),
        "own_words_hint": str(t.OWN_WORDS_GUIDANCE[doc.kind]),
        "letter": _letter_details(parties),
        "sick_since": _d(situation.get("sick_since")),
        "first_opinion_date": opinion_date,
        "advice": advice,
        "is_primary": advice["primary"]["route"] == doc.kind,
        "disputes": [str(t.DISPUTES[d]) for d in disputes],
        "enclosures": enclosures,
        "to_enclose": [],
        "first_opinion_pages": sum(a.page_count for a in attached),
        "file_name": file_name(doc, language, today),
        "docx_name": file_name(doc, language, today, "docx"),
        "sheet_name": file_name(doc, language, today, sheet=True),
        "advice_date": today.isoformat(),
        "contract_end": money.contract_end(situation, today),
        "contract_end_label": str(money.CONTRACT_END_LABEL),
    }
    builder = _BUILDERS.get(doc.kind)
    if builder:
        builder(context, situation, disputes, doc)
    context["sheet"] = _sending_sheet(context)
    money.finish_sheet(context)
    return context


def _sending_sheet(ctx: dict[str, Any]) -> dict[str, Any]:
    """What the user needs to send the letter; on screen and as its own page, never in it."""
    kind = ctx["kind"]
    if kind == "expert_opinion":
        key = (
            "expert_opinion_cao"
            if ctx["cao_expert"]
            else (
                "expert_opinion_employer"
                if ctx["requester_is_employer"]
                else "expert_opinion_employee"
            )
        )
        where = str(t.SEND_WHERE[key])
        answer = str(t.SEND_ANSWER["expert_opinion_cao" if ctx["cao_expert"] else kind])
    else:
        where = str(t.SEND_WHERE[kind])
        if kind == "legal_advice":
            where = where % {"who": ctx["addressee_name"]}
        elif kind == "court":
            where = where % {"phone": JURIDISCH_LOKET_PHONE}
        answer = str(t.SEND_ANSWER[kind])
    costs = (
        [
            {"item": str(c["item"]), "text": str(c["text"]), "sources": _labels(c)}
            for c in ctx["advice"].get("costs", [])
        ]
        if ctx["is_primary"]
        else []
    )
    if kind != "expert_opinion":
        before = t.SEND_BEFORE
    elif ctx["requester_is_employer"]:
        before = t.SEND_BEFORE_EXPERT_EMPLOYER
    else:
        before = t.SEND_BEFORE_EXPERT
    deadline = (
        t.SEND_DEADLINE_CAO
        if kind == "expert_opinion" and ctx["cao_expert"]
        else t.SEND_DEADLINE[kind]
    )
    no_medical = ""
    if ctx["reaches_employer"]:
        no_medical = str(t.SEND_NO_MEDICAL_TALK if kind == "talk" else t.SEND_NO_MEDICAL)
    return {
        "title": str(_("How to send this letter"))
        if kind != "talk"
        else str(_("How to use this sheet")),
        "letter_title": ctx["title"],
        "subtitle": ctx["subtitle"],
        # the legal-advice letter names its addressee (union, insurer, Juridisch Loket)
        "recipient": ctx["addressee_name"] if kind == "legal_advice" else ctx["recipient_label"],
        "where": where,
        "enclosed": ctx["enclosures"],
        "to_add": ctx["to_enclose"],
        "before": str(before),
        "deadline": str(deadline),
        "answer": answer,
        "costs": costs,
        "no_medical": no_medical,
        "sign": kind != "talk",
        # the same 104-week picture as on the advice page, with its words
        "timeline_svg": ctx["advice"].get("timeline_svg", ""),
        "timeline_svg_print": for_print(ctx["advice"].get("timeline_svg", "")),
        "timeline_text": ctx["advice"].get("timeline_text", ""),
    }


def _labels(cost: dict[str, Any]) -> list[str]:
    """A cost's sources as names a person understands ("UWV-beleidsregels, §10"), not ids."""
    english = (get_language() or "nl").startswith("en")
    labels: list[str] = []
    for source_id in cost.get("sources") or []:
        label = citation_label(source_id, english=english)
        if label not in labels:
            labels.append(label)
    return labels


# --- per kind ---------------------------------------------------------------------------
def _talk(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    # the employer's sheet asks the employer's questions, not the employee's
    own = t.TALK_QUESTIONS_EMPLOYER if ctx["requester_is_employer"] else {}
    ctx["talk_questions"] = [str(own.get(d, t.TALK_QUESTIONS[d])) for d in disputes] or [
        str(t.TALK_QUESTIONS["medical_advice_doubt"])
    ]
    routes = [a["title"] for a in ctx["advice"]["alternatives"] if a["route"] != "talk"]
    ctx["if_it_fails"] = [str(r) for r in routes] or _talk_fallback(situation)
    ctx["with_whom"] = ctx["other_party"]["name"]


def _talk_fallback(situation: dict) -> list[str]:
    """The next step when the talk fails and the advice names none: mediation only while it
    is still open (voluntary: not again after a refusal, domain §2 [AK]), an expert opinion only
    while none was asked (one per situation, domain §3 [E]); otherwise legal advice."""
    steps = []
    if situation.get("mediation") in (None, "not_tried"):
        steps.append(str(_("Ask a mediator for help")))
    if situation.get("expert_opinion") in (None, "none"):
        steps.append(str(_("Ask for an expert opinion (deskundigenoordeel)")))
    return steps or [str(_("Get legal advice"))]


def _mediation(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    ctx["addressee"] = ctx["other_party"]
    ctx["employer_pays_self"] = ctx["requester_is_employer"]


def _expert(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    advice = ctx["advice"]
    question = doc.question or (advice["expert_opinion_questions"] or ["fitness_own_work"])[0]
    ctx["question"] = question
    ctx["expert_question"] = t.expert_question(question, ctx["role"])
    ctx["needs_from_date"] = question == "fitness_own_work"
    ctx["about_offered_work"] = question == "suitable_work"
    ctx["cao_expert"] = advice.get("expert_body") == "cao"
    # What UWV asks to enclose: on the sending sheet (the user adds them), not in the letter.
    ctx["to_enclose"] = [
        Enclosure(str(title), None, attached=False) for title in t.EXPERT_DOCUMENTS[question]
    ]
    ctx["wage_stopped"] = situation.get("wage") in ("stopped", "withheld")
    # UWV judges the question, not the working relationship: that stays out of the request.
    ctx["disputes"] = [str(t.DISPUTES[d]) for d in disputes if d != "relationship"]
    ctx["requester_label"] = str(_("employer") if ctx["requester_is_employer"] else _("employee"))


def _second(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    ctx["addressee"] = ctx["bedrijfsarts"]
    author = (situation.get("first_opinion") or {}).get("author")
    ctx["pmo"] = "pmo_doubt" in disputes or author == "pmo"


def _complaint(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    ctx["addressee"] = ctx["bedrijfsarts"]


def _legal(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    ctx["addressee_name"] = _legal_addressee(situation, ctx["role"])
    cao = situation.get("cao_expert") is True
    if ctx["requester_is_employer"]:
        cao_questions, own = t.LEGAL_QUESTIONS_EMPLOYER_CAO, t.LEGAL_QUESTIONS_EMPLOYER
    else:
        cao_questions, own = t.LEGAL_QUESTIONS_CAO, {}
    questions = [
        str(cao_questions[d] if cao and d in cao_questions else own.get(d, t.LEGAL_QUESTIONS[d]))
        for d in disputes
    ]
    ctx["legal_questions"] = questions + [str(q) for q in t.LEGAL_QUESTIONS_ALWAYS]
    ctx["to_enclose"] = [
        Enclosure(str(_("Plan of action (plan van aanpak) and its changes")), None, False),
        Enclosure(str(_("Letters and e-mails about the re-integration")), None, False),
    ]


def _court(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    state = situation.get("expert_opinion")
    ctx["has_expert_opinion"] = state in ("for_requester", "against_requester")
    ctx["expert_opinion_state"] = str(t.EXPERT_OPINION_STATE.get(state or "", t.YES_NO[None]))
    uploaded = str(_("Expert opinion (deskundigenoordeel)"))
    ctx["expert_opinion_attached"] = next(
        (e for e in ctx["enclosures"] if e.title.startswith(uploaded)), None
    )
    ctx["to_enclose"] = (
        []
        if ctx["expert_opinion_attached"]
        else [
            Enclosure(
                str(_("Expert opinion (deskundigenoordeel) of UWV or the CAO expert")), None, False
            )
        ]
    )
    ctx["to_enclose"] += [
        Enclosure(
            str(_("Pay slips and the letter that stopped or held back the wage")), None, False
        ),
        Enclosure(str(_("Employment contract")), None, False),
    ]


_BUILDERS = {
    "talk": _talk,
    "mediation": _mediation,
    "expert_opinion": _expert,
    "second_opinion": _second,
    "legal_advice": _legal,
    "court": _court,
    "complaint": _complaint,
    **money.BUILDERS,
}


# --- the web views' entry point ---------------------------------------------------------
def attached_pieces(case: Any) -> list[AttachedPiece]:
    return [AttachedPiece(a.kind, a.page_count, a.role) for a in case.attachments.all()]


def letter_language(case_file: dict[str, Any] | None) -> str:
    """The language of the letters: Dutch, the language of UWV, company doctors and Dutch
    employers, unless the person chose English on the details page (an English page alone
    made English letters to UWV)."""
    letter = ((case_file or {}).get("parties") or {}).get("letter") or {}
    return "en" if letter.get("language") == "en" else "nl"


def document_context(case: Any, doc: DocumentRef | str | None = None) -> dict[str, Any]:
    """The context for one of a saved case's documents (the first one when not named)."""
    case_file = case.case_file
    advice = advice_context(case_file)  # once, for finding the document and for its context
    if isinstance(doc, str) or doc is None:
        doc = find_document(case_file, doc, advice)
    return build_document_context(case_file, doc, attached_pieces(case), advice=advice)


#: Where the request goes when UWV takes it through its own online form (seed 000: by phone
#: or through the form on UWV's website; domain §3 [A]).
UWV_FORM_URL = (
    "https://www.uwv.nl/particulieren/ziek/ziek-met-werkgever/re-integreren-tijdens-ziekte/"
    "detail/deskundigenoordeel"
)
UWV_PHONE = "088-898 92 94"


def uwv_form_sections(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """UWV's request form, part by part in the form's order (the order the letter follows),
    each field with the answer to copy into it. A field with no answer says what to do (the
    BSN: UWV's form takes it through DigiD); nothing is invented."""
    if ctx["kind"] != "expert_opinion":
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
