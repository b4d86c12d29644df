"""Which rule set made an advice: a version of the rules and the date of their sources.

Every advice, its JSON form and every PDF footer carry ``RuleSet(version, sources_date)``, so an
advisor can later tell why an old letter says what it says. ``fingerprint()`` hashes everything
that decides what the advice says (rules, costs, milestones, question rules); a test fails when
it changes while ``RULES_VERSION`` and ``RULES_FINGERPRINT`` stay the same.
"""

from __future__ import annotations

import hashlib
from functools import cache

from decision_aid.content import sources_date

from .advice import RuleSet, Text

#: Bump when a rule, text, cost or deadline changes; history in docs/routing.md.
RULES_VERSION = "5"
#: ``fingerprint()`` of the rules this version names (update together with RULES_VERSION).
RULES_FINGERPRINT = "60223de1be293c73"


def _texts(value: object) -> list[str]:
    """Every msgid (and its CAO variant) and param inside an effect, in a stable order."""
    out: list[str] = []
    if isinstance(value, Text):
        out.append(value.msgid)
        out += [f"{k}={v}" for k, v in sorted(value.params.items())]
        if value.cao is not None:
            out += _texts(value.cao)
    elif isinstance(value, tuple):
        for item in value:
            out += _texts(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:  # type: ignore[attr-defined]
            out += [name, *_texts(getattr(value, name))]
    elif value is not None:
        out.append(str(value))
    return out


def fingerprint() -> str:
    from .context import QUESTION_RULES
    from .costs import COSTS
    from .rules import ALL_RULES
    from .timeline import MILESTONES, SANCTION_MILESTONE
    from .weeks import (
        MAX_SICK_WEEKS,
        MAX_WAGE_SANCTION_WEEKS,
        OBJECTION_WEEKS,
        PAY_BY_DAYS,
        PLAN_EXPERT_OPINION_WEEKS,
        THIS_WEEK_DAYS,
        WIA_APPLY_BY_WEEK,
    )

    parts: list[str] = []
    for rule in ALL_RULES:
        parts += [rule.id, rule.group, *rule.sources, *_texts(rule.then)]
    for cost in COSTS:
        parts += [*_texts(cost), *(f"{k}={v}" for k, v in sorted(cost.params.items()))]
    for m in (*MILESTONES, SANCTION_MILESTONE):
        parts += _texts(m)
    from . import deadlines
    from .member import ADVISOR_WORDING
    from .timeline import CONTRACT_END_LABEL

    parts += [f"{k}>{v}" for k, v in ADVISOR_WORDING.items()]
    texts = [v for k, v in sorted(vars(deadlines).items()) if k.isupper() and isinstance(v, str)]
    texts += [f"{k}={v}" for k, v in sorted(deadlines.LABELS.items())]
    parts += [CONTRACT_END_LABEL, *texts]
    for q in QUESTION_RULES:
        parts += [str(q.question), *sorted(map(str, q.askers)), str(q.needs_wage_dispute)]
    parts += map(
        str,
        (
            MAX_SICK_WEEKS,
            MAX_WAGE_SANCTION_WEEKS,
            PLAN_EXPERT_OPINION_WEEKS,
            WIA_APPLY_BY_WEEK,
            OBJECTION_WEEKS,
            PAY_BY_DAYS,
            THIS_WEEK_DAYS,
        ),
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@cache
def current_rule_set() -> RuleSet:
    return RuleSet(version=RULES_VERSION, sources_date=sources_date())
