"""Case services. Keyword-only, typed, named <entity>_<action>; views call these, not the ORM."""

from __future__ import annotations

import logging
import secrets
import time
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.dispatch import Signal
from django.http import Http404
from django.utils import timezone

from decision_aid import counting
from decision_aid.cases import crypto
from decision_aid.cases.models import Attachment, Case, DataKey, ThrottleCounter
from decision_aid.cases.upload_limits import Limits, Usage, ensure_room

logger = logging.getLogger(__name__)

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


@transaction.atomic
def case_create(*, language: str) -> Case:
    """A new case with its own data key (stored wrapped by the app key, see DataKey)."""
    code = resume_code_new()
    key = crypto.new_data_key()
    box = crypto.DataBox(key)
    case = Case.objects.create(
        language=language,
        expires_at=_expiry(),
        resume_digest=crypto.digest(code),
        resume_code_enc=box.encrypt(code.encode()),
    )
    DataKey.objects.create(case=case, key_enc=crypto.wrap_key(key))
    case.__dict__["_box"] = box
    return case


def case_save_state(*, case: Case, state: dict[str, Any], language: str) -> None:
    """Store the wizard's pages; every save moves the expiry date 30 days ahead."""
    case.wizard_state_enc = case.box().encrypt_json(state)
    case.language = language
    case.expires_at = _expiry()
    case.save(update_fields=["wizard_state_enc", "language", "expires_at", "updated_at"])


@transaction.atomic
def case_merge_state(
    *,
    case: Case,
    base: dict[str, Any],
    state: dict[str, Any],
    language: str,
    by: str,
    keep: frozenset[tuple[str, str]] = frozenset(),
) -> list[str]:
    """Store the answers ``state`` changed since ``base`` onto what is stored now, with the case
    row locked: someone else's answers saved in the meantime stay (a shared call;
    also two tabs). The later save of the same answer wins. Returns the names of the answers
    written; when there are any, the case's revision goes up by one."""
    from django.db.models import F

    from decision_aid.casefile import live

    row = (
        Case.objects.select_for_update().only("id", "wizard_state_enc", "revision").get(pk=case.pk)
    )
    theirs = case.box().decrypt_json(row.wizard_state_enc)
    revision = row.revision + 1
    merged, written = live.merge(
        base,
        state,
        theirs,
        by=by,
        revision=revision,
        at=timezone.localtime().strftime("%H:%M"),
        keep=keep,
    )
    case.wizard_state_enc = case.box().encrypt_json(merged)
    case.language = language
    case.expires_at = _expiry()
    fields = ["wizard_state_enc", "language", "expires_at", "updated_at"]
    if written:
        case.revision = F("revision") + 1
        fields.append("revision")
    case.save(update_fields=fields)
    if written:
        case.revision = revision
    return written


def case_bump_revision(*, case_id: Any) -> None:
    """Something the live call shows changed (sharing started or stopped)."""
    from django.db.models import F

    Case.objects.filter(pk=case_id).update(revision=F("revision") + 1)


def _lock_case_file(case: Case) -> None:
    """Lock the case row (until the transaction ends) and read its stored case file again:
    a request's copy may be older than a save made meanwhile in another tab, and writing it
    back lost the own words saved there. Deleted meanwhile (in another tab): as if it never
    was (404), not a save that fails."""
    stored = Case.objects.select_for_update().filter(pk=case.pk).values_list("case_file_enc")
    row = stored.first()
    if row is None:
        raise Http404
    case.case_file_enc = row[0]


@transaction.atomic(savepoint=False)  # one locked read more, no savepoint around it
def case_finish(*, case: Case, case_file: dict[str, Any]) -> None:
    """Store the finished case file. The own words written per letter on the draft page are
    not wizard answers: they stay when the answers change."""
    _lock_case_file(case)
    kept = (case.case_file.get("parties") or {}).get("own_words") if case.case_file_enc else None
    if kept and "own_words" not in (case_file.get("parties") or {}):
        case_file = {
            **case_file,
            "parties": {**(case_file.get("parties") or {}), "own_words": kept},
        }
    case.case_file_enc = case.box().encrypt_json(case_file)
    case.finished = True
    case.expires_at = _expiry()
    case.save(update_fields=["case_file_enc", "finished", "expires_at", "updated_at"])


@transaction.atomic(savepoint=False)
def case_set_own_words(*, case: Case, kind: str, text: str) -> None:
    """The own words of one letter kind (empty text removes them)."""
    _lock_case_file(case)
    case_file = case.case_file
    parties = case_file.setdefault("parties", {})
    own_words = {k: v for k, v in (parties.get("own_words") or {}).items() if k != kind}
    if text.strip():
        own_words[kind] = text.strip()
    if own_words:
        parties["own_words"] = own_words
    else:
        parties.pop("own_words", None)
    case.case_file_enc = case.box().encrypt_json(case_file)
    case.expires_at = _expiry()
    case.save(update_fields=["case_file_enc", "expires_at", "updated_at"])


def case_mark_letter_counted(*, case: Case) -> bool:
    """Note that the case's first letter was counted; True only for the one request that
    noted it (a conditional UPDATE, so two parallel downloads cannot both count)."""
    case.letter_counted = True
    return bool(Case.objects.filter(pk=case.pk, letter_counted=False).update(letter_counted=True))


def case_find_by_resume_code(*, code: str) -> Case | None:
    normalized = resume_code_normalize(code)
    if len(normalized.replace("-", "")) != RESUME_LENGTH:
        return None
    return Case.objects.filter(
        resume_digest=crypto.digest(normalized), expires_at__gt=timezone.now()
    ).first()


#: sent before the member's "delete everything" removes a case (sender: Case, case=...): the
#: union's copy is encrypted with the case's key and goes with it; the advisors app records
#: that the member deleted it, so the union is not left with a case that silently vanished.
member_deletes_case = Signal()


def case_delete_by_member(*, case: Case) -> None:
    member_deletes_case.send(sender=Case, case=case)
    case_delete(case=case)


def case_delete(*, case: Case, erase: bool = True) -> None:
    """Delete the case, its rows, its files on disk and its data keys; then erase the deleted
    keys from the key table's file (crypto-shredding: leftover bytes become unreadable)."""
    files = [(a.file.storage, a.file.name) for a in case.attachments.all()]
    case_id = case.pk
    case.delete()  # cascades to its attachments and data keys
    # the hourly upload limit's counter is named after the case: it goes with it
    ThrottleCounter.objects.filter(name=f"upload:{case_id}").delete()
    for storage, name in files:
        storage.delete(name)
    if erase:
        erase_deleted_keys()


def cases_purge_expired(*, now: datetime | None = None) -> int:
    """Delete every expired case with its files; safe to run again (idempotent). Always ends
    by erasing deleted keys, so a deletion whose erasure was skipped is finished here."""
    count = 0
    for case in Case.objects.filter(expires_at__lte=now or timezone.now()).iterator():
        case_delete(case=case, erase=False)
        count += 1
    erase_deleted_keys(wait_seconds=60)  # a batch job: it may wait for old transactions
    if count:
        counting.record(Counter({(counting.DELETION, "expired", ""): count}))
    return count


def erase_deleted_keys(*, wait_seconds: float = 2.0) -> bool:
    """Rewrite the data-key table so deleted keys are in no file of the database.

    PostgreSQL keeps a deleted row's bytes in the table file, even after VACUUM; VACUUM FULL
    writes the live rows to a new file and removes the old one. It must also copy a deleted row
    that a transaction begun before the deletion might still see (on any database of the
    server, since snapshots count the oldest running transaction), so it first waits (up to
    ``wait_seconds``) for such transactions to end. The table is small (one
    short row per case and upload): the rewrite takes milliseconds. It waits at most 2 seconds
    for its lock. When it could not run, or an old transaction stayed open, the next
    ``purge_expired`` (hourly, it always ends with this) finishes the job. SQLite (local
    development) overwrites deleted content itself (secure_delete). True when done."""
    import time as _time

    from django.db import DatabaseError, connection

    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return connection.vendor != "postgresql"
    table = connection.ops.quote_name(DataKey._meta.db_table)
    clean = False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_current_xact_id()::text")
            now = cursor.fetchone()[0]
            deadline = _time.monotonic() + wait_seconds
            while True:
                # Transactions of any session on the server begun before now: while one runs,
                # every new snapshot (also VACUUM's own) counts the deleted rows as visible.
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                    "AND (age(backend_xid) >= age(%s::xid) OR age(backend_xmin) >= age(%s::xid))",
                    [now, now],
                )
                clean = cursor.fetchone()[0] == 0
                if clean or _time.monotonic() > deadline:
                    break
                _time.sleep(0.05)
            cursor.execute("SET lock_timeout = '2s'")
            try:
                cursor.execute(f"VACUUM FULL {table}")
            finally:
                cursor.execute("RESET lock_timeout")
    except DatabaseError:
        logger.warning("Could not erase deleted data keys now; purge_expired will")
        return False
    if not clean:
        logger.warning("An old transaction may keep deleted data keys; purge_expired will retry")
    return clean


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
    them. Raises cases.upload_limits.AttachmentError when the case is full."""
    limits = limits or Limits.from_settings()
    Case.objects.select_for_update().filter(pk=case.pk).values_list("pk", flat=True).first()
    totals = case.attachments.aggregate(
        files=Count("id"), bytes=Coalesce(Sum("size"), 0), pages=Coalesce(Sum("page_count"), 0)
    )
    ensure_room(limits, Usage(**totals), size=size, pages=page_count)
    attachment = Attachment(case=case, kind=kind, role=role, page_count=page_count, size=size)
    key = crypto.new_data_key()  # the upload's own key: removing it erases the upload
    attachment.file.save("upload.bin", ContentFile(crypto.DataBox(key).encrypt(pdf)), save=False)
    attachment.save()
    DataKey.objects.create(case=case, attachment=attachment, key_enc=crypto.wrap_key(key))
    return attachment


def attachment_delete(*, attachment: Attachment) -> None:
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()  # cascades to its data key
    storage.delete(name)
    erase_deleted_keys()


def kek_rotate(*, now: float | None = None, force: bool = False) -> dict[str, Any]:
    """Rotate the key-encryption key and destroy retired ones (docs/security.md, "How erasure
    works"). Run hourly by purge_expired, or by ``manage.py rotate_keys``; safe to run at any
    time, in parallel too (each step is idempotent).

    1. A new KEK version when the current one is KEK_ROTATE_HOURS old (or ``force``).
    2. Every data key not wrapped with the current version is rewrapped with it (also those
       wrapped by the app key alone, stored before KEKs existed), then the key table is
       rewritten (erase_deleted_keys) so the old wrappings are in no table file.
    3. A version retired (succeeded) at least KEK_GRACE_MINUTES ago, with no data key left
       under it, is destroyed: its file overwritten and removed. From then on, a wrapped key
       that survived in the WAL or a disk copy cannot be opened, also not with the app key.
    """
    now = time.time() if now is None else now
    versions = crypto.kek_versions()
    current = max(versions) if versions else crypto.kek_new()
    made = None
    age = now - versions[current].stat().st_mtime if versions else 0.0
    if versions and (force or age >= settings.KEK_ROTATE_HOURS * 3600):
        current = made = crypto.kek_new()
    rewrapped, left = 0, {}
    rows = DataKey.objects.values_list("pk", "key_enc").order_by("pk")
    for pk, wrapped in rows.iterator(chunk_size=500):
        version = crypto.wrapped_version(bytes(wrapped))
        if version == current:
            continue
        try:
            key = crypto.unwrap_key(bytes(wrapped))
        except crypto.InvalidToken:
            left[version] = left.get(version, 0) + 1
            continue
        DataKey.objects.filter(pk=pk).update(key_enc=crypto.wrap_key(key, version=current))
        rewrapped += 1
    if left:
        logger.error("%d data key(s) could not be rewrapped", sum(left.values()))
    if rewrapped:
        erase_deleted_keys()
    destroyed = []
    versions = crypto.kek_versions()
    ordered = sorted(versions)
    for older, newer in zip(ordered, ordered[1:], strict=False):
        retired_at = versions[newer].stat().st_mtime
        if now - retired_at >= settings.KEK_GRACE_MINUTES * 60 and not left.get(older):
            crypto.kek_destroy(older)
            destroyed.append(older)
    return {"current": current, "made": made, "rewrapped": rewrapped, "destroyed": destroyed}
