"""Counting sick weeks (domain.md §6): week 1 starts on the first day of sickness."""

from datetime import date

MAX_SICK_WEEKS = 104  # the waiting period: pay duty ends after 104 weeks (004 §3)
MAX_WAGE_SANCTION_WEEKS = 52  # a loonsanctie extends pay by at most 52 weeks (004 §3)
#: Plan deadlines on the upper end of an expert opinion's duration: 4-8 weeks in practice
#: (domain §3 [I]), with a backlog ([H]); UWV itself says 2-4 weeks ([B]).
PLAN_EXPERT_OPINION_WEEKS = 8
WIA_APPLY_BY_WEEK = 93  # domain §6 [Y]
WIA_LETTER_WEEK = 88  # UWV's letter about the WIA application, domain §6 [Y]


def sick_week(sick_since: date, as_of: date) -> int:
    """The week of sickness that ``as_of`` falls in; 1 on the first sick day."""
    return (as_of - sick_since).days // 7 + 1
