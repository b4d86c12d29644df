"""The case file for a case's stored wizard pages, without importing the wizard.

Which stored pages count, and whether they are valid, is the wizard's knowledge; cases/ needs the
result (the JSON download of an unfinished case). The wizard registers its reader when Django
starts (wizard/apps.py), so cases/ and wizard/ both import this module downward.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

StateReader = Callable[..., dict[str, Any]]
_reader: StateReader | None = None


def register_state_reader(reader: StateReader) -> None:
    global _reader
    _reader = reader


def case_file_from_state(state: Mapping[str, Any], *, language: str = "nl") -> dict[str, Any]:
    if _reader is None:
        raise RuntimeError("no wizard state reader registered (is decision_aid.wizard installed?)")
    return _reader(state, language=language)
