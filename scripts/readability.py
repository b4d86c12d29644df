"""Readability of the Dutch question and advice texts (Flesch-Douma, via textstat's Dutch
setting: 206.835 - 0.93 x words per sentence - 77 x syllables per word; 60-70 is plain
language, above 70 easy).

Reads locale/nl/LC_MESSAGES/django.po: every translated string used by the wizard's questions
(decision_aid/wizard/, templates/wizard/) and by the advice (decision_aid/routing/). Prints the
score of all question texts, of all advice texts, and the ten hardest sentences.

    .venv/bin/python scripts/readability.py [--worst N]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import polib
import textstat

ROOT = Path(__file__).resolve().parent.parent
GROUPS = {
    "questions": ("decision_aid/wizard/", "templates/wizard/"),
    "advice": ("decision_aid/routing/",),
}
SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9\"'(])")


def texts_by_group() -> dict[str, list[str]]:
    po = polib.pofile(str(ROOT / "locale/nl/LC_MESSAGES/django.po"))
    groups: dict[str, list[str]] = {name: [] for name in GROUPS}
    for entry in po:
        if not entry.msgstr or entry.obsolete:
            continue
        text = re.sub(r"%\(\w+\)[sd]", "X", entry.msgstr)
        for name, prefixes in GROUPS.items():
            if any(path.startswith(prefixes) for path, _line in entry.occurrences):
                groups[name].append(text)
    return groups


def sentences(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        for sentence in SENTENCE.split(text.strip()):
            if len(sentence.split()) >= 4:  # labels like "Ja" say nothing about reading
                found.append(sentence)
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worst", type=int, default=10)
    args = parser.parse_args()
    textstat.set_lang("nl")
    everything = []
    for name, texts in texts_by_group().items():
        found = sentences(texts)
        everything.extend(found)
        score = textstat.flesch_reading_ease(" ".join(found))
        words = sum(len(s.split()) for s in found)
        print(f"{name:10s} Flesch-Douma {score:5.1f}  ({len(found)} sentences, {words} words)")
    print(f"\nThe {args.worst} hardest sentences:")
    scored = sorted(everything, key=textstat.flesch_reading_ease)
    for sentence in scored[: args.worst]:
        print(f"{textstat.flesch_reading_ease(sentence):6.1f}  {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
