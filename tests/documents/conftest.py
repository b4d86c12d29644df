"""A saved case the test client owns (the case files are in cases.py)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def owned_case(client):
    """Make a finished case with this case file, owned by the test client's session."""
    from decision_aid.cases.services import case_create, case_finish

    def make(case_file: dict[str, Any]):
        case = case_create(language="nl")
        case_finish(case=case, case_file=case_file)
        session = client.session
        session["cases"] = [*session.get("cases", []), str(case.id)]
        session.save()
        return case

    return make
