"""Date fields took any length and parsed it in the web process: 1 MB of "1 a ..." took 40 s of
CPU, and the parser's cache grew 315 MB after 300 texts. Now a text longer than a date is
refused with a message before any parsing."""

from __future__ import annotations

import pytest

from decision_aid.wizard import dates
from tests.journey import post_step, walk

HOSTILE = "1 a " * 120_000  # 480 KB: under the 1 MB form limit, as in the attack


@pytest.fixture
def no_parsing(monkeypatch):
    """Fail the test if the slow parser (dateparser) is reached at all."""

    def refuse(text, today):
        raise AssertionError(f"dateparser was given {len(text)} characters")

    monkeypatch.setattr(dates, "_parse_words", refuse)


@pytest.mark.django_db
def test_a_long_date_text_gets_a_message_in_dutch_and_is_never_parsed(client, no_parsing):
    walk(
        client,
        {
            "role": {"role": "employee"},
            "employment": {"employment": "permanent"},
            "still_sick": {"still_sick": "yes"},
        },
        stop_at="sick_since",
    )
    response = post_step(client, "sick_since", {"sick_since": HOSTILE})
    assert response.status_code == 200
    assert "Schrijf de datum in hoogstens 40 tekens" in response.content.decode()
    # In English too.
    response = post_step(client, "sick_since", {"sick_since": HOSTILE}, lang="/en")
    assert "Write the date in at most 40 characters" in response.content.decode()


def test_the_parser_cache_keeps_no_long_text(no_parsing):
    from datetime import date

    dates._parse.cache_clear()
    for n in range(300):
        assert dates.parse_date(f"{n} a " * 20_000, today=date(2026, 12, 7)) is None
    assert dates._parse.cache_info().currsize == 0
    # Dates as people write them still read (the numbers path needs no dateparser).
    assert dates.parse_date("4-5-2026", today=date(2026, 12, 7)).value == date(2026, 5, 4)
