"""Deleted means gone, also from the database's files.

On real PostgreSQL (DATABASE_URL, a superuser on this machine so the test can read the table
files, as an attacker with a copy of the disk could): after "delete everything", every
encrypted value left in the case table's file, and the upload's bytes left on disk, must be
unreadable with the app key and with every key left in the database's files.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from decision_aid.cases.models import Case
from tests.conftest import skip_or_fail_in_ci
from tests.journey import add_attachment, walk

FERNET_TOKEN = re.compile(rb"gAAAAA[A-Za-z0-9_\-]{40,}={0,2}")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL table files"),
]


def _table_file(model) -> bytes:
    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
        cursor.execute("SHOW data_directory")
        data_dir = cursor.fetchone()[0]
        cursor.execute("SELECT pg_relation_filepath(%s)", [model._meta.db_table])
        relative = cursor.fetchone()[0]
    path = Path(data_dir) / relative
    try:
        return path.read_bytes()
    except PermissionError:
        skip_or_fail_in_ci("the PostgreSQL data directory is not readable here")


def _all_raw_tokens() -> set[bytes]:
    """Every Fernet token in every table file of the cases and advisors apps (live or left
    over)."""
    from django.apps import apps

    tokens: set[bytes] = set()
    for label in ("cases", "advisors"):
        for model in apps.get_app_config(label).get_models():
            tokens |= set(FERNET_TOKEN.findall(_table_file(model)))
    return tokens


def _openers() -> list[object]:
    """The app key, and every data key that can be unwrapped from the leftover bytes."""
    from cryptography.fernet import Fernet

    from decision_aid.cases import crypto

    openers: list[object] = [crypto._box()]
    for token in _all_raw_tokens():
        try:
            openers.append(Fernet(crypto.unwrap_key(token)))
        except Exception:  # noqa: S112 - not a wrapped key
            continue
    return openers


def _readable(token: bytes, openers: list[object]) -> bool:
    for opener in openers:
        try:
            opener.decrypt(token)
            return True
        except Exception:  # noqa: S112 - this opener does not fit
            continue
    return False


def test_after_delete_everything_no_leftover_byte_can_be_decrypted(client, typical_answers):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from tests.hostile import corpus

    # Someone else's case stays: the table keeps its pages, as on a real server (a table
    # left empty would simply be cut off by VACUUM, hiding the problem).
    walk(Client(), typical_answers, stop_at="talked")
    page = walk(client, typical_answers)
    photo = SimpleUploadedFile("foto.jpg", corpus.jpeg_with_comment(), content_type="image/jpeg")
    add_attachment(client, page, photo)
    case = Case.objects.get(pk=client.session["cases"][-1])
    upload_bytes = Path(case.attachments.get().file.path).read_bytes()  # a copy of the disk
    stored = {bytes(case.wizard_state_enc), bytes(case.case_file_enc)}
    assert client.post(f"/zaak/{case.id}/verwijderen/").status_code == 200
    # The deletion erases the key at once unless a transaction begun before it is still open
    # somewhere on the server (this machine's PostgreSQL is shared with other test runs); the
    # hourly purge_expired then finishes the job, waiting for such transactions. Run it now.
    call_command("purge_expired", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("VACUUM")  # what the hostile test ran; the bytes stay in the file
    leftovers = [t for t in _all_raw_tokens() if any(t in s or s in t for s in stored)]
    openers = _openers()
    assert not any(_readable(t, openers) for t in leftovers)
    assert not any(_readable(t, openers) for t in stored)
    assert not _readable(upload_bytes, openers)


def test_after_an_advisor_deletes_a_case_its_member_name_and_notes_cannot_be_decrypted(
    settings,
):
    """Names and notes were encrypted with the app key: after the delete, VACUUM left them in
    the advisors' table files, readable with that key (failed before migration 0008)."""
    from django.test import Client

    from decision_aid.advisors.models import AdvisorCase, CaseNote
    from tests.advisors.conftest import INTAKE, client_for, make_advisor

    settings.ADVISOR_REQUIRE_2FA = False
    advisor = make_advisor("a1", "FNV Utrecht")
    client = client_for(advisor)
    # Another case stays (a table left empty would be cut off by VACUUM, hiding the problem).
    other = {**INTAKE, "member_name": "Anna Jansen", "reference": "FNV-1", "save": "1"}
    assert client.post("/adviseur/nieuw/", other).status_code == 302
    response = client.post("/adviseur/nieuw/", {**INTAKE, "save": "1"})
    case_id = response["Location"].rstrip("/").split("/")[-1]
    note = "Mevrouw Yılmaz belde: de bedrijfsarts zag haar niet."
    assert client.post(f"/adviseur/zaken/{case_id}/", {"text": note}).status_code == 302
    row = AdvisorCase.objects.get(case_id=case_id)
    stored = {bytes(row.member_name_enc), bytes(row.next_deadline_enc)}
    stored |= {bytes(t) for t in CaseNote.objects.values_list("text_enc", flat=True)}
    assert row.member_name == "Fatma Yılmaz" and len(stored) == 3  # name, deadline, note
    assert client.post(f"/adviseur/zaken/{case_id}/verwijderen/").status_code == 302
    call_command("purge_expired", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("VACUUM")
    leftovers = [t for t in _all_raw_tokens() if any(t in s or s in t for s in stored)]
    assert leftovers  # the dead rows are still in the table files ...
    openers = _openers()
    assert not any(_readable(t, openers) for t in leftovers)  # ... but nothing opens them
    assert not any(_readable(t, openers) for t in stored)
    assert Client().get("/").status_code == 200
