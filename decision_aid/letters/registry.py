"""Every letter kind, found in ``kinds/``: a new kind is one module there and one template."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from typing import Any

from decision_aid.letters import kinds
from decision_aid.letters.kind import LetterKind


def _discover() -> dict[str, LetterKind]:
    found = []
    for module in pkgutil.iter_modules(kinds.__path__):
        kind = importlib.import_module(f"{kinds.__name__}.{module.name}").KIND
        if kind.key != module.name:
            raise ImportError(f"letters/kinds/{module.name}.py holds the kind {kind.key!r}")
        found.append(kind)
    return {kind.key: kind for kind in sorted(found, key=lambda k: k.order)}


KINDS: Mapping[str, LetterKind] = _discover()


def get(key: str) -> LetterKind:
    """The kind with this key; KeyError for a kind nobody wrote."""
    return KINDS[key]


def letter_fields(answers: Mapping[str, Any]) -> frozenset[str]:
    """The letter details any letter may print, given the answers: the details page asks these
    and no more (collect only what a document needs)."""
    out: set[str] = set()
    for kind in KINDS.values():
        out |= kind.fields(answers)
    return frozenset(out)
