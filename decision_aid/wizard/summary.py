"""A readable summary of a person's answers and the advice: an HTML page to
read, print or save, next to the JSON case file (for an advisor, or to continue later)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from decision_aid.casefile.answers import build_case_file
from decision_aid.cases.access import Action, case_for
from decision_aid.wizard import steps as s
from decision_aid.wizard.review import review_rows


def cleaned_from_state(state: dict[str, Any] | None) -> tuple[dict[str, Any], list[str], bool]:
    """(cleaned answers, the pages asked, whether every question page is answered and valid)."""
    answers = s.stored_answers(state)
    step_data = (state or {}).get("step_data") or {}
    pages = [p for p in s.journey_pages(answers) if p in s.STEP_BY_NAME]
    cleaned: dict[str, Any] = {}
    complete = True
    for name in pages:
        step = s.STEP_BY_NAME[name]
        if step.section > 4:
            continue
        data = step_data.get(name)
        form = step.form(
            data=MultiValueDict(data) if data is not None else None,
            prefix=name,
            role=answers.get("role"),
        )
        if data is None or not form.is_valid():
            complete = False
            continue
        cleaned.update(form.cleaned_data)
    return cleaned, pages, complete


def summary_view(request: HttpRequest, case_id: Any) -> HttpResponse:
    from decision_aid.advice.presenter import advice_context

    case = case_for(request, case_id, Action.VIEW_ANSWERS)
    cleaned, pages, complete = cleaned_from_state(case.wizard_state)
    advice = None
    if complete:
        case_file = case.case_file or build_case_file(
            cleaned, as_of=timezone.localdate(), language=request.LANGUAGE_CODE
        )
        advice = advice_context(case_file)
    response = render(
        request,
        "wizard/summary.html",
        {
            "case": case,
            "rows": [
                row
                for row in review_rows(cleaned, pages, role=cleaned.get("role"))
                if row.answer != "—"
            ]
            if cleaned
            else [],
            "advice": advice,
            "complete": complete,
            "made_on": timezone.localdate(),
        },
    )
    response["Cache-Control"] = "no-store"
    if request.GET.get("download"):
        response["Content-Disposition"] = 'attachment; filename="antwoorden.html"'
    return response
