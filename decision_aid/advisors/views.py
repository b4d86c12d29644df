"""Advisor mode: sign-in with a second factor, case list, one-page intake with live advice,
case page (PDF, resume code for the member, notes, export), import and the audit log.

Every view gets its case through access.get_visible_case: the organisation boundary lives there.
"""

from __future__ import annotations

import base64
import io
import json
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from decision_aid.advisors import (
    access,
    blind_index,
    listing,
    live,
    poll_token,
    sharing,
    two_factor,
)
from decision_aid.advisors.forms import (
    CaseFileImportForm,
    IntakeForm,
    NoteForm,
    ShareCodeForm,
    TokenForm,
    initial_from_case_file,
)
from decision_aid.advisors.models import Advisor, AdvisorCase, AuditEvent
from decision_aid.advisors.services import (
    advisor_case_delete,
    advisor_case_save,
    audit_log,
    index_member_name,
    note_add,
)
from decision_aid.advisors.share_views import version_response
from decision_aid.casefile.answers import build_case_file
from decision_aid.casefile.state import case_file_from_state
from decision_aid.cases.casefile_io import MAX_BYTES, parse_case_json
from decision_aid.cases.models import Case
from decision_aid.insight import counters as insight
from decision_aid.insight import views as insight_views
from decision_aid.insight.journey import advice_counts
from decision_aid.insight.report import Scope
from decision_aid.routing.casefile import CaseFileError, load_case
from decision_aid.wizard.presenter import advice_context


def _needs_second_factor(request: HttpRequest) -> bool:
    # Right after login the user object has no is_verified() yet: then it is not verified.
    is_verified = getattr(request.user, "is_verified", None)
    return settings.ADVISOR_REQUIRE_2FA and not (is_verified and is_verified())


class AdvisorView(View):
    """Signed in, second factor done, and an advisor: else to login / 2FA / 404."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if _needs_second_factor(request):
            return redirect(reverse("advisors:two_factor") + f"?next={request.path}")
        self.advisor = access.current_advisor(request)
        return super().dispatch(request, *args, **kwargs)

    def visible_case(self, case_id: Any) -> AdvisorCase:
        return access.get_visible_case(self.advisor, case_id)


class LoginView(auth_views.LoginView):
    template_name = "advisors/login.html"
    redirect_authenticated_user = True
    extra_context = {"page_title": gettext_lazy("Sign in for union advisors")}

    def get_success_url(self) -> str:
        if _needs_second_factor(self.request):
            # get_redirect_url() gives only a safe next= (same host), or "".
            target = self.get_redirect_url()
            setup = reverse("advisors:two_factor_setup", kwargs={"token": "x"}).rsplit("x", 1)[0]
            if target.startswith(setup):
                return target  # the one-time set-up link this advisor came with
            url = reverse("advisors:two_factor")
            return f"{url}?{urlencode({'next': target})}" if target else url
        return super().get_success_url()


def _download_name(reference: str) -> str:
    """A file name from a free-text reference: no control characters, quotes, slashes or
    semicolons (a line break in it gave a 500, a quote let it inject header parameters)."""
    cleaned = "".join(ch for ch in reference if ch.isprintable() and ch not in '"\\/;')
    return cleaned.strip()[:80] or "zaak"


def _safe_next(request: HttpRequest) -> str:
    """The next= page if it is on this site, else the case list (no open redirect)."""
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("advisors:cases")


class LogoutView(auth_views.LogoutView):
    """Signing out is a POST (the menu's button). A typed or bookmarked /adviseur/uitloggen/
    got Django's blank 405 page; it now asks, with the button."""

    next_page = "advisors:login"
    http_method_names = ["get", "post", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return render(request, "advisors/logout.html", {"page_title": _("Sign out?")})


def _second_step_done(request: HttpRequest, device: TOTPDevice) -> None:
    """Signed in fully: a new session key, as at the password step (django_otp's login kept
    the key the half-signed-in session had; whoever knew that key was then fully signed in)."""
    otp_login(request, device)
    request.session.cycle_key()


def _wrong_code_message(device: TOTPDevice | None) -> str:
    """After a few wrong codes django-otp refuses even the right one for a while (1 s, then
    twice as long after each wrong one): say so, rather than "not right" for a right code."""
    allowed, info = device.verify_is_allowed() if device is not None else (True, None)
    if not allowed and (info or {}).get("locked_until"):
        until = timezone.localtime(info["locked_until"]) + timedelta(seconds=1)
        return _(
            "Too many wrong codes. Wait until %(time)s, then type the newest code from your app."
        ) % {"time": until.strftime("%H:%M:%S")}
    return _("This code is not right. Try the newest code from your app.")


class TwoFactorView(View):
    """Verify a TOTP code. Without a set-up device: say to ask for a set-up link (no key)."""

    template_name = "advisors/two_factor.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def _device(self, request: HttpRequest) -> TOTPDevice | None:
        return TOTPDevice.objects.filter(user=request.user, confirmed=True).first()

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, TokenForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TokenForm(request.POST)
        device = self._device(request)
        if (
            device is not None
            and form.is_valid()
            and device.verify_token(form.cleaned_data["token"].replace(" ", ""))
        ):
            _second_step_done(request, device)
            return redirect(_safe_next(request))
        form.add_error("token", _wrong_code_message(device))
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: TokenForm, status: int = 200) -> HttpResponse:
        context: dict[str, Any] = {
            "form": form,
            "not_set_up": self._device(request) is None,
            "page_title": _("Two-step sign-in"),
        }
        return render(request, self.template_name, context, status=status)


class TwoFactorSetupView(View):
    """Set up the authenticator app through the one-time link from create_advisor."""

    template_name = "advisors/two_factor.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.device = two_factor.device_for_link(kwargs["token"], request.user)
        if self.device is None:
            return render(
                request,
                "limited.html",
                {
                    "page_title": _("This link does not work"),
                    "message": _(
                        "This set-up link has expired, was already used, or is for someone "
                        "else. Ask your administrator for a new link."
                    ),
                },
                status=404,
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return self._render(request, TokenForm())

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        form = TokenForm(request.POST)
        if form.is_valid() and self.device.verify_token(
            form.cleaned_data["token"].replace(" ", "")
        ):
            self.device.confirmed = True
            self.device.save(update_fields=["confirmed"])
            _second_step_done(request, self.device)
            return redirect(reverse("advisors:cases"))
        form.add_error("token", _wrong_code_message(self.device))
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: TokenForm, status: int = 200) -> HttpResponse:
        import qrcode
        import qrcode.image.svg

        secret = base64.b32encode(self.device.bin_key).decode()
        image = qrcode.make(self.device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
        buffer = io.BytesIO()
        image.save(buffer)
        context: dict[str, Any] = {
            "form": form,
            "setting_up": True,
            "page_title": _("Two-step sign-in"),
            "qr_data_uri": "data:image/svg+xml;base64,"
            + base64.b64encode(buffer.getvalue()).decode(),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        }
        response = render(request, self.template_name, context, status=status)
        response["Cache-Control"] = "no-store"
        return response


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
        next_url = None
        if page.next_cursor:
            next_url = (
                f"{request.path}?{urlencode({**filters, 'after': page.next_cursor.encode()})}"
            )
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
                "today": timezone.localdate(),
                "page_title": _("All cases") if scope == "all" else _("Your cases"),
            },
        )


def _case_file_of(case: Case) -> dict[str, Any]:
    """The finished case file, or (a shared case the member has not finished) the case file of
    the answers stored so far."""
    if case.finished:
        return case.case_file
    return case_file_from_state(case.wizard_state or {}, language=case.language)


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
        if existing and sharing.shared_live(existing):
            return redirect(reverse("advisors:live", kwargs={"case_id": existing.case_id}))
        if existing and sharing.kept_for_member(existing):
            return _kept_page(request, existing)
        if existing:
            initial = initial_from_case_file(_case_file_of(existing.case))
            initial["reference"] = existing.reference
            form = IntakeForm(initial=initial)
            audit_log(advisor=self.advisor, advisor_case=existing, action=AuditEvent.Action.VIEWED)
        else:
            form = IntakeForm()
        return self._render(request, form, existing, advice=None)

    def post(self, request: HttpRequest, case_id: Any = None) -> HttpResponse:
        existing = self.visible_case(case_id) if case_id else None
        form = IntakeForm(request.POST)
        if not form.is_valid():
            return self._render(request, form, existing, advice=None, status=400)
        case_file = _case_file_from(form, request)
        if "save" not in request.POST:
            return self._render(request, form, existing, advice=advice_context(case_file))
        if existing and sharing.shared_live(existing):
            # shown again with what was typed, never saved over the member's answers
            form.add_error(None, _shared_live_message())
            return self._render(request, form, existing, advice=None, status=409)
        if existing and sharing.kept_for_member(existing):
            form.add_error(None, _kept_message())
            return self._render(request, form, existing, advice=None, status=409)
        saved = advisor_case_save(
            advisor=self.advisor,
            case_file=case_file,
            reference=form.cleaned_data.get("reference", ""),
            existing=existing,
        )
        if existing is None:  # a new intake: counted for the organisation (issue 19)
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


class CaseDetailView(AdvisorView):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.visible_case(case_id)
        audit_log(advisor=self.advisor, advisor_case=advisor_case, action=AuditEvent.Action.VIEWED)
        return self._render(request, advisor_case, NoteForm())

    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.visible_case(case_id)
        if new_status := request.POST.get("status"):
            if new_status in AdvisorCase.Status.values:
                advisor_case.status = new_status
                advisor_case.save(update_fields=["status", "updated_at"])
                audit_log(
                    advisor=self.advisor,
                    advisor_case=advisor_case,
                    action=AuditEvent.Action.CHANGED,
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
        shared = bool(case.sharing)
        resume_link = (
            ""
            if shared
            else request.build_absolute_uri(reverse("cases:resume") + f"?code={case.resume_code}")
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
                "shared": shared,
                "advice": advice,
                "notes": advisor_case.notes.select_related("author__user"),
                "form": form,
                "resume_link": resume_link,
                "statuses": AdvisorCase.Status.choices,
                "page_title": advisor_case.reference or advisor_case.member_name,
            },
            status=status,
        )


class PdfRedirectView(AdvisorView):
    """The PDF for the member (logged), served by the documents app."""

    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.visible_case(case_id)
        audit_log(
            advisor=self.advisor, advisor_case=advisor_case, action=AuditEvent.Action.DOWNLOADED
        )
        return redirect(reverse("documents:pdf", kwargs={"case_id": advisor_case.case_id}))


class AttachmentsRedirectView(AdvisorView):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.visible_case(case_id)
        return redirect(reverse("documents:attachments", kwargs={"case_id": advisor_case.case_id}))


class ExportView(AdvisorView):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.visible_case(case_id)
        audit_log(
            advisor=self.advisor, advisor_case=advisor_case, action=AuditEvent.Action.EXPORTED
        )
        response = HttpResponse(
            json.dumps(_case_file_of(advisor_case.case), ensure_ascii=False, indent=2),
            content_type="application/json",
        )
        response["Content-Disposition"] = content_disposition_header(
            True, _download_name(advisor_case.reference) + ".json"
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


def _shared_live_message() -> str:
    return _(
        "While the member shares this case with you, change the answers on the page of the "
        "call: then your changes and the member's are both kept. Only the member can delete "
        "the case or stop sharing."
    )


def _kept_message() -> str:
    return _(
        "The member kept this case with the union and keeps its answers. Change them together: "
        "ask the member to share the case again on a call."
    )


def _kept_page(request: HttpRequest, advisor_case: AdvisorCase) -> HttpResponse:
    return render(
        request,
        "limited.html",
        {"page_title": _("The answers are the member's"), "message": _kept_message()},
        status=409,
    )


def _shared_live_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "limited.html",
        {"page_title": _("The member shares this case now"), "message": _shared_live_message()},
        status=409,
    )


class DeleteView(AdvisorView):
    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case = self.visible_case(case_id)
        if sharing.shared_live(advisor_case):
            return _shared_live_page(request)
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
        if sharing.shared_live(advisor_case):
            return _shared_live_page(request)
        if sharing.kept_for_member(advisor_case):
            # the union lets go; the member's own case and answers stay
            sharing.release_kept(advisor=self.advisor, advisor_case=advisor_case)
            return redirect("advisors:cases")
        advisor_case_delete(advisor=self.advisor, advisor_case=advisor_case)
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
        next_url = None
        if page.next_cursor:
            next_url = (
                f"{request.path}?{urlencode({**filters, 'after': page.next_cursor.encode()})}"
            )
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


class UsageView(AdvisorView):
    """The organisation's anonymous counts for its lead (issue 19): only intakes of this
    organisation's advisors, masked like the staff page (insight.report)."""

    def _scope(self, request: HttpRequest) -> Scope:
        if not self.advisor.is_lead:
            raise Http404
        return Scope.from_query(request.GET, organisation=self.advisor.organisation_id)

    def get(self, request: HttpRequest) -> HttpResponse:
        return insight_views.render_page(
            request, self._scope(request), staff=False, csv_url=reverse("advisors:usage_csv")
        )


class UsageCsvView(UsageView):
    def get(self, request: HttpRequest) -> HttpResponse:
        return insight_views.csv_response(self._scope(request))


class ShareOpenView(AdvisorView):
    """Type the member's share code: the member's case opens in the live intake."""

    template_name = "advisors/share_open.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, ShareCodeForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ShareCodeForm(request.POST)
        if not form.is_valid():
            return self._render(request, form, status=400)
        try:
            advisor_case = sharing.share_open(
                request=request, advisor=self.advisor, code=form.cleaned_data["code"]
            )
        except sharing.ShareRefused as refused:
            form.add_error("code", _share_refused_message(refused.reason))
            return self._render(request, form, status=429 if refused.reason != "wrong" else 400)
        return redirect(reverse("advisors:live", kwargs={"case_id": advisor_case.case_id}))

    def _render(self, request: HttpRequest, form: ShareCodeForm, status: int = 200) -> HttpResponse:
        return render(
            request,
            self.template_name,
            {"form": form, "page_title": _("Look along with a member")},
            status=status,
        )


def _share_refused_message(reason: str) -> str:
    minutes = {"minutes": sharing.SHARE_GUESSES.wait_minutes(reason)}
    if reason == "client":
        return _("Too many wrong codes. Wait %(minutes)d minutes and try again.") % minutes
    if reason == "account":
        return (
            _(
                "Too many wrong codes were typed with your account. Wait %(minutes)d minutes and "
                "try again."
            )
            % minutes
        )
    if reason == "attack":
        return (
            _(
                "Many wrong codes are being tried on this site right now. Wait %(minutes)d "
                "minutes and try again."
            )
            % minutes
        )
    return _(
        "This code does not work. It may be typed wrong, used already or older than 30 "
        "minutes. Ask the member for a new code."
    )


class LiveView(AdvisorView):
    """The member's shared case in the one-page intake, live: GET the page (or, with
    ?format=json, what changed, for live.js), POST the advisor's changed answers or a call note.
    404 once the member stops sharing (the advisor case is gone) or when not shared live."""

    template_name = "advisors/live.html"

    def _share(self, case_id: Any) -> tuple[AdvisorCase, Any]:
        advisor_case = self.visible_case(case_id)
        share = sharing.live_share_for(advisor_case)
        if share is None or share.state != share.State.LIVE:
            raise Http404
        return advisor_case, share

    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case, share = self._share(case_id)
        if request.GET.get("format") == "json":
            return self._json(request, advisor_case)
        audit_log(advisor=self.advisor, advisor_case=advisor_case, action=AuditEvent.Action.VIEWED)
        return self._render(request, advisor_case, share, NoteForm())

    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        advisor_case, share = self._share(case_id)
        if "note" in request.POST:
            form = NoteForm(request.POST)
            if not form.is_valid():
                return self._render(request, advisor_case, share, form, status=400)
            with sharing.still_live(advisor_case):
                note_add(
                    advisor=self.advisor,
                    advisor_case=advisor_case,
                    text=form.cleaned_data["text"],
                    during_call=True,
                )
            return redirect(request.path + "#notes-title")
        with sharing.still_live(advisor_case):
            written = live.save(
                case=advisor_case.case, posted=request.POST, language=advisor_case.case.language
            )
            if written:
                if "requester_name" in written:
                    name = request.POST.get("member_name", "")[:200]
                    advisor_case.set_member_name(name)
                    advisor_case.member_name_digest = blind_index.name_digest(name)
                    advisor_case.save(update_fields=["member_name_enc", "member_name_digest"])
                    index_member_name(advisor_case, name)
                audit_log(
                    advisor=self.advisor,
                    advisor_case=advisor_case,
                    action=AuditEvent.Action.CHANGED,
                )
        if request.POST.get("format") == "json":
            return self._json(request, advisor_case)
        return redirect(request.path)

    def _poll_url(self, case_id: Any) -> str:
        """The version check with a fresh ticket (advisors.poll_token)."""
        ticket = poll_token.advisor_ticket(
            case_id, advisor_id=self.advisor.pk, organisation_id=self.advisor.organisation_id
        )
        url = reverse("advisors:live_version", kwargs={"case_id": case_id})
        return f"{url}?{urlencode({'t': ticket})}"

    def _json(self, request: HttpRequest, advisor_case: AdvisorCase) -> HttpResponse:
        case = Case.objects.get(pk=advisor_case.case_id)
        state = case.wizard_state
        values = live.shared_values(state)
        payload = {
            "version": f"{case.revision}-{case.sharing}",
            "poll": self._poll_url(case.pk),
            "values": values,
            "base": json.dumps(values),
            "advice": render(
                request,
                "advisors/_advice.html",
                {"advice": live.advice_for(state, language=case.language)},
            ).content.decode(),
            "changes": render(
                request, "advisors/_live_changes.html", {"changes": live.member_changes(state)}
            ).content.decode(),
        }
        response = HttpResponse(json.dumps(payload), content_type="application/json")
        response["Cache-Control"] = "no-store"
        return response

    def _render(
        self,
        request: HttpRequest,
        advisor_case: AdvisorCase,
        share: Any,
        note_form: NoteForm,
        status: int = 200,
    ) -> HttpResponse:
        case = advisor_case.case
        state = case.wizard_state
        return render(
            request,
            self.template_name,
            {
                "ac": advisor_case,
                "case": case,
                "share": share,
                "form": live.form_for(state),
                "base": json.dumps(live.shared_values(state)),
                "version": f"{case.revision}-{case.sharing}",
                "poll_url": self._poll_url(case.pk),
                "advice": live.advice_for(state, language=case.language),
                "changes": live.member_changes(state),
                "note_form": note_form,
                "notes": advisor_case.notes.filter(during_call=True).select_related("author__user"),
                "page_title": _("Together on the call"),
            },
            status=status,
        )


class LiveVersionView(AdvisorView):
    """The advisor's poll: the organisation check, the share, and the case's revision. With
    the page's ticket (advisors.poll_token) all of it in one statement, without the session;
    without one (or an expired one) through the sign-in checks first."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        ticket = poll_token.read(request.GET.get("t"), kwargs.get("case_id"))
        if ticket is not None and ticket[0] and request.method == "GET":
            request.session_refresh_skip = True  # type: ignore[attr-defined]
            advisor_id, organisation_id = ticket
            return version_response(
                request,
                poll_token.advisor_version(
                    kwargs["case_id"], advisor_id=advisor_id, organisation_id=organisation_id
                ),
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        # one query: the organisation boundary (access.visible_cases) and the two columns
        row = (
            access.visible_cases(self.advisor)
            .filter(case_id=case_id, case__sharing="live", case__expires_at__gt=timezone.now())
            .values_list("case__revision", "case__sharing")
            .first()
        )
        return version_response(request, (int(row[0]), str(row[1])) if row else None)
