"""The language switch in the header leads to the same page in the other language, on every
page that is not a wizard step (those switch with a form that keeps what was typed)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

SWITCH = re.compile(r'<nav aria-label="[^"]+" class="lang-switch">.*?<a href="([^"]+)"', re.S)


def _switch_target(html: str) -> str:
    match = SWITCH.search(html)
    assert match, "no language switch link on the page"
    return match.group(1)


def _path(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize(
    "name", ["pages:home", "pages:privacy", "pages:sources", "cases:resume", "advisors:login"]
)
def test_switch_leads_to_the_same_page_in_the_other_language(client, name):
    dutch, english = _path(name, "nl"), _path(name, "en")
    assert english.startswith("/en/") and not dutch.startswith("/en/")

    page = client.get(dutch)
    assert page.status_code == 200
    assert _switch_target(page.content.decode()) == english
    page = client.get(english)
    assert page.status_code == 200
    assert _switch_target(page.content.decode()) == dutch
    # And the target really is that page, in that language.
    there = client.get(english)
    assert 'lang="en"' in there.content.decode()[:200]


def test_switch_on_a_page_that_does_not_exist_keeps_the_path(client):
    page = client.get("/bestaat-niet/")
    assert page.status_code == 404
    assert _switch_target(page.content.decode()) == "/en/bestaat-niet/"
    page = client.get("/en/bestaat-niet/")
    assert page.status_code == 404
    assert _switch_target(page.content.decode()) == "/bestaat-niet/"


def test_switch_keeps_the_query_string(client):
    page = client.get(reverse("pages:home") + "?x=1")
    assert _switch_target(page.content.decode()) == "/en/?x=1"
