"""Print the rule tables as Markdown for docs/routing.md.

Run ``uv run python -m decision_aid.routing.table`` and paste the output between the markers;
tests/routing/test_rules_table.py fails when the docs are out of date.
"""

from __future__ import annotations

from .advice import Route
from .context import QUESTION_RULES
from .rules import DETAIL_RULES, PRIMARY_RULES, ROUTE_RULES, Rule


def _effect_summary(rule: Rule) -> str:
    kinds: list[str] = []
    for effect in rule.then:
        name = type(effect).__name__
        route = getattr(effect, "route", None)
        kinds.append(f"{name} `{route}`" if isinstance(route, Route) else name)
    return ", ".join(dict.fromkeys(kinds))


def _table(rules: tuple[Rule, ...]) -> list[str]:
    lines = ["| # | rule id | group | what | effect | sources |", "|---|---|---|---|---|---|"]
    for n, rule in enumerate(rules, 1):
        sources = "; ".join(rule.sources)
        lines.append(
            f"| {n} | `{rule.id}` | {rule.group} | {rule.what} | "
            f"{_effect_summary(rule)} | {sources} |"
        )
    return lines


def rules_markdown() -> str:
    lines = ["### 1. Primary route (first match wins)", "", *_table(PRIMARY_RULES), ""]
    lines += ["### 2. Alternatives, not recommended, extra reasons (all that hold)", ""]
    lines += [*_table(ROUTE_RULES), ""]
    lines += ["### 3. Next steps and what to find out (all that hold)", ""]
    lines += [*_table(DETAIL_RULES), ""]
    lines += ["### Expert-opinion questions: who may ask", ""]
    lines += ["| question | employee | employer | only in a wage dispute | sources |"]
    lines += ["|---|---|---|---|---|"]
    for q in QUESTION_RULES:
        asks = {str(a) for a in q.askers}
        lines.append(
            f"| `{q.question}` | {'yes' if 'employee' in asks else 'no'} | "
            f"{'yes' if 'employer' in asks else 'no'} | "
            f"{'yes' if q.needs_wage_dispute else 'no'} | {'; '.join(q.sources)} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(rules_markdown())
