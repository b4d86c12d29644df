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


def _dutch_sources() -> dict[str, object]:
    import json

    known: dict[str, object] = {}
    for path in sorted(ROOT.glob("*/nl_translations.json")):
        for msgid, text in json.loads(path.read_text("utf-8")).items():
            assert msgid not in known, f"{msgid!r} is in two nl_translations.json files"
            known[msgid] = text
    return known


def test_the_dutch_texts_have_one_source():
    """decision_aid/*/nl_translations.json is where a Dutch text is written; the .po shipped is
    made from it (scripts/po_fill.py). A text edited in one place only, or a JSON entry for a
    string the code no longer has, fails here."""
    import polib

    known = _dutch_sources()
    catalogue = polib.pofile(str(ROOT.parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    in_po = set()
    for entry in catalogue:
        in_po.add(entry.msgid)
        assert entry.msgid in known, f"no Dutch source for {entry.msgid!r}"
        shipped = (
            [entry.msgstr_plural[0], entry.msgstr_plural[1]] if entry.msgid_plural else entry.msgstr
        )
        assert shipped == known[entry.msgid], f"{entry.msgid!r}: .po and JSON differ"
    assert set(known) - in_po == set(), "Dutch texts for strings the code no longer has"
