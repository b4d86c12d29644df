"""Together on the call: the advisor types the member's share code and follows the member's
case live (answers both ways, call notes)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from decision_aid.advisors import (
    access,
    live,
    poll_token,
    sharing,
)
from decision_aid.advisors.forms import (
    NoteForm,
    ShareCodeForm,
)
from decision_aid.advisors.models import AdvisorCase, AuditEvent
from decision_aid.advisors.services import (
    audit_log,
    member_name_set,
    note_add,
)
from decision_aid.advisors.share_views import version_response
from decision_aid.advisors.signed_in import AdvisorView
from decision_aid.cases.access import Action
from decision_aid.cases.models import Case


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
        advisor_case = self.case_for(case_id, Action.CALL)
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
                    member_name_set(
                        advisor_case=advisor_case, name=request.POST.get("member_name", "")
                    )
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
