"""Deleted stays gone after a stated window, also from PostgreSQL's WAL.

A deleted case's wrapped data key left the table files and pg_dump, but stayed in pg_wal until
recycled; with a copy of the data directory and the app key its resume code, name and call note
were decrypted. Now data keys are wrapped by a key-encryption key kept outside PostgreSQL,
which rotates and whose retired versions are destroyed: the wrapped key captured before the
deletion (what the WAL keeps) opens with nothing that exists once the window has passed.

Runs on SQLite and on real PostgreSQL (DATABASE_URL); on PostgreSQL with a readable data
directory it also looks for the captured bytes in pg_wal (found there when run alone).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.db import connection
from django.test import Client

from decision_aid.cases import crypto
from decision_aid.cases.models import Case, DataKey
from tests.journey import current_case_id, walk

pytestmark = pytest.mark.django_db(transaction=True)


def _age_keys(hours: float) -> None:
    """Let this much time pass for the key-encryption keys (their files' times)."""
    for path in Path(crypto.kek_dir()).glob("kek-*.key"):
        mtime = path.stat().st_mtime - hours * 3600
        os.utime(path, (mtime, mtime))


def _purge() -> None:
    """The hourly run of the purge service."""
    call_command("purge_expired", stdout=io.StringIO())


def _every_way_to_open(wrapped: bytes) -> list[str]:
    """What opens the captured wrapped key: the app's own unwrap, the app key alone, every key
    file left in the key folder (with and without the app key)."""
    ways = []
    for name, attempt in [("unwrap_key", lambda: crypto.unwrap_key(wrapped))] + [
        (f"app key on {part}", lambda part=part: crypto.decrypt(part))
        for part in (wrapped, wrapped[10:])
    ]:
        try:
            attempt()
            ways.append(name)
        except (InvalidToken, ValueError):
            pass
    for path in Path(crypto.kek_dir()).glob("kek-*"):
        kek = Fernet(path.read_bytes().strip())
        try:
            inner = kek.decrypt(wrapped[10:])
            ways.append(path.name)
            crypto.decrypt(inner)
            ways.append(path.name + " and the app key")
        except InvalidToken:
            pass
    return ways


def _in_wal(token: bytes) -> bool | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SHOW data_directory")
        wal = Path(cursor.fetchone()[0]) / "pg_wal"
    try:
        segments = [p for p in wal.iterdir() if p.is_file() and len(p.name) == 24]
        return any(token in p.read_bytes() for p in segments)
    except PermissionError:
        return None


def test_a_key_captured_before_deletion_opens_nothing_after_the_window(typical_answers, settings):
    stays, deleted = Client(), Client()
    walk(stays, typical_answers, stop_at="talked")
    walk(deleted, typical_answers, stop_at="talked")
    gone = Case.objects.get(pk=current_case_id(deleted))
    captured = bytes(DataKey.objects.get(case=gone, attachment=None).key_enc)  # as in the WAL
    crypto.unwrap_key(captured)  # it opens now, with the app
    assert deleted.post(f"/zaak/{gone.pk}/verwijderen/").status_code == 200
    assert not DataKey.objects.filter(case_id=gone.pk).exists()
    # What the attacker reads: on PostgreSQL the bytes are usually in pg_wal as they are (not
    # when the page went into the WAL as a compressed full-page image after a checkpoint).
    in_wal = _in_wal(captured)

    _purge()  # the hourly run on the day of the deletion: nothing rotates yet
    assert _every_way_to_open(captured)  # within the window the WAL copy still opens
    _age_keys(settings.KEK_ROTATE_HOURS)  # a day later: a new key, live keys rewrapped
    _purge()
    _age_keys(settings.KEK_GRACE_MINUTES / 60)  # the grace after retirement
    _purge()  # the next hourly run destroys the retired key

    assert _every_way_to_open(captured) == [], f"captured bytes in pg_wal: {in_wal}"
    # The case that stays opens as before, under the new key.
    kept = Case.objects.get(pk=current_case_id(stays))
    assert kept.wizard_state["step_data"]["role"]
    assert crypto.wrapped_version(bytes(DataKey.objects.get(case=kept).key_enc)) == max(
        crypto.kek_versions()
    )


def test_keys_stored_before_key_encryption_keys_stay_readable_and_move_over(typical_answers):
    """The migration path: a data key wrapped by the app key alone (as stored until now) is
    read as before and rewrapped by the next rotation."""
    client = Client()
    walk(client, typical_answers, stop_at="talked")
    case = Case.objects.get(pk=current_case_id(client))
    row = DataKey.objects.get(case=case, attachment=None)
    key = crypto.unwrap_key(bytes(row.key_enc))
    DataKey.objects.filter(pk=row.pk).update(key_enc=crypto.encrypt(key))  # the old format
    case = Case.objects.get(pk=case.pk)
    assert case.wizard_state["step_data"]["role"]
    call_command("rotate_keys", stdout=io.StringIO())
    rewrapped = bytes(DataKey.objects.get(pk=row.pk).key_enc)
    assert crypto.wrapped_version(rewrapped) is not None
    assert crypto.unwrap_key(rewrapped) == key
    assert client.get(f"/vragen/{case.pk}/talked/").status_code == 200
