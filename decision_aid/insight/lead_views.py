"""The counts page of an organisation's lead (/adviseur/inzicht/): only intakes of this
organisation's advisors, masked like the staff page (insight.report). Routed under the advisors'
URLs by decision_aid/urls.py, so the advisors app does not import the counts."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse

from decision_aid.advisors.signed_in import AdvisorView
from decision_aid.insight import views as insight_views
from decision_aid.insight.report import Scope


class UsageView(AdvisorView):
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


# Joined to decision_aid.advisors.urls under the "advisors" namespace (decision_aid/urls.py).
advisor_urlpatterns = [
    path("inzicht/", UsageView.as_view(), name="usage"),
    path("inzicht/csv/", UsageCsvView.as_view(), name="usage_csv"),
]
