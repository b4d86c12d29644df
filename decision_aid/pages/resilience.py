"""When the database is away: a friendly 503 page in the person's language, never a traceback.

A database error can happen anywhere in a request: in a view, while a template renders, or
after the view, when the session middleware saves the session. Django turns each of those into
a 500 response where it happens, so a middleware cannot simply catch them. Instead:

- ``got_request_exception`` (sent for every uncaught exception, before the 500 handler runs)
  marks the request when the exception is a database error;
- :class:`DatabaseUnavailableMiddleware`, placed first, swaps the 500 response of a marked
  request for the 503 page, and also catches a database error a view raises directly.

The 503 page (templates/503.html) is rendered without the request: no context processor, no
session, no database. What the person saved before stays saved: every answer is stored in the
case row at the end of the request that sent it, so nothing already stored is touched.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
MARK = "_database_unavailable"
RETRY_AFTER_SECONDS = 30
FALLBACK_HTML = (
    '<!DOCTYPE html><html lang="{lang}"><meta charset="utf-8"><title>503</title>'
    "<h1>Tijdelijk niet beschikbaar / Temporarily unavailable</h1>"
    "<p>Uw opgeslagen antwoorden zijn veilig. Probeer het over een minuut opnieuw.</p>"
    "<p>Your saved answers are safe. Try again in a minute.</p></html>"
)


def _language(request: HttpRequest) -> str:
    code = getattr(request, "LANGUAGE_CODE", None)
    if not code:
        code = translation.get_language_from_path(request.path_info)
    return code or settings.LANGUAGE_CODE


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 page in the person's language; needs no database and no session."""
    language = _language(request)
    try:
        with translation.override(language):
            html = render_to_string(
                "503.html",
                {"LANG": translation.get_language(), "retry_seconds": RETRY_AFTER_SECONDS},
            )
    except Exception:
        logger.exception("The 503 page could not be rendered")
        html = FALLBACK_HTML.format(lang="en" if language.startswith("en") else "nl")
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _mark_database_error(sender: object, request: HttpRequest | None = None, **kwargs: object):
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_ERRORS):
        setattr(request, MARK, True)


got_request_exception.connect(_mark_database_error, dispatch_uid="pages.resilience")


class DatabaseUnavailableMiddleware:
    """Turn database errors (server stopped, connection killed) into the 503 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, MARK, False) and response.status_code >= 500:
            return unavailable_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("Database unavailable: %s", exception.__class__.__name__)
            setattr(request, MARK, True)
            return unavailable_response(request)
        return None
