"""The dated deadlines of one case, and "Deze week": the first actions when money or a date bites.

People come when their pay stopped or a deadline is close (domain §10), so the advice opens with
at most three dated actions, earliest first, above the route. The same deadlines make the .ics
calendar. Each text names the step, never the health matter.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from .advice import Action, Route, Text
from .context import Facts
from .facts import ExpertOpinionState, Wage
from .i18n import gettext_noop as _
from .weeks import (
    MAX_SICK_WEEKS,
    OBJECTION_WEEKS,
    PAY_BY_DAYS,
    PLAN_EXPERT_OPINION_WEEKS,
    THIS_WEEK_DAYS,
    UWV_SICK_REPORT_WEEK,
    WIA_APPLY_BY_WEEK,
)

MAX_THIS_WEEK = 3

OBJECTION = _(
    "Last day for the objection (bezwaar) to UWV against the wage sanction (6 weeks after the "
    "decision of %(decided)s). Ask to shorten the sanction at the same time."
)
PAY_BY = _("Send the written claim today and ask the employer to pay the missing wage by %(date)s.")
PAY_BY_SUSPENDED = _(
    "Ask the employer today in writing which rule was not followed, do it, and ask for the "
    "held-back wage by %(date)s."
)
PAY_NOTICE = _(
    "Tell the employee today in writing why the pay is stopped or suspended and what ends it."
)
CONTRACT_END = _(
    "The temporary contract ends on %(date)s: the expert opinion request and the "
    "re-integration report must be done before then."
)
WIA_APPLICATION = _("Last week to apply to UWV for the WIA benefit (week 93): by %(date)s.")
WIA_OVERDUE = _(
    "The WIA application to UWV was due by %(date)s (week 93). If it has not been sent, send it "
    "to UWV today: for the time it is late without a good reason, the employer may stop the pay."
)
UWV_SICK_REPORT = _(
    "Report the sickness to UWV (ziekmelding, week 42) by %(date)s, the first working day "
    "after week 42."
)
UWV_ANSWER = _(
    "If the expert opinion is asked today, UWV's answer can come by %(date)s (it can take up "
    "to 8 weeks)."
)


#: The step in a few words: the sending sheet and the calendar's event titles.
LABELS = {
    "objection": _("Last day: objection to the wage sanction"),
    "pay_by": _("Date the missing wage must be paid by"),
    "pay_notice": _("Tell the employee in writing about the pay"),
    "contract_end": _("End of the temporary contract"),
    "wia_application": _("Last day to apply for the WIA benefit"),
    "wia_overdue": _("Apply for the WIA benefit now (overdue)"),
    "uwv_sick_report": _("Report the sickness to UWV (week 42)"),
    "uwv_answer": _("Expected answer of UWV on the expert opinion"),
}


def _d(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def plus(day: date, delta: timedelta) -> date:
    """``day + delta``, kept inside the calendar: a case file may carry the year 9999."""
    try:
        return day + delta
    except OverflowError:
        return date.max if delta > timedelta(0) else date.min


def _pay_actions(f: Facts) -> list[Action]:
    today = f.case.as_of
    if f.employer_side:
        if f.s.wage in (Wage.STOPPED, Wage.WITHHELD):
            return [Action("pay_notice", Text(PAY_NOTICE), today, ("domain §5 [O]", "domain §10"))]
        return []
    if not f.pay_at_stake:
        return []
    pay_by = plus(today, timedelta(days=PAY_BY_DAYS))
    text = PAY_BY_SUSPENDED if f.wage_suspended_only else PAY_BY
    return [Action("pay_by", Text(text, {"date": _d(pay_by)}), pay_by, ("domain §10",))]


def _overdue_wia(f: Facts, since: date) -> list[Action]:
    """Weeks 94-104: the application was due by week 93 (domain §6 [Y]); if not sent, today.
    Not with a wage sanction: UWV imposes one when it handles the application (004 §3)."""
    if not WIA_APPLY_BY_WEEK < f.week <= MAX_SICK_WEEKS or f.s.wage_sanction is True:  # type: ignore[operator]
        return []
    last_day = plus(since, timedelta(weeks=WIA_APPLY_BY_WEEK, days=-1))
    text = Text(WIA_OVERDUE, {"date": _d(last_day)})
    return [Action("wia_overdue", text, f.case.as_of, ("domain §6 [Y]", "BW 7:629 lid 3"))]


def _sick_report(f: Facts, since: date) -> list[Action]:
    """The employer reports the sickness to UWV on the first working day after week 42
    (domain §6 [X]); Saturday and Sunday move to the Monday. The employee has no such duty."""
    if not f.employer_side or f.week > UWV_SICK_REPORT_WEEK + 1:  # type: ignore[operator]
        return []
    due = plus(since, timedelta(weeks=UWV_SICK_REPORT_WEEK))
    if due.weekday() >= 5:
        due = plus(due, timedelta(days=7 - due.weekday()))
    return [
        Action("uwv_sick_report", Text(UWV_SICK_REPORT, {"date": _d(due)}), due, ("domain §6 [X]",))
    ]


def deadlines(f: Facts, advised: frozenset[Route] = frozenset()) -> tuple[Action, ...]:
    """Every dated deadline still ahead (or today), earliest first."""
    today = f.case.as_of
    out: list[Action] = []
    decided = f.s.sanction_decided_on
    if f.employer_side and decided is not None:
        last = plus(decided, timedelta(weeks=OBJECTION_WEEKS))
        out.append(
            Action(
                "objection",
                Text(OBJECTION, {"decided": _d(decided)}),
                last,
                ("Awb 6:7", "domain §10 [AU]"),
            )
        )
    out += _pay_actions(f)
    end = f.s.contract_end
    if f.contract_ending and end is not None:
        out.append(
            Action(
                "contract_end",
                Text(CONTRACT_END, {"date": _d(end)}),
                end,
                ("004 §11", "domain §10"),
            )
        )
    since = f.s.sick_since
    if since is not None and f.week is not None and f.week <= WIA_APPLY_BY_WEEK:
        last_day = plus(since, timedelta(weeks=WIA_APPLY_BY_WEEK, days=-1))
        # also after a contract's end: the WIA application is the employee's, with UWV
        out.append(
            Action(
                "wia_application",
                Text(WIA_APPLICATION, {"date": _d(last_day)}),
                last_day,
                ("domain §6 [Y]",),
            )
        )
    if since is not None and f.week is not None and not f.contract_ended:
        out += _overdue_wia(f, since) + _sick_report(f, since)
    if Route.EXPERT_OPINION in advised and f.opinion in (None, ExpertOpinionState.NONE):
        answer = plus(today, timedelta(weeks=PLAN_EXPERT_OPINION_WEEKS))
        if f.week is None or f.week + PLAN_EXPERT_OPINION_WEEKS <= MAX_SICK_WEEKS + 52:
            out.append(
                Action(
                    "uwv_answer",
                    Text(UWV_ANSWER, {"date": _d(answer)}),
                    answer,
                    ("domain §3 [I]", "domain §3 [B]"),
                )
            )
    labelled = (replace(a, label=Text(LABELS[a.key])) for a in out if a.due >= today)
    return tuple(sorted(labelled, key=lambda a: (a.due, a.key)))


def this_week(f: Facts, all_deadlines: tuple[Action, ...]) -> tuple[Action, ...]:
    """At most three actions when pay stopped, was cut, refused or suspended, or when a dated
    deadline falls within 14 days; earliest first, so the nearest deadline opens the advice.
    An open objection term (at most 6 weeks) and a contract that ends within the time an
    expert opinion may take (8 weeks) are acted on now too: both start this week."""
    today = f.case.as_of
    soon = plus(today, timedelta(days=THIS_WEEK_DAYS))
    within_opinion_time = plus(today, timedelta(weeks=PLAN_EXPERT_OPINION_WEEKS))
    money = f.pay_at_stake or (f.employer_side and f.s.wage in (Wage.STOPPED, Wage.WITHHELD))
    actions = [
        a
        for a in all_deadlines
        if a.key != "uwv_answer"  # UWV's expected answer is no action of this week
        and (
            a.due <= soon
            or a.key == "objection"
            or (a.key == "contract_end" and a.due <= within_opinion_time)
        )
    ]
    if not money and not actions:
        return ()
    return tuple(actions[:MAX_THIS_WEEK])
