"""The letter kinds' registry: every kind the routing can name is one complete module, in Dutch
and in English, and the documents app makes each one without naming it."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from decision_aid.documents.presenter import DocumentRef, build_document_context, file_name
from decision_aid.documents.render import render_html
from decision_aid.letters import texts
from decision_aid.letters.registry import KINDS, letter_fields
from decision_aid.routing.advice import ExpertQuestion, LetterKind, Route
from tests.documents.cases import case_file_for

ROOT = Path(__file__).resolve().parents[2]
ROLES = ("employee", "employer", "advisor")

# A case file in which the advice names each kind (its letter is made from it).
MADE_FROM = {
    **{route: (route, {}) for route in ("talk", "mediation", "second_opinion", "complaint")},
    "expert_opinion": ("expert_opinion", {}),
    "legal_advice": ("legal_advice", {}),
    "court": ("court", {}),
    "wage_protest": ("talk", {"wage": "cut", "unfitness_disputed": False}),
    "pay_notice": ("talk", {"wage": "withheld"}),
    "sanction_objection": (
        "talk",
        {"sick_since": "2024-05-20", "wage_sanction": True, "sanction_decided_on": "2026-02-20"},
    ),
}
ROLE_OF = {"pay_notice": "employer", "sanction_objection": "employer"}


def _text(value: object, language: str) -> str:
    with translation.override(language):
        return str(value)


def test_every_letter_the_routing_can_name_is_a_kind_and_no_more():
    named = {r.value for r in Route} - {Route.OUT_OF_SCOPE, Route.OBJECTION}
    named |= {k.value for k in LetterKind}
    assert set(KINDS) == named


@pytest.mark.parametrize("key", list(KINDS))
def test_every_kind_is_complete_in_both_languages(key):
    kind = KINDS[key]
    assert (ROOT / "templates" / kind.template).is_file(), kind.template
    for attr in ("title", "purpose", "subject", "own_words_guidance", "own_words_heading"):
        nl, en = _text(getattr(kind, attr), "nl"), _text(getattr(kind, attr), "en")
        assert nl and en, (key, attr)
        assert nl != en, f"{key}.{attr} has no Dutch: {en!r}"
    for role in ROLES:
        label = texts.RECIPIENT_LABELS[kind.recipient_for(role)]
        assert _text(label, "nl") != _text(label, "en") or _text(label, "nl") == "UWV"
        assert _text(kind.heading_for(role), "nl")
    stems = {kind.file_stem["nl"], kind.file_stem["en"]}
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in stems), stems
    if kind.one_per_question:
        for language in ("nl", "en"):
            assert set(kind.question_stems[language]) == {q.value for q in ExpertQuestion}


@pytest.mark.parametrize("key", list(KINDS))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_kind_makes_its_letter_and_sending_sheet(key, language):
    """Each kind's letter carries its subject, and its sheet says where it goes, what comes back,
    by when and what to do before, in the person's language, under a file name of the kind."""
    route, situation = MADE_FROM[key]
    case_file = case_file_for(route, role=ROLE_OF.get(key), **situation)
    question = "fitness_own_work" if key == "expert_opinion" else None
    doc = DocumentRef(key, question)
    with translation.override(language):
        ctx = build_document_context(case_file, doc)
        letter = html.unescape(render_html(ctx))
        sheet = html.unescape(render_to_string("pdf/sending_sheet.html", {**ctx, "for_pdf": True}))
    assert ctx["kind"] == key and ctx["template"] == f"pdf/{key}.html"
    assert ctx["title"] in letter
    # a sheet to take along is not signed, so it has no "before you send it"
    parts = ("where", "answer", "deadline", "before") if ctx["sheet"]["sign"] else ("where",)
    for part in parts:
        assert ctx["sheet"][part], (key, part)
        assert ctx["sheet"][part] in sheet, (key, part)
    other = "en" if language == "nl" else "nl"
    with translation.override(other):
        other_ctx = build_document_context(case_file, doc)
    assert other_ctx["sheet"]["where"] != ctx["sheet"]["where"], f"{key}: sheet not translated"
    assert ctx["file_name"].startswith(KINDS[key].file_stem[language])
    assert file_name(doc, language, date(2026, 3, 2), sheet=True).startswith(
        texts.SHEET_STEM[language]
    )


def test_the_details_page_asks_what_some_letter_prints_and_no_more():
    """The union of the kinds' fields decides the details page. The payroll tax number goes on
    UWV's request form, and on the employer's objection to a wage sanction (UWV finds the
    employer's file by it), so an employer with a dated sanction is asked it too."""
    assert letter_fields({}) == {"birth_date", "job_title", "contract_hours", "doctor_advice"}
    assert "payroll_tax_number" in letter_fields({"disputes": ["employer_efforts"]})
    sanctioned = {"role": "employer", "wage_sanction": "yes", "sanction_decided_on": "20-02-2026"}
    assert "payroll_tax_number" in letter_fields(sanctioned)
    assert "payroll_tax_number" not in letter_fields({**sanctioned, "role": "employee"})
    stopped = letter_fields({"wage": "stopped"})
    assert {"wage_stopped_on", "gross_wage"} <= stopped
    # every detail the case file can hold is printed by some kind, given some answers
    from decision_aid.casefile.answers import LETTER_FIELDS

    everything = letter_fields(
        {
            "disputes": ["suitable_work", "fitness_own_work"],
            "wage": "stopped",
            **sanctioned,
        }
    )
    assert set(LETTER_FIELDS) == set(everything)


def test_no_screen_or_renderer_names_a_letter_kind():
    """What differs per kind is said by its module, so the documents and advisors apps and the
    templates branch on none (before: five `kind ==` branches in the sending sheet, a dict of
    recipients, a list of letters that reach the employer, one of the money letters)."""
    keys = "|".join(KINDS)
    named = re.compile(rf"""(==|!=|\bin)\s*\(?["']({keys})["']""")
    places = [
        *(ROOT / "decision_aid" / "documents").rglob("*.py"),
        *(ROOT / "decision_aid" / "advisors").rglob("*.py"),
        *(ROOT / "templates").rglob("*.html"),
    ]
    found = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in places
        for line in path.read_text("utf-8").splitlines()
        if named.search(line)
    ]
    assert found == []
