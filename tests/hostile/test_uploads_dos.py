"""No upload takes the server down.

A small many-page PDF and a small PNG that decodes huge used to cost a minute of CPU or 600 MB
of memory in the web process. Now pages are counted from the page tree before any work, pictures
are budgeted by decoded bytes, and every upload runs in a child process with hard CPU and memory
limits, a few at a time per web process.
"""

from __future__ import annotations

import contextlib
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from decision_aid.documents.attachments import AttachmentError, Limits, normalize_upload
from tests.documents.cases import case_file_for
from tests.hostile import corpus

SLUG = "expert_opinion-fitness_own_work"


def test_many_page_pdf_is_refused_from_the_page_tree_before_any_page_is_read(monkeypatch):
    import pypdf

    read = []
    original = pypdf.PageObject.get_contents
    monkeypatch.setattr(
        pypdf.PageObject, "get_contents", lambda self: read.append(1) or original(self)
    )
    data = corpus.many_page_pdf()
    assert len(data) < 200_000
    with pytest.raises(AttachmentError) as refused:
        normalize_upload(data, name="advies.pdf")
    assert refused.value.code == "too_many_pages"
    assert "60" in refused.value.message
    assert read == []  # not one page was loaded, merged or written


def test_the_upload_worker_is_stopped_at_its_cpu_budget(settings):
    from decision_aid.documents.sandbox import check_upload

    settings.UPLOAD_WORKER_CPU_SECONDS = 1
    # A page limit high enough that the early count lets the file through to the real work,
    # which takes far more than a second of CPU for 9,000 pages.
    with pytest.raises(AttachmentError) as refused:
        check_upload(
            corpus.many_page_pdf(9_000), name="advies.pdf", limits=Limits(max_pages=100_000)
        )
    assert refused.value.code == "too_slow"
    assert "takes too long" in refused.value.message or "te lang" in refused.value.message


def test_the_upload_worker_has_a_memory_limit(settings):
    from decision_aid.documents.sandbox import check_upload

    settings.UPLOAD_WORKER_MEMORY_MB = 300
    # Without the decoded-bytes budget the picture would be decoded at 196 MB and converted.
    limits = Limits(max_decoded_bytes=10**10)
    with pytest.raises(AttachmentError) as refused:
        check_upload(corpus.rgba_png(), name="scan.png", limits=limits)
    assert refused.value.code in ("too_big", "too_many_pixels")


def test_the_upload_helper_holds_no_secrets_and_comes_back_when_killed():
    import os
    import signal
    from pathlib import Path

    from decision_aid.documents import sandbox

    sandbox.check_upload(corpus.jpeg_with_comment(), name="foto.jpg")
    helper = sandbox._helper()
    environ = Path(f"/proc/{helper.process.pid}/environ").read_bytes().split(b"\0")
    names = {line.split(b"=", 1)[0].decode() for line in environ if line}
    names = {n for n in names if not n.startswith("COVERAGE_")}  # `make coverage` only
    assert names <= {"PATH", "PYTHONPATH", "LANG"}  # no secret key, no database URL
    os.kill(helper.process.pid, signal.SIGKILL)
    helper.process.wait()
    item = sandbox.check_upload(corpus.jpeg_with_comment(), name="foto.jpg")
    assert item.kind == "image"
    assert sandbox._helper().process.pid != helper.process.pid


@pytest.mark.django_db
def test_when_the_helper_cannot_start_uploads_and_letters_say_so_and_come_back(
    client, owned_case, monkeypatch, caplog
):
    """The helper process cannot be started (here: its interpreter exits at once, as when the
    machine is out of processes): an upload is refused with a clear message and a letter is
    not made, each saying so, the answers kept, the cause in the log; once it can start again,
    the next upload and letter work."""
    import logging
    import os
    import signal
    import sys

    from decision_aid.documents import sandbox

    case = owned_case(case_file_for("expert_opinion"))
    page, letter = f"/brief/{case.id}/bijlagen/", f"/brief/{case.id}/pdf/{SLUG}/"
    photo = corpus.jpeg_with_comment

    sandbox.check_upload(photo(), name="foto.jpg")  # the helper running, as on a server
    running = sandbox._helper().process
    os.kill(running.pid, signal.SIGKILL)  # it ends, and the next one cannot start
    running.wait()
    monkeypatch.setattr(sys, "executable", "/bin/false")
    caplog.set_level(logging.WARNING, logger="decision_aid.documents.sandbox")

    refused = client.post(page, {"file": SimpleUploadedFile("foto.jpg", photo())})
    assert refused.status_code == 400
    assert "We konden dit bestand niet lezen." in refused.content.decode()
    failed = client.get(letter)
    assert failed.status_code == 503
    assert "Het maken van de PDF is niet gelukt. Uw antwoorden zijn bewaard." in (
        failed.content.decode()
    )
    assert "the upload helper did not start" in caplog.text
    assert case.attachments.count() == 0

    monkeypatch.undo()  # the machine recovers: the next request starts a helper again
    assert client.post(page, {"file": SimpleUploadedFile("foto.jpg", photo())}).status_code == 302
    assert case.attachments.count() == 1
    assert client.get(letter).content.startswith(b"%PDF")


def test_small_rgba_png_under_the_pixel_limit_is_refused_by_its_decoded_size():
    data = corpus.rgba_png()
    assert len(data) < 500_000
    with pytest.raises(AttachmentError) as refused:
        normalize_upload(data, name="scan.png")
    assert refused.value.code == "too_many_pixels"


def test_a_large_ordinary_photo_still_goes_through_scaled_down():
    import io

    from PIL import Image
    from pypdf import PdfReader

    out = io.BytesIO()
    Image.new("RGB", (6000, 4000), (10, 120, 200)).save(out, "PNG")  # 96 MB decoded
    item = normalize_upload(out.getvalue(), name="foto.png")
    page = PdfReader(io.BytesIO(item.pdf)).pages[0]
    image = next(iter(page.images)).image
    assert max(image.size) <= 2339


@contextlib.contextmanager
def _slots_taken(running: int, waiting: int = 0):
    """Other uploads being checked (and waiting) in this process's FairGate."""
    from decision_aid.documents.sandbox import _gate

    for n in range(running):
        assert _gate.enter(f"other{n}", suspect=False, slots=running, queue=0, wait=0)
    tickets = [[(0, -n), -n, f"waiting{n}", False] for n in range(waiting)]
    with _gate._cond:
        _gate._waiting.extend(tickets)
    try:
        yield
    finally:
        with _gate._cond:
            for ticket in tickets:
                _gate._waiting.remove(ticket)
        for n in range(running):
            _gate.leave(f"other{n}")


def test_upload_work_waits_for_a_free_slot_and_then_says_try_again(settings):
    from decision_aid.documents.sandbox import check_upload

    settings.UPLOAD_WORKER_CONCURRENCY = 1
    settings.UPLOAD_WORKER_WAIT_SECONDS = 0.1
    with _slots_taken(1), pytest.raises(AttachmentError) as refused:  # another upload runs
        check_upload(corpus.jpeg_with_comment(), name="foto.jpg")
    assert refused.value.code == "busy"
    item = check_upload(corpus.jpeg_with_comment(), name="foto.jpg")
    assert item.kind == "image" and item.page_count == 1


def test_uploads_beyond_the_queue_are_told_to_wait_at_once_not_held(settings):
    """A waiting upload holds a web thread: beyond UPLOAD_WORKER_QUEUE waiting ones, an upload
    is refused at once, so hostile uploaders cannot take every thread (the load test showed the
    wizard stalling for 9 s without this)."""
    import time

    from decision_aid.documents.sandbox import check_upload

    settings.UPLOAD_WORKER_CONCURRENCY = 1
    settings.UPLOAD_WORKER_QUEUE = 1
    settings.UPLOAD_WORKER_WAIT_SECONDS = 60
    with _slots_taken(1, waiting=1):  # one running, one waiting
        started = time.monotonic()
        with pytest.raises(AttachmentError) as refused:
            check_upload(corpus.jpeg_with_comment(), name="foto.jpg")
        waited = time.monotonic() - started
    assert refused.value.code == "busy"
    assert waited < 5  # at once, not after the 60 s a turn may take


@pytest.mark.django_db
def test_first_come_first_served_also_says_try_again_when_every_turn_is_taken(settings):
    """UPLOAD_FAIR_SHARES=0 (first come, first served, kept for comparison): an upload that
    finds the slot taken waits its turn and is then told to try again; one that finds every
    slot and queue place taken is told at once; once free, the same upload goes through."""
    from decision_aid.documents import sandbox

    settings.UPLOAD_FAIR_SHARES = False
    settings.UPLOAD_WORKER_CONCURRENCY = 1
    settings.UPLOAD_WORKER_QUEUE = 1
    settings.UPLOAD_WORKER_WAIT_SECONDS = 0.1
    photo = corpus.jpeg_with_comment()
    busy = "We controleren nu veel bestanden tegelijk. Uw antwoorden zijn bewaard."
    for held in (sandbox.slots(), sandbox.admissions()):
        taken = 1 if held is sandbox.slots() else 2  # the slot; the slot and the queue place
        for _ in range(taken):
            assert held.acquire(timeout=5)
        try:
            with pytest.raises(AttachmentError) as refused:
                sandbox.check_upload(photo, name="foto.jpg")
        finally:
            for _ in range(taken):
                held.release()
        assert refused.value.code == "busy" and refused.value.message.startswith(busy)
    item = sandbox.check_upload(photo, name="foto.jpg")
    assert item.kind == "image" and item.page_count == 1


@pytest.mark.django_db
def test_upload_page_refuses_hostile_files_clearly_and_loses_nothing(client, owned_case, settings):
    case = owned_case(case_file_for("court"))
    url = f"/en/brief/{case.id}/bijlagen/"
    ok = SimpleUploadedFile("foto.jpg", corpus.jpeg_with_comment(), content_type="image/jpeg")
    assert client.post(url, {"file": ok}).status_code == 302
    bad = SimpleUploadedFile("veel.pdf", corpus.many_page_pdf(), content_type="application/pdf")
    response = client.post(url, {"file": bad})
    assert response.status_code == 400
    assert "at most 60 pages" in response.content.decode()
    png = SimpleUploadedFile("scan.png", corpus.rgba_png(), content_type="image/png")
    response = client.post(url, {"file": png})
    assert response.status_code == 400
    assert "too many pixels" in response.content.decode()
    # Every worker slot of this process busy: a clear "try again", not a hung request.
    settings.UPLOAD_WORKER_CONCURRENCY = 1
    settings.UPLOAD_WORKER_WAIT_SECONDS = 0.1
    with _slots_taken(1):
        again = SimpleUploadedFile(
            "foto.jpg", corpus.jpeg_with_comment(), content_type="image/jpeg"
        )
        response = client.post(url, {"file": again})
    assert response.status_code == 503
    assert "Try again in a minute" in response.content.decode()
    assert case.attachments.count() == 1


@pytest.mark.django_db
def test_a_case_may_send_only_so_many_uploads_an_hour(client, owned_case, settings):
    """A hostile uploader hammering its own case is refused before any file is read, so it
    takes no upload slot from other people (found with make bench-load BENCH_HOSTILE=16)."""
    settings.UPLOADS_PER_CASE_RATE = "3/h"
    case = owned_case(case_file_for("court"))
    other = owned_case(case_file_for("talk"))
    url = f"/en/brief/{case.id}/bijlagen/"
    for _ in range(3):
        bad = SimpleUploadedFile("veel.pdf", corpus.many_page_pdf(), content_type="application/pdf")
        assert client.post(url, {"file": bad}).status_code == 400
    ok = SimpleUploadedFile("foto.jpg", corpus.jpeg_with_comment(), content_type="image/jpeg")
    response = client.post(url, {"file": ok})
    assert response.status_code == 429
    assert "Many files were sent for this case" in response.content.decode()
    assert case.attachments.count() == 0
    again = SimpleUploadedFile("foto.jpg", corpus.jpeg_with_comment(), content_type="image/jpeg")
    assert client.post(f"/en/brief/{other.id}/bijlagen/", {"file": again}).status_code == 302


@pytest.mark.django_db
def test_one_clients_flood_of_uploads_is_refused_before_other_peoples_uploads(
    client, owned_case, settings
):
    """Item 1 with the load test: one client address has at most UPLOAD_WORKER_PER_CLIENT
    uploads being checked at once, across every web process. Here another process (another
    database session) holds the attacker's two slots: the attacker's next upload is told to try
    again at once, a person at another address is served; the attacker's own typed text stays
    in the box (nothing typed is lost)."""
    from django.db import connection, connections

    from decision_aid.documents import sandbox

    if connection.vendor != "postgresql":
        pytest.skip("the slots are shared through PostgreSQL")
    settings.TRUSTED_PROXY_HOPS = 1  # behind the proxy, as in production
    settings.UPLOAD_WORKER_PER_CLIENT = 2
    attacker, person = "203.0.113.66", "198.51.100.7"
    other_process = connections.create_connection("default")
    try:
        with other_process.cursor() as cursor:
            for i in range(2):
                key = zlib.crc32(f"{attacker}|{i}".encode()) - 2**31
                cursor.execute("SELECT pg_advisory_lock(%s, %s)", [sandbox._CLIENT_LOCKS, key])
        case = owned_case(case_file_for("court"))
        url = f"/brief/{case.id}/bijlagen/"

        def upload(address: str, **extra: str):
            photo = SimpleUploadedFile("foto.jpg", corpus.jpeg_with_comment(), "image/jpeg")
            return client.post(
                # what the client sent (ignored), then the address our proxy appended
                url,
                {"file": photo, **extra},
                HTTP_X_FORWARDED_FOR=f"10.9.9.9, {address}",
            )

        refused = upload(attacker, text="Wat de bedrijfsarts schreef, overgetypt.")
        assert refused.status_code == 503
        html = refused.content.decode()
        assert "Probeer het over een minuut opnieuw" in html
        assert "Wat de bedrijfsarts schreef, overgetypt." in html  # kept in the text box
        assert case.attachments.count() == 0
        assert upload(person).status_code == 302
        assert case.attachments.count() == 1
    finally:
        other_process.close()  # ends its session: its advisory locks go with it


@pytest.mark.django_db
def test_a_clients_upload_slot_is_given_back_after_the_check(settings):
    from django.db import connection

    from decision_aid.documents import sandbox

    settings.UPLOAD_WORKER_PER_CLIENT = 1
    for _ in range(3):  # one slot, three uploads in a row: each gives it back
        item = sandbox.check_upload(corpus.jpeg_with_comment(), name="foto.jpg", client="x")
        assert item.kind == "image"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                "AND pid = pg_backend_pid()"
            )
            assert cursor.fetchone()[0] == 0


@pytest.mark.django_db
def test_a_web_process_starts_its_helper_on_its_first_request_not_its_first_upload(
    client, monkeypatch
):
    """The helper takes seconds to start (it loads WeasyPrint): started by the first upload,
    that upload held a check slot meanwhile and the uploads behind it were told "busy" in the
    load test. Now the first request of any kind starts it, in the background."""
    import threading

    from decision_aid.documents import sandbox

    started = threading.Event()
    monkeypatch.setattr(sandbox, "_prestarted", None)  # as in a freshly started web process
    monkeypatch.setattr(sandbox, "_helper", started.set)
    assert client.get("/").status_code == 200
    assert started.wait(timeout=30)
    started.clear()
    client.get("/")
    assert not started.wait(timeout=0.5)  # once per process
