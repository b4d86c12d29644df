"""The member's side of a shared call: ask for a share code, stop sharing, keep the
case with the union, and the cheap "anything new?" check the page polls.

Only the member may do these (cases.access, Action.SHARE); anyone else gets 404, as for every
other page of the member's case.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from decision_aid.advisors import poll_token, sharing
from decision_aid.cases.access import Action, case_for
from decision_aid.cases.selectors import owns_case


def _back(request: HttpRequest, case: Any) -> HttpResponse:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("wizard:case", kwargs={"case_id": case.id})
    return redirect(target + "#share-panel")


class _MemberView(View):
    def case(self, request: HttpRequest, case_id: Any) -> Any:
        return case_for(request, case_id, Action.SHARE)


class StartView(_MemberView):
    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = self.case(request, case_id)
        sharing.share_start(case=case)
        return _back(request, case)


class StopView(_MemberView):
    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = self.case(request, case_id)
        sharing.share_stop(case=case)
        return _back(request, case)


class KeepView(_MemberView):
    def post(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        case = self.case(request, case_id)
        sharing.share_keep(case=case)
        return _back(request, case)


def version_response(request: HttpRequest, current: tuple[int, str] | None) -> HttpResponse:
    """204 when the page's version (?v=) is still the case's, else 200 with the new one."""
    if current is None:
        raise Http404
    value = f"{current[0]}-{current[1]}"
    if request.GET.get("v") == value:
        return HttpResponse(status=204)
    return HttpResponse(value, content_type="text/plain")


class VersionView(View):
    """The member's poll: with the page's ticket (advisors.poll_token) one query of two columns
    and the session left alone; without one (or an expired one) the session check first."""

    def get(self, request: HttpRequest, case_id: Any) -> HttpResponse:
        if poll_token.read(request.GET.get("t"), case_id) == (0, 0):
            request.session_refresh_skip = True  # type: ignore[attr-defined]
            return version_response(request, sharing.version(case_id))
        if not owns_case(request, case_id):
            raise Http404
        return version_response(request, sharing.version(case_id))
