"""A small picture of the 104 weeks for the advice page, made on the server
as inline SVG (no JavaScript, no image request), with a text equivalent.

The SVG is hidden from screen readers (``aria-hidden``); the caption next to it says the same in
words: where the person is, what looks late, what comes next and when an answer to the
recommended step can come.
"""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from decision_aid.routing.weeks import MAX_SICK_WEEKS, PLAN_EXPERT_OPINION_WEEKS

WIDTH, HEIGHT = 320, 92
LEFT, RIGHT, AXIS_Y = 12, 308, 52
LABEL_GAP = 18  # px between two week numbers on one row
# UWV says 2 to 4 weeks, in practice 4 to 8 (domain §3 [B], [I]): the picture shows 2 to 8
EXPERT_OPINION_FIRST_WEEK = 2


def answer_window(advice: dict[str, Any]) -> tuple[int, int] | None:
    """Weeks in which an answer to the recommended step can come, when known: an expert opinion
    from UWV. Not for the expert a cao names: the cao sets its own terms (001; 004 §10)."""
    week = advice.get("timeline", {}).get("week")
    if not week or advice.get("primary", {}).get("route") != "expert_opinion":
        return None
    if advice.get("expert_body") == "cao":
        return None
    return week + EXPERT_OPINION_FIRST_WEEK, week + PLAN_EXPERT_OPINION_WEEKS


# For a PDF (the sending sheet): WeasyPrint styles an inline SVG only from the SVG's own
# <style>, not from the page's stylesheet; the same rules as site.css, with plain colours.
PRINT_STYLE = (
    "<style>"
    "text{font-family:'Aid Sans',sans-serif;font-size:10px}"
    ".tl-axis{stroke:#b1b4b6;stroke-width:4}.tl-done{stroke:#154273;stroke-width:4}"
    ".tl-past{fill:#154273}.tl-due,.tl-coming{fill:#fff;stroke:#154273;stroke-width:2}"
    ".tl-late{fill:#d4351c}.tl-answer{fill:#ffdd00;stroke:#1b1b1b;stroke-width:1}"
    ".tl-here{fill:#1b1b1b}.tl-here-text{font-weight:700;font-size:12px;fill:#1b1b1b}"
    ".tl-week{fill:#1b1b1b;text-anchor:middle}.tl-note{fill:#1b1b1b;text-anchor:start}"
    "</style>"
)


def for_print(svg: str) -> SafeString:
    """The picture with its own styles, for a PDF."""
    head, sep, rest = svg.partition(">")
    return SafeString(head + sep + PRINT_STYLE + rest) if sep else SafeString(svg)


def timeline_figure(advice: dict[str, Any]) -> tuple[SafeString, str] | None:
    """(svg, text) for the advice, or None when the first sick day is not known."""
    timeline = advice.get("timeline") or {}
    week = timeline.get("week")
    if not week:
        return None
    milestones = timeline.get("milestones", [])
    window = answer_window(advice)
    end = max(MAX_SICK_WEEKS, week, window[1] if window else 0)

    def x(w: int) -> float:
        return round(LEFT + (RIGHT - LEFT) * min(max(w, 0), end) / end, 1)

    rows = []  # a week number close to the one before goes on a second row
    last_x = {0: -100.0, 1: -100.0}
    for m in milestones:
        row = 0 if x(m["week"]) - last_x[0] >= LABEL_GAP else 1
        last_x[row] = x(m["week"])
        rows.append(row)
    ticks = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="4" class="{}"/><text x="{}" y="{}" class="tl-week">{}</text>',
        (
            (
                x(m["week"]),
                AXIS_Y,
                "tl-late" if m.get("late") else f"tl-{m['status']}",
                x(m["week"]),
                AXIS_Y + 20 + 12 * row,
                m["week"],
            )
            for m, row in zip(milestones, rows, strict=True)
        ),
    )
    band = ""
    if window:
        band = format_html(
            '<rect x="{}" y="{}" width="{}" height="12" class="tl-answer"/>'
            '<text x="{}" y="{}" class="tl-note">{}</text>',
            x(window[0]),
            AXIS_Y - 6,
            max(2.0, x(window[1]) - x(window[0])),
            x(window[1]) + 2,
            AXIS_Y - 10,
            gettext("answer"),
        )
    here = x(week)
    anchor = "start" if here < WIDTH / 3 else "end" if here > WIDTH * 2 / 3 else "middle"
    svg = format_html(
        '<svg class="timeline-svg" viewBox="0 0 {w} {h}" width="100%" aria-hidden="true" '
        'focusable="false" xmlns="http://www.w3.org/2000/svg">'
        '<line x1="{l}" y1="{y}" x2="{r}" y2="{y}" class="tl-axis"/>'
        '<line x1="{l}" y1="{y}" x2="{here}" y2="{y}" class="tl-done"/>'
        "{band}{ticks}"
        '<path d="M{here} {y1} l-6 -10 h12 z" class="tl-here"/>'
        '<text x="{here}" y="16" text-anchor="{anchor}" class="tl-here-text">{label}</text>'
        "</svg>",
        w=WIDTH,
        h=HEIGHT,
        l=LEFT,
        r=RIGHT,
        y=AXIS_Y,
        y1=AXIS_Y - 8,
        here=here,
        anchor=anchor,
        band=band,
        ticks=ticks,
        label=gettext("you are here: week %(week)s") % {"week": week},
    )
    return svg, timeline_text(week, milestones, window)


def timeline_text(
    week: int, milestones: list[dict[str, Any]], window: tuple[int, int] | None
) -> str:
    """The picture in words."""
    if week > MAX_SICK_WEEKS:  # "week 109 of the 104 weeks" reads as an error
        parts = [
            gettext("You are in week %(week)s: %(over)s weeks past the %(total)s weeks.")
            % {"week": week, "over": week - MAX_SICK_WEEKS, "total": MAX_SICK_WEEKS}
        ]
    else:
        parts = [
            gettext("You are in week %(week)s of the %(total)s weeks.")
            % {"week": week, "total": MAX_SICK_WEEKS}
        ]
    late = [m for m in milestones if m.get("late")]
    if late:
        week_word = gettext("week")  # outside the f-string, where makemessages can see it
        parts.append(
            gettext("Looks late: %(items)s.")
            % {"items": "; ".join(f"{m['label']} ({week_word} {m['week']})" for m in late)}
        )
    coming = [m for m in milestones if m.get("status") in ("due", "coming")]
    if coming:
        parts.append(
            gettext("Next: week %(week)s, %(label)s.")
            % {
                "week": coming[0]["week"],
                "label": coming[0]["label"][0].lower() + coming[0]["label"][1:],
            }
        )
    if window:
        parts.append(
            gettext("An answer from UWV can come around week %(first)s to %(last)s.")
            % {"first": window[0], "last": window[1]}
        )
        end = next((m for m in milestones if m.get("key") == "contract_end"), None)
        if end is not None and end["week"] <= window[1]:
            parts.append(
                gettext(
                    "The contract ends in week %(week)s, maybe before that answer: ask for it "
                    "now, and do what must happen before the last day."
                )
                % {"week": end["week"]}
            )
    return " ".join(parts)
