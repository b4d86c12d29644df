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
from decision_aid.cases.models import Attachment
from decision_aid.content import citation_label
from decision_aid.letters import texts as t
from decision_aid.letters.kind import Enclosure, LetterKind, day
from decision_aid.letters.registry import get


@dataclass(frozen=True)
class DocumentRef:
    """One document the advice names: a kind, and for an expert opinion its question."""

    kind: str
    question: str | None = None

    @property
    def letter_kind(self) -> LetterKind:
        return get(self.kind)

    @property
    def slug(self) -> str:
        return f"{self.kind}-{self.question}" if self.question else self.kind

    @property
    def title(self) -> str:
        return str(self.letter_kind.title)

    @property
    def subtitle(self) -> str:
        return str(t.EXPERT_QUESTIONS.get(self.question or "", ""))

    @property
    def purpose(self) -> str:
        return str(self.letter_kind.purpose)

    @property
    def guidance(self) -> str:
        return str(self.letter_kind.own_words_guidance)


@dataclass(frozen=True)
class AttachedPiece:
    """What the presenter needs to know of one stored piece of the first opinion."""

    kind: str  # pdf | image | text
    page_count: int
    role: str = "first_opinion"  # first_opinion | expert_opinion


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


def _party(data: dict[str, Any] | None) -> dict[str, str]:
    data = data or {}
    return {k: str(data.get(k) or "") for k in ("name", "address", "email", "phone", "contact")}


def _enclosures(attached: list[AttachedPiece], opinion_date: str) -> list[Enclosure]:
    """The attached pieces, numbered as the letter lists them and as their stamps say."""
    out = []
    enclosure_word = _("Enclosure")  # outside the f-string, where makemessages can see it
    for number, a in enumerate(attached, start=1):
        if a.role == Attachment.Role.EXPERT_OPINION:
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


def own_words_for(parties: dict[str, Any], kind: str, role: str) -> str:
    """The own words of this letter. The wizard's own words (often written for UWV or a
    doctor, and maybe about the illness) never go into a letter the employer reads, nor into a
    first letter of a money dispute (it goes to the other side or to UWV)."""
    own = (parties.get("own_words") or {}).get(kind, "")
    letter = get(kind)
    if own or letter.reaches_employer_for(role) or letter.first_letter:
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


def file_name(
    doc: DocumentRef, language: str, day_: date, ext: str = "pdf", *, sheet: bool = False
) -> str:
    """E.g. verzoek-deskundigenoordeel-passend-werk-2026-11-30.pdf."""
    lang = language[:2] if language[:2] in t.SHEET_STEM else "nl"
    parts = [t.SHEET_STEM[lang]] if sheet else []
    parts.append(doc.letter_kind.stem(lang, doc.question))
    parts.append(day_.isoformat())
    return "-".join(parts) + "." + ext


def _letter_details(parties: dict[str, Any]) -> dict[str, str]:
    """The optional details a recipient needs, formatted; "" where not given (left out)."""
    raw = parties.get("letter") or {}
    out = {k: str(raw.get(k) or "") for k in LETTER_FIELDS if k not in LETTER_DATES}
    for k in LETTER_DATES:
        out[k] = day(raw.get(k)) if raw.get(k) else ""
    return out


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
    opinion_date = day((situation.get("first_opinion") or {}).get("date"))
    enclosures = _enclosures(attached, opinion_date)
    cao = advice.get("expert_body") == "cao"
    letter = doc.letter_kind
    recipient = letter.recipient_for(role, cao)
    # The file names in the language the person reads the page in (the command: the case's).
    language = get_language() or str(case_file.get("language") or "nl")
    context: dict[str, Any] = {
        "kind": doc.kind,
        "route": doc.kind,
        "question": doc.question,
        "slug": doc.slug,
        "template": letter.template,
        "title": str(letter.subject),
        "subtitle": doc.subtitle,
        "role": role,
        "date": day(today),
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
        "reaches_employer": letter.reaches_employer_for(role),
        "own_view": own_words_for(parties, doc.kind, role),
        "own_view_heading": str(letter.heading_for(role)),
        "own_words_hint": str(letter.own_words_guidance),
        "letter": _letter_details(parties),
        "sick_since": day(situation.get("sick_since")),
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
        "contract_end": contract_end(situation, today),
        "contract_end_label": str(t.CONTRACT_END_LABEL),
    }
    if letter.build:
        letter.build(context, situation, disputes, doc.question)
    context["sheet"] = _sending_sheet(context, letter)
    return context


def contract_end(situation: dict, today: date) -> str:
    """A temporary contract's end date, while it still runs: it belongs in every letter."""
    end = situation.get("contract_end")
    if situation.get("employment") != "temporary" or not end:
        return ""
    return day(end) if date.fromisoformat(end) > today else ""


def _sending_sheet(ctx: dict[str, Any], letter: LetterKind) -> dict[str, Any]:
    """What the user needs to send the letter; on screen and as its own page, never in it."""
    send = letter.send_texts(ctx)
    costs = (
        [
            {"item": str(c["item"]), "text": str(c["text"]), "sources": _labels(c)}
            for c in ctx["advice"].get("costs", [])
        ]
        if ctx["is_primary"]
        else []
    )
    no_medical = ""
    if ctx["reaches_employer"]:
        no_medical = str(t.SEND_NO_MEDICAL_TALK if letter.is_sheet else t.SEND_NO_MEDICAL)
    # a dated deadline of this case shows beside this week's actions; the general one ("no
    # deadline by law") gives way to it
    deadline = letter.dated_deadline(ctx) if letter.dated_deadline else ""
    if not deadline and letter.ends_with_contract and ctx.get("contract_end"):
        deadline = str(t.SEND_DEADLINE_CONTRACT) % {"date": ctx["contract_end"]}
    return {
        "title": str(t.SHEET_TITLE_TAKE_ALONG if letter.is_sheet else t.SHEET_TITLE),
        "letter_title": ctx["title"],
        "subtitle": ctx["subtitle"],
        # e.g. the legal-advice letter names its addressee (union, insurer, Juridisch Loket)
        "recipient": ctx.get("sheet_recipient") or ctx["recipient_label"],
        "where": str(send.where),
        "enclosed": ctx["enclosures"],
        "to_add": ctx["to_enclose"],
        "before": str(send.before),
        "deadline": deadline or str(send.deadline),
        "deadline_dated": bool(deadline),
        "answer": str(send.answer),
        "costs": costs,
        "no_medical": no_medical,
        "sign": not letter.is_sheet,
        # the same 104-week picture as on the advice page, with its words
        "timeline_svg": ctx["advice"].get("timeline_svg", ""),
        "timeline_svg_print": for_print(ctx["advice"].get("timeline_svg", "")),
        "timeline_text": ctx["advice"].get("timeline_text", ""),
        "this_week_title": str(t.THIS_WEEK_TITLE),
        "this_week": ctx["advice"].get("this_week") or [],
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
