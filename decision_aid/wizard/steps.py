"""The wizard's pages, their sections ("Stap 3 van 7") and when each page is asked.

Conditions read the raw stored answers (no form validation, no ``get_cleaned_data_for_step``),
so they are cheap, cannot recurse, and are computed once per request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from decision_aid.routing.weeks import (
    MAX_SICK_WEEKS,
    MAX_WAGE_SANCTION_WEEKS,
    SANCTION_ASK_FROM_WEEK,
    sick_week,
)
from decision_aid.wizard import forms as f

RawAnswers = Mapping[str, object]


@dataclass(frozen=True)
class Section:
    number: int
    title: str


SECTIONS = (
    Section(1, _("Who you are")),
    Section(2, _("Your situation")),
    Section(3, _("The disagreement")),
    Section(4, _("What has happened")),
    Section(5, _("Check your answers")),
    Section(6, _("Advice")),
    Section(7, _("Your letter")),
)


@dataclass(frozen=True)
class Step:
    name: str
    form: type[f.WizardForm]
    section: int
    condition: Callable[[RawAnswers], bool] | None = None


_DATE_FIELD = f.DutchDateField(required=False)


@lru_cache(maxsize=256)
def _parse_date(value: str | None) -> date | None:
    """A stored date answer, or None when it is missing or not (yet) a valid date."""
    try:
        return _DATE_FIELD.clean(value)
    except Exception:
        return None


def has_employer(a: RawAnswers) -> bool:
    return a.get("employment") in ("permanent", "temporary")


def is_temporary(a: RawAnswers) -> bool:
    return a.get("employment") == "temporary"


def is_sick(a: RawAnswers) -> bool:
    """Sick, or declared fit while the employee disagrees (a fitness dispute, in scope)."""
    return has_employer(a) and a.get("still_sick") in ("yes", "declared_fit")


def past_104_weeks(a: RawAnswers) -> bool:
    """Sick for more than 104 weeks: ask whether UWV extended the pay with a wage sanction."""
    if not is_sick(a):
        return False
    since = _parse_date(a.get("sick_since"))
    today = a.today if isinstance(a, Answers) else timezone.localdate()
    return since is not None and sick_week(since, today) > MAX_SICK_WEEKS


def sanction_possible(a: RawAnswers) -> bool:
    """Ask about a wage sanction past week 104, and from week 87 to an employer: UWV decides on
    it when it checks the re-integration report with the WIA application (004 §3; §6)."""
    if past_104_weeks(a):
        return True
    if not is_sick(a) or a.get("role") != "employer":
        return False
    since = _parse_date(a.get("sick_since"))
    today = a.today if isinstance(a, Answers) else timezone.localdate()
    return since is not None and sick_week(since, today) >= SANCTION_ASK_FROM_WEEK


def sanction_imposed(a: RawAnswers) -> bool:
    return sanction_possible(a) and a.get("wage_sanction") == "yes"


def pay_in_dispute(a: RawAnswers) -> bool:
    """Paid less, refused, suspended or stopped: ask what the money dispute turns on."""
    return in_scope(a) and a.get("wage") in ("cut", "refused", "withheld", "stopped")


def in_scope(a: RawAnswers) -> bool:
    """Employment contract, sick, and within the 104 weeks (domain.md §6)."""
    if isinstance(a, Answers):
        if a.in_scope is None:
            a.in_scope = _in_scope(a, a.today)
        return a.in_scope
    return _in_scope(a, timezone.localdate())


def _in_scope(a: RawAnswers, today: date) -> bool:
    if not is_sick(a):
        return False
    since = _parse_date(a.get("sick_since"))
    if since is None:
        return True  # not answered yet: keep asking
    week = sick_week(since, today)
    if a.get("wage_sanction") == "yes":  # a loonsanctie extends the pay duty (004 §3)
        return week <= MAX_SICK_WEEKS + MAX_WAGE_SANCTION_WEEKS
    return week <= MAX_SICK_WEEKS


def has_first_opinion(a: RawAnswers) -> bool:
    return in_scope(a) and a.get("first_opinion") in ("bedrijfsarts", "other", "pmo")


def relationship_troubled(a: RawAnswers) -> bool:
    disputes = a.get("disputes") or []
    return in_scope(a) and (
        a.get("relationship") in ("strained", "broken") or "relationship" in disputes
    )


def employee_side(a: RawAnswers) -> bool:
    return in_scope(a) and a.get("role") != "employer"


STEPS: tuple[Step, ...] = (
    Step("role", f.RoleForm, 1),
    Step("employment", f.EmploymentForm, 2),
    Step("contract_end", f.ContractEndForm, 2, is_temporary),
    Step("still_sick", f.StillSickForm, 2, has_employer),
    Step("sick_since", f.SickSinceForm, 2, is_sick),
    Step("wage_sanction", f.WageSanctionForm, 2, sanction_possible),
    Step("sanction_decided_on", f.SanctionDateForm, 2, sanction_imposed),
    Step("disputes", f.DisputesForm, 3, in_scope),
    Step("first_opinion", f.FirstOpinionForm, 4, in_scope),
    Step("first_opinion_date", f.FirstOpinionDateForm, 4, has_first_opinion),
    Step("talked", f.TalkedForm, 4, in_scope),
    Step("relationship", f.RelationshipForm, 4, in_scope),
    Step("mediation", f.MediationForm, 4, relationship_troubled),
    Step("expert_opinion", f.ExpertOpinionForm, 4, in_scope),
    Step("wage", f.WageForm, 4, in_scope),
    Step("money", f.MoneyForm, 4, pay_in_dispute),
    Step("employer_passive", f.EmployerPassiveForm, 4, employee_side),
    Step("legal_help", f.LegalHelpForm, 4, in_scope),
    Step("cao_expert", f.CaoExpertForm, 4, in_scope),
    # out of scope: the result (with where to go instead) comes right after the deciding
    # answer, not after a check page of answers that do not matter
    Step("review", f.ReviewForm, 5, in_scope),
    Step("advice", f.AdviceForm, 6),
    Step("details", f.DetailsForm, 7, in_scope),
)

STEP_BY_NAME = {s.name: s for s in STEPS}
# after the wizard, for a case in scope: the attachments page and the draft page
LETTER_PAGES = ("attachments", "draft")
QUESTION_STEPS = tuple(s for s in STEPS if s.section <= 4)


class Answers(dict):
    """Raw answers as of one day, remembering whether the case is in scope: a dozen page
    conditions ask that, and the form list is resolved several times per request."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today
        self.in_scope: bool | None = None


def raw_answers(step_data: Callable[[str], Any], *, today: date | None = None) -> Answers:
    """Every stored answer by field name, unvalidated. ``step_data(name)`` gives a page's data."""
    raw = Answers(today or timezone.localdate())
    for step in STEPS:
        data = step_data(step.name)
        if not data:
            continue
        for name, field in step.form.base_fields.items():
            key = f"{step.name}-{name}"
            multiple = getattr(field.widget, "allow_multiple_selected", False)
            raw[name] = data.getlist(key) if multiple else data.get(key)
    return raw


# For counting pages only: an unanswered question that decides whether later pages are asked is
# counted as the common answer, so the count starts near the truth ("Stap 2 van 19", not "van 3"
# before the contract is known); another answer then adds or removes a page or two.
_ASSUMED_FOR_COUNTING = {
    "employment": "permanent",
    "still_sick": "yes",
    "first_opinion": "bedrijfsarts",
}


def journey_pages(answers: RawAnswers) -> list[str]:
    """Every page of this person's journey as the answers so far make it: the wizard pages whose
    condition holds, then the letter pages when there is a letter (the same list formtools
    builds from ``condition_dict``; unanswered scope questions counted as the common answer)."""
    today = answers.today if isinstance(answers, Answers) else timezone.localdate()
    counted = Answers(today)
    counted.update(answers)
    for name, value in _ASSUMED_FOR_COUNTING.items():
        if not counted.get(name):
            counted[name] = value
    pages = [step.name for step in STEPS if step.condition is None or step.condition(counted)]
    if "details" in pages:
        pages.extend(LETTER_PAGES)
    return pages


def progress(page: str, pages: list[str]) -> dict[str, int]:
    """ "Stap n van total" for a page: moves on every page. The total can
    grow or shrink by a page when an answer opens or closes a question."""
    n = pages.index(page) + 1 if page in pages else len(pages)
    return {"n": n, "total": len(pages)}


def _trial_values(step: Step, name: str, today: date) -> list[Any]:
    """The answers worth trying for a question not answered yet: each choice, and for a date
    one in each stretch of weeks where the pages asked differ (before week 87, from week 87,
    past week 104, past the longest wage sanction)."""
    field = step.form.base_fields[name]
    if isinstance(field, f.DutchDateField):
        weeks = (
            1,
            SANCTION_ASK_FROM_WEEK + 1,
            MAX_SICK_WEEKS + 2,
            MAX_SICK_WEEKS + MAX_WAGE_SANCTION_WEEKS + 2,
        )
        return [(today - timedelta(weeks=w)).strftime("%d-%m-%Y") for w in weeks]
    values = [value for value, _label in getattr(field, "choices", ())]
    if getattr(field.widget, "allow_multiple_selected", False):
        return [[value] for value in values]
    return values


def count_settled(answers: RawAnswers) -> bool:
    """Whether the number of pages is final: no answer still to give to a page of this
    journey can add or remove a page (each tried in turn). Until then the count is an estimate
    ("Stap 3 van ongeveer 19"): the money page, for one, is only known once the wage question
    is answered, and the total then went from 19 to 20 without a word."""
    today = answers.today if isinstance(answers, Answers) else timezone.localdate()
    pages = journey_pages(answers)
    for name in pages:
        step = STEP_BY_NAME.get(name)
        if step is None or step.section > 4:
            continue
        for field in step.form.base_fields:
            if answers.get(field) not in (None, "", []):
                continue
            for value in _trial_values(step, field, today):
                trial = Answers(today)
                trial.update(answers)
                trial[field] = value
                if len(journey_pages(trial)) != len(pages):
                    return False
    return True


def page_progress(page: str, answers: RawAnswers) -> dict[str, Any]:
    """ "Stap n van total" for a page, with ``about`` while the total is an estimate."""
    return {**progress(page, journey_pages(answers)), "about": not count_settled(answers)}


def stored_answers(state: Mapping[str, Any] | None, *, today: date | None = None) -> Answers:
    """Raw answers from a case's stored wizard state (``Case.wizard_state``)."""
    from django.utils.datastructures import MultiValueDict

    step_data = (state or {}).get("step_data") or {}

    def get(name: str) -> Any:
        values = step_data.get(name)
        return MultiValueDict(values) if values is not None else None

    return raw_answers(get, today=today)
