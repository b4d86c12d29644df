"""Optional fields say so: "(niet verplicht)" on the letter-details page and on
every optional question; required fields are not marked."""

from __future__ import annotations

import re

import pytest

from tests.journey import walk

pytestmark = pytest.mark.django_db


def _labels(html: str) -> dict[str, str]:
    """label text by the field's name, tags stripped."""
    found = {}
    for match in re.finditer(r'<label for="id_([^"]+)" class="label">(.*?)</label>', html, re.S):
        found[match.group(1)] = re.sub(r"<[^>]+>", "", match.group(2)).strip()
    return found


@pytest.mark.parametrize(("lang", "mark"), [("", "(niet verplicht)"), ("/en", "(optional)")])
def test_details_page_marks_only_the_optional_fields(client, typical_answers, lang, mark):
    response = walk(client, typical_answers, stop_at="details", lang=lang)
    form = response.context["form"]
    labels = _labels(response.content.decode())
    assert labels
    for name, field in form.fields.items():
        if f"details-{name}" not in labels:
            # a choice with a default (the letters' language): radio buttons, nothing to mark
            assert field.initial is not None, name
            continue
        label = labels[f"details-{name}"]
        assert label.endswith(mark) == (not field.required), (name, label)
    assert any(not f.required for f in form.fields.values())


def test_an_optional_question_page_says_so(client, typical_answers):
    response = walk(client, typical_answers, stop_at="first_opinion_date")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1)
    assert "(niet verplicht)" in heading
