"""What an advice adds to the counts: the route, or why the case is out of scope, and the
expert-opinion questions. Codes only (route names, rule ids), never a text of the case."""

from __future__ import annotations

from typing import Any

from decision_aid.insight import counters
from decision_aid.routing import advise
from decision_aid.routing.advice import Route
from decision_aid.routing.casefile import CaseFileError, load_case


def advice_counts(case_file: dict[str, Any]) -> list[tuple[str, str]]:
    try:
        advice = advise(load_case(case_file))
    except CaseFileError:
        return []
    if advice.primary.route is Route.OUT_OF_SCOPE:
        rule = advice.fired_rules[0] if advice.fired_rules else ""
        return [(counters.OUT_OF_SCOPE, rule)]
    found = [(counters.ROUTE, str(advice.primary.route))]
    found += [(counters.EXPERT_QUESTION, str(q)) for q in advice.expert_opinion_questions]
    return found
