"""The document pages of a case: add the first opinion, the drafts page, HTML preview, PDF.

Who may open them is decided by the access policy (cases.access): the member's letter pages
are the member's; the union makes its letter on the advisor's case page. Anyone else gets 404.
A refused file never touches what was already added or answered.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from decision_aid import counting as insight
from decision_aid.advice.presenter import advice_context
from decision_aid.cases.access import Action, access_for, case_for
from decision_aid.cases.clientip import client_key
from decision_aid.cases.leave import LEAVE, same_site
from decision_aid.cases.limits import upload_attempt_allowed
from decision_aid.cases.models import Attachment
from decision_aid.cases.services import (
    attachment_add,
    attachment_delete,
    case_mark_letter_counted,
    case_set_own_words,
)
from decision_aid.documents.attachments import (
    AttachmentError,
    Limits,
    Usage,
    normalize_text,
    read_limited,
)
from decision_aid.documents.docx import render_docx
from decision_aid.documents.forms import AttachmentForm, OwnWordsForm, TypedTextForm
from decision_aid.documents.presenter import (
    AttachedPiece,
    build_document_context,
    document_context,
    documents_for,
    letter_language,
    own_words_for,
)
from decision_aid.documents.render import render_html, render_pdf, render_sheet_pdf
from decision_aid.documents.sandbox import RenderError, check_upload
from decision_aid.letters.kinds.expert_opinion import UWV_FORM_URL, UWV_PHONE, uwv_form_sections

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
        case = case_for(request, case_id, Action.UPLOAD)
        return self._render(request, case, AttachmentForm(), TypedTextForm())

    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        """One form holds the file field and the text box. Every button saves what is filled
        in: "Add this file" and "Add the typed text" stay on the page, "Make my letter"
        (action=go) goes on to the letter, so a chosen file is never left behind."""
        case = case_for(request, case_id, Action.UPLOAD)
        here = reverse("documents:attachments", kwargs={"case_id": case.id})
        # Every control of the page sends its one form: "Remove", a link away (leave_to) and the
        # language switch also add what was chosen or typed, then do what they say.
        leave = same_site(request, request.POST.get(LEAVE, ""))
        language = request.POST.get("switch_language", "")
        if language not in dict(settings.LANGUAGES):
            language = ""
        if "remove" in request.POST:
            remove = request.POST["remove"]
            attachment = (
                case.attachments.filter(pk=int(remove)).first()
                if remove.isdigit() and len(remove) < 19
                else None
            )
            if attachment is None:  # a made-up or already removed number: say so, keep all
                messages.error(request, _("This file is not in your list. Nothing was removed."))
            else:
                attachment_delete(attachment=attachment)
        passing = "remove" in request.POST or leave or language
        action = request.POST.get("action") or ("" if passing else "file")
        sends_files = action == "file" or any(request.FILES.getlist("file"))
        sends_text = action == "text" or bool(request.POST.get("text", "").strip())
        # Only a request that sends something counts against the case's uploads per hour.
        if (sends_files or sends_text) and not upload_attempt_allowed(case):
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
        form, text_form = AttachmentForm(), TypedTextForm()
        if sends_files:
            form = AttachmentForm(request.POST, request.FILES)
            usage, outcome = self._add_files(request, case, form, limits, usage)
            if outcome in ("unavailable", "busy"):
                return self._render(request, case, form, TypedTextForm(request.POST), status=503)
        if sends_text:
            text_form = TypedTextForm(request.POST)
            outcome = self._add_text(request, case, text_form, limits, usage)
            if outcome == "unavailable":
                return self._render(request, case, form, text_form, status=503)
            if outcome == "done":
                text_form = TypedTextForm()  # stored: an empty box, so it is not added twice
        if form.errors or text_form.errors:
            return self._render(request, case, form, text_form, status=400)
        if action == "go":
            if not access_for(request, case).is_member:  # the union makes its letter on its page
                return redirect("advisors:case", case_id=case.id)
            return redirect("documents:draft", case_id=case.id)
        if leave:
            return redirect(leave)
        if language:
            return redirect(translate_url(here, language))
        return redirect(here)

    def _add_files(
        self, request: HttpRequest, case: Any, form: AttachmentForm, limits: Limits, usage: Usage
    ) -> tuple[Usage, str]:
        """Store each chosen file that passes the checks (in the sandbox, under the case's
        limits); refusals become field errors."""
        if not form.is_valid():
            return usage, "invalid"
        refused = False
        added: list[tuple[str, Any]] = []
        for upload in form.cleaned_data["file"]:
            name = _shown_name(upload.name)
            try:
                data = read_limited(upload, limits.max_bytes)
                item = check_upload(
                    data,
                    name=upload.name or "",
                    limits=limits,
                    usage=usage,
                    client=client_key(request),
                )
                stored = _store(case, item, form.cleaned_data["role"], limits)
            except AttachmentError as exc:
                form.add_error("file", f"{name}: {exc.message}")
                refused = True
                if exc.code == "busy":
                    return usage, "busy"
                continue
            if not stored:
                form.add_error(None, _store_failed())
                return usage, "unavailable"
            usage = usage.plus(item)
            added.append((name, item))
            insight.count(request, insight.ATTACHMENT, f"{form.cleaned_data['role']}.{item.kind}")
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
        return usage, "done"

    def _add_text(
        self,
        request: HttpRequest,
        case: Any,
        text_form: TypedTextForm,
        limits: Limits,
        usage: Usage,
    ) -> str:
        if not text_form.is_valid():
            return "invalid"
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
            return "invalid"
        if not stored:
            text_form.add_error(None, _store_failed())
            return "unavailable"
        insight.count(request, insight.ATTACHMENT, f"{Attachment.Role.FIRST_OPINION}.{item.kind}")
        messages.success(request, _("Added: the text you typed"))
        return "done"

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
                # the resume code and "delete everything" are the member's (cases.access)
                "member": access_for(request, case).is_member,
                "language_switch_form": "attachments-form",
                "form": form,
                "text_form": text_form,
                "attachments": attachments,
                "limits": Limits.from_settings(),
                "asks_expert_opinion": any(
                    d.letter_kind.takes_expert_opinion for d in _documents(case)
                ),
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


def _draft_page_context(case: Any) -> dict[str, Any]:
    """The recommended letter (one per expert-opinion question) with its sending sheet; the
    advice's other steps as "also possible"."""
    case_file = case.case_file
    advice = advice_context(case_file) if case_file else None  # once for every letter here
    docs = documents_for(case_file, advice) if case_file else []
    attachments = list(case.attachments.all())  # one query for every letter on the page
    pieces = [AttachedPiece(a.kind, a.page_count, a.role) for a in attachments]
    letters, also = [], []
    # ready: the first letters of a money dispute, and the recommended step's letter(s)
    first_route = next((d.kind for d in docs if not d.letter_kind.first_letter), None)
    ready = {d.kind for d in docs if d.letter_kind.first_letter} | {first_route}
    for doc in docs:
        if doc.kind in ready:
            context = build_document_context(case_file, doc, pieces, advice=advice)
            letters.append(
                {
                    "slug": doc.slug,
                    "title": context["title"],
                    "subtitle": doc.subtitle,
                    "purpose": doc.purpose,
                    "file_name": context["file_name"],
                    "docx_name": context["docx_name"],
                    "sheet_name": context["sheet_name"],
                    "sheet": context["sheet"],
                    # UWV takes this request through its own form: that page is the main path
                    "uwv_form": doc.letter_kind.uwv_form and not context["cao_expert"],
                    # a money letter takes only its own words: without them its reason section
                    # (for a wage stop: the rule not followed) is printed empty
                    "own_words_missing": doc.letter_kind.needs_own_words
                    and not context["own_view"],
                    "own_words_heading": context["own_view_heading"],
                }
            )
        else:
            also.append(doc)
    return {
        "case": case,
        "feedback_role": (case_file or {}).get("role", ""),
        "letters": letters,
        # "UWV answers one question per request" explains only several expert-opinion letters;
        # a wage claim beside a letter for legal help has another reason: another reader
        "several_uwv_questions": sum(
            d.letter_kind.one_per_question and d.kind in ready for d in docs
        )
        > 1,
        "also_possible": also,
        "first_opinion_pages": sum(a.page_count for a in attachments),
        "letter_language": letter_language(case_file),
    }


class DraftView(View):
    """The letter for the recommended step, ready to download, with how to send it."""

    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = case_for(request, case_id, Action.MAKE_LETTER)
        context = _draft_page_context(case)
        context["page_title"] = _("Your letter")
        return render(request, "documents/draft.html", context, status=200)


class PreviewView(View):
    def get(self, request: HttpRequest, case_id: Any, doc: str | None = None) -> HttpResponse:
        case = case_for(request, case_id, Action.MAKE_LETTER)
        with translation.override(letter_language(case.case_file)):
            context = _doc_context(case, doc)
            context.update(_links(case, context["slug"]))
            html = render_html(context, for_pdf=False)
        response = HttpResponse(html)
        response["Cache-Control"] = "no-store"
        return response


class PdfView(View):
    def get(self, request: HttpRequest, case_id: Any, doc: str | None = None) -> HttpResponse:
        case = case_for(request, case_id, Action.MAKE_LETTER)
        language = letter_language(case.case_file)
        with translation.override(language):
            context = _doc_context(case, doc)
        try:
            with translation.override(language):
                attachments = [a.read_pdf() for a in case.attachments.all()]
                pdf = render_pdf(context, attachments)
        except Exception as exc:
            return _render_failed(request, case, context["title"], exc)
        _count_letter(request, case, context, "pdf")
        return _download(pdf, "application/pdf", context["file_name"])


def _render_failed(request: HttpRequest, case: Any, title: str, exc: Exception) -> HttpResponse:
    """The letter page again with what went wrong (503): a render stopped at its budget or
    refused because every render slot is busy says so (documents.sandbox); anything else is
    logged and said plainly. The answers are saved; nothing is lost."""
    if isinstance(exc, RenderError):
        message = exc.message
    else:
        logger.error("PDF rendering failed for a case", exc_info=exc)
        message = _("Making the PDF did not work. Your answers are saved. Try again in a minute.")
    page = _draft_page_context(case)
    page["page_title"] = title
    page["pdf_error"] = message
    return render(request, "documents/draft.html", page, status=503)


def _count_letter(request: HttpRequest, case: Any, context: dict[str, Any], fmt: str) -> None:
    """Count a letter downloaded by kind and format; for the case's first letter, also how long
    after the start it came, as a coarse bucket (the case keeps only that it was counted)."""
    role = context.get("role")
    insight.count(request, insight.LETTER, f"{context['kind']}.{fmt}", role=role)
    if not case.letter_counted and case_mark_letter_counted(case=case):
        minutes = (timezone.now() - case.created_at).total_seconds() / 60
        insight.count(request, insight.FIRST_LETTER, insight.time_bucket(minutes), role=role)


# --- the sending sheet, the editable copy, own words per letter ------------------
def _links(case: Any, slug: str) -> dict[str, str]:
    kwargs = {"case_id": case.id}
    doc = {**kwargs, "doc": slug}
    return {
        "pdf_url": reverse("documents:pdf_doc", kwargs=doc),
        "docx_url": reverse("documents:docx", kwargs=doc),
        "sheet_url": reverse("documents:sheet", kwargs=doc),
        "sheet_pdf_url": reverse("documents:sheet_pdf", kwargs=doc),
        "preview_url": reverse("documents:preview_doc", kwargs=doc),
        "own_words_url": reverse("documents:own_words", kwargs=doc),
        "details_url": reverse("wizard:step", kwargs={**kwargs, "step": "details"}),
        "review_url": reverse("wizard:step", kwargs={**kwargs, "step": "review"}),
        "attachments_url": reverse("documents:attachments", kwargs=kwargs),
        "draft_url": reverse("documents:draft", kwargs=kwargs),
    }


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


class UwvFormView(View):
    """The request for an expert opinion as UWV's online form asks it: each field in the form's
    order with the answer beside it to copy (selectable text; a copy button with JavaScript),
    where to go, and the PDF to upload or keep. Only for the expert-opinion request."""

    def get(self, request: HttpRequest, case_id: Any, doc: str) -> HttpResponse:
        case = case_for(request, case_id, Action.MAKE_LETTER)
        with translation.override(letter_language(case.case_file)):
            context = _doc_context(case, doc)
            try:
                sections = uwv_form_sections(context)
            except LookupError as exc:
                raise Http404 from exc
        return render(
            request,
            "documents/uwv_form.html",
            {
                "case": case,
                "doc": context,
                "sections": sections,
                "form_url": UWV_FORM_URL,
                "phone": UWV_PHONE,
                "is_employer": context["requester_is_employer"],
                "feedback_role": context["role"],
                "page_title": _("Fill in UWV's form"),
                **_links(case, context["slug"]),
            },
        )


class SheetView(View):
    """ "How to send this letter": where it goes, what to attach, deadline, answer time."""

    def get(self, request: HttpRequest, case_id: Any, doc: str) -> HttpResponse:
        case = case_for(request, case_id, Action.MAKE_LETTER)
        context = _doc_context(case, doc)
        context.update(_links(case, context["slug"]))
        html = render_to_string("pdf/sending_sheet.html", {**context, "for_pdf": False})
        response = HttpResponse(html)
        response["Cache-Control"] = "no-store"
        return response


class SheetPdfView(View):
    def get(self, request: HttpRequest, case_id: Any, doc: str) -> HttpResponse:
        case = case_for(request, case_id, Action.MAKE_LETTER)
        context = _doc_context(case, doc)
        try:
            pdf = render_sheet_pdf(context)
        except Exception as exc:
            return _render_failed(request, case, context["title"], exc)
        insight.count(request, insight.SHEET, context["kind"], role=context.get("role"))
        return _download(pdf, "application/pdf", context["sheet_name"])


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DocxView(View):
    """The letter as an editable Word file: the same text; the enclosures stay in the PDF."""

    def get(self, request: HttpRequest, case_id: Any, doc: str) -> HttpResponse:
        case = case_for(request, case_id, Action.MAKE_LETTER)
        with translation.override(letter_language(case.case_file)):
            context = _doc_context(case, doc)
        try:
            with translation.override(letter_language(case.case_file)):
                docx = render_docx(context)
        except Exception as exc:
            return _render_failed(request, case, context["title"], exc)
        _count_letter(request, case, context, "docx")
        return _download(docx, DOCX, context["docx_name"])


class OwnWordsView(View):
    """The own words of one letter, with the hint of what belongs in it. Words written for
    one letter never appear in another (the employer never reads what UWV or a doctor does)."""

    template_name = "documents/own_words.html"

    def get(self, request: HttpRequest, case_id: Any, doc: str) -> HttpResponse:
        case = case_for(request, case_id, Action.OWN_WORDS)
        context = _doc_context(case, doc)
        parties = case.case_file.get("parties") or {}
        form = OwnWordsForm(
            initial={"text": own_words_for(parties, context["kind"], context["role"])}
        )
        return self._render(request, case, context, form)

    def post(self, request: HttpRequest, case_id: Any, doc: str) -> HttpResponse:
        case = case_for(request, case_id, Action.OWN_WORDS)
        context = _doc_context(case, doc)
        form = OwnWordsForm(request.POST)
        if not form.is_valid():
            return self._render(request, case, context, form, status=400)
        case_set_own_words(case=case, kind=context["kind"], text=form.cleaned_data["text"])
        messages.success(request, _("Saved: your own words for this letter."))
        # a link away from the page was pressed: the words are saved, then there
        if leave := same_site(request, request.POST.get(LEAVE, "")):
            return redirect(leave)
        language = request.POST.get("switch_language", "")
        if language in dict(settings.LANGUAGES):
            return redirect(translate_url(request.path, language))
        return redirect("documents:preview_doc", case_id=case.id, doc=context["slug"])

    def _render(
        self, request: HttpRequest, case: Any, context: dict[str, Any], form: Any, status: int = 200
    ) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {
                "case": case,
                "doc": context,
                "form": form,
                "page_title": _("Your own words for this letter"),
                "language_switch_form": "own-words-form",
                **_links(case, context["slug"]),
            },
            status=status,
        )
