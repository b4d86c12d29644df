"""The first letters of a money dispute (domain.md §10): their context, and "this week" and the
contract's end on every sending sheet. Hooked into presenter.py; the copy is in money_texts.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext_lazy as _

from decision_aid.documents import money_texts as m
from decision_aid.routing.deadlines import plus
from decision_aid.routing.weeks import OBJECTION_WEEKS, PAY_BY_DAYS

RECIPIENTS = {"wage_protest": "employer", "pay_notice": "employee", "sanction_objection": "uwv"}
#: Letters whose reason only the sender can write: a wage stop names the rule not followed, an
#: objection its grounds. The written claim for the pay reads whole without own words.
NEEDS_OWN_WORDS = ("pay_notice", "sanction_objection")


def _d(value: str | date | None) -> str:
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return day.strftime("%d-%m-%Y")


def _today(ctx: dict[str, Any]) -> date:
    return date.fromisoformat(ctx["advice_date"])


def _to_enclose(kind: str) -> list[Any]:
    from decision_aid.documents.presenter import Enclosure

    return [Enclosure(str(title), None, attached=False) for title in m.TO_ENCLOSE[kind]]


def _wage_protest(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: Any) -> None:
    wage = situation.get("wage") or ""
    ctx["wage"] = wage
    ctx["title"] = str(m.WAGE_PROTEST_SUBJECTS.get(wage, m.LETTER_SUBJECTS["wage_protest"]))
    ctx["addressee"] = ctx["employer"]
    ctx["pay_by"] = _d(plus(_today(ctx), timedelta(days=PAY_BY_DAYS)))
    ctx["pregnancy"] = situation.get("pregnancy_related") is True
    ctx["to_enclose"] = _to_enclose("wage_protest")


def _pay_notice(ctx: dict[str, Any], situation: dict, disputes: list[str], doc: Any) -> None:
    wage = situation.get("wage") or ""
    ctx["wage"] = wage if wage in ("stopped", "withheld") else "withheld"
    ctx["title"] = str(m.PAY_NOTICE_SUBJECTS[ctx["wage"]])
    ctx["addressee"] = ctx["employee"]
    ctx["to_enclose"] = _to_enclose("pay_notice")


def _sanction_objection(
    ctx: dict[str, Any], situation: dict, disputes: list[str], doc: Any
) -> None:
    decided = situation.get("sanction_decided_on")
    ctx["decided_on"] = _d(decided)
    ctx["objection_by"] = (
        _d(plus(date.fromisoformat(decided), timedelta(weeks=OBJECTION_WEEKS))) if decided else ""
    )
    if decided:
        ctx["title"] = str(m.SANCTION_OBJECTION_SUBJECT_DATED) % {"date": ctx["decided_on"]}
    ctx["to_enclose"] = _to_enclose("sanction_objection")


BUILDERS = {
    "wage_protest": _wage_protest,
    "pay_notice": _pay_notice,
    "sanction_objection": _sanction_objection,
}


def finish_sheet(ctx: dict[str, Any]) -> None:
    """Dates on the sending sheet: this week's actions, the objection's last day, the date the
    claim asks payment by, and a temporary contract's end instead of "no deadline by law"."""
    sheet = ctx["sheet"]
    sheet["this_week_title"] = str(m.THIS_WEEK_TITLE)
    sheet["this_week"] = ctx["advice"].get("this_week") or []
    kind = ctx["kind"]
    # a dated deadline of this letter shows beside this week's actions; the general one
    # ("no deadline by law") gives way to them
    sheet["deadline_dated"] = True
    if kind == "sanction_objection" and ctx.get("objection_by"):
        sheet["deadline"] = str(m.SEND_DEADLINE_OBJECTION_DATE) % {
            "date": ctx["objection_by"],
            "decided": ctx["decided_on"],
        }
    elif kind == "wage_protest":
        sheet["deadline"] = str(m.SEND_DEADLINE_PAY_BY) % {"date": ctx["pay_by"]}
    elif ctx.get("contract_end") and kind in ("expert_opinion", "talk", "mediation"):
        sheet["deadline"] = str(m.SEND_DEADLINE_CONTRACT) % {"date": ctx["contract_end"]}
    else:
        sheet["deadline_dated"] = False


def contract_end(situation: dict, today: date) -> str:
    """A temporary contract's end date, while it still runs: it belongs in every letter."""
    end = situation.get("contract_end")
    if situation.get("employment") != "temporary" or not end:
        return ""
    return _d(end) if date.fromisoformat(end) > today else ""


CONTRACT_END_LABEL = _("End date of the temporary contract")
