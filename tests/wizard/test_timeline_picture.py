"""The 104 weeks as a picture on the advice page: server-made SVG with
"u bent hier", the milestones, what looks late and when an answer can come, and the same in
words for screen readers."""

from __future__ import annotations

import re

import pytest

from decision_aid.advice.timeline_svg import timeline_figure
from tests.journey import walk

pytestmark = pytest.mark.django_db


def test_advice_page_shows_the_picture_and_its_words(client, typical_answers):
    html = walk(client, typical_answers, stop_at="advice").content.decode()
    svg = re.search(r"<svg class=\"timeline-svg\".*?</svg>", html, re.S)
    assert svg, "no timeline picture"
    svg = svg.group(0)
    assert 'aria-hidden="true"' in svg
    assert "u bent hier: week 31" in svg
    assert svg.count("<circle") == 7  # the seven milestones
    assert 'class="tl-answer"' in svg  # expert opinion: when the answer can come
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html, re.S).group(1)
    assert "U bent in week 31 van de 104 weken." in caption
    assert "Hierna: week 42" in caption
    assert "Een antwoord van UWV kan komen rond week 33 tot 39." in caption
    # the picture comes after the letter button: the button stays in the first screens
    assert html.index("Maak de brief voor deze stap") < html.index("<svg")


def test_late_milestones_are_red_and_said():
    advice = {
        "primary": {"route": "talk"},
        "timeline": {
            "week": 20,
            "milestones": [
                {"week": 8, "label": "Plan van aanpak", "status": "past", "late": True},
                {"week": 42, "label": "Ziekmelding bij UWV", "status": "coming", "late": False},
            ],
        },
    }
    svg, text = timeline_figure(advice)
    assert 'class="tl-late"' in svg
    assert "Plan van aanpak" in text and "8" in text
    assert "antwoord" not in svg  # no answer window for a talk
    assert "UWV" in text  # the next milestone


def test_no_picture_without_a_first_sick_day():
    assert timeline_figure({"timeline": {"week": None, "milestones": []}}) is None


def test_past_104_weeks_the_axis_stretches():
    advice = {"primary": {"route": "court"}, "timeline": {"week": 120, "milestones": []}}
    svg, text = timeline_figure(advice)
    assert "week 120" in svg and "120" in text


def test_no_uwv_answer_window_when_the_cao_names_the_expert():
    """The expert named in a cao works to the cao's terms, not UWV's 2 to 8 weeks: the picture
    shows no answer window and the words do not speak of an answer from UWV."""
    advice = {
        "primary": {"route": "expert_opinion"},
        "expert_body": "cao",
        "timeline": {"week": 20, "milestones": []},
    }
    svg, words = timeline_figure(advice)
    assert 'class="tl-answer"' not in svg
    assert "UWV" not in words
    advice["expert_body"] = "uwv"
    svg, words = timeline_figure(advice)
    assert 'class="tl-answer"' in svg and "UWV" in words
