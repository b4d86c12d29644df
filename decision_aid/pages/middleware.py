import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, QueryDict


def permissions_policy(get_response: Callable[[HttpRequest], HttpResponse]):
    """Switch off browser features we never use."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


SESSION_REFRESHED = "_refreshed"


def session_refresh(get_response: Callable[[HttpRequest], HttpResponse]):
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
        if getattr(request, "session_refresh_skip", False):
            return response  # a ticketed poll (advisors.poll_token): the session is not read
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


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def text_clean(get_response: Callable[[HttpRequest], HttpResponse]):
    """Every text a form sends (and every query parameter) without the characters XML cannot
    hold (casefile.text.xml_safe): a form feed pasted into a name made the .docx fail on every
    try. Done once here, at the boundary, so no form, wizard page or stored answer sees them.
    Must sit after request_size_cap (it reads the body) and before CsrfViewMiddleware; a body
    that cannot be read raises here as it would there (the 400 page)."""
    from decision_aid.casefile.text import xml_safe

    def clean(query: QueryDict) -> QueryDict:
        if all(
            xml_safe(key) == key and all(xml_safe(v) == v for v in values)
            for key, values in query.lists()
        ):
            return query
        cleaned = QueryDict(mutable=True, encoding=query.encoding)
        for key, values in query.lists():
            cleaned.setlist(xml_safe(key), [xml_safe(v) for v in values])
        cleaned._mutable = False
        return cleaned

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.GET:
            request.GET = clean(request.GET)
        if request.method == "POST" and request.content_type in _FORM_TYPES:
            request.POST = clean(request.POST)
        return get_response(request)

    return middleware


def request_size_cap(get_response: Callable[[HttpRequest], HttpResponse]):
    """Refuse a request body larger than MAX_REQUEST_BYTES before anything reads it (413).

    Django reads a body only up to its Content-Length (a body without one is read as empty),
    so the header is the size. DATA_UPLOAD_MAX_MEMORY_SIZE caps the form fields inside it, and
    DATA_UPLOAD_MAX_NUMBER_FILES the files; the upload page reads each file up to its limit.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > settings.MAX_REQUEST_BYTES:
            from django.shortcuts import render
            from django.utils import translation
            from django.utils.translation import gettext as _

            # Before LocaleMiddleware: take the language from the path or cookie ourselves.
            translation.activate(translation.get_language_from_request(request, check_path=True))
            mb = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            return render(
                request,
                "limited.html",
                {
                    "page_title": _("Too much at once"),
                    "message": _(
                        "This is too much to send at once (at most %(mb)d MB). Your answers "
                        "are saved. Go back and send fewer or smaller files."
                    )
                    % {"mb": mb},
                },
                status=413,
            )
        return get_response(request)

    return middleware


def no_store(get_response: Callable[[HttpRequest], HttpResponse]):
    """``Cache-Control: no-store`` on every page Django makes (answers, codes, case lists):
    nothing stays in the browser's or a proxy's cache on a shared computer. Static files are
    served by WhiteNoise before this middleware and keep their long cache; a view that sets its
    own Cache-Control keeps it."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response

    return middleware
