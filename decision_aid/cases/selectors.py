"""Who may see which case. The single place where case ownership is checked."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from decision_aid.cases.models import Case

SESSION_KEY = "cases"
MAX_CASES_PER_SESSION = 20


def session_case_ids(request: HttpRequest) -> list[str]:
    return list(request.session.get(SESSION_KEY, []))


def session_add_case(request: HttpRequest, case: Case) -> None:
    ids = [i for i in session_case_ids(request) if i != str(case.id)]
    request.session[SESSION_KEY] = [*ids, str(case.id)][-MAX_CASES_PER_SESSION:]


def session_remove_case(request: HttpRequest, case_id: Any) -> None:
    request.session[SESSION_KEY] = [i for i in session_case_ids(request) if i != str(case_id)]


def owns_case(request: HttpRequest, case_id: Any) -> bool:
    return str(case_id) in session_case_ids(request)


def session_cases(request: HttpRequest) -> list[Case]:
    """This browser's cases that still exist, newest first (one query)."""
    from django.utils import timezone

    ids = session_case_ids(request)
    if not ids:
        return []
    return list(
        Case.objects.filter(pk__in=ids, expires_at__gt=timezone.now()).order_by("-updated_at")
    )


def may_open_case(request: HttpRequest, case_id: Any) -> bool:
    """This browser session made or resumed the case, or a signed-in advisor may see it."""
    return owns_case(request, case_id) or _advisor_may_see(request, case_id)


def owned_case(request: HttpRequest, case_id: Any) -> Case:
    """The case if this browser session owns it, or a signed-in advisor may see it (the
    organisation boundary in advisors.access), and it has not expired; else 404."""
    from django.utils import timezone

    if not may_open_case(request, case_id):
        raise Http404
    case = Case.objects.filter(pk=case_id, expires_at__gt=timezone.now()).first()
    if case is None:
        raise Http404
    return case


def _advisor_may_see(request: HttpRequest, case_id: Any) -> bool:
    from django.conf import settings

    from decision_aid.advisors import access

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(user, "advisor"):
        return False
    if settings.ADVISOR_REQUIRE_2FA and not user.is_verified():
        return False
    try:
        access.get_visible_case(user.advisor, case_id)
    except Http404:
        return False
    return True
