"""The one-page intake an advisor fills in during a phone call, with the advice beside it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from decision_aid import counting as insight
from decision_aid.advice.presenter import advice_context
from decision_aid.advisors import (
    sharing,
)
from decision_aid.advisors.forms import (
    IntakeForm,
    initial_from_case_file,
)
from decision_aid.advisors.models import AdvisorCase, AuditEvent
from decision_aid.advisors.services import (
    advisor_case_save,
    audit_log,
)
from decision_aid.advisors.signed_in import (
    AdvisorView,
    case_file_of,
    kept_message,
    kept_page,
    shared_live_message,
)
from decision_aid.casefile.answers import build_case_file
from decision_aid.cases.access import Action
from decision_aid.counting import advice_counts


def _case_file_from(form: IntakeForm, request: HttpRequest) -> dict[str, Any]:
    contact = request.user.get_full_name() or request.user.get_username()
    return build_case_file(
        form.answers(contact_name=contact),
        as_of=timezone.localdate(),
        language=request.LANGUAGE_CODE,
    )


class IntakeView(AdvisorView):
    """All questions on one page; the advice beside it is recomputed on every change (with
    JavaScript) or with the "Update advice" button (without)."""

    template_name = "advisors/intake.html"

    def get(self, request: HttpRequest, case_id: Any = None) -> HttpResponse:
        existing = self.visible_case(case_id) if case_id else None
        if existing and self.allows(existing, Action.CALL):
            return redirect(reverse("advisors:live", kwargs={"case_id": existing.case_id}))
        if existing and not self.allows(existing, Action.REBUILD):
            return kept_page(request, existing)
        if existing:
            initial = initial_from_case_file(case_file_of(existing.case))
            initial["reference"] = existing.reference
            form = IntakeForm(initial=initial)
            audit_log(advisor=self.advisor, advisor_case=existing, action=AuditEvent.Action.VIEWED)
        else:
            form = IntakeForm()
        return self._render(request, form, existing, advice=None)

    def post(self, request: HttpRequest, case_id: Any = None) -> HttpResponse:
        existing = self.visible_case(case_id) if case_id else None
        form = IntakeForm(request.POST)
        if existing and not self.allows(existing, Action.REBUILD):
            # shown again with what was typed, never saved over the member's answers
            live_now = sharing.shared_live(existing)
            form.is_valid()
            form.add_error(None, shared_live_message() if live_now else kept_message())
            return self._render(request, form, existing, advice=None, status=409)
        if not form.is_valid():
            return self._render(request, form, existing, advice=None, status=400)
        case_file = _case_file_from(form, request)
        if "save" not in request.POST:
            return self._render(request, form, existing, advice=advice_context(case_file))
        saved = advisor_case_save(
            advisor=self.advisor,
            case_file=case_file,
            reference=form.cleaned_data.get("reference", ""),
            existing=existing,
        )
        if existing is None:  # a new intake: counted for the organisation
            role = case_file.get("role")
            insight.count(request, insight.INTAKE, "saved", role=role)
            for metric, key in advice_counts(case_file):
                insight.count(request, metric, key, role=role)
        return redirect(reverse("advisors:case", kwargs={"case_id": saved.case_id}))

    def _render(
        self,
        request: HttpRequest,
        form: IntakeForm,
        existing: AdvisorCase | None,
        *,
        advice: dict[str, Any] | None,
        status: int = 200,
    ) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "existing": existing,
                "advice": advice,
                "page_title": _("Intake") if not existing else _("Change the case"),
            },
            status=status,
        )


class AdvicePreviewView(AdvisorView):
    """The advice for the intake as it is now: an HTML fragment for the live panel."""

    def post(self, request: HttpRequest) -> HttpResponse:
        form = IntakeForm(request.POST)
        advice = advice_context(_case_file_from(form, request)) if form.is_valid() else None
        return render(request, "advisors/_advice.html", {"advice": advice, "form": form})
