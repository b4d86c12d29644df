from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from decision_aid.content import all_sources

# The typical employee journey measured on a phone (tests/e2e/test_phone_walk.py, docs/
# benchmarks.md "The phone walk"): about 12 minutes to the letter details by the reading and
# tapping estimate, and testers took 12-15 minutes before the advice page was shortened; with
# the letter details and the attachment, about 15 minutes.
TYPICAL_MINUTES = 15


def typical_step_count(role: str = "employee") -> int:
    """The steps of the common journey (contract, sick, first opinion) for a role, counted as
    the progress bar counts them ("Stap 2 van ongeveer 19"): the home page promises the same
    number the bar then shows, not the questions alone (it said 14, the bar 19)."""
    from django.utils import timezone

    from decision_aid.wizard.steps import Answers, journey_pages

    answers = Answers(timezone.localdate())
    answers["role"] = role
    return len(journey_pages(answers))


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get(self, request, *args, **kwargs):
        from decision_aid import counting as counters

        # the first question ("Wie bent u?") is on this page as three start buttons
        counters.count(request, counters.PAGE_REACHED, "role")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from decision_aid.cases.selectors import session_cases
        from decision_aid.cases.views import case_home_url
        from decision_aid.wizard.choices import ROLE_CHOICES

        context = super().get_context_data(**kwargs)
        context["typical_steps"] = typical_step_count()
        # an employer is not asked whether the employer does enough: one step fewer, said so
        # rather than a bar that disagrees with this page
        context["employer_steps"] = typical_step_count("employer")
        context["typical_minutes"] = TYPICAL_MINUTES
        context["roles"] = ROLE_CHOICES
        context["my_cases"] = [
            {"url": case_home_url(case), "updated": case.updated_at}
            for case in session_cases(self.request)
        ]
        return context


class PrivacyView(TemplateView):
    template_name = "pages/privacy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["controller"] = settings.PRIVACY_CONTROLLER
        context["contact"] = settings.PRIVACY_CONTACT
        context["retention_days"] = settings.CASE_RETENTION_DAYS
        return context


class SourcesView(TemplateView):
    template_name = "pages/sources.html"

    def get_context_data(self, **kwargs):
        from decision_aid.advice.presenter import source_view

        context = super().get_context_data(**kwargs)
        context["sources"] = [source_view(s.id) for s in all_sources()]
        context["english"] = (get_language() or "nl").startswith("en")
        return context


@require_POST
def extend_session(request):
    """Keep the session alive (the timeout warning's "stay" button). Answers are in the case
    row anyway; this only spares the person from typing the resume code."""
    request.session.modified = True
    return JsonResponse({"seconds": settings.SESSION_COOKIE_AGE})


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)


def error_400(request, exception=None):
    """A request we could not read (a body in another encoding, a broken multipart form, a
    field too big). Django's own 400 view checks the CSRF token again, which reads the same
    unreadable body once more and turned the 400 into a 500; this page touches no form data
    and says what happened in the page's language."""
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """The form's security check failed (the page was open very long, cookies are blocked,
    or the form came from another site): a page in the person's language, not Django's
    technical English page."""
    return render(request, "403_csrf.html", status=403)
