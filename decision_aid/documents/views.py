"""The document pages of a case: add the first opinion, the draft page, HTML preview, PDF.

Only the browser session that owns the case may see them (cases.selectors.owned_case): anyone
else gets 404.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from decision_aid.cases.selectors import owned_case
from decision_aid.cases.services import attachment_add, attachment_delete
from decision_aid.documents.forms import AttachmentForm
from decision_aid.documents.presenter import document_context
from decision_aid.documents.render import render_html, render_pdf

logger = logging.getLogger(__name__)


class AttachmentsView(View):
    """Add (one at a time) or remove the pages of the first opinion. A refused file never
    touches what was already added or answered."""

    template_name = "documents/attachments.html"

    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = owned_case(request, case_id)
        return self._render(request, case, AttachmentForm())

    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = owned_case(request, case_id)
        here = reverse("documents:attachments", kwargs={"case_id": case.id})
        if remove := request.POST.get("remove"):
            attachment = get_object_or_404(case.attachments, pk=remove)
            attachment_delete(attachment=attachment)
            return redirect(here)
        form = AttachmentForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(request, case, form, status=400)
        upload = form.cleaned_data["file"]
        attachment_add(
            case=case,
            pdf=upload.read(),
            kind="pdf",
            page_count=form.pdf_info.page_count,
            size=form.pdf_info.size,
        )
        return redirect(here)

    def _render(self, request: HttpRequest, case: Any, form: AttachmentForm, status: int = 200):  # noqa: ANN202
        return render(
            request,
            self.template_name,
            {
                "case": case,
                "form": form,
                "attachments": list(case.attachments.all()),
                "page_title": _("Add the advice of the company doctor"),
            },
            status=status,
        )


class DraftView(View):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = owned_case(request, case_id)
        context = document_context(case)
        return render(
            request,
            "documents/draft.html",
            {"case": case, "doc": context, "page_title": context["title"]},
        )


class PreviewView(View):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = owned_case(request, case_id)
        return HttpResponse(render_html(document_context(case), for_pdf=False))


class PdfView(View):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = owned_case(request, case_id)
        context = document_context(case)
        attachments = [a.read_pdf() for a in case.attachments.all()]
        try:
            pdf = render_pdf(context, attachments)
        except Exception:
            logger.exception("PDF rendering failed for a case")
            return render(
                request,
                "documents/draft.html",
                {
                    "case": case,
                    "doc": context,
                    "page_title": context["title"],
                    "pdf_error": _(
                        "Making the PDF did not work. Your answers are saved. "
                        "Try again in a minute."
                    ),
                },
                status=503,
            )
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = _("draft") + f"-{context['route']}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response
