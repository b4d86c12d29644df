"""Counting sick weeks (domain.md §6): week 1 starts on the first day of sickness."""

from datetime import date

MAX_SICK_WEEKS = 104  # the waiting period: pay duty ends after 104 weeks (004 §3)
MAX_WAGE_SANCTION_WEEKS = 52  # a loonsanctie extends pay by at most 52 weeks (004 §3)
#: Plan deadlines on the upper end of an expert opinion's duration: 4-8 weeks in practice
#: (domain §3 [I]), with a backlog ([H]); UWV itself says 2-4 weeks ([B]).
PLAN_EXPERT_OPINION_WEEKS = 8
WIA_APPLY_BY_WEEK = 93  # domain §6 [Y]
#: The employer reports the sickness to UWV on the first working day after week 42 (domain §6 [X]).
UWV_SICK_REPORT_WEEK = 42
#: From this week an employer is asked about a wage sanction: the re-integration report is made in
#: week 87 and UWV judges it with the WIA application (domain §6 [Z]; 004 §3).
SANCTION_ASK_FROM_WEEK = 87
#: An objection (bezwaar) against a UWV decision: within 6 weeks (Awb 6:7; domain §10 [AU]).
OBJECTION_WEEKS = 6
#: The date the written protest against a stop, cut or suspension asks payment by. No source
#: sets it; a week is a usual term in a demand letter (docs/routing.md, not settled).
PAY_BY_DAYS = 7
#: "Deze week": a dated deadline within this many days opens the advice.
THIS_WEEK_DAYS = 14
WIA_LETTER_WEEK = 88  # UWV's letter about the WIA application, domain §6 [Y]


def sick_week(sick_since: date, as_of: date) -> int:
    """The week of sickness that ``as_of`` falls in; 1 on the first sick day."""
    return (as_of - sick_since).days // 7 + 1
