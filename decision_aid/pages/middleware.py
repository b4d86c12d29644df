import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse


def permissions_policy(get_response: Callable[[HttpRequest], HttpResponse]):  # noqa: ANN201
    """Switch off browser features we never use."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


SESSION_REFRESHED = "_refreshed"


def session_refresh(get_response: Callable[[HttpRequest], HttpResponse]):  # noqa: ANN201
    """Slide an idle session's end forward, but write the session row at most once every
    SESSION_REFRESH_SECONDS instead of on every request (SESSION_SAVE_EVERY_REQUEST wrote it on
    every wizard step: one UPDATE per request, measured as ~9 % of a step's time).

    The session then ends between SESSION_COOKIE_AGE - SESSION_REFRESH_SECONDS and
    SESSION_COOKIE_AGE after the last request; the timeout warning counts from the last refresh
    (pages.context_processors.session), so it never comes late. Must sit after SessionMiddleware.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.session_key or response.status_code >= 500:
            return response  # no session cookie (nothing to keep alive), or a failed request
        try:
            keys = set(session.keys())  # loads it (the views here mostly have already)
        except DatabaseError:
            return response  # the database is away: the 503 page, not a traceback
        if not session.session_key or not keys - {SESSION_REFRESHED}:
            return response  # expired, flushed, or nothing in it worth keeping
        now = int(time.time())
        last = session.get(SESSION_REFRESHED, 0)
        if session.modified or now - last >= settings.SESSION_REFRESH_SECONDS:
            session[SESSION_REFRESHED] = now
        return response

    return middleware
