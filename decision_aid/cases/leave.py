"""Leaving a form page without losing what was typed: every link away from a page with a form
is a button of that form (``pages.templatetags.aid.leave_link``) named LEAVE with the target as
its value. The page's view saves what was sent, as for its own buttons, then redirects there."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

LEAVE = "leave_to"
# Session key of the text someone typed when their session ended: the resume page carries it
# back (cases.views), the wizard page puts it in its fields again (wizard.views).
TYPED_BACK = "typed_back"


def same_site(request: HttpRequest, url: str) -> str:
    """``url`` if it is a path on this site (never an open redirect), else ""."""
    if url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""
