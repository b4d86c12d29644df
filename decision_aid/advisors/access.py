"""The organisation boundary, in one place. Every advisor view gets its cases from here.

- An advisor sees the cases they created; an organisation lead sees all of the organisation's.
- Nobody sees another organisation's cases: asking for one gives 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from decision_aid.advisors.models import Advisor, AdvisorCase


def current_advisor(request: HttpRequest) -> Advisor:
    """The signed-in advisor with their organisation (the heading of a lead's list names it).
    AdvisorBackend read them with the user, in the same query; a session signed in through the
    plain ModelBackend before it existed reads them here (up to two more queries)."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    try:
        return user.advisor
    except ObjectDoesNotExist:
        raise Http404 from None


def visible_cases(advisor: Advisor) -> QuerySet[AdvisorCase]:
    cases = AdvisorCase.objects.filter(organisation_id=advisor.organisation_id)
    if not advisor.is_lead:
        cases = cases.filter(advisor=advisor)
    return cases.select_related("case", "advisor__user")


def get_visible_case(advisor: Advisor, case_id: Any) -> AdvisorCase:
    case = visible_cases(advisor).filter(case_id=case_id).first()
    if case is None:
        raise Http404
    return case
