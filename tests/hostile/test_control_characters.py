"""A control character pasted into a text field (a form feed copied from a PDF) made every
.docx of the case fail (python-docx refuses characters XML cannot hold) while the PDF worked.
They are removed at the boundary, from every text a form sends."""

from __future__ import annotations

import io
import re

import pytest
from django import forms
from django.test import RequestFactory

from tests.journey import TYPICAL_EMPLOYEE, current_case_id, walk

# Characters XML 1.0 cannot hold, as pasted: form feed, vertical tab, unit separator, escape,
# NUL's neighbours, and the two non-characters.
BAD = "\x0c\x0b\x1f\x1b\x01\ufffe\uffff"


def _with_bad_text(answers: dict) -> dict:
    """Every free-text field of the wizard with the bad characters in the middle."""
    from decision_aid.wizard import forms as wizard_forms

    out = {step: dict(values) for step, values in answers.items()}
    details = wizard_forms.DetailsForm
    for name, field in details.base_fields.items():
        is_text = isinstance(field, forms.CharField) and not isinstance(field, forms.EmailField)
        if is_text and name in out["details"]:
            value = out["details"][name]
            out["details"][name] = value[:3] + BAD + value[3:]
    return out


@pytest.mark.django_db
def test_a_form_feed_in_every_text_field_still_gives_every_docx(client):
    from docx import Document

    walk(client, _with_bad_text(TYPICAL_EMPLOYEE))
    case_id = current_case_id(client)
    html = client.get(f"/brief/{case_id}/").content.decode()
    slugs = sorted(set(re.findall(rf"/brief/{case_id}/word/([\w-]+)/", html)))
    assert slugs, "the drafts page offers no .docx"
    for slug in slugs:
        word = client.get(f"/brief/{case_id}/word/{slug}/")
        assert word.status_code == 200, (slug, word.status_code)
        text = "\n".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
        assert "Anouk de Vries-Çelik" in text, slug  # the name, whole, without the characters
        assert not any(ch in text for ch in BAD), slug


def test_every_posted_text_and_query_value_loses_what_xml_cannot_hold():
    """The boundary itself, for any field name (so every form behind it): keys and values, a
    form post and a query string; ordinary text (accents, emoji, line breaks, tabs) unchanged."""
    from decision_aid.pages.middleware import text_clean

    seen = {}

    def view(request):
        seen["post"] = request.POST
        seen["get"] = request.GET
        return None

    keep = "Zoë 🙂\tregel\r\neen"
    request = RequestFactory().post(
        "/x/?q=a\x0cb", {"any-field": f"a{BAD}b", "other\x0b": ["x\x0cy", keep]}
    )
    text_clean(view)(request)
    assert seen["post"]["any-field"] == "ab"
    assert seen["post"].getlist("other") == ["xy", keep]
    assert seen["get"]["q"] == "ab"
