"""After "Change" on the check page the person comes back to the check page,
after any question the change newly opens, not through every later page again."""

from __future__ import annotations

import pytest

from tests.journey import PREFIX, step_of, step_url, walk

pytestmark = pytest.mark.django_db


def _change(client, step: str):
    return client.post(
        step_url(client, "review"),
        {f"{PREFIX}-current_step": "review", "wizard_goto_step": step},
        follow=True,
    )


def _post(client, step: str, data: dict):
    payload = {f"{PREFIX}-current_step": step}
    payload.update({f"{step}-{k}": v for k, v in data.items()})
    return client.post(step_url(client, step), payload, follow=True)


def test_change_returns_to_the_check_page(client, typical_answers):
    walk(client, typical_answers, stop_at="review")
    response = _change(client, "talked")
    assert step_of(response) == "talked"
    response = _post(client, "talked", {"talked": "no"})
    assert step_of(response) == "review"
    assert "Nee" in response.content.decode()


def test_a_question_the_change_opens_is_asked_then_the_check_page(client, typical_answers):
    walk(client, typical_answers, stop_at="review")
    _change(client, "relationship")
    response = _post(client, "relationship", {"relationship": "strained"})
    assert step_of(response) == "mediation"  # newly opened by "strained"
    response = _post(client, "mediation", {"mediation": "not_tried"})
    assert step_of(response) == "review"
    # and the next change again goes straight back
    _change(client, "wage")
    response = _post(client, "wage", {"wage": "paid"})
    assert step_of(response) == "review"


def test_without_change_the_pages_go_in_order(client, typical_answers):
    walk(client, typical_answers, stop_at="talked")
    response = _post(client, "talked", {"talked": "yes"})
    assert step_of(response) == "relationship"


def test_a_change_that_ends_the_scope_shows_the_result(client, typical_answers):
    walk(client, typical_answers, stop_at="review")
    _change(client, "still_sick")
    response = _post(client, "still_sick", {"still_sick": "no"})
    assert step_of(response) == "advice"
    assert response.context["advice"]["out_of_scope"]
