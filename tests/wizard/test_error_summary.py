"""The error box at the top of a long page names the field when its message does not: on the
letter details page (5,000 px on a phone) the box said only "Vul dit veld in." (phone walk
review), and the person had to tap the link to learn which field it was."""

from __future__ import annotations

import re

import pytest

from tests.journey import post_step, walk

pytestmark = pytest.mark.django_db


def test_the_error_box_names_the_empty_field(client, typical_answers):
    walk(client, typical_answers, stop_at="details")
    details = {**typical_answers["details"], "requester_name": ""}
    html = post_step(client, "details", details).content.decode()
    box = html[html.index('class="error-summary"') : html.index("</ul>")]
    links = [re.sub(r"\s+", " ", text).strip() for text in re.findall(r"<a [^>]*>(.*?)</a>", box)]
    assert links == ["Uw naam: Vul dit veld in."], links


def test_a_message_that_names_the_question_is_not_doubled(client, typical_answers):
    walk(client, typical_answers, stop_at="talked")
    html = post_step(client, "talked", {}).content.decode()
    box = html[html.index('class="error-summary"') : html.index("</ul>")]
    assert "Kies of u al met uw werkgever hebt gepraat" in box, box
    assert ": Kies" not in box, box
