"""Draft page, HTML preview and PDF download of a saved case. Only the session that made the
case may see it: anyone else gets 404."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views import View

from decision_aid.cases.models import Case
from decision_aid.documents.presenter import document_context
from decision_aid.documents.render import render_html, render_pdf

logger = logging.getLogger(__name__)


def owned_case(request: HttpRequest, case_id: Any) -> Case:
    if str(case_id) not in request.session.get("cases", []):
        raise Http404
    return get_object_or_404(Case, pk=case_id)


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
        attachments = []
        for stored in case.first_opinion_files.all():
            with stored.file.open("rb") as fh:
                attachments.append(fh.read())
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
