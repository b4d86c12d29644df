"""Dated duties a labour-law reader expects at the top of the advice ("Deze week").

Found by running unseen scenarios through the engine: at week 94 the overdue WIA application
was only step 6 of the expert-opinion steps and not in "Deze week"; an employer in week 42 was
not told of the sick report to UWV (domain §6 [X]), a dated duty of the employer.
"""

from __future__ import annotations

from datetime import date

import pytest

from decision_aid.routing import advise
from decision_aid.routing.facts import Dispute, Employment, Role, Wage

from .helpers import AS_OF, make_case, weeks_ago

# (id naming the source, role, situation changes, key expected in this_week or None, its date)
ROWS = [
    (
        "domain§6[Y]-week94-employee-wia-overdue-opens-advice",
        Role.EMPLOYEE,
        {"sick_since": weeks_ago(93, 2), "disputes": {Dispute.EMPLOYER_EFFORTS}, "talked": True},
        "wia_overdue",
        AS_OF,
    ),
    (
        "domain§6[Y]-week100-advisor-wia-overdue-opens-advice",
        Role.ADVISOR,
        {"sick_since": weeks_ago(99), "disputes": {Dispute.SUITABLE_WORK}, "talked": True},
        "wia_overdue",
        AS_OF,
    ),
    (
        "004§3-wage-sanction-means-wia-was-applied-for",
        Role.EMPLOYER,
        {"sick_since": weeks_ago(99), "wage_sanction": True, "talked": True},
        None,
        None,
    ),
    (
        "domain§6[Y]-week93-still-the-plain-deadline",
        Role.EMPLOYEE,
        {"sick_since": weeks_ago(92, 1), "disputes": {Dispute.EMPLOYER_EFFORTS}},
        "wia_application",
        None,
    ),
    (
        "domain§6[X]-week41-employer-sick-report-to-uwv",
        Role.EMPLOYER,
        # sick since Monday 26-08-2023: week 42 ends Sunday 16-06-2024; report Monday 17-06
        {"sick_since": date(2023, 8, 28), "disputes": {Dispute.SUITABLE_WORK_AVAILABLE}},
        "uwv_sick_report",
        date(2024, 6, 17),
    ),
    (
        "domain§6[X]-report-falls-on-saturday-moves-to-monday",
        Role.EMPLOYER,
        # week 42 ends on a Friday: the first working day after it is the Monday
        {"sick_since": date(2023, 8, 26), "disputes": {Dispute.SUITABLE_WORK_AVAILABLE}},
        "uwv_sick_report",
        date(2024, 6, 17),
    ),
    (
        "domain§6[X]-the-report-is-the-employers-not-the-employees",
        Role.EMPLOYEE,
        {"sick_since": date(2023, 8, 28), "disputes": {Dispute.SUITABLE_WORK_AVAILABLE}},
        None,
        None,
    ),
    (
        "domain§10-004§11-contract-ended-no-sick-report",
        Role.EMPLOYER,
        {
            "sick_since": date(2023, 8, 28),
            "employment": Employment.TEMPORARY,
            "contract_end": weeks_ago(1),
            "wage": Wage.ENDED,
        },
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("role", "changes", "key", "due"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_dated_duty_in_this_week(role, changes, key, due):
    advice = advise(make_case(role, **changes))
    keys = {a.key: a for a in advice.this_week}
    if key is None:
        assert not {"wia_overdue", "uwv_sick_report"} & set(keys), advice.this_week
        return
    assert key in keys, (key, advice.this_week)
    if due is not None:
        assert keys[key].due == due
    # the first thing the person reads: the overdue application comes before any other step
    if key == "wia_overdue":
        assert advice.this_week[0].key == "wia_overdue"
