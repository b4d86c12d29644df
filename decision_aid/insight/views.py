"""The feedback tap ("Did this advice help?") and the counts page for the people who run the aid
(staff in /beheer/inzicht/, an advisor organisation's lead at /adviseur/inzicht/)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View

from decision_aid.cases import throttle
from decision_aid.cases.clientip import client_key
from decision_aid.insight import counters
from decision_aid.insight.forms import FeedbackForm
from decision_aid.insight.funnel_svg import funnel_svg
from decision_aid.insight.report import Scope, csv_text, page_context
from decision_aid.insight.services import feedback_add


def _safe_back(request: HttpRequest, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse("pages:home")


def _feedback_allowed(request: HttpRequest) -> bool:
    """One more feedback from this client address within FEEDBACK_RATE_PER_CLIENT (10 an
    hour): a person taps once or twice; a script sending texts again and again is refused
    before anything is counted or kept."""
    rate = throttle.Rate.parse(settings.FEEDBACK_RATE_PER_CLIENT)
    return throttle.hit(f"feedback:{client_key(request)}", rate) <= rate.limit


def _text_room() -> bool:
    """Room for one more kept text today (FEEDBACK_TEXTS_PER_DAY for everybody together): many
    addresses cannot fill the database with texts either. The tap is still counted."""
    rate = throttle.Rate.parse(settings.FEEDBACK_TEXTS_PER_DAY)
    return throttle.hit("feedback-texts", rate) <= rate.limit


class FeedbackView(View):
    """POST only: count the tap, keep the text (if any) without a link to the case, then say
    thank you. A wrong form (no answer, too long a text) is shown again with what was typed.
    Past the limits above: a 429 page that says so, nothing counted or kept."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return redirect("pages:home")

    def post(self, request: HttpRequest) -> HttpResponse:
        form = FeedbackForm(request.POST)
        back = _safe_back(request, request.POST.get("next"))
        if not form.is_valid():
            return render(
                request,
                "insight/feedback.html",
                {"form": form, "back": back, "page_title": _("Did this advice help?")},
                status=400,
            )
        if not _feedback_allowed(request):
            return render(
                request,
                "limited.html",
                {
                    "page_title": _("Too much feedback"),
                    "message": _(
                        "A lot of feedback was sent from your internet connection in the last "
                        "hour. Thank you. Try again in an hour."
                    ),
                },
                status=429,
            )
        data = form.cleaned_data
        counters.count(
            request, counters.FEEDBACK, f"{data['place']}.{data['answer']}", role=data["role"]
        )
        if data["text"].strip() and _text_room():
            feedback_add(
                language=request.LANGUAGE_CODE,
                role=data["role"],
                place=data["place"],
                answer=data["answer"],
                text=data["text"],
            )
        return redirect(reverse("insight:thanks") + "?" + urlencode({"next": back}))


class ThanksView(View):
    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "insight/thanks.html",
            {
                "back": _safe_back(request, request.GET.get("next")),
                "page_title": _("Thank you"),
                "retention_days": settings.CASE_RETENTION_DAYS,
            },
        )


def render_page(request: HttpRequest, scope: Scope, *, staff: bool, csv_url: str) -> HttpResponse:
    context: dict[str, Any] = page_context(scope, staff=staff)
    drop = context["drop"]
    desc = (
        _(
            "Pages in the order of the questions: how many people reached each page and how many "
            "answered it. Most people stopped at: %(page)s."
        )
        % {"page": drop.label}
        if drop
        else _(
            "Pages in the order of the questions: how many people reached each page and how "
            "many answered it."
        )
    )
    context.update(
        funnel_svg=funnel_svg(context["funnel"], title=_("Where people stop"), desc=desc),
        csv_url=csv_url + "?" + urlencode({"days": scope.days, "channel": scope.channel}),
        page_title=_("Use of the aid"),
        base_template="base.html" if staff else "advisors/base.html",
    )
    response = render(request, "insight/page.html", context)
    response["Cache-Control"] = "no-store"
    return response


def csv_response(scope: Scope) -> HttpResponse:
    response = HttpResponse(csv_text(scope), content_type="text/csv; charset=utf-8")
    name = f"gebruik-{scope.first_day.isoformat()}-{scope.last_day.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def staff_page(request: HttpRequest) -> HttpResponse:
    """Wrapped by the admin site (staff only, second factor as the admin asks it)."""
    scope = Scope.from_query(request.GET)
    return render_page(request, scope, staff=True, csv_url=reverse("admin:insight_csv"))


def staff_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(Scope.from_query(request.GET))
