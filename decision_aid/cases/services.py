"""Case services: create and delete. Keyword-only, typed, named <entity>_<action>."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from decision_aid.cases.models import Case, FirstOpinionFile
from decision_aid.documents.attachments import inspect_pdf


@transaction.atomic
def case_create(*, case_file: dict[str, Any], first_opinion: UploadedFile | None) -> Case:
    case = Case.objects.create(
        case_file=case_file,
        language=case_file.get("language", "nl"),
        expires_at=timezone.now() + timedelta(days=settings.CASE_RETENTION_DAYS),
    )
    if first_opinion is not None:
        first_opinion.seek(0)
        info = inspect_pdf(first_opinion, max_bytes=settings.FIRST_OPINION_MAX_BYTES)
        first_opinion.seek(0)
        FirstOpinionFile.objects.create(
            case=case, file=first_opinion, page_count=info.page_count, size=info.size
        )
    return case


def case_delete(*, case: Case) -> None:
    """Delete the case, its rows and its files on disk."""
    files = [f.file for f in case.first_opinion_files.all()]
    case.delete()
    for file in files:
        file.storage.delete(file.name)
