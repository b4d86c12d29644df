"""WSGI entry point for `make bench-load` only: the app plus a bare baseline view.

``/__bench__/`` is the cheapest possible Django view (a plain HttpResponse) served through the
same Django handler and the same middleware chain, on the same gunicorn workers, as the app. It
is the baseline the wizard steps are compared with. ``/__bench__/signed-in/`` is the same view
reading ``request.user`` (bench-caseload shows it beside the baseline). This module is used only by
``scripts/bench_load.py`` (``gunicorn bench_wsgi:application``); production imports
``decision_aid.wsgi`` and has no such URL.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decision_aid.settings")
# This module is the URL conf: the app's URLs plus the baseline (set before Django loads URLs).
settings.ROOT_URLCONF = __name__

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

# Warm start: WeasyPrint's import takes a second or two; pay it before the load, not during it
# (production can do the same with gunicorn --preload).
import weasyprint  # noqa: E402, F401, TID253

from decision_aid import urls as _app_urls  # noqa: E402


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


def bare_signed_in(request: HttpRequest) -> HttpResponse:
    """The same, but it reads who is signed in, as every advisor page must (bench-caseload shows
    it beside the baseline: the part of an advisor page that is only being signed in)."""
    return HttpResponse(b"ok" if request.user.is_authenticated else b"-", content_type="text/plain")


urlpatterns = [
    path("__bench__/", bare),
    path("__bench__/signed-in/", bare_signed_in),
    *_app_urls.urlpatterns,
]
handler400 = _app_urls.handler400
handler404 = _app_urls.handler404
handler500 = _app_urls.handler500

# The same start-up settling as production's decision_aid.wsgi, after WeasyPrint (from
# decision_aid.startup, so no second WSGI handler is built).
from decision_aid.startup import settle  # noqa: E402

settle()
