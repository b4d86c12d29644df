"""Feedback texts: stored encrypted (app key), without a link to a case, deleted with the
retention of cases (manage.py purge_expired)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from decision_aid.cases import crypto
from decision_aid.insight.models import Feedback


def feedback_add(*, language: str, role: str, place: str, answer: str, text: str) -> Feedback:
    return Feedback.objects.create(
        day=timezone.localdate(),
        language=language[:2],
        role=role,
        place=place,
        answer=answer,
        text_enc=crypto.encrypt(text.strip().encode()),
    )


def feedback_purge_expired(*, today=None) -> int:
    """Delete feedback texts older than CASE_RETENTION_DAYS (the retention of cases)."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.CASE_RETENTION_DAYS)
    deleted, _detail = Feedback.objects.filter(day__lt=cutoff).delete()
    return deleted


def feedback_purge_receiver(**_signal: object) -> str:
    """``cases.signals.retention_due``: the feedback texts go with the retention of cases."""
    return f"{feedback_purge_expired()} old feedback text(s)"
