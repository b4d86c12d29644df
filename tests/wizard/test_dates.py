"""Dates as people write them, and the echo of what was understood."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from decision_aid.wizard.dates import parse_date
from tests.journey import post_step, step_of, walk

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "expected", "approximate"),
    [
        ("4 mei 2026", date(2026, 5, 4), False),
        ("4-5-2026", date(2026, 5, 4), False),
        ("4/5/2026", date(2026, 5, 4), False),
        ("04.05.2026", date(2026, 5, 4), False),
        ("2026-05-04", date(2026, 5, 4), False),
        ("  4  Mei   2026 ", date(2026, 5, 4), False),
        ("4 May 2026", date(2026, 5, 4), False),
        ("mei 2026", date(2026, 5, 1), True),
        ("30 weken geleden", date(2026, 5, 4), True),
        ("30 weeks ago", date(2026, 5, 4), True),
        ("30w", date(2026, 5, 4), True),
        ("30 weken", date(2026, 5, 4), True),
        ("mei", date(2026, 5, 1), True),  # the last May
    ],
)
def test_dates_people_write(text, expected, approximate):
    parsed = parse_date(text, today=TODAY)
    assert parsed is not None, text
    assert (parsed.value, parsed.approximate) == (expected, approximate)


@pytest.mark.parametrize(
    "text", ["", "abc", "31-02-2026", "12-13-2026", "2026", "1-1-1900", "99-99-9999"]
)
def test_what_is_not_a_date_a_person_means(text):
    assert parse_date(text, today=TODAY) is None


@pytest.mark.django_db
def test_the_wizard_echoes_the_understood_date_with_the_week(client, typical_answers):
    walk(client, typical_answers, stop_at="sick_since")
    response = post_step(client, "sick_since", {"sick_since": "30 weken geleden"})
    assert step_of(response) == "disputes"
    since = timezone.localdate() - timedelta(weeks=30)
    html = response.content.decode()
    from django.utils.formats import date_format

    assert f"Begrepen: {date_format(since, 'l j F Y')}, nu week 31." in html
    assert "Dat is een schatting" in html
    # said on the page after the date only: gone once that page is answered
    response = post_step(client, "disputes", typical_answers["disputes"])
    assert "Begrepen:" not in response.content.decode()


@pytest.mark.django_db
def test_an_exact_date_is_echoed_without_estimate_and_a_bad_one_says_what_to_write(
    client, typical_answers
):
    walk(client, typical_answers, stop_at="sick_since")
    response = post_step(client, "sick_since", {"sick_since": "toen het begon"})
    assert step_of(response) == "sick_since"
    assert "Schrijf hem bijvoorbeeld als 4 mei 2026, 4-5-2026 of mei 2026." in (
        response.content.decode()
    )
    day = timezone.localdate() - timedelta(weeks=10)
    response = post_step(client, "sick_since", {"sick_since": day.strftime("%-d-%-m-%Y")})
    html = response.content.decode()
    assert "Begrepen:" in html and "nu week 11." in html
    assert "schatting" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["31-02-2026", "12-13-2026", "30/2/2026"])
def test_a_date_no_calendar_has_says_to_check_day_and_month(client, typical_answers, text):
    """Written the right way but the day does not exist: "we could not read this date, write it
    as 4-5-2026" sent the person to rewrite a date they had written just so (phone review)."""
    walk(client, typical_answers, stop_at="sick_since")
    response = post_step(client, "sick_since", {"sick_since": text})
    html = response.content.decode()
    assert step_of(response) == "sick_since"
    assert "Deze datum bestaat niet. Kijk of de dag en de maand kloppen" in html
    assert "We kunnen deze datum niet lezen" not in html
