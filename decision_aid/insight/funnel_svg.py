"""The funnel as an SVG made on the server: one row per page in wizard order, a light bar for
"reached" and a dark bar for "answered", the page where most people stopped marked. No
JavaScript, no image request. ``role="img"`` with a <title> and <desc> that say the gist; the
table beside it (insight/page.html) holds every number for screen readers and for copying.

Bars are drawn from the masked numbers only: a count under 5 is drawn as a short hatched stub
and labelled "< 5", so the picture shows no more than the table.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from decision_aid.insight.report import FunnelRow, is_masked

WIDTH = 320
LEFT = 4
BAR_MAX = 250  # the widest bar; the number is written after it
ROW = 50
BAR = 12
LABEL_CHARS = 40
STUB = 6  # width of a masked (< 5) bar


def _label(n: int, text: str) -> str:
    text = f"{n}. {text}"
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _bar(value: int, top: int, peak: int, css: str, shown: str) -> SafeString:
    if is_masked(value):
        width, css = STUB, css + " fn-masked"
    else:
        width = round(BAR_MAX * value / peak) if peak else 0
    return format_html(
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}"/>'
        '<text class="fn-num" x="{}" y="{}">{}</text>',
        css,
        LEFT,
        top,
        width,
        BAR,
        LEFT + width + 4,
        top + BAR - 1,
        shown,
    )


def funnel_svg(rows: list[FunnelRow], *, title: str, desc: str) -> SafeString:
    if not rows:
        return SafeString("")
    peak = max(max(r.reached, r.answered or 0) for r in rows)
    height = ROW * len(rows) + 6
    parts = []
    for i, row in enumerate(rows):
        top = i * ROW + 4
        if row.biggest_drop:
            parts.append(
                format_html(
                    '<rect class="fn-drop" x="0" y="{}" width="{}" height="{}"/>',
                    top - 3,
                    WIDTH,
                    ROW - 2,
                )
            )
        label = _label(i + 1, row.label)
        if row.biggest_drop:
            label = gettext("Biggest drop:") + " " + label
            label = label if len(label) <= LABEL_CHARS + 6 else label[: LABEL_CHARS + 5] + "…"
        parts.append(
            format_html(
                '<text class="fn-label{}" x="{}" y="{}">{}</text>',
                " fn-label-drop" if row.biggest_drop else "",
                LEFT,
                top + 12,
                label,
            )
        )
        parts.append(_bar(row.reached, top + 17, peak, "fn-reached", row.reached_shown))
        if row.answered is not None:
            parts.append(
                _bar(row.answered, top + 17 + BAR + 2, peak, "fn-answered", row.answered_shown)
            )
    return format_html(
        '<svg class="funnel" viewBox="0 0 {} {}" role="img" aria-labelledby="funnel-title '
        'funnel-desc" xmlns="http://www.w3.org/2000/svg"><title id="funnel-title">{}</title>'
        '<desc id="funnel-desc">{}</desc>{}</svg>',
        WIDTH,
        height,
        title,
        desc,
        format_html_join("", "{}", ((p,) for p in parts)),
    )
