"""python manage.py advise CASE.json [--format json|text]: the advice for a case file.

An invalid file exits with code 2 and a message naming the field; never a traceback.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation
from django.utils.translation import gettext

from decision_aid.advice.presenter import route_title, rule_set_label
from decision_aid.cases.casefile_io import read_case_path
from decision_aid.letters.registry import KINDS
from decision_aid.letters.texts import EXPERT_QUESTIONS
from decision_aid.routing import advise
from decision_aid.routing.advice import advice_to_dict
from decision_aid.routing.casefile import CaseFileError, load_case


def read_case_file(path: str) -> dict[str, Any]:
    """The JSON object in ``path``, or CaseFileError saying what is wrong with the file (a
    regular file of at most 1 MB, bounded nesting and numbers: cases.casefile_io)."""
    return read_case_path(path)


def _route(route: str, requester: str | None = None) -> str:
    return route_title(route, requester)


def _document(kind: str, question: str | None) -> str:
    title = str(KINDS[kind].title) if kind in KINDS else kind
    return f"{title}: {EXPERT_QUESTIONS[question]}" if question in EXPERT_QUESTIONS else title


def format_text(advice: dict[str, Any]) -> str:
    """The advice as plain text, every word in the active language (route and document names
    too); run it under ``translation.override(case.language)``. Labels stay outside f-strings,
    where makemessages cannot see them."""
    label_advice = gettext("Advice")
    label_instead = gettext("Where to go instead:")
    label_also = gettext("Also possible")
    label_not = gettext("Not advised now")
    label_documents = gettext("Documents")
    lines = []
    if advice.get("this_week"):  # the dated actions open the advice, above the route
        lines.append(gettext("This week"))
        lines += [f"  {a['date_label']}: {a['text']}" for a in advice["this_week"]]
    lines.append(f"{label_advice}: {_route(advice['primary']['route'], advice.get('requester'))}")
    lines += [f"  - {r['text']} [{'; '.join(r['sources'])}]" for r in advice["primary"]["reasons"]]
    if advice["out_of_scope"]:
        lines.append(f"{label_instead} {'; '.join(advice['out_of_scope']['refer_to'])}")
    if advice["next_steps"]:
        lines.append(gettext("What to do next"))
        lines += [f"  {n}. {step}" for n, step in enumerate(advice["next_steps"], start=1)]
    for block in advice["alternatives"]:
        lines.append(f"{label_also}: {_route(block['route'], advice.get('requester'))}")
    for block in advice["not_recommended"]:
        reasons = "; ".join(r["text"] for r in block["reasons"])
        lines.append(f"{label_not}: {_route(block['route'], advice.get('requester'))} – {reasons}")
    for cost in advice["costs"]:
        lines.append(f"{cost['item']}: {cost['text']} [{'; '.join(cost['sources'])}]")
    if advice["to_find_out"]:
        lines.append(gettext("What you still need to find out"))
        lines += [f"  - {item}" for item in advice["to_find_out"]]
    if advice["timeline"]["week"]:
        lines.append(gettext("Week of sickness now") + f": {advice['timeline']['week']}")
    docs = "; ".join(_document(d["kind"], d["question"]) for d in advice["documents"])
    if docs:
        lines.append(f"{label_documents}: {docs}")
    if advice.get("rule_set"):
        lines.append(rule_set_label(advice["rule_set"]))
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Print the advice for a JSON case file (docs/case-file.schema.json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("case_file")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            case = load_case(read_case_file(options["case_file"]))
        except CaseFileError as exc:
            self.stderr.write(f"invalid case file: {exc}")
            sys.exit(2)
        with translation.override(str(case.language)):
            advice = advice_to_dict(advise(case), translate=gettext)
            if options["format"] == "json":
                self.stdout.write(json.dumps(advice, ensure_ascii=False, indent=2))
            else:
                self.stdout.write(format_text(advice), ending="")
