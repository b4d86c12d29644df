"""Every translatable string can be found by makemessages.

xgettext does not look inside f-strings: a gettext("...") call written inside one is never
extracted, so the Dutch page shows the English text (seen: "(late)" in the advisor case list
after a merge regenerated the catalogues).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "decision_aid"
# an f-string (single line) holding a {…gettext(…)…} or {…_(…)…} replacement field
IN_FSTRING = re.compile(
    r"""\bf(["'])(?:(?!\1).)*\{[^}]*\b(?:gettext|ngettext|pgettext|_)\(["'](?:(?!\1).)*\1"""
)


def test_no_gettext_call_inside_an_f_string():
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if IN_FSTRING.search(line):
                found.append(f"{path.relative_to(ROOT.parent)}:{number}: {line.strip()}")
    assert not found, "gettext inside an f-string is never extracted:\n" + "\n".join(found)
