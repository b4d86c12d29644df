"""The union's own path to the letter: from the advisor's case page straight to the PDF and the
.docx, made from the answers the intake or the shared call collected, without the member's pages.

The member stays the requester (the letter speaks as the member and is signed by the member);
while the case is shared the advisor is the contact person, as in the member's own letter.
The advisor's notes are never part of it: only the answers and the member's own words are.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from decision_aid.advice.presenter import advice_context
from decision_aid.casefile import live
from decision_aid.casefile.state import case_file_from_state
from decision_aid.cases.access import CaseState, case_state
from decision_aid.cases.models import Case
from decision_aid.documents.presenter import (
    attached_pieces,
    build_document_context,
    documents_for,
    find_document,
)
from decision_aid.routing.casefile import CaseFileError, load_case

# the member shares it live or kept it (also while a new share code of the member waits)
SHARED = frozenset({CaseState.LIVE, CaseState.KEPT})


def letter_case_file(case: Case) -> dict[str, Any] | None:
    """The case file the letter is made from, or None while too much is missing.

    The union's own intake: its saved case file. A case the member shares or kept with the
    union: the answers as they are stored now (the call changes those, not the case file the
    member's last "Make my letter" saved), with the member's own words per letter and the
    advisor as contact person."""
    stored = case.case_file if case.finished else {}
    shared = case_state(case) in SHARED
    if not shared and stored:
        case_file = stored
    else:
        state = case.wizard_state
        if not state:
            return None
        try:
            case_file = case_file_from_state(state, language=case.language)
        except (CaseFileError, KeyError, TypeError, ValueError):
            return None
        parties = case_file.setdefault("parties", {})
        own_words = (stored.get("parties") or {}).get("own_words")
        if own_words:
            parties["own_words"] = own_words
        contact = (state.get("extra_data") or {}).get(live.CONTACT)
        if contact and shared and case_file.get("role") == "employee":
            parties["advisor"] = {"name": str(contact)[:200]}
    try:
        load_case(case_file)
    except (CaseFileError, KeyError, TypeError, ValueError):
        return None
    return case_file


def letters(case: Case) -> list[dict[str, str]]:
    """The recommended letters (one per expert-opinion question), each with its two downloads;
    [] while the answers do not make a letter yet."""
    case_file = letter_case_file(case)
    if case_file is None:
        return []
    advice = advice_context(case_file)
    docs = documents_for(case_file, advice)
    out = []
    for doc in docs:
        if doc.kind != docs[0].kind:
            continue
        context = build_document_context(case_file, doc, [], advice=advice)
        kwargs = {"case_id": case.pk, "doc": doc.slug}
        out.append(
            {
                "slug": doc.slug,
                "title": context["title"],
                "subtitle": doc.subtitle,
                "pdf_url": reverse("advisors:letter_pdf", kwargs=kwargs),
                "docx_url": reverse("advisors:letter_docx", kwargs=kwargs),
            }
        )
    return out


def letter_context(case: Case, slug: str | None) -> dict[str, Any]:
    """The context of one letter; LookupError when the answers make no such letter."""
    case_file = letter_case_file(case)
    if case_file is None:
        raise LookupError(slug)
    advice = advice_context(case_file)
    doc = find_document(case_file, slug, advice)
    return build_document_context(case_file, doc, attached_pieces(case), advice=advice)
