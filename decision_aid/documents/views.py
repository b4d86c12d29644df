"""The document pages of a case: add the first opinion, the drafts page, HTML preview, PDF.

Only the browser session that owns the case may see them (cases.selectors.owned_case): anyone
else gets 404. A refused file never touches what was already added or answered.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from decision_aid.cases.limits import upload_attempt_allowed
from decision_aid.cases.models import Attachment
from decision_aid.cases.selectors import owned_case
from decision_aid.cases.services import attachment_add, attachment_delete
from decision_aid.documents.attachments import (
    AttachmentError,
    Limits,
    Usage,
    normalize_text,
    read_limited,
)
from decision_aid.documents.forms import AttachmentForm, TypedTextForm
from decision_aid.documents.presenter import document_context, documents_for
from decision_aid.documents.render import render_html, render_pdf
from decision_aid.documents.sandbox import check_upload

logger = logging.getLogger(__name__)

MAX_NAME_SHOWN = 60


def _shown_name(name: str) -> str:
    name = (name or "").replace("\n", " ").strip() or "?"
    return name if len(name) <= MAX_NAME_SHOWN else name[: MAX_NAME_SHOWN - 1] + "…"


def _store(
    case: Any, item: Any, role: str = Attachment.Role.FIRST_OPINION, limits: Limits | None = None
) -> bool:
    """Store one checked attachment; False when the upload folder is full or not writable.
    Raises AttachmentError when a parallel upload filled the case meanwhile."""
    try:
        attachment_add(
            case=case,
            pdf=item.pdf,
            kind=item.kind,
            page_count=item.page_count,
            size=item.size,
            role=role,
            limits=limits,
        )
    except OSError:
        logger.exception("Could not store an attachment")
        return False
    return True


def _store_failed() -> str:
    return _(
        "We could not store your file right now. Your answers are saved. "
        "Try again later, or go on without the file."
    )


class AttachmentsView(View):
    """Add the first opinion (several files at once, or typed text) or remove a piece."""

    template_name = "documents/attachments.html"

    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = owned_case(request, case_id)
        return self._render(request, case, AttachmentForm(), TypedTextForm())

    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = owned_case(request, case_id)
        here = reverse("documents:attachments", kwargs={"case_id": case.id})
        if "remove" in request.POST:
            remove = request.POST["remove"]
            attachment = (
                case.attachments.filter(pk=int(remove)).first()
                if remove.isdigit() and len(remove) < 19
                else None
            )
            if attachment is None:  # a made-up or already removed number: say so, keep all
                messages.error(request, _("This file is not in your list. Nothing was removed."))
                return redirect(here)
            attachment_delete(attachment=attachment)
            return redirect(here)
        if not upload_attempt_allowed(case):
            return render(
                request,
                "limited.html",
                {
                    "page_title": _("Too many files at once"),
                    "message": _(
                        "Many files were sent for this case in the last hour. Your answers and "
                        "the files already added are saved. Wait an hour and try again."
                    ),
                },
                status=429,
            )
        limits = Limits.from_settings()
        usage = Usage.of(case.attachments.all())
        if request.POST.get("action") == "text":
            return self._add_text(request, case, limits, usage, here)
        form = AttachmentForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(request, case, form, TypedTextForm(), status=400)
        refused = False
        added: list[tuple[str, Any]] = []
        for upload in form.cleaned_data["file"]:
            name = _shown_name(upload.name)
            try:
                data = read_limited(upload, limits.max_bytes)
                item = check_upload(data, name=upload.name or "", limits=limits, usage=usage)
                stored = _store(case, item, form.cleaned_data["role"], limits)
            except AttachmentError as exc:
                form.add_error("file", f"{name}: {exc.message}")
                refused = True
                if exc.code == "busy":
                    return self._render(request, case, form, TypedTextForm(), status=503)
                continue
            if not stored:
                form.add_error(None, _store_failed())
                return self._render(request, case, form, TypedTextForm(), status=503)
            usage = usage.plus(item)
            added.append((name, item))
        # With a refusal the page is shown now and the messages are read in this response: the
        # file names may be in them. After a redirect they wait in the session row until shown,
        # so then they say what was added without the name (a name is personal data).
        for name, item in added:
            label = (
                name
                if refused
                else ngettext(
                    "%(kind)s, %(pages)d page", "%(kind)s, %(pages)d pages", item.page_count
                )
                % {"kind": Attachment.Kind(item.kind).label, "pages": item.page_count}
            )
            for notice in item.notices:
                messages.info(request, f"{label}: {notice}")
            messages.success(request, _("Added: %(name)s") % {"name": label})
        if refused:
            return self._render(request, case, form, TypedTextForm(), status=400)
        return redirect(here)

    def _add_text(
        self, request: HttpRequest, case: Any, limits: Limits, usage: Usage, here: str
    ) -> HttpResponse:
        text_form = TypedTextForm(request.POST)
        if text_form.is_valid():
            try:
                item = normalize_text(
                    text_form.cleaned_data["text"],
                    limits=limits,
                    usage=usage,
                    day=timezone.localdate().strftime("%d-%m-%Y"),
                )
                stored = _store(case, item, limits=limits)
            except AttachmentError as exc:
                text_form.add_error("text", exc.message)
            else:
                if not stored:
                    text_form.add_error(None, _store_failed())
                    return self._render(request, case, AttachmentForm(), text_form, status=503)
                messages.success(request, _("Added: the text you typed"))
                return redirect(here)
        return self._render(request, case, AttachmentForm(), text_form, status=400)

    def _render(
        self,
        request: HttpRequest,
        case: Any,
        form: AttachmentForm,
        text_form: TypedTextForm,
        status: int = 200,
    ) -> HttpResponse:
        attachments = list(case.attachments.all())
        return render(
            request,
            self.template_name,
            {
                "case": case,
                "form": form,
                "text_form": text_form,
                "attachments": attachments,
                "limits": Limits.from_settings(),
                "is_court": any(d.kind == "court" for d in _documents(case)),
                "page_title": _("Add the advice of the company doctor"),
            },
            status=status,
        )


def _documents(case: Any) -> list[Any]:
    return documents_for(case.case_file) if case.case_file else []


def _doc_context(case: Any, doc: str | None) -> dict[str, Any]:
    if not case.case_file:
        raise Http404
    try:
        return document_context(case, doc)
    except LookupError as exc:
        raise Http404 from exc


class DraftView(View):
    """Every document the advice names, each with a preview and a PDF download."""

    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = owned_case(request, case_id)
        docs = _documents(case)
        pages = sum(a.page_count for a in case.attachments.all())
        context = {
            "case": case,
            "documents": docs,
            "first_opinion_pages": pages,
            "own_view": (case.case_file.get("parties") or {}).get("own_view", ""),
            "page_title": _("Your draft is ready") if docs else _("Your letter"),
        }
        return render(request, "documents/draft.html", context, status=200)


class PreviewView(View):
    def get(self, request: HttpRequest, case_id: Any, doc: str | None = None) -> HttpResponse:
        case = owned_case(request, case_id)
        context = _doc_context(case, doc)
        kwargs = {"case_id": case.id}
        context.update(
            pdf_url=reverse("documents:pdf_doc", kwargs={**kwargs, "doc": context["slug"]}),
            details_url=reverse("wizard:step", kwargs={**kwargs, "step": "details"}),
            review_url=reverse("wizard:step", kwargs={**kwargs, "step": "review"}),
            attachments_url=reverse("documents:attachments", kwargs=kwargs),
            draft_url=reverse("documents:draft", kwargs=kwargs),
        )
        response = HttpResponse(render_html(context, for_pdf=False))
        response["Cache-Control"] = "no-store"
        return response


class PdfView(View):
    def get(self, request: HttpRequest, case_id: Any, doc: str | None = None) -> HttpResponse:
        case = owned_case(request, case_id)
        context = _doc_context(case, doc)
        try:
            attachments = [a.read_pdf() for a in case.attachments.all()]
            pdf = render_pdf(context, attachments)
        except Exception:
            logger.exception("PDF rendering failed for a case")
            return render(
                request,
                "documents/draft.html",
                {
                    "case": case,
                    "documents": _documents(case),
                    "first_opinion_pages": context["first_opinion_pages"],
                    "own_view": context["own_view"],
                    "page_title": context["title"],
                    "pdf_error": _(
                        "Making the PDF did not work. Your answers are saved. "
                        "Try again in a minute."
                    ),
                },
                status=503,
            )
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = _("draft") + f"-{context['slug']}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response
