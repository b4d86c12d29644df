"""Which cases this browser session holds (the member's side). Who may do what with a case
is decided in cases.access, which reads this."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

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
