"""A flood of hostile uploads starved people: 16 addresses x 4 cases sending compression-bomb
PDFs, and 49 of 50 people's photos got "try again" (503). Now the cheap checks run before a
check slot is taken, the client with the fewest checks running goes first, and a client whose
files keep failing waits behind everybody else (documents.sandbox.FairGate)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from decision_aid.documents.attachments import AttachmentError
from decision_aid.documents.sandbox import check_upload
from tests.hostile import corpus

ATTACKERS = 16
PEOPLE = 20


@pytest.mark.django_db(transaction=True)
def test_nine_in_ten_peoples_uploads_get_through_a_flood_of_bombs(settings):
    settings.UPLOAD_WORKER_CONCURRENCY = 2
    settings.UPLOAD_WORKER_QUEUE = 4
    settings.UPLOAD_WORKER_WAIT_SECONDS = 5
    settings.UPLOAD_WORKER_PER_CLIENT = 2
    # The children at the test's own priority: at nice 10 the test's 34 threads (and whatever
    # else runs on this shared machine) starve them, which would measure the machine.
    settings.UPLOAD_WORKER_NICE = 0
    bomb, photo = corpus.bomb_pdf(decoded_mb=512), corpus.jpeg_with_comment()
    stop = threading.Event()
    hostile: dict[str, int] = {}

    def attacker(address: str) -> None:
        try:
            while not stop.is_set():
                try:
                    check_upload(bomb, name="advies.pdf", client=address)
                    hostile["accepted"] = hostile.get("accepted", 0) + 1
                except AttachmentError as refused:
                    hostile[refused.code] = hostile.get(refused.code, 0) + 1
                time.sleep(0.05)  # the round trip of a real client (here: 32 threads spinning)
        finally:
            connection.close()

    results: list[str] = []

    def person(numbers: range) -> None:
        try:
            for n in numbers:
                try:
                    check_upload(photo, name="foto.jpg", client=f"198.51.100.{n}")
                    results.append("stored")
                except AttachmentError as refused:
                    results.append(refused.code)
                time.sleep(0.2)
        finally:
            connection.close()

    check_upload(photo, name="foto.jpg")  # the helper started, as on a running server
    # Each address sends from two of its cases at once (its per-client limit).
    flood = [
        threading.Thread(target=attacker, args=(f"203.0.113.{n % ATTACKERS}",))
        for n in range(2 * ATTACKERS)
    ]
    for thread in flood:
        thread.start()
    try:
        time.sleep(3)  # the flood is on
        people = [threading.Thread(target=person, args=(range(k, PEOPLE, 2),)) for k in (0, 1)]
        for thread in people:
            thread.start()
        for thread in people:
            thread.join(timeout=120)
    finally:
        stop.set()
        for thread in flood:
            thread.join(timeout=60)
    stored = results.count("stored")
    assert len(results) == PEOPLE
    assert "accepted" not in hostile and sum(hostile.values()) > PEOPLE  # a real flood
    assert stored >= 0.9 * PEOPLE, f"{stored} of {PEOPLE} stored: {results}; flood: {hostile}"


@pytest.mark.django_db
def test_a_client_whose_files_keep_failing_waits_behind_the_others(settings):
    """After two refused files a client is told "try again" at once while someone else waits
    for the slot; a person in the same place waits for it and is served."""
    from decision_aid.documents.sandbox import FairGate, client_keeps_failing

    bomb = corpus.bomb_pdf(decoded_mb=512)
    for _ in range(2):
        with pytest.raises(AttachmentError):
            check_upload(bomb, name="advies.pdf", client="203.0.113.9")
    assert client_keeps_failing("203.0.113.9")
    assert not client_keeps_failing("198.51.100.9")
    gate = FairGate()
    assert gate.enter("198.51.100.1", suspect=False, slots=2, queue=4, wait=0)
    assert gate.enter("198.51.100.2", suspect=False, slots=2, queue=4, wait=0)
    waiting = threading.Thread(
        target=gate.enter,
        args=("198.51.100.3",),
        kwargs={"suspect": False, "slots": 2, "queue": 4, "wait": 5},
    )
    waiting.start()
    time.sleep(0.2)
    assert not gate.enter("203.0.113.9", suspect=True, slots=2, queue=4, wait=5)  # at once
    gate.leave("198.51.100.1")  # a slot comes free: the person waiting gets it
    waiting.join(timeout=5)
    assert gate.running == 2


def test_a_persons_first_upload_takes_the_last_place_in_line_from_a_busy_sender(settings):
    """The line is full (one place) and held by a client that has sent several uploads in
    the last minute: a person's first upload takes that place; the busy sender is told "try
    again" at once, and the person gets the slot when it comes free. A wait that runs out
    ends in "try again" too, and leaves the line empty for the next."""
    from decision_aid.documents.sandbox import FairGate

    settings.UPLOAD_FAIR_HEAVY = 10
    gate = FairGate()
    kwargs = {"suspect": False, "slots": 1, "queue": 1}
    assert gate.enter("198.51.100.1", wait=0, **kwargs)  # the slot: taken
    for _ in range(2):  # the sender's earlier uploads this minute
        assert not gate.enter("203.0.113.5", wait=0, **kwargs)
    outcome: dict[str, bool] = {}

    def wait_in_line(client: str) -> None:
        outcome[client] = gate.enter(client, wait=30, **kwargs)

    sender = threading.Thread(target=wait_in_line, args=("203.0.113.5",))
    sender.start()
    for _ in range(1000):  # until the sender holds the one place in line
        if gate._waiting:
            break
        time.sleep(0.01)
    person = threading.Thread(target=wait_in_line, args=("198.51.100.2",))
    person.start()
    sender.join(timeout=10)
    assert outcome == {"203.0.113.5": False}  # evicted, told at once
    gate.leave("198.51.100.1")
    person.join(timeout=10)
    assert outcome["198.51.100.2"] is True and gate.running == 1

    # the slot stays taken: a newcomer's wait runs out, and it leaves the line
    assert not gate.enter("198.51.100.3", wait=0.05, **kwargs)
    assert not gate._waiting
    gate.leave("198.51.100.2")
    assert gate.enter("198.51.100.3", wait=0, **kwargs)  # free again: at once
