"""The organisation boundary, in one place. Every advisor view gets its cases from here.

- An advisor sees the cases they created; an organisation lead sees all of the organisation's.
- Nobody sees another organisation's cases: asking for one gives 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from decision_aid.advisors.models import Advisor, AdvisorCase


def current_advisor(request: HttpRequest) -> Advisor:
    """The signed-in advisor with their organisation, in one query (the heading of a lead's list
    names the organisation), kept on the user for the templates' `user.advisor`."""
    if not request.user.is_authenticated:
        raise Http404
    advisor = Advisor.objects.select_related("organisation").filter(user_id=request.user.pk).first()
    if advisor is None:
        raise Http404
    request.user.advisor = advisor  # sets both sides: advisor.user is this user, no query
    return advisor


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
