"""The wizard's side of the case file: "check your answers" rows, and the case file for the
pages a person has stored (validated with the wizard's own forms). The mapping itself lives in
decision_aid/casefile/."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms

from decision_aid.casefile.answers import build_case_file
from decision_aid.wizard import steps as s


@dataclass(frozen=True)
class ReviewRow:
    step: str
    question: str
    answer: str


def _display(field: forms.Field, value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    choices = dict(getattr(field, "choices", ()) or ())
    if isinstance(value, list):
        return "; ".join(str(choices.get(v, v)) for v in value)
    return str(choices.get(value, value))


def review_rows(
    answers: Mapping[str, Any], active_steps: Iterable[str], *, role: str | None = None
) -> list[ReviewRow]:
    """One row per answered question on the pages that are asked, in wizard order, in the words
    the person saw (their role's wording)."""
    rows = []
    for name in active_steps:
        step = s.STEP_BY_NAME[name]
        if step.section > 4:
            continue
        for field_name, field in step.form(prefix=name, role=role).fields.items():
            rows.append(
                ReviewRow(
                    step=name,
                    question=str(field.label),
                    answer=_display(field, answers.get(field_name)),
                )
            )
    return rows


def wizard_state_to_case_file(state: Mapping[str, Any], *, language: str = "nl") -> dict[str, Any]:
    """The case file for stored wizard pages: only valid pages that the answers make relevant."""
    from django.utils import timezone
    from django.utils.datastructures import MultiValueDict

    data = {step: MultiValueDict(values) for step, values in state.get("step_data", {}).items()}
    raw = s.raw_answers(data.get)
    cleaned: dict[str, Any] = {}
    for step in s.STEPS:
        if step.name not in data or (step.condition and not step.condition(raw)):
            continue
        kwargs = {"role": raw.get("role")} if step.name == "details" else {}
        form = step.form(data=data[step.name], prefix=step.name, **kwargs)
        if form.is_valid():
            cleaned.update(form.cleaned_data)
    return build_case_file(cleaned, as_of=timezone.localdate(), language=language)
