"""The draft page starts with a short list of its letters that jumps to each: the expat's
second-opinion letter sat 10 screens down a 13-screen page under two UWV letters."""

from __future__ import annotations

import re

import pytest

from tests.documents.cases import case_file_for


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["", "/en"])
def test_the_draft_page_opens_with_a_list_that_jumps_to_each_letter(client, owned_case, lang):
    case = owned_case(case_file_for("expert_opinion"))
    html = client.get(f"{lang}/brief/{case.id}/").content.decode()
    toc = re.search(r'<nav class="letter-toc".*?</nav>', html, re.S)
    assert toc, "no list of letters"
    # before the first letter
    assert html.index(toc.group(0)) < html.index('<section class="document"')
    targets = re.findall(r'href="#(doc-[\w-]+)"', toc.group(0))
    letters = re.findall(r'<section class="document" aria-labelledby="(doc-[\w-]+)"', html)
    assert letters and set(letters) <= set(targets)
    # every jump lands on something with that id (the letters and the "also possible" ones)
    for target in targets:
        assert f'id="{target}"' in html, target
    assert len(targets) >= 3
