"""Small presentation helpers; no rules live here."""

from typing import Any

from django import template
from django.conf import settings
from django.forms import BoundField
from django.http import HttpRequest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.html import format_html

from decision_aid.cases.leave import LEAVE

register = template.Library()


def _with_prefix(path: str, current: str, target: str) -> str:
    """A path that resolves nowhere (a 404 page): swap the language prefix by hand. The default
    language (Dutch) has none, every other language has /<code>/."""
    default = settings.LANGUAGE_CODE
    if current != default and path.startswith(f"/{current}/"):
        path = path[len(current) + 1 :]
    return path if target == default else f"/{target}{path}"


@register.simple_tag(takes_context=True)
def translate_path(context: template.Context, language: str) -> str:
    """This page's URL in another language (works without JavaScript).

    The header calls this inside `{% language code %}`, which makes `language` the active one;
    Django's translate_url resolves the path in the active language, so it must run under the
    language the page is in, or the path resolves nowhere and comes back unchanged.
    """
    request: HttpRequest | None = context.get("request")
    if request is None:
        return "/"
    current = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
    full_path = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name:
        # The handler resolved this page already: reverse it in the active (other) language,
        # instead of resolving the path twice more (~0.2 ms a page, docs/benchmarks-log.md).
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            pass
        else:
            _, mark, query = full_path.partition("?")
            return f"{path}{mark}{query}"
    with translation.override(current):
        try:
            resolve(request.path_info)
        except Resolver404:
            path, _, query = full_path.partition("?")
            moved = _with_prefix(path, current, language)
            return f"{moved}?{query}" if query else moved
        return translate_url(full_path, language)


@register.filter
def described(field: BoundField) -> str:
    """The widget with aria-describedby pointing at its hint and error, aria-invalid on error."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    attrs = {}
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag
def journey_progress(case: object, page: str) -> dict[str, Any]:
    """{% journey_progress case "attachments" as progress %}: "Stap n van total" for the pages
    after the wizard, counted over the same pages the wizard counts."""
    from decision_aid.wizard.steps import page_progress, stored_answers

    return page_progress(page, stored_answers(getattr(case, "wizard_state", None)))


@register.simple_tag(takes_context=True)
def leave_link(context: template.Context, url: str, label: str, css: str = "") -> str:
    """A link away from the page. On a page with a form (``language_switch_form``) it is a
    button of that form: the form is sent and saved first, then the person goes to ``url``
    (the view redirects), so nothing typed is lost by following a link."""
    page_form = context.get("language_switch_form")
    if page_form:
        return format_html(
            '<button type="submit" form="{}" name="{}" value="{}" formnovalidate class="{}">'
            "{}</button>",
            page_form,
            LEAVE,
            url,
            css or "link-button",
            label,
        )
    if css:
        return format_html('<a class="{}" href="{}">{}</a>', css, url, label)
    return format_html('<a href="{}">{}</a>', url, label)
