"""Counting sick weeks (domain.md §6): week 1 starts on the first day of sickness."""

from datetime import date

MAX_SICK_WEEKS = 104  # the waiting period: pay duty ends after 104 weeks (004 §3)


def sick_week(sick_since: date, as_of: date) -> int:
    """The week of sickness that ``as_of`` falls in; 1 on the first sick day."""
    return (as_of - sick_since).days // 7 + 1
