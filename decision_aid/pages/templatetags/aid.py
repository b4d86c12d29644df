"""Small presentation helpers; no rules live here."""

from django import template
from django.forms import BoundField
from django.http import HttpRequest
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def translate_path(context: template.Context, language: str) -> str:
    """This page's URL in another language (works without JavaScript)."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), language)


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
