"""Keep or delete: resume with a code, download, delete everything."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from decision_aid import counting as insight
from decision_aid.casefile.answers import case_file_to_wizard_state
from decision_aid.casefile.state import case_file_from_state
from decision_aid.cases.access import Action, case_for
from decision_aid.cases.casefile_io import MAX_BYTES, parse_case_json
from decision_aid.cases.forms import CaseFileUploadForm, ResumeForm
from decision_aid.cases.leave import TYPED_BACK
from decision_aid.cases.limits import (
    TooManyCases,
    case_create_limited,
    resume_attempt,
    resume_blocked_message,
    resume_right,
    resume_wrong,
    too_many_cases_response,
)
from decision_aid.cases.models import Case
from decision_aid.cases.selectors import session_add_case, session_remove_case
from decision_aid.cases.services import (
    case_delete_by_member,
    case_find_by_resume_code,
    case_save_state,
)
from decision_aid.routing.casefile import CaseFileError, load_case


def case_home_url(case: Case) -> str:
    if case.finished:
        return reverse("documents:draft", kwargs={"case_id": case.id})
    return reverse("wizard:case", kwargs={"case_id": case.id})


class ResumeView(View):
    template_name = "cases/resume.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = ResumeForm(initial={"code": request.GET.get("code", "")})
        return self._render(request, form, expired="expired" in request.GET)

    def post(self, request: HttpRequest) -> HttpResponse:
        if "case_file" in request.FILES or request.POST.get("action") == "upload":
            return self._from_case_file(request)
        form = ResumeForm(request.POST)
        step, typed = _typed_from_post(request)
        kept = {"typed": typed, "step": step, "expired": bool(typed)}
        if not form.is_valid():
            return self._render(request, form, status=400, **kept)
        if reason := resume_attempt(request):
            form.add_error("code", resume_blocked_message(reason))
            return self._render(request, form, status=429, **kept)
        case = case_find_by_resume_code(code=form.cleaned_data["code"])
        if case is None:
            resume_wrong(request)
            form.add_error(
                "code",
                _("This code is not right, or the case was deleted. Check the code and try again."),
            )
            return self._render(request, form, status=400, **kept)
        resume_right(request)
        # A new session key for the session that now holds a case (no session fixation).
        request.session.cycle_key()
        session_add_case(request, case)
        insight.count(request, insight.RESUME, "code")
        step, typed = _typed_from_post(request)
        if typed:
            request.session[TYPED_BACK] = {
                "case": str(case.id),
                "step": step,
                "values": {key: text for key, _label, text in typed},
            }
            return redirect(reverse("wizard:step", kwargs={"case_id": case.id, "step": step}))
        return redirect(case_home_url(case))

    def _from_case_file(self, request: HttpRequest) -> HttpResponse:
        upload_form = CaseFileUploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            try:
                raw = upload_form.cleaned_data["case_file"].read(MAX_BYTES + 1)
                data = parse_case_json(raw)
                load_case(data)
                state = case_file_to_wizard_state(data)
            except CaseFileError as exc:
                field = getattr(exc, "field", "") or ""
                message = _("This is not a valid answers file from this aid.")
                if field:
                    message += " " + _("The problem is in: %(field)s.") % {"field": field}
                upload_form.add_error("case_file", message)
            else:
                try:
                    case = case_create_limited(request=request)
                except TooManyCases:
                    return too_many_cases_response(request)
                request.session.cycle_key()
                case_save_state(case=case, state=state, language=request.LANGUAGE_CODE)
                session_add_case(request, case)
                insight.count(request, insight.RESUME, "file")
                return redirect(
                    reverse("wizard:step", kwargs={"case_id": case.id, "step": "review"})
                )
        return self._render(request, ResumeForm(), upload_form=upload_form, status=400)

    def _render(
        self,
        request: HttpRequest,
        form: ResumeForm,
        *,
        status: int = 200,
        expired: bool = False,
        upload_form: CaseFileUploadForm | None = None,
        typed: list[tuple[str, str, str]] = (),
        step: str = "",
    ) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "upload_form": upload_form or CaseFileUploadForm(),
                "expired": expired,
                "typed": typed,
                "typed_step": step,
                "page_title": _("Continue where you left off"),
            },
            status=status,
        )


def resume_after_expiry(
    request: HttpRequest, typed: list[tuple[str, str, str]], *, step: str
) -> HttpResponse:
    """The resume page for someone whose session ended while they typed: with what they had
    just sent (stored key, label, text) to copy; the code box sends it along, and after the
    right code it is back in the page's fields (wizard.views._put_back_typed)."""
    return ResumeView()._render(request, ResumeForm(), expired=True, typed=typed, step=step)


MAX_TYPED = 30


def _typed_from_post(request: HttpRequest) -> tuple[str, list[tuple[str, str, str]]]:
    """The typed text the resume form carried along: (page, [(key, label, text)])."""
    step = request.POST.get("typed_step", "")[:40]
    keys = request.POST.getlist("typed_key")[:MAX_TYPED]
    labels = request.POST.getlist("typed_label")[:MAX_TYPED]
    texts = request.POST.getlist("typed_text")[:MAX_TYPED]
    typed = [
        (key[:80], label[:200], text[:5000])
        for key, label, text in zip(keys, labels, texts, strict=False)
        if step and key.startswith(f"{step}-")
    ]
    return step, typed


class DeleteView(View):
    template_name = "cases/delete.html"

    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = case_for(request, case_id, Action.DELETE_CASE)
        return render(
            request, self.template_name, {"case": case, "page_title": _("Delete everything")}
        )

    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = case_for(request, case_id, Action.DELETE_CASE)
        case_delete_by_member(case=case)
        session_remove_case(request, case_id)
        insight.count(request, insight.DELETION, "person")
        return render(request, "cases/deleted.html", {"page_title": _("Everything is deleted")})


class CaseFileDownloadView(View):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = case_for(request, case_id, Action.VIEW_ANSWERS)
        data = case.case_file or case_file_from_state(case.wizard_state or {})
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="antwoorden.json"'
        response["Cache-Control"] = "no-store"
        return response


def _deletion_day(case: Any) -> str:
    """The day the answers go, as a person in the Netherlands counts days: the stored moment is
    UTC, and from 23:00 UTC (22:00 in summer) it is already the next day in Amsterdam."""
    return timezone.localtime(case.expires_at).strftime("%d-%m-%Y")


class ResumeCodeDownloadView(View):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = case_for(request, case_id, Action.RESUME_CODE)
        link = request.build_absolute_uri(reverse("cases:resume") + f"?code={case.resume_code}")
        text = _(
            "Re-integration dispute aid\n\nYour resume code: %(code)s\nLink: %(link)s\n\n"
            "Your answers are deleted on %(date)s.\n"
        ) % {"code": case.resume_code, "link": link, "date": _deletion_day(case)}
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="hervatcode.txt"'
        response["Cache-Control"] = "no-store"
        return response


class AttachmentDownloadView(View):
    """An uploaded first opinion, only for its owner, never rendered inline."""

    def get(self, request: HttpRequest, case_id: Any, attachment_id: int) -> HttpResponse:
        case = case_for(request, case_id, Action.VIEW_ATTACHMENT)
        attachment = get_object_or_404(case.attachments, pk=attachment_id)
        response = HttpResponse(attachment.read_pdf(), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="bijlage-{attachment.pk}.pdf"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "no-store"
        return response
