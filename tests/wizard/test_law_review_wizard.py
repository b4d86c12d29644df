"""The law review's fitness scenario through the wizard (answers as a person gives them)."""

from __future__ import annotations

import pytest

from tests.journey import walk
from tests.journey_data import TYPICAL_EMPLOYEE

pytestmark = pytest.mark.django_db


def test_pay_stopped_over_own_work_advice_page_has_no_lid_3_sentence(client) -> None:
    """Still sick in her own view; the dispute is whether she can do her own work; pay
    stopped. The page advises the expert opinion on the own-work question and does not say a
    stop is only allowed for non-cooperation (domain.md §3 first row; §5 lid 3)."""
    answers = {
        **TYPICAL_EMPLOYEE,
        "disputes": {"disputes": ["fitness_own_work"]},
        "wage": {"wage": "stopped"},
        "money": {"unfitness_disputed": "yes", "pregnancy_related": "no"},
    }
    response = walk(client, answers, lang="/en", stop_at="advice")
    page = response.content.decode()
    assert "Ask for an expert opinion (deskundigenoordeel)" in page
    assert "only allowed when the employee, without a good reason, does not cooperate" not in page
