"""Real faults against the app as in production (gunicorn, DJANGO_DEBUG=0, PostgreSQL).

- The PostgreSQL server (a private cluster) is really stopped mid-journey and started again.
- A gunicorn worker is killed (SIGKILL) while it is making a PDF.
Both run in one module so the cluster and the server start once (about 15 s in all).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.faults.server import HEALTH_CHECK_IDLE_SECONDS, AppServer, Browser, PgCluster, answer
from tests.journey import typical_answers_resolved

pytestmark = pytest.mark.faults


ANSWERS = typical_answers_resolved()


def _step(browser: Browser) -> str:
    return browser.last_url.rstrip("/").rsplit("/", 1)[-1]


def _walk_until(browser: Browser, stop: str | None) -> None:
    """Answer pages from the current one until `stop` (or the attachments page)."""
    for _ in range(30):
        if "/bijlagen/" in browser.last_url:
            return
        step = "role" if browser.last_url.rstrip("/").endswith("vragen") else _step(browser)
        if step == stop:
            return
        status, _ = answer(browser, step, ANSWERS[step])
        assert status == 200, (step, status)
        assert _step(browser) != step, f"{step} did not advance"
    raise AssertionError("the wizard did not finish")


def _checked(html: str, value: str) -> bool:
    return re.search(rf'value="{re.escape(value)}"[^>]*\bchecked\b', html) is not None


def _until_ok(browser: Browser, path: str, seconds: float = 20) -> str:
    """After a restart the first request on a stale connection may get the 503 page; never a
    500. Try again until the page is there."""
    deadline = time.monotonic() + seconds
    while True:
        status, html = browser.get(path)
        if status == 200:
            return html
        assert status == 503, f"{path}: {status}"
        assert "Traceback" not in html
        assert time.monotonic() < deadline, "the app did not recover"
        time.sleep(0.3)


def test_database_stopped_mid_journey(live: tuple[PgCluster, AppServer]) -> None:
    cluster, server = live
    me = Browser(server.base)
    me.get("/vragen/")
    _walk_until(me, stop="disputes")
    case_path = me.last_url.rsplit("/", 2)[0] + "/"

    cluster.stop()
    try:
        # The answer sent while the database is away: the friendly page, in Dutch, no traceback.
        status, html = answer(me, "disputes", ANSWERS["disputes"])
        assert status == 503
        assert '<html lang="nl">' in html
        assert "Traceback" not in html and "OperationalError" not in html
        assert 'href="/"' in html
        # The same in English under /en/ (loading the case needs the database).
        status, html = Browser(server.base).get("/en" + case_path + "role/")
        assert status == 503
        assert '<html lang="en">' in html
        assert "Temporarily unavailable" in html
        assert "The answers you saved before are safe" in html
    finally:
        cluster.start()

    # After recovery every saved answer is still there, and the person can go on.
    assert _checked(_until_ok(me, case_path + "role/"), "employee")
    assert _checked(_until_ok(me, case_path + "employment/"), "permanent")
    assert _checked(_until_ok(me, case_path + "still_sick/"), "yes")
    sick_since = _until_ok(me, case_path + "sick_since/")
    assert f'value="{ANSWERS["sick_since"]["sick_since"]}"' in sick_since
    _until_ok(me, case_path + "disputes/")
    _walk_until(me, stop=None)
    assert "/bijlagen/" in me.last_url


def test_database_restart_while_idle_costs_no_request(live: tuple[PgCluster, AppServer]) -> None:
    """A connection idle for a while is pinged before use: after a restart during a quiet
    moment, the very first request works (no 503). Busy connections skip the ping."""
    cluster, server = live
    me = Browser(server.base)
    me.get("/vragen/")
    _walk_until(me, stop="disputes")
    case_path = me.last_url.rsplit("/", 2)[0] + "/"
    # Every thread of the worker has a connection now (two threads).
    for _ in range(4):
        assert me.get(case_path + "role/")[0] == 200
    cluster.stop()
    cluster.start()
    # Not a guess: the connections must be idle longer than the threshold for the ping to run.
    time.sleep(HEALTH_CHECK_IDLE_SECONDS + 0.5)
    for step in ("role", "employment", "still_sick", "sick_since"):
        status, _ = me.get(case_path + f"{step}/")
        assert status == 200, f"{step}: {status} on the first request after the restart"


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _until_accepted(pid: int, client: socket.socket, seconds: float = 10) -> None:
    """Wait until process ``pid`` holds the server side of ``client``'s connection (it has
    accepted it), instead of sleeping a fixed time and hoping."""
    port = client.getsockname()[1]
    deadline = time.monotonic() + seconds
    while True:
        held = _socket_inodes(pid)
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                remote_port = int(fields[2].rsplit(":", 1)[1], 16)
                if remote_port == port and fields[9] in held:
                    return
        assert time.monotonic() < deadline, "the worker did not take the request"
        time.sleep(0.02)


def test_worker_killed_during_a_request(live: tuple[PgCluster, AppServer]) -> None:
    _cluster, server = live
    me = Browser(server.base)
    me.get("/vragen/")
    _walk_until(me, stop=None)
    draft = me.last_url.replace("bijlagen/", "")
    workers = server.worker_pids()
    assert len(workers) == 1

    # Kill the only worker while it is inside a request: an upload whose body is still
    # arriving (the worker blocks reading it). The PDF used to serve here, but it is now made
    # in a warm render worker within a fraction of a second, before a kill at a fixed moment.
    outcome: dict[str, object] = {}
    host, port = server.base.removeprefix("http://").split(":")
    cookies = "; ".join(f"{c.name}={c.value}" for c in me.jar)
    upload = socket.create_connection((host, int(port)), timeout=30)
    upload.sendall(
        (
            f"POST {draft}bijlagen/ HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookies}\r\n"
            "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n"
            "--x\r\n"
        ).encode()
    )

    def fetch() -> None:
        try:
            head = upload.recv(64)  # b"" when the connection is closed without an answer
        except OSError as error:
            outcome["error"] = error
            return
        if head:
            outcome["status"] = int(head.split()[1])
        else:
            outcome["error"] = "closed without an answer"

    request = threading.Thread(target=fetch)
    request.start()
    _until_accepted(workers[0], upload)  # the worker has the request, waits for its body
    os.kill(workers[0], signal.SIGKILL)
    request.join(timeout=30)
    upload.close()
    assert "error" in outcome or outcome.get("status") != 200, "the request was not cut off"

    # gunicorn starts a new worker; the person goes on, nothing saved is lost.
    deadline = time.monotonic() + 20
    while server.worker_pids() in ([], workers):
        assert time.monotonic() < deadline, "gunicorn did not start a new worker"
        time.sleep(0.2)
    html = _until_ok(me, draft)
    assert "Anouk de Vries" in html or "Uw brief is klaar" in html
    case_path = draft.replace("/brief/", "/vragen/")
    assert _checked(_until_ok(me, case_path + "role/"), "employee")
    assert _checked(_until_ok(me, case_path + "talked/"), "yes")
    status, _ = me.get(draft + "pdf/", timeout=60)
    assert status == 200
