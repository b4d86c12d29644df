"""Dates as people write them: "4 mei 2026", "4-5-2026", "4/5/2026",
"2026-05-04", "mei 2026", "30 weken geleden", "30w".

Numbers are read day-month-year with Python's own ``strptime`` (no guessing of month-day order);
words go to dateparser, a maintained parser that reads Dutch and English, with today as the base
for "geleden"/"ago". A month without a day ("mei 2026") or a number of weeks is approximate: the
first of the month, or that many weeks before today, and the echo says so. No Django here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

NUMERIC_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %m %Y")
WEEKS_AGO = re.compile(r"^\s*(\d{1,3})\s*w(eken|eek|eeks|k)?(\s+(geleden|ago))?\s*$", re.I)
EARLIEST_YEAR = 1950
# The longest way a person writes a date ("woensdag 30 september 2026", "30 weken geleden") is
# under 30 characters. Longer text is refused before any parsing: dateparser's time grows with
# the text (1 MB of "1 a ..." took 40 s of CPU in the web process), and the cache below keeps
# its keys (300 such texts held 315 MB).
DATE_MAX_CHARS = 40


@dataclass(frozen=True)
class ParsedDate:
    value: date
    approximate: bool  # the person gave a month or a number of weeks, not a day


def parse_date(text: str, *, today: date) -> ParsedDate | None:
    """The date in ``text``, or None when it is not a date a person could mean (also when it
    is longer than DATE_MAX_CHARS: the caller says so first, see ``too_long``)."""
    if too_long(text):
        return None
    text = " ".join(text.split())
    if not text:
        return None
    parsed = _parse(text.lower(), today)
    if parsed is None or parsed.value.year < EARLIEST_YEAR:
        return None
    return parsed


def too_long(text: str) -> bool:
    """More than DATE_MAX_CHARS characters, not counting spaces at either end."""
    return len(text) > DATE_MAX_CHARS and len(text.strip()) > DATE_MAX_CHARS


NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\s*$")


def impossible_day(text: str) -> bool:
    """True for a day-month-year in numbers that no calendar has ("31-02-2026", "4-13-2026"):
    the person wrote the date the right way, so the error must say the date does not exist,
    not how to write a date."""
    match = NUMERIC_DMY.match(text)
    if not match:
        return False
    day, month, year = (int(part) for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return True
    return False


@lru_cache(maxsize=512)
def _parse(text: str, today: date) -> ParsedDate | None:
    for fmt in NUMERIC_FORMATS:
        try:
            return ParsedDate(datetime.strptime(text, fmt).date(), approximate=False)
        except ValueError:
            continue
    if match := WEEKS_AGO.match(text):
        return ParsedDate(today - timedelta(weeks=int(match[1])), approximate=True)
    if not re.search(r"[a-z]", text):
        return None  # numbers in another order ("12-13-2026"): do not guess
    return _parse_words(text, today)


def _parse_words(text: str, today: date) -> ParsedDate | None:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["nl", "en"],
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        },
    )
    data = parser.get_date_data(text[:DATE_MAX_CHARS])
    if data.date_obj is None or data.period not in ("day", "week", "month"):
        return None  # a year alone is too vague for a deadline
    return ParsedDate(data.date_obj.date(), approximate=data.period != "day")
