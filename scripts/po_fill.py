"""Fill translation catalogues after `make messages`.

- en: the source strings are English, so every msgstr is its msgid (keeps msgfmt at 0 untranslated).
- nl: msgids the routing engine defines get their Dutch text from
  decision_aid/routing/nl_translations.json (the engine's own, reviewed translations).
Other untranslated Dutch entries are listed, to be translated by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    en = polib.pofile(ROOT / "locale/en/LC_MESSAGES/django.po")
    for entry in en:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    en.save()

    routing = json.loads((ROOT / "decision_aid/routing/nl_translations.json").read_text("utf-8"))
    nl = polib.pofile(ROOT / "locale/nl/LC_MESSAGES/django.po")
    missing = []
    for entry in nl:
        if entry.msgid in routing and (not entry.msgstr or "fuzzy" in entry.flags):
            entry.msgstr = routing[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        if not entry.translated():
            missing.append(entry.msgid)
    nl.save()
    for msgid in missing:
        print(f"untranslated nl: {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
