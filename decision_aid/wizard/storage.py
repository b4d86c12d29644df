"""django-formtools storage that keeps the wizard's pages in the case row, not in the session.

So answers survive a timed-out session, a closed tab or another device (with the resume code),
and two tabs with two cases never mix: the case id is in the URL. The view loads the case
(``request.wizard_case``) before formtools builds the storage, and saves it after the request.
"""

from __future__ import annotations

import json
from typing import Any

from formtools.wizard.storage.base import BaseStorage


class CaseStorage(BaseStorage):
    def __init__(self, prefix: str, request: Any = None, file_storage: Any = None) -> None:
        super().__init__(prefix, request, file_storage)
        case = getattr(request, "wizard_case", None)
        state = case.wizard_state if case is not None else None
        self._had_state = bool(state)
        if state:
            self.data = state
        else:
            self.init_data()
        self._loaded = self._snapshot()

    def _snapshot(self) -> str:
        return json.dumps(self.data, sort_keys=True, default=str)

    def has_answers(self) -> bool:
        return bool(self.data[self.step_data_key])

    def changed(self) -> bool:
        return self._snapshot() != self._loaded

    def mark_saved(self) -> None:
        self._loaded = self._snapshot()
        self._loaded_state = None

    def loaded_state(self) -> dict[str, Any] | None:
        """The stored pages as they were loaded (or last saved) in this request; None for a
        case that had none."""
        if not self._had_state:
            return None
        cached = getattr(self, "_loaded_state", None)
        if cached is None:
            cached = self._loaded_state = json.loads(self._loaded)
        return cached
