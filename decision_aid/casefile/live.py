"""Two people on one case at once: merge stored wizard pages answer by answer.

The member's wizard and the advisor's live intake each load the stored pages, change a few
answers and save. A save must not put back answers the other side changed in the meantime, so
a save carries what it loaded (``base``) and what it wants (``mine``); only the answers that
differ between the two are written onto what is stored now (``theirs``). When both sides change
the same answer, the later save wins. Each written answer is stamped with who changed it and
at which revision, so the other side can say "changed by your advisor".

Plain Python, no Django: tested as tables (tests/cases/test_live_merge.py).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

#: extra_data key: per answer name, who changed it last, at which revision and when
CHANGES = "live_changes"
#: extra_data key: the advisor's name as contact person in the member's letters while shared
CONTACT = "live_contact"
MEMBER = "member"
ADVISOR = "advisor"


def _field(key: str, step: str) -> str:
    prefix = f"{step}-"
    return key[len(prefix) :] if key.startswith(prefix) else key


def changed_answers(base: Mapping[str, Any], mine: Mapping[str, Any]) -> dict[tuple[str, str], Any]:
    """(page, stored key) -> new value (None: removed) for every answer mine changed."""
    changes: dict[tuple[str, str], Any] = {}
    base_pages = base.get("step_data") or {}
    mine_pages = mine.get("step_data") or {}
    for step in set(base_pages) | set(mine_pages):
        old = base_pages.get(step) or {}
        new = mine_pages.get(step) or {}
        for key in set(old) | set(new):
            if old.get(key) != new.get(key):
                changes[(step, key)] = new.get(key)
    return changes


def merge(
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any] | None,
    *,
    by: str,
    revision: int,
    at: str,
    keep: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> tuple[dict[str, Any], list[str]]:
    """``theirs`` with the answers ``mine`` changed since ``base`` written onto it.

    ``keep``: (page, key) pairs this save did not really change (the page was sent again
    unchanged), so what is stored stays. Returns the merged state and the names of the answers
    written (each stamped in extra_data[CHANGES])."""
    merged: dict[str, Any] = copy.deepcopy(dict(theirs or {})) or copy.deepcopy(dict(mine))
    merged.setdefault("step_data", {})
    merged.setdefault("step_files", {})
    merged.setdefault("extra_data", {})
    written: list[str] = []
    if theirs:
        # A page answered for the first time may have no answers at all (the check page):
        # that it was answered counts too.
        base_pages = base.get("step_data") or {}
        for step in mine.get("step_data") or {}:
            if step not in base_pages:
                merged["step_data"].setdefault(step, {})
        for (step, key), value in changed_answers(base, mine).items():
            if (step, key) in keep:
                continue
            page = merged["step_data"].setdefault(step, {})
            if value is None:
                page.pop(key, None)
            else:
                page[key] = value
            written.append(_field(key, step))
        # Where the person is and the wizard's own notes are the saver's (never shared answers).
        if mine.get("step") != base.get("step"):
            merged["step"] = mine.get("step")
        base_extra = base.get("extra_data") or {}
        for key, value in (mine.get("extra_data") or {}).items():
            if key != CHANGES and base_extra.get(key) != value:
                merged["extra_data"][key] = value
        for key in set(base_extra) - set(mine.get("extra_data") or {}):
            if key != CHANGES:
                merged["extra_data"].pop(key, None)
    else:
        written = [
            _field(key, step)
            for (step, key) in changed_answers(base, mine)
            if (step, key) not in keep
        ]
    if written:
        stamps = dict(merged["extra_data"].get(CHANGES) or {})
        for name in written:
            stamps[name] = {"by": by, "rev": revision, "at": at}
        merged["extra_data"][CHANGES] = stamps
    return merged, sorted(set(written))


def last_changes(state: Mapping[str, Any] | None, *, by: str) -> dict[str, dict[str, Any]]:
    """The answers ``by`` changed last (name -> stamp), newest first."""
    stamps = ((state or {}).get("extra_data") or {}).get(CHANGES) or {}
    mine = {name: stamp for name, stamp in stamps.items() if stamp.get("by") == by}
    return dict(sorted(mine.items(), key=lambda item: -int(item[1].get("rev", 0))))
