"""Case services. Keyword-only, typed, named <entity>_<action>; views call these, not the ORM."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from decision_aid.cases import crypto
from decision_aid.cases.models import Attachment, Case
from decision_aid.documents.attachments import Limits, Usage, ensure_room

# Crockford's base32 without look-alikes (no I, L, O, U): easy to read aloud and type.
RESUME_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RESUME_LENGTH = 12  # 12 x 5 bits = 60 bits of randomness
RESUME_ENTROPY_BITS = RESUME_LENGTH * 5
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def resume_code_new() -> str:
    raw = "".join(secrets.choice(RESUME_ALPHABET) for _ in range(RESUME_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RESUME_LENGTH, 4))


def resume_code_normalize(code: str) -> str:
    """Upper case, look-alikes mapped, spaces and dashes ignored: 'k7qm 4rtx-9zpb' works."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_LOOKALIKES)
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def _expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.CASE_RETENTION_DAYS)


def case_create(*, language: str) -> Case:
    code = resume_code_new()
    return Case.objects.create(
        language=language,
        expires_at=_expiry(),
        resume_digest=crypto.digest(code),
        resume_code_enc=crypto.encrypt(code.encode()),
    )


def case_save_state(*, case: Case, state: dict[str, Any], language: str) -> None:
    """Store the wizard's pages; every save moves the expiry date 30 days ahead."""
    case.wizard_state_enc = crypto.encrypt_json(state)
    case.language = language
    case.expires_at = _expiry()
    case.save(update_fields=["wizard_state_enc", "language", "expires_at", "updated_at"])


def case_finish(*, case: Case, case_file: dict[str, Any]) -> None:
    case.case_file_enc = crypto.encrypt_json(case_file)
    case.finished = True
    case.expires_at = _expiry()
    case.save(update_fields=["case_file_enc", "finished", "expires_at", "updated_at"])


def case_find_by_resume_code(*, code: str) -> Case | None:
    normalized = resume_code_normalize(code)
    if len(normalized.replace("-", "")) != RESUME_LENGTH:
        return None
    return Case.objects.filter(
        resume_digest=crypto.digest(normalized), expires_at__gt=timezone.now()
    ).first()


def case_delete(*, case: Case) -> None:
    """Delete the case, its rows and its files on disk."""
    files = [(a.file.storage, a.file.name) for a in case.attachments.all()]
    case.delete()
    for storage, name in files:
        storage.delete(name)


def cases_purge_expired(*, now: datetime | None = None) -> int:
    """Delete every expired case with its files; safe to run again (idempotent)."""
    count = 0
    for case in Case.objects.filter(expires_at__lte=now or timezone.now()).iterator():
        case_delete(case=case)
        count += 1
    return count


@transaction.atomic
def attachment_add(
    *,
    case: Case,
    pdf: bytes,
    kind: str,
    page_count: int,
    size: int,
    role: str = Attachment.Role.FIRST_OPINION,
    limits: Limits | None = None,
) -> Attachment:
    """Store one attachment's PDF pages, encrypted, under a random name.

    The case's limits (files, total size, pages) are checked again here with the case row
    locked (SELECT ... FOR UPDATE): two uploads checked in parallel cannot both slip under
    them. Raises documents.attachments.AttachmentError when the case is full."""
    limits = limits or Limits.from_settings()
    Case.objects.select_for_update().filter(pk=case.pk).values_list("pk", flat=True).first()
    totals = case.attachments.aggregate(
        files=Count("id"), bytes=Coalesce(Sum("size"), 0), pages=Coalesce(Sum("page_count"), 0)
    )
    ensure_room(limits, Usage(**totals), size=size, pages=page_count)
    attachment = Attachment(case=case, kind=kind, role=role, page_count=page_count, size=size)
    attachment.file.save("upload.bin", ContentFile(crypto.encrypt(pdf)), save=False)
    attachment.save()
    return attachment


def attachment_delete(*, attachment: Attachment) -> None:
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    storage.delete(name)
