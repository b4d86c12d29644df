from django.conf import settings
from django.http import HttpRequest


def session(request: HttpRequest) -> dict[str, int]:
    """Seconds until an idle session ends (for the timeout warning, WCAG 2.2.1)."""
    return {"session_seconds": settings.SESSION_COOKIE_AGE}
