"""Where the case stands in the 104-week waiting period (Wet verbetering poortwachter)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .advice import Milestone, MilestoneStatus, Text, Timeline
from .facts import Employment, Situation
from .i18n import gettext_noop
from .weeks import sick_week


@dataclass(frozen=True)
class MilestoneDef:
    key: str
    week: int
    until: int
    label: Text
    sources: tuple[str, ...]


MILESTONES: tuple[MilestoneDef, ...] = (
    MilestoneDef(
        "problem_analysis",
        6,
        6,
        Text(
            gettext_noop(
                "Problem analysis: the bedrijfsarts (company doctor) writes down what is wrong "
                "and gives advice"
            )
        ),
        ("004 §5", "domain §6 [AB]"),
    ),
    MilestoneDef(
        "plan_of_action",
        8,
        8,
        Text(gettext_noop("Plan of action: you make a plan for return to work together")),
        ("domain §6 [W]", "004 §5"),
    ),
    MilestoneDef(
        "report_to_uwv",
        42,
        43,
        Text(gettext_noop("The employer reports the long sickness to UWV")),
        ("domain §6 [X]",),
    ),
    MilestoneDef(
        "first_year_evaluation",
        52,
        52,
        Text(gettext_noop("First-year review: also look at work with another employer if needed")),
        ("004 §5",),
    ),
    MilestoneDef(
        "reintegration_report",
        87,
        87,
        Text(gettext_noop("Re-integration report: the file for the WIA application is made")),
        ("domain §6 [Z]",),
    ),
    MilestoneDef(
        "wia_application",
        91,
        93,
        Text(gettext_noop("The employee applies to UWV for a WIA benefit (weeks 91 to 93)")),
        ("domain §6 [Y]", "domain §6 [Z]"),
    ),
    MilestoneDef(
        "end_of_wage_period",
        104,
        104,
        Text(
            gettext_noop("End of the two years: the duty to pay wages ends, unless UWV extends it")
        ),
        ("004 §3", "BW 7:629 lid 1"),
    ),
)

#: Shown only during a wage sanction (loonsanctie): the pay duty runs at most 52 weeks longer.
SANCTION_MILESTONE = MilestoneDef(
    "end_of_wage_sanction",
    156,
    156,
    Text(
        gettext_noop(
            "At the latest: end of the wage sanction (loonsanctie); the WIA application is then "
            "dealt with"
        )
    ),
    ("004 §3",),
)

#: Milestones that need the bedrijfsarts' written advice (the problem analysis) to exist.
_NEEDS_FIRST_OPINION = frozenset({"problem_analysis", "plan_of_action"})


def current_week(sick_since: date | None, as_of: date) -> int | None:
    """Week 1 is the first week of sickness; None when unknown or in the future."""
    if sick_since is None or sick_since > as_of:
        return None
    return sick_week(sick_since, as_of)


def milestone_status(week: int, m: MilestoneDef) -> MilestoneStatus:
    """Due from one week before the milestone until its last week; past after that."""
    if week > m.until:
        return MilestoneStatus.PAST
    if week >= m.week - 1:
        return MilestoneStatus.DUE
    return MilestoneStatus.COMING


def looks_late(week: int, m: MilestoneDef, situation: Situation) -> bool:
    """Late: past the milestone and the bedrijfsarts has still given no written advice (004 §5)."""
    no_advice = situation.first_opinion.present is False
    return m.key in _NEEDS_FIRST_OPINION and week > m.until and no_advice


#: A temporary contract that ends while sick: its end drives every deadline (004 §11; domain §10).
CONTRACT_END_LABEL = gettext_noop(
    "The temporary contract ends (%(date)s): the employer's duty to pay ends and the Ziektewet "
    "takes over; what is between employer and employee must be done before then"
)


def _contract_end(situation: Situation) -> MilestoneDef | None:
    end, since = situation.contract_end, situation.sick_since
    if situation.employment is not Employment.TEMPORARY or end is None or since is None:
        return None
    if end < since:
        return None
    week = sick_week(since, end)
    label = Text(CONTRACT_END_LABEL, {"date": end.strftime("%d-%m-%Y")})
    return MilestoneDef("contract_end", week, week, label, ("004 §11", "domain §10"))


def build_timeline(situation: Situation, as_of: date) -> Timeline:
    week = current_week(situation.sick_since, as_of)
    if week is None:
        return Timeline(week=None, milestones=())
    milestones = MILESTONES + ((SANCTION_MILESTONE,) if situation.wage_sanction is True else ())
    end = _contract_end(situation)
    if end is not None and end.week <= milestones[-1].week:
        # after the last day the employer's duties end: no week-42 report or week-52 review
        # between them any more (004 §11)
        milestones = tuple(m for m in milestones if m.week < end.week) + (end,)
    return Timeline(
        week=week,
        milestones=tuple(
            Milestone(
                key=m.key,
                week=m.week,
                until=m.until,
                label=m.label,
                status=milestone_status(week, m),
                late=looks_late(week, m, situation),
                sources=m.sources,
            )
            for m in milestones
        ),
    )
