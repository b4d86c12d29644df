"""The advice page is short on a phone: recommendation, one reason and the
letter button first; everything else folded in details/summary; citations as readable names
that link to the sources page."""

from __future__ import annotations

import re

import pytest

from decision_aid.content import all_sources, citation_label
from tests.journey import walk

pytestmark = pytest.mark.django_db


def _advice_html(client, answers, lang: str = "") -> str:
    response = walk(client, answers, stop_at="advice", lang=lang)
    assert response.request["PATH_INFO"].endswith("/advice/")
    return response.content.decode()


def test_letter_button_comes_before_the_folded_parts(client, typical_answers):
    html = _advice_html(client, typical_answers)
    button = html.index("Maak de brief voor deze stap")
    for folded in ("Ook mogelijk", "Kosten en tijd", "Bronnen", "Waar u staat in de twee jaar"):
        position = html.index(f"<summary>{folded}</summary>")
        assert button < position, folded
    # the folded parts are closed: nothing opens them without the person asking
    assert "<details open" not in html
    # one reason shows, the others are behind "Meer redenen"
    primary = html[html.index('class="advice-primary"') : button]
    assert primary.count("<li>") >= 2
    assert "<summary>Meer redenen</summary>" in primary


@pytest.mark.parametrize("lang", ["", "/en"])
def test_citations_are_names_that_link_to_the_sources_page(client, typical_answers, lang):
    html = _advice_html(client, typical_answers, lang=lang)
    refs = re.findall(r'<a class="source-ref" href="([^"]+)">([^<]+)</a>', html)
    assert refs
    sources_url = "/en/sources/" if lang else "/bronnen/"
    for href, label in refs:
        assert href.startswith(sources_url + "#bron-"), href
        assert not re.search(r"domain §|\[|^00\d ", label), label
    labels = {label for _, label in refs}
    expected = "UWV policy rules, §10" if lang else "UWV-beleidsregels, §10"
    assert expected in labels
    # every link lands on an anchor the sources page has
    page = client.get(sources_url).content.decode()
    for href, _ in refs:
        assert f'id="{href.split("#", 1)[1]}"' in page


def test_every_source_has_a_readable_short_name():
    for source in all_sources():
        for english in (False, True):
            label = citation_label(source.id, english=english)
            assert label and "domain §" not in label and not re.match(r"00\d ", label)
    assert citation_label("BW 7:629a lid 1") == "Burgerlijk Wetboek 7:629a lid 1"
    assert citation_label("004 §10") == "UWV-beleidsregels, §10"
    assert citation_label("004 noot 5", english=True) == "UWV policy rules, footnote 5"
    assert citation_label("Arbobesluit 2.14d") == "Arbobesluit 2.14d"


def test_two_passages_of_one_page_have_different_short_names():
    """The second-opinion advice cited "Aanbieder van second opinions; Aanbieder van second
    opinions": two links with one name (phone review, p1-werknemer-20-advice.png)."""
    for english in (False, True):
        labels = {}
        for source in all_sources():
            label = citation_label(source.id, english=english)
            assert label not in labels, f"{source.id} and {labels.get(label)}: {label}"
            labels[label] = source.id
    assert citation_label("003 factuur") == "Aanbieder van second opinions: wie betaalt"
    assert citation_label("003 factuur", english=True) == "Second-opinion provider: who pays"


def test_english_pages_say_company_doctor_not_the_bare_dutch_word(client, typical_answers):
    """English readers do not know "bedrijfsarts": the English catalogue says "company doctor"
    (scripts/po_fill.plain_english), with the Dutch word only beside it in brackets. The phone
    review found "You doubt the medical advice of the bedrijfsarts" on the English advice."""
    import re

    answers = {step: dict(data) for step, data in typical_answers.items()}
    answers["disputes"] = {"disputes": ["medical_advice_doubt"]}
    html = walk(client, answers, lang="/en", stop_at="advice").content.decode()
    main = re.sub(r"<[^>]+>", " ", html[html.index("<main") : html.index("</main>")])
    assert "You doubt the medical advice of the company doctor." in " ".join(main.split())
    words = re.sub(r"\S*/\S*", " ", main)  # addresses of sources may hold the word
    bare = re.findall(r"(?<!\()\bbedrijfsarts\b(?!\))", words)
    assert bare == [], f"{len(bare)} bare 'bedrijfsarts' on the English advice page"
