"""One function builds each document's context; the HTML preview and the PDF both use it.

``build_document_context`` works on a case file (the JSON the engine reads) and a list of the
attached pieces, so the web views (``document_context``) and ``manage.py draft`` share it.
Templates get this prepared dict and hold no rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from decision_aid.documents import texts as t
from decision_aid.wizard.presenter import advice_context

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


@dataclass(frozen=True)
class Row:
    """One line of facts. ``blank`` says why the value is left to fill in by hand."""

    label: str
    value: str = ""
    blank: str = ""


def documents_for(case_file: dict[str, Any]) -> list[DocumentRef]:
    advice = advice_context(case_file)
    return [DocumentRef(d["kind"], d.get("question")) for d in advice["documents"]]


def find_document(case_file: dict[str, Any], slug: str | None) -> DocumentRef:
    """The document with this slug (the first one when no slug); LookupError if none."""
    docs = documents_for(case_file)
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


NOT_STORED = _("we do not store this number; write it in by hand")
NOT_ASKED = _("not asked by this aid; fill in by hand")


def _enclosures(attached: list[AttachedPiece]) -> list[Enclosure]:
    titles = {
        "pdf": _("Advice of the company doctor (first opinion), PDF"),
        "image": _("Advice of the company doctor (first opinion), photo"),
        "text": _("Advice of the company doctor (first opinion), typed by the requester"),
    }
    expert = {
        "pdf": _("Expert opinion (deskundigenoordeel), PDF"),
        "image": _("Expert opinion (deskundigenoordeel), photo"),
        "text": _("Expert opinion (deskundigenoordeel), typed by the requester"),
    }
    return [
        Enclosure(
            str((expert if a.role == "expert_opinion" else titles).get(a.kind, titles["pdf"])),
            a.page_count,
        )
        for a in attached
    ]


def _facts(
    situation: dict[str, Any], employee: dict, employer: dict, doctor: dict, week: int | None
) -> list[Row]:
    opinion = situation.get("first_opinion") or {}
    disputes = [str(t.DISPUTES[d]) for d in situation.get("disputes") or [] if d in t.DISPUTES]
    rows = [
        Row(str(_("Employee")), employee["name"]),
        Row(str(_("Employer")), employer["name"]),
        Row(str(_("Company doctor / occupational health service")), doctor["name"]),
        Row(str(_("First day of sickness")), _d(situation.get("sick_since"))),
        Row(str(_("Week of sickness now")), str(week) if week else ""),
        Row(
            str(_("Advice of the company doctor (first opinion)")),
            " – ".join(
                x
                for x in (
                    str(t.OPINION_AUTHOR.get(opinion.get("author") or "", "")),
                    _d(opinion.get("date")),
                )
                if x
            ),
        ),
        Row(str(_("What the disagreement is about")), "; ".join(disputes)),
        Row(str(_("Talked about it")), str(t.YES_NO[situation.get("talked")])),
        Row(
            str(_("Working relationship")),
            str(t.RELATIONSHIP.get(situation.get("relationship") or "", t.YES_NO[None])),
        ),
        Row(
            str(_("Mediation")),
            str(t.MEDIATION.get(situation.get("mediation") or "", t.YES_NO[None])),
        ),
        Row(
            str(_("Expert opinion (deskundigenoordeel)")),
            str(t.EXPERT_OPINION_STATE.get(situation.get("expert_opinion") or "", t.YES_NO[None])),
        ),
        Row(str(_("Wage")), str(t.WAGE.get(situation.get("wage") or "", t.YES_NO[None]))),
    ]
    return [r if r.value else Row(r.label, "—") for r in rows]


def _plus_weeks(start: date | None, weeks: int) -> date | None:
    """``start`` plus ``weeks``, or None past the calendar's end (a case file from year 9999
    gave a 500 here)."""
    if start is None:
        return None
    try:
        return start + timedelta(weeks=weeks)
    except OverflowError:
        return None


def _timeline(
    situation: dict[str, Any], advice: dict[str, Any], today: date
) -> list[dict[str, str]]:
    rows: list[tuple[date | None, int | None, str, str]] = []
    since = situation.get("sick_since")
    start = date.fromisoformat(since) if since else None
    if start:
        rows.append((start, 1, str(_("First day of sickness")), ""))
    opinion_date = (situation.get("first_opinion") or {}).get("date")
    if opinion_date:
        rows.append(
            (
                date.fromisoformat(opinion_date),
                None,
                str(_("Advice of the company doctor (first opinion)")),
                "",
            )
        )
    for m in advice["timeline"].get("milestones", []):
        when = _plus_weeks(start, m["week"] - 1)
        rows.append((when, m["week"], m["label"], m.get("status_label", "")))
    rows.append((today, advice["timeline"].get("week"), str(_("Date of the answers")), ""))
    rows.sort(key=lambda r: (r[0] or date.max, r[1] or 0))
    return [
        {
            "date": _d(when),
            "week": str(week) if week else "",
            "event": label,
            "status": str(status),
        }
        for when, week, label, status in rows
    ]


def _legal_addressee(situation: dict[str, Any], role: str) -> str:
    if role != "employer" and situation.get("union_member"):
        return str(_("The union (vakbond)"))
    if situation.get("legal_insurance"):
        return str(_("The legal expenses insurer (rechtsbijstandsverzekering)"))
    if role == "employer":
        return str(_("Our legal advisor"))
    return str(_("Het Juridisch Loket (0900-8020, juridischloket.nl)"))


def build_document_context(
    case_file: dict[str, Any],
    doc: DocumentRef | None = None,
    attached: list[AttachedPiece] | None = None,
    *,
    today: date | None = None,
) -> dict[str, Any]:
    """The context for one document; every kind gets the same common keys plus its own."""
    today = today or timezone.localdate()
    attached = attached or []
    situation = case_file["situation"]
    parties = case_file.get("parties") or {}
    advice = advice_context(case_file)
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
    week = advice["timeline"].get("week")
    disputes = [d for d in situation.get("disputes") or [] if d in t.DISPUTES]
    enclosures = _enclosures(attached)
    context: dict[str, Any] = {
        "kind": doc.kind,
        "route": doc.kind,
        "question": doc.question,
        "slug": doc.slug,
        "template": f"pdf/{doc.kind}.html",
        "title": doc.title,
        "subtitle": doc.subtitle,
        "role": role,
        "date": _d(today),
        "requester": requester,
        "requester_is_employer": role == "employer",
        "other_party": other,
        "contact": contact,
        "employee": employee,
        "employer": employer,
        "advisor": advisor,
        "bedrijfsarts": doctor,
        "own_view": parties.get("own_view", ""),
        "own_view_heading": str(t.OWN_WORDS_HEADINGS[doc.kind]),
        "sick_since": _d(situation.get("sick_since")) or "—",
        "first_opinion_date": _d((situation.get("first_opinion") or {}).get("date")) or "—",
        "advice": advice,
        "is_primary": advice["primary"]["route"] == doc.kind,
        "facts": _facts(situation, employee, employer, doctor, week),
        "timeline": _timeline(
            situation,
            advice,
            date.fromisoformat(case_file["as_of"]) if case_file.get("as_of") else today,
        ),
        "disputes": [str(t.DISPUTES[d]) for d in disputes],
        "enclosures": enclosures,
        "to_enclose": [],
        "first_opinion_pages": sum(a.page_count for a in attached),
        "not_stored": str(NOT_STORED),
        "not_asked": str(NOT_ASKED),
    }
    builder = _BUILDERS.get(doc.kind)
    if builder:
        builder(context, situation, disputes, doc)
    return context


# --- per kind ---------------------------------------------------------------------------
def _talk(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    ctx["talk_questions"] = [str(t.TALK_QUESTIONS[d]) for d in disputes] or [
        str(t.TALK_QUESTIONS["medical_advice_doubt"])
    ]
    routes = [a["title"] for a in ctx["advice"]["alternatives"] if a["route"] != "talk"]
    ctx["if_it_fails"] = [str(r) for r in routes] or [
        str(_("Ask a mediator for help")),
        str(_("Ask for an expert opinion (deskundigenoordeel)")),
    ]
    ctx["with_whom"] = ctx["other_party"]["name"]


def _mediation(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    ctx["addressee"] = ctx["other_party"]
    ctx["employer_pays_self"] = ctx["requester_is_employer"]


def _expert(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    advice = ctx["advice"]
    question = doc.question or (advice["expert_opinion_questions"] or ["fitness_own_work"])[0]
    ctx["question"] = question
    ctx["expert_question"] = str(t.EXPERT_QUESTIONS.get(question, ""))
    ctx["needs_from_date"] = question == "fitness_own_work"
    ctx["cao_expert"] = advice.get("expert_body") == "cao"
    ctx["to_enclose"] = [
        Enclosure(str(title), None, attached=False) for title in t.EXPERT_DOCUMENTS[question]
    ]
    ctx["wage_stopped"] = situation.get("wage") in ("stopped", "withheld")
    ctx["requester_label"] = str(_("employer") if ctx["requester_is_employer"] else _("employee"))
    ctx["fee"] = "€ 400" if ctx["requester_is_employer"] else "€ 100"
    # Who and since when are in the form's own sections; keep the rest of the facts.
    shown = {str(_("Employee")), str(_("Employer")), str(_("First day of sickness"))}
    shown.add(str(_("Company doctor / occupational health service")))
    ctx["facts"] = [row for row in ctx["facts"] if row.label not in shown]
    ctx["other_questions"] = [
        str(t.EXPERT_QUESTIONS[q]) for q in advice["expert_opinion_questions"] if q != question
    ]


def _second(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    ctx["addressee"] = ctx["bedrijfsarts"]


def _legal(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    ctx["addressee_name"] = _legal_addressee(situation, ctx["role"])
    questions = [str(t.LEGAL_QUESTIONS[d]) for d in disputes]
    ctx["legal_questions"] = questions + [str(q) for q in t.LEGAL_QUESTIONS_ALWAYS]
    ctx["to_enclose"] = [
        Enclosure(str(_("Plan of action (plan van aanpak) and its changes")), None, False),
        Enclosure(str(_("Letters and e-mails about the re-integration")), None, False),
    ]


def _court(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: DocumentRef) -> None:
    state = situation.get("expert_opinion")
    ctx["has_expert_opinion"] = state in ("for_requester", "against_requester")
    ctx["expert_opinion_state"] = str(t.EXPERT_OPINION_STATE.get(state or "", t.YES_NO[None]))
    ctx["to_enclose"] = [
        Enclosure(
            str(_("Expert opinion (deskundigenoordeel) of UWV or the CAO expert")), None, False
        ),
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
}


# --- the web views' entry point ---------------------------------------------------------
def attached_pieces(case: Any) -> list[AttachedPiece]:
    return [AttachedPiece(a.kind, a.page_count, a.role) for a in case.attachments.all()]


def document_context(case: Any, doc: DocumentRef | str | None = None) -> dict[str, Any]:
    """The context for one of a saved case's documents (the first one when not named)."""
    case_file = case.case_file
    if isinstance(doc, str) or doc is None:
        doc = find_document(case_file, doc)
    return build_document_context(case_file, doc, attached_pieces(case))
