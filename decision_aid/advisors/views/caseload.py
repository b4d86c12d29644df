"""The caseload: the case list, a case's page with its letters (PDF and .docx), notes, export
and import, removing the union's copy, and the audit log."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from decision_aid import counting as insight
from decision_aid.advice.presenter import advice_context
from decision_aid.advisors import (
    letters,
    listing,
    live,
    sharing,
)
from decision_aid.advisors.forms import (
    CaseFileImportForm,
    NoteForm,
)
from decision_aid.advisors.models import Advisor, AdvisorCase, AuditEvent
from decision_aid.advisors.services import (
    advisor_case_save,
    advisor_case_set_status,
    audit_log,
    member_deletions,
    note_add,
)
from decision_aid.advisors.signed_in import (
    AdvisorView,
    case_file_of,
    download_name,
    shared_live_page,
)
from decision_aid.cases.access import Action
from decision_aid.cases.casefile_io import MAX_BYTES, parse_case_json
from decision_aid.documents.docx import render_docx
from decision_aid.documents.render import render_pdf
from decision_aid.documents.sandbox import RenderError
from decision_aid.routing.casefile import CaseFileError, load_case


def _next_url(request: HttpRequest, filters: dict[str, Any], cursor: Any) -> str | None:
    """The link to the next page: the same filters, and where this page ended."""
    if not cursor:
        return None
    return f"{request.path}?{urlencode({**filters, 'after': cursor.encode()})}"


class CaseListView(AdvisorView):
    """Opens on "my open cases"; a lead can widen it to the whole organisation. Pages of
    listing.PAGE_SIZE in SQL (listing.case_page), whatever the caseload."""

    def get(self, request: HttpRequest) -> HttpResponse:
        query = request.GET.get("q", "")[:200]
        # No status asked for: the open cases. An empty status (the "All" option): every status.
        status = request.GET.get("status", AdvisorCase.Status.OPEN)
        if status not in AdvisorCase.Status.values:
            status = ""
        scope = "all" if self.advisor.is_lead and request.GET.get("scope") == "all" else "mine"
        cursor = listing.Cursor.decode(request.GET.get("after", ""))
        page = listing.case_page(
            self.advisor, scope=scope, status=status, query=query, cursor=cursor
        )
        filters = {"q": query, "status": status, "scope": scope}
        next_url = _next_url(request, filters, page.next_cursor)
        return render(
            request,
            "advisors/case_list.html",
            {
                "rows": page.rows,
                "q": query,
                "status": status,
                "scope": scope,
                "show_advisor": scope == "all",
                "statuses": [
                    (value, label, page.counts.get(value, 0))
                    for value, label in AdvisorCase.Status.choices
                ],
                "all_count": sum(page.counts.values()),
                "first_url": f"{request.path}?{urlencode(filters)}" if cursor else None,
                "next_url": next_url,
                "advisor": self.advisor,
                "member_deletions": member_deletions(self.advisor),
                "today": timezone.localdate(),
                "page_title": _("All cases") if scope == "all" else _("Your cases"),
            },
        )


class CaseDetailView(AdvisorView):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.case_for(case_id, Action.CASE_PAGE)
        audit_log(advisor=self.advisor, advisor_case=advisor_case, action=AuditEvent.Action.VIEWED)
        return self._render(request, advisor_case, NoteForm())

    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.case_for(case_id, Action.NOTES)
        if new_status := request.POST.get("status"):
            if new_status in AdvisorCase.Status.values:
                advisor_case_set_status(
                    advisor=self.advisor, advisor_case=advisor_case, status=new_status
                )
            return redirect(request.path)
        form = NoteForm(request.POST)
        if form.is_valid():
            note_add(
                advisor=self.advisor, advisor_case=advisor_case, text=form.cleaned_data["text"]
            )
            return redirect(request.path)
        return self._render(request, advisor_case, form, status=400)

    def _render(
        self, request: HttpRequest, advisor_case: AdvisorCase, form: NoteForm, status: int = 200
    ) -> HttpResponse:
        case = advisor_case.case
        # A case the member shares is the member's: its resume code is never shown here (it
        # would outlive "Stop sharing"); the advice comes from the stored answers so far.
        hand_over = self.allows(advisor_case, Action.HAND_OVER)
        resume_link = (
            request.build_absolute_uri(reverse("cases:resume") + f"?code={case.resume_code}")
            if hand_over
            else ""
        )
        advice = (
            advice_context(case.case_file)
            if case.finished
            else live.advice_for(case.wizard_state, language=case.language)
        )
        return render(
            request,
            "advisors/case_detail.html",
            {
                "ac": advisor_case,
                "case": case,
                "hand_over": hand_over,
                "may_upload": self.allows(advisor_case, Action.UPLOAD),
                "may_rebuild": self.allows(advisor_case, Action.REBUILD),
                "letters": letters.letters(case),
                "advice": advice,
                "notes": advisor_case.notes.select_related("author__user"),
                "form": form,
                "resume_link": resume_link,
                "statuses": AdvisorCase.Status.choices,
                "page_title": advisor_case.reference or advisor_case.member_name,
            },
            status=status,
        )


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class LetterView(AdvisorView):
    """The letter as PDF (with the added files as enclosures) or as .docx, straight from the
    case page (logged). The member is the requester; see advisors.letters."""

    fmt = "pdf"

    def get(self, request: HttpRequest, case_id: Any, doc: str | None = None) -> HttpResponse:
        advisor_case = self.case_for(case_id, Action.ADVISOR_LETTER)
        case = advisor_case.case
        try:
            context = letters.letter_context(case, doc)
        except LookupError:
            return render(
                request,
                "limited.html",
                {"page_title": _("No letter yet"), "message": _no_letter_message()},
                status=404,
            )
        try:
            if self.fmt == "docx":
                data, content_type, name = render_docx(context), DOCX, context["docx_name"]
            else:
                pieces = [a.read_pdf() for a in case.attachments.all()]
                data = render_pdf(context, pieces)
                content_type, name = "application/pdf", context["file_name"]
        except Exception as exc:
            message = (
                exc.message
                if isinstance(exc, RenderError)
                else _("Making the letter did not work. The answers are saved. Try again.")
            )
            return render(
                request,
                "limited.html",
                {"page_title": context["title"], "message": message},
                status=503,
            )
        audit_log(
            advisor=self.advisor, advisor_case=advisor_case, action=AuditEvent.Action.DOWNLOADED
        )
        response = HttpResponse(data, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(True, name)
        response["Cache-Control"] = "no-store"
        return response


class LetterDocxView(LetterView):
    fmt = "docx"


def _no_letter_message() -> str:
    return _(
        "The answers do not make a letter yet: the first day of sickness, the subject, the "
        "contract or whether the member is sick now is missing. Fill them in on the call or "
        "with Change answers."
    )


class AttachmentsRedirectView(AdvisorView):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.case_for(case_id, Action.UPLOAD)
        return redirect(reverse("documents:attachments", kwargs={"case_id": advisor_case.case_id}))


class ExportView(AdvisorView):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.case_for(case_id, Action.CASE_PAGE)
        audit_log(
            advisor=self.advisor, advisor_case=advisor_case, action=AuditEvent.Action.EXPORTED
        )
        response = HttpResponse(
            json.dumps(case_file_of(advisor_case.case), ensure_ascii=False, indent=2),
            content_type="application/json",
        )
        response["Content-Disposition"] = content_disposition_header(
            True, download_name(advisor_case.reference) + ".json"
        )
        response["Cache-Control"] = "no-store"
        return response


class ImportView(AdvisorView):
    template_name = "advisors/import.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {"form": CaseFileImportForm(), "page_title": _("Import a case file")},
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        form = CaseFileImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                # the same guarded reader as the public import: size, nesting, numbers, text
                # and years are checked before anything is built from the file
                data = parse_case_json(form.cleaned_data["case_file"].read(MAX_BYTES + 1))
                load_case(data)
            except CaseFileError as exc:
                field = getattr(exc, "field", "")
                form.add_error(
                    "case_file",
                    _("This is not a valid case file.") + (f" ({field})" if field else ""),
                )
            else:
                data["role"] = "advisor"
                saved = advisor_case_save(
                    advisor=self.advisor,
                    case_file=data,
                    reference=form.cleaned_data.get("reference", ""),
                )
                audit_log(
                    advisor=self.advisor, advisor_case=saved, action=AuditEvent.Action.IMPORTED
                )
                return redirect(reverse("advisors:case", kwargs={"case_id": saved.case_id}))
        return render(
            request,
            self.template_name,
            {"form": form, "page_title": _("Import a case file")},
            status=400,
        )


class DeleteView(AdvisorView):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.visible_case(case_id)
        if not self.allows(advisor_case, Action.REMOVE):
            return shared_live_page(request)
        kept = sharing.kept_for_member(advisor_case)
        return render(
            request,
            "advisors/delete.html",
            {
                "ac": advisor_case,
                "kept": kept,
                "page_title": _("Remove from our cases") if kept else _("Delete this case"),
            },
        )

    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.visible_case(case_id)
        if not self.allows(advisor_case, Action.REMOVE):
            return shared_live_page(request)
        # the state is read again under the case's lock: the member may have shared or kept
        # the case since this page was drawn (a kept case: the union lets go, the case stays)
        outcome = sharing.union_remove(advisor=self.advisor, advisor_case=advisor_case)
        if outcome == "live":
            return shared_live_page(request)
        if outcome == "deleted":
            insight.count(request, insight.DELETION, "advisor")
        return redirect("advisors:cases")


class AuditView(AdvisorView):
    """The organisation's audit log for its lead: pages of listing.AUDIT_PAGE_SIZE, newest
    first, filtered by advisor, action and case in SQL (listing.audit_page)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not self.advisor.is_lead:
            raise Http404
        # (user id, username) of each of the organisation's advisors, for the filter.
        advisors = list(
            Advisor.objects.filter(organisation_id=self.advisor.organisation_id)
            .order_by("user__username")
            .values_list("user_id", "user__username")
        )
        actor = request.GET.get("advisor", "")
        actor_id = next((user_id for user_id, _name in advisors if str(user_id) == actor), None)
        action = request.GET.get("action", "")
        if action not in AuditEvent.Action.values:
            action = ""
        case = request.GET.get("case", "")[:100]
        cursor = listing.AuditCursor.decode(request.GET.get("after", ""))
        page = listing.audit_page(
            self.advisor, actor_id=actor_id, action=action, case=case, cursor=cursor
        )
        filters = {"advisor": actor_id or "", "action": action, "case": case}
        next_url = _next_url(request, filters, page.next_cursor)
        return render(
            request,
            "advisors/audit.html",
            {
                "events": page.events,
                "advisors": advisors,
                "actor_id": actor_id,
                "action": action,
                "actions": AuditEvent.Action.choices,
                "case": case,
                "first_url": f"{request.path}?{urlencode(filters)}" if cursor else None,
                "next_url": next_url,
                "page_title": _("Audit log"),
            },
        )
