"""Parallel uploads cannot together exceed a case's limits.

Run on real PostgreSQL (DATABASE_URL): 30 browsers (test clients in threads, each with its own
database connection) upload a file to the same case at once through the upload page. Before the
row lock each request checked a snapshot of the case, so 15 files (32.7 MB) got in against a
limit of 10 (20 MB).
"""

from __future__ import annotations

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client

from tests.hostile import corpus

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)"
    ),
]


def _race(threads: int) -> tuple[object, list[int]]:
    from decision_aid.cases.services import case_create

    case = case_create(language="nl")
    clients = []
    for i in range(threads):
        # each browser its own address: one address has only 2 upload slots (sandbox)
        client = Client(REMOTE_ADDR=f"10.0.0.{i + 1}")
        session = client.session
        session["cases"] = [str(case.id)]
        session.save()
        client.cookies["sessionid"] = session.session_key
        clients.append(client)
    photo = corpus.jpeg_with_comment()
    start = threading.Barrier(threads)
    statuses: list[int] = []

    def one(client: Client) -> None:
        try:
            upload = SimpleUploadedFile("foto.jpg", photo, content_type="image/jpeg")
            start.wait()
            response = client.post(f"/en/brief/{case.id}/bijlagen/", {"file": upload})
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=one, args=(c,)) for c in clients]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return case, statuses


def test_thirty_parallel_uploads_store_no_more_than_the_file_limit(settings):
    settings.FIRST_OPINION_MAX_FILES = 10
    settings.UPLOAD_WORKER_WAIT_SECONDS = 60
    settings.UPLOAD_WORKER_QUEUE = 30  # let every upload wait for its turn: the race is the point
    case, statuses = _race(30)
    assert len(statuses) == 30
    assert case.attachments.count() == 10
    assert statuses.count(302) == 10 and statuses.count(400) == 20


def test_parallel_uploads_stay_under_the_total_size(settings):
    size = len(corpus.jpeg_with_comment())
    settings.FIRST_OPINION_MAX_FILES = 30
    settings.FIRST_OPINION_MAX_TOTAL_BYTES = int(4.5 * size)
    settings.UPLOAD_WORKER_WAIT_SECONDS = 60
    settings.UPLOAD_WORKER_QUEUE = 30
    case, statuses = _race(12)
    assert sum(a.size for a in case.attachments.all()) <= 4.5 * size
    assert case.attachments.count() == 4


def _parallel_guesses(addresses: list[str]) -> list[int]:
    start = threading.Barrier(len(addresses))
    statuses: list[int] = []

    def one(address: str) -> None:
        try:
            browser = Client(REMOTE_ADDR=address)
            start.wait()
            statuses.append(
                browser.post("/zaak/hervatten/", {"code": "AAAA-BBBB-CCCC"}).status_code
            )
        finally:
            connections.close_all()

    workers = [threading.Thread(target=one, args=(a,)) for a in addresses]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return statuses


def test_parallel_wrong_codes_from_one_client_get_no_more_than_its_five_tries():
    statuses = _parallel_guesses(["203.0.113.77"] * 20)
    assert statuses.count(400) == 5  # evaluated
    assert statuses.count(429) == 15


def test_parallel_wrong_codes_from_many_clients_are_all_counted(settings):
    settings.RESUME_RATE_OVERALL = "20/h"
    settings.RESUME_RATE_PER_CLIENT_UNDER_ATTACK = "1/h"
    statuses = _parallel_guesses([f"192.0.2.{n}" for n in range(30)])
    assert statuses.count(400) == 30  # each client's first try is always evaluated ...
    # ... and every one was counted, so the site is now in its slow mode: one more wrong
    # guess from a client that already tried is refused.
    again = Client(REMOTE_ADDR="192.0.2.1").post("/zaak/hervatten/", {"code": "AAAA-BBBB-CCCC"})
    assert again.status_code == 429
