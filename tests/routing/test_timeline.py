"""Where the case stands in the 104 weeks (domain.md §6; 004 §5)."""

from __future__ import annotations

from datetime import date

import pytest

from decision_aid.routing import advise
from decision_aid.routing.advice import MilestoneStatus
from decision_aid.routing.facts import FirstOpinion
from decision_aid.routing.timeline import MILESTONES, build_timeline, current_week

from .helpers import AS_OF, make_case, weeks_ago

PAST, DUE, COMING = MilestoneStatus.PAST, MilestoneStatus.DUE, MilestoneStatus.COMING


@pytest.mark.parametrize(
    ("sick_since", "week"),
    [
        (AS_OF, 1),
        (weeks_ago(0, 6), 1),
        (weeks_ago(1), 2),
        (weeks_ago(5, 6), 6),
        (weeks_ago(103, 6), 104),
        (weeks_ago(104), 105),
        (date(2024, 6, 4), None),  # after as_of
        (None, None),
    ],
)
def test_current_week(sick_since: date | None, week: int | None) -> None:
    assert current_week(sick_since, AS_OF) == week


def _statuses(week_ago: int) -> dict[str, MilestoneStatus]:
    case = make_case(sick_since=weeks_ago(week_ago))
    timeline = build_timeline(case.situation, case.as_of)
    return {m.key: m.status for m in timeline.milestones}


@pytest.mark.parametrize(
    ("weeks_sick", "expected"),
    [
        (3, {"problem_analysis": COMING, "plan_of_action": COMING}),  # week 4
        (4, {"problem_analysis": DUE, "plan_of_action": COMING}),  # week 5
        (5, {"problem_analysis": DUE}),  # week 6
        (6, {"problem_analysis": PAST, "plan_of_action": DUE}),  # week 7
        (42, {"report_to_uwv": DUE, "plan_of_action": PAST}),  # week 43
        (51, {"first_year_evaluation": DUE}),  # week 52
        (89, {"wia_application": DUE, "reintegration_report": PAST}),  # week 90
        (92, {"wia_application": DUE}),  # week 93
        (93, {"wia_application": PAST, "end_of_wage_period": COMING}),  # week 94
        (103, {"end_of_wage_period": DUE}),  # week 104
    ],
)
def test_milestone_status(weeks_sick: int, expected: dict[str, MilestoneStatus]) -> None:
    statuses = _statuses(weeks_sick)
    for key, status in expected.items():
        assert statuses[key] is status, (key, statuses[key])


def test_problem_analysis_late_without_written_advice() -> None:
    advice = advise(make_case(sick_since=weeks_ago(7), first_opinion=FirstOpinion(False)))
    late = {m.key for m in advice.timeline.milestones if m.late}
    assert late == {"problem_analysis"}
    assert "problem_analysis_late" in advice.fired_rules


def test_plan_of_action_late_too_after_week_8() -> None:
    advice = advise(make_case(sick_since=weeks_ago(12), first_opinion=FirstOpinion(False)))
    assert {m.key for m in advice.timeline.milestones if m.late} == {
        "problem_analysis",
        "plan_of_action",
    }


@pytest.mark.parametrize("present", [True, None])
def test_nothing_late_when_advice_present_or_unknown(present: bool | None) -> None:
    advice = advise(make_case(sick_since=weeks_ago(30), first_opinion=FirstOpinion(present)))
    assert not any(m.late for m in advice.timeline.milestones)


def test_unknown_start_gives_no_milestones() -> None:
    advice = advise(make_case(sick_since=None))
    assert advice.timeline.week is None
    assert advice.timeline.milestones == ()


def test_milestones_are_the_poortwachter_weeks() -> None:
    assert [m.week for m in MILESTONES] == [6, 8, 42, 52, 87, 91, 104]
    assert all(m.week <= m.until for m in MILESTONES)
