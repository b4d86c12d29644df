"""Page weight: every wizard page's HTML plus the CSS and fonts it loads stay under 60 KB.

Measured uncompressed (what a slow phone has to parse), with the stylesheets each page links
and every font a stylesheet asks for (the web pages use none; the PDF fonts are not loaded).
"""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders

from tests.journey import PREFIX, TYPICAL_EMPLOYEE, _value, step_of, step_url

pytestmark = pytest.mark.django_db

LIMIT = 60 * 1024
STYLESHEET_RE = re.compile(r'<link rel="stylesheet" href="/static/([^"?]+)')
FONT_RE = re.compile(r"url\(['\"]?([^'\")]+\.(?:woff2?|ttf|otf))")


def _static(path: str) -> bytes:
    found = finders.find(path)
    assert found, f"{path} not found"
    with open(found, "rb") as fh:
        return fh.read()


def page_weight(html: bytes) -> dict[str, int]:
    sizes = {"html": len(html), "css": 0, "fonts": 0}
    for sheet in STYLESHEET_RE.findall(html.decode()):
        css = _static(sheet)
        sizes["css"] += len(css)
        for font in FONT_RE.findall(css.decode()):
            sizes["fonts"] += len(_static(font.removeprefix("../").removeprefix("/static/")))
    sizes["total"] = sizes["html"] + sizes["css"] + sizes["fonts"]
    return sizes


def _payload(step: str) -> dict[str, object]:
    data = {f"{PREFIX}-current_step": step}
    data.update({f"{step}-{k}": _value(v) for k, v in TYPICAL_EMPLOYEE[step].items()})
    return data


def wizard_page_weights(client, lang: str = "") -> dict[str, dict[str, int]]:
    weights: dict[str, dict[str, int]] = {}
    response = client.get(f"{lang}/vragen/")
    step = "role"
    for _ in range(30):
        weights[step] = page_weight(response.content)
        response = client.post(step_url(client, step, lang=lang), _payload(step), follow=True)
        if "/brief/" in response.request["PATH_INFO"]:
            weights["attachments"] = page_weight(response.content)
            return weights
        step = step_of(response)
    raise AssertionError("the wizard did not finish")


@pytest.mark.parametrize("lang", ["", "/en"])
def test_every_wizard_page_weighs_at_most_60_kb(client, lang):
    weights = wizard_page_weights(client, lang)
    assert len(weights) >= 17
    heavy = {step: w for step, w in weights.items() if w["total"] > LIMIT}
    assert not heavy, f"pages over {LIMIT} bytes: {heavy}"
    assert all(w["fonts"] == 0 for w in weights.values()), "the web pages load no fonts"


def test_the_stylesheet_asks_for_no_font_files():
    assert not FONT_RE.findall(_static("css/site.css").decode())
