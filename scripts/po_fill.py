"""Fill translation catalogues after `make messages`.

- en: the source strings are English, so every msgstr is its msgid (keeps msgfmt at 0 untranslated),
  in plain English: the Dutch "bedrijfsarts" of the source strings reads "company doctor"
  (`plain_english`; strings that name the Dutch term beside it keep it there).
- nl: every msgid gets its Dutch text from the packages' nl_translations.json files
  (decision_aid/*/nl_translations.json: {msgid: text}, or [singular, plural] for plurals), the
  one source of the Dutch texts: a text changed there reaches the .po; one edited only in the
  .po is put back (tests/test_translatable_strings.py checks they agree). A msgid with no
  Dutch text there is listed, to be translated in the JSON of its package.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


_KEEP = "\x00"  # stands in for a Dutch term that is already explained beside its English one
_TERM = re.compile(r"\b([Bb])edrijfsarts(en|')?(?!\w)")


def plain_english(text: str) -> str:
    """The English a reader without Dutch understands: "bedrijfsarts" (kept in many source
    strings as the Dutch term) becomes "company doctor", except where the text already says
    "company doctor (bedrijfsarts)"; "bedrijfsarts (company doctor)" is turned round. The
    phone review found English pages saying "another bedrijfsarts" with no explanation."""
    text = text.replace("bedrijfsarts (company doctor)", "company doctor (bedrijfsarts)")
    text = text.replace("(bedrijfsarts)", f"({_KEEP})")

    def english(match: re.Match) -> str:
        first, ending = match.group(1), match.group(2) or ""
        word = ("C" if first == "B" else "c") + "ompany doctor"
        return word + {"en": "s", "'": "'s", "": ""}[ending]

    return _TERM.sub(english, text).replace(f"({_KEEP})", "(bedrijfsarts)")


def main() -> int:
    en = polib.pofile(ROOT / "locale/en/LC_MESSAGES/django.po")
    for entry in en:
        if entry.msgid_plural:
            entry.msgstr_plural = {
                0: plain_english(entry.msgid),
                1: plain_english(entry.msgid_plural),
            }
        else:
            entry.msgstr = plain_english(entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    en.save()

    known: dict[str, str | list[str]] = {}
    for path in sorted(ROOT.glob("decision_aid/*/nl_translations.json")):
        known.update(json.loads(path.read_text("utf-8")))
    nl = polib.pofile(ROOT / "locale/nl/LC_MESSAGES/django.po")
    missing = []
    for entry in nl:
        if entry.msgid in known:  # the JSON files are the one source of the Dutch texts
            value = known[entry.msgid]
            if entry.msgid_plural and isinstance(value, list):
                entry.msgstr_plural = {0: value[0], 1: value[1]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        elif "fuzzy" in entry.flags:
            # msgmerge's fuzzy guesses are often wrong ("New note" -> "Nee, nog niet"): drop them,
            # so the entry is plainly untranslated and gets listed below.
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            if entry.msgid_plural:
                entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
            else:
                entry.msgstr = ""
        if not entry.translated():
            missing.append(entry.msgid)
    nl.save()
    for msgid in missing:
        print(f"untranslated nl: {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
