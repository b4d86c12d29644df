"""The rows of the advisors' long tables (case list, audit log, the audit log's advisor filter),
printed in Python from values prepared by listing.py.

The same HTML a template loop would make, at a fraction of its cost: a case list page of 50
rows spent most of its time in the Django template engine, one tag and one variable lookup at a
time (docs/benchmarks-log.md, caseload). Every value is escaped here; nothing is decided here.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def case_rows(rows: list[dict[str, Any]], *, show_advisor: bool) -> SafeString:
    """<tr> per case: name (a link to the case), reference, advisor (in the organisation's
    list); next deadline, "(late)" when past; status, number of notes."""
    advisor = escape(gettext("Advisor"))
    # outside the f-string, where makemessages can see it
    late_label = escape(gettext("(late)"))
    late = f' <strong class="late">{late_label}</strong>'
    html = []
    for row in rows:
        reference = f"<br>{escape(row['reference'])}" if row["reference"] else ""
        whose = f"<br>{advisor}: {escape(row['advisor'])}" if show_advisor else ""
        deadline = "—"
        if row["deadline"]:
            deadline = escape(row["deadline"]) + (late if row["late"] else "")
        notes = f"<br>{escape(row['notes'])}" if row["notes"] else ""
        html.append(
            f'\n    <tr><td><a href="{escape(row["url"])}">{escape(row["name"]) or "—"}</a>'
            f"{reference}{whose}</td>\n      <td>{deadline}</td>\n"
            f"      <td>{escape(row['status'])}{notes}</td></tr>"
        )
    return mark_safe("".join(html))  # noqa: S308 - every value above is escaped


@register.simple_tag
def audit_rows(events: list[dict[str, Any]]) -> SafeString:
    """<tr> per event: when, who, what, which case."""
    return mark_safe(  # noqa: S308 - every value is escaped
        "".join(
            f"<tr><td>{escape(e['at'])}</td><td>{escape(e['actor'])}</td>"
            f"<td>{escape(e['action'])}</td><td>{escape(e['case'])}</td></tr>"
            for e in events
        )
    )


@register.simple_tag
def advisor_options(advisors: list[tuple[int, str]], selected: int | None) -> SafeString:
    """<option> per advisor of the organisation (user id, name), the chosen one selected."""
    return mark_safe(  # noqa: S308 - every value is escaped
        "".join(
            f'<option value="{user_id}"{" selected" if user_id == selected else ""}>'
            f"{escape(name)}</option>"
            for user_id, name in advisors
        )
    )
