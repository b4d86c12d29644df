import time

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest

from decision_aid.pages.middleware import SESSION_REFRESHED


def session(request: HttpRequest) -> dict[str, int]:
    """Seconds until an idle session ends (for the timeout warning, WCAG 2.2.1): counted from
    the session's last save, which pages.middleware.session_refresh makes at most once a
    minute, so the warning may come up to that much early but never late."""
    age = settings.SESSION_COOKIE_AGE
    store = getattr(request, "session", None)
    if store is None or not store.session_key:
        return {"session_seconds": age}
    try:
        last = store.get(SESSION_REFRESHED)
    except DatabaseError:  # the error pages must render without the database
        return {"session_seconds": age}
    if last is None:
        return {"session_seconds": age}
    return {"session_seconds": max(0, min(age, age - (int(time.time()) - int(last))))}
