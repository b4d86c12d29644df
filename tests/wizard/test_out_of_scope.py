"""Out of scope is said right after the answer that decides it: the next page
is the result with where to go instead, not more questions or the check page; the result says
its reason once and lists nothing to find out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.journey import post_step, step_of

pytestmark = pytest.mark.django_db

WEEKS_AGO_110 = "weeks_ago:110"


def _answer(client, pages):
    client.get("/vragen/", follow=True)
    response = None
    for step, data in pages:
        response = post_step(client, step, data)
    return response


@pytest.mark.parametrize(
    ("pages", "decisive"),
    [
        ([("role", {"role": "employee"}), ("employment", {"employment": "self_employed"})], 2),
        ([("role", {"role": "employee"}), ("employment", {"employment": "none"})], 2),
        (
            [
                ("role", {"role": "employee"}),
                ("employment", {"employment": "permanent"}),
                ("still_sick", {"still_sick": "no"}),
            ],
            3,
        ),
        (
            [
                ("role", {"role": "employer"}),
                ("employment", {"employment": "permanent"}),
                ("still_sick", {"still_sick": "yes"}),
                ("sick_since", {"sick_since": WEEKS_AGO_110}),
                ("wage_sanction", {"wage_sanction": "no"}),
            ],
            5,
        ),
    ],
)
def test_the_result_comes_right_after_the_deciding_answer(client, pages, decisive):
    response = _answer(client, pages)
    assert step_of(response) == "advice", [p[0] for p in pages]
    html = response.content.decode()
    assert "Deze hulp past niet bij uw situatie" in html
    assert "Hier kunt u wel terecht:" in html
    reason = response.context["advice"]["out_of_scope"]["reason"]
    assert html.count(reason[:60]) == 1  # the reason is said once
    assert "Wat u nog moet uitzoeken" not in html
    assert "Controleer uw antwoorden" not in html
    # "Back" goes to the question that decided it
    assert f'name="wizard_goto_step" value="{pages[decisive - 1][0]}"' in html


def test_in_scope_still_goes_through_the_check_page(client, typical_answers):
    from tests.journey import walk

    response = walk(client, typical_answers, stop_at="review")
    assert step_of(response) == "review"


def test_changing_the_deciding_answer_brings_the_questions_back(client):
    _answer(
        client,
        [
            ("role", {"role": "employee"}),
            ("employment", {"employment": "permanent"}),
            ("still_sick", {"still_sick": "no"}),
        ],
    )
    since = (timezone.localdate() - timedelta(weeks=30)).strftime("%d-%m-%Y")
    response = post_step(client, "still_sick", {"still_sick": "yes"})
    assert step_of(response) == "sick_since"
    response = post_step(client, "sick_since", {"sick_since": since})
    assert step_of(response) == "disputes"
