"""What every advisor page shares: signed in, second factor done, an active advisor, the
case through the access policy (cases.access); and the refusals for a case the member shares
live or kept."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from decision_aid.advisors import (
    access,
)
from decision_aid.advisors.models import AdvisorCase
from decision_aid.casefile.state import case_file_from_state
from decision_aid.cases import access as policy
from decision_aid.cases.access import Action
from decision_aid.cases.models import Case


def needs_second_factor(request: HttpRequest) -> bool:
    return not policy.second_factor_done(request.user)


class AdvisorView(View):
    """Signed in, second factor done, and an advisor: else to login / 2FA / 404."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if needs_second_factor(request):
            return redirect(reverse("advisors:two_factor") + f"?next={request.path}")
        self.advisor = access.current_advisor(request)
        return super().dispatch(request, *args, **kwargs)

    def visible_case(self, case_id: Any) -> AdvisorCase:
        return access.get_visible_case(self.advisor, case_id)

    def allows(self, advisor_case: AdvisorCase, action: Action) -> bool:
        """What the access policy (cases.access) lets this advisor do with the case now."""
        return policy.access_for(self.request, advisor_case.case).allows(action)

    def case_for(self, case_id: Any, action: Action) -> AdvisorCase:
        """The case if the policy allows ``action``; else 404."""
        advisor_case = self.visible_case(case_id)
        if not self.allows(advisor_case, action):
            raise Http404
        return advisor_case


def download_name(reference: str) -> str:
    """A file name from a free-text reference: no control characters, quotes, slashes or
    semicolons (a line break in it gave a 500, a quote let it inject header parameters)."""
    cleaned = "".join(ch for ch in reference if ch.isprintable() and ch not in '"\\/;')
    return cleaned.strip()[:80] or "zaak"


def case_file_of(case: Case) -> dict[str, Any]:
    """The finished case file, or (a shared case the member has not finished) the case file of
    the answers stored so far."""
    if case.finished:
        return case.case_file
    return case_file_from_state(case.wizard_state or {}, language=case.language)


def shared_live_message() -> str:
    return _(
        "While the member shares this case with you, change the answers on the page of the "
        "call: then your changes and the member's are both kept. Only the member can delete "
        "the case or stop sharing."
    )


def kept_message() -> str:
    return _(
        "The member kept this case with the union and keeps its answers. Change them together: "
        "ask the member to share the case again on a call."
    )


def kept_page(request: HttpRequest, advisor_case: AdvisorCase) -> HttpResponse:
    return render(
        request,
        "limited.html",
        {"page_title": _("The answers are the member's"), "message": kept_message()},
        status=409,
    )


def shared_live_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "limited.html",
        {"page_title": _("The member shares this case now"), "message": shared_live_message()},
        status=409,
    )
