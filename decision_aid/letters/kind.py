"""What a letter kind is: the one shape every module in ``kinds/`` fills in."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

#: A kind's builder adds its own keys to the common context:
#: ``build(ctx, situation, disputes, question)``.
Builder = Callable[[dict[str, Any], dict[str, Any], list[str], "str | None"], None]
#: The sending sheet's texts that depend on the case: ``send(ctx)`` -> SendTexts.
SendRule = Callable[[dict[str, Any]], "SendTexts"]


@dataclass(frozen=True)
class Enclosure:
    """One paper that goes with a letter: attached to the PDF, or for the sender to add."""

    title: str
    pages: int | None
    attached: bool = True
    number: int = 0
    #: The stamp in the margin of each of its pages: "Bijlage 1 – Advies bedrijfsarts van …".
    stamp: str = ""


def to_add(titles: tuple[Promise, ...] | list[Promise]) -> list[Enclosure]:
    """Papers the sender adds by hand (listed on the sending sheet, never in the letter)."""
    return [Enclosure(str(title), None, attached=False) for title in titles]


@dataclass(frozen=True)
class SendTexts:
    """The sheet "How to send this letter": where it goes, when, what comes back, before."""

    where: Promise | str
    answer: Promise | str
    deadline: Promise | str
    before: Promise | str = _("Read it once more and sign it.")


def day(value: str | date | None) -> str:
    """A date as a Dutch letter writes it (dd-mm-jjjj); "" for no date."""
    if not value:
        return ""
    when = value if isinstance(value, date) else date.fromisoformat(value)
    return when.strftime("%d-%m-%Y")


@dataclass(frozen=True)
class LetterKind:
    """One letter kind. ``key`` is the routing's name for it (a route or a money letter)."""

    key: str
    #: Where it stands among the letters (the draft page lists them in the advice's order;
    #: this orders the registry, e.g. for the tests and the file names).
    order: int
    #: The title on the draft page, and what it is for.
    title: Promise
    purpose: Promise
    #: The subject line the recipient reads.
    subject: Promise
    #: Who receives it (a key of letters.texts.RECIPIENT_LABELS), by requester role and
    #: whether the cao names its own expert.
    recipient: Callable[[str, bool], str]
    #: The question in one's own words: the hint on the draft page and the heading in the
    #: letter (an employer's letter speaks as "we").
    own_words_guidance: Promise
    own_words_heading: Promise
    own_words_heading_employer: Promise | None
    #: File names a person understands, per language (no gettext: these are not sentences).
    file_stem: Mapping[str, str]
    #: The sending sheet's texts (fixed, or a rule for the variants of one kind).
    send: SendTexts | SendRule
    #: The letter details (a key of casefile.answers.LETTER_FIELDS) this kind prints, given
    #: the wizard's answers: the details page asks the union over all kinds and no more.
    fields: Callable[[Mapping[str, Any]], frozenset[str]]
    build: Builder | None = None
    #: The employer reads it when someone else writes it (a talk sheet may be shown in the
    #: conversation): then no medical word goes in, and the wizard's own view stays out.
    reaches_employer: bool = False
    #: A first letter of a money dispute: made ready beside the recommended step's letter, and
    #: it takes only its own words (the wizard's own view was written for UWV or a doctor).
    first_letter: bool = False
    #: Its reason section is the sender's own words (a wage stop's rule, an objection's
    #: grounds): the draft page says so while they are missing.
    needs_own_words: bool = False
    #: A sheet to take along rather than a letter to send (titled so, and not signed).
    is_sheet: bool = False
    #: UWV takes it through its own online form: the hand-off page with copy buttons.
    uwv_form: bool = False
    #: One letter per expert-opinion question (several explain "one question per request").
    one_per_question: bool = False
    #: The person may attach UWV's expert opinion as well as the company doctor's advice.
    takes_expert_opinion: bool = False
    #: A dated deadline of this case for the sheet (e.g. the objection's last day), or "".
    dated_deadline: Callable[[dict[str, Any]], str] | None = None
    #: A temporary contract's end is this letter's deadline (after it there is no expert
    #: opinion, talk or mediation between employer and employee any more).
    ends_with_contract: bool = False
    #: File-name parts for the kind's sub-documents (an expert opinion's questions).
    question_stems: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return f"pdf/{self.key}.html"

    def recipient_for(self, role: str, cao_expert: bool = False) -> str:
        return self.recipient(role, cao_expert)

    def reaches_employer_for(self, role: str) -> bool:
        return self.reaches_employer and role != "employer"

    def heading_for(self, role: str) -> Promise:
        if role == "employer" and self.own_words_heading_employer is not None:
            return self.own_words_heading_employer
        return self.own_words_heading

    def send_texts(self, ctx: dict[str, Any]) -> SendTexts:
        return self.send if isinstance(self.send, SendTexts) else self.send(ctx)

    def stem(self, language: str, question: str | None = None) -> str:
        lang = language[:2] if language[:2] in self.file_stem else "nl"
        parts = [self.file_stem[lang]]
        if question:
            parts.append(
                (self.question_stems.get(lang) or {}).get(question, question.replace("_", "-"))
            )
        return "-".join(parts)


def fixed(recipient: str) -> Callable[[str, bool], str]:
    """A kind that always goes to the same recipient."""

    def rule(role: str, cao_expert: bool) -> str:
        return recipient

    return rule


def no_fields(answers: Mapping[str, Any]) -> frozenset[str]:
    return frozenset()


def when_wage_stopped(*names: str) -> Callable[[Mapping[str, Any]], frozenset[str]]:
    """A kind's ``fields``: these details, asked only when the wage stopped or was held back."""

    def fields(answers: Mapping[str, Any]) -> frozenset[str]:
        return frozenset(names) if wage_stopped(answers) else frozenset()

    return fields


def wage_stopped(answers: Mapping[str, Any]) -> bool:
    """The wage stopped or was held back, or that is what the dispute is about."""
    return answers.get("wage") in ("stopped", "withheld") or "wage_stopped" in set(
        answers.get("disputes") or ()
    )
