"""Check an upload, and make a PDF or .docx, in a separate, limited process (the hard budget
on upload and render work).

A hostile file (a 185 KB PDF with 20,000 pages, a small PNG that decodes to 600 MB) must not
take the web process with it: gunicorn's timeout does not stop a threaded request. So every
upload is checked and converted (``attachments.normalize_upload``) in a child process that sets
its own limits before it reads the file:

- ``RLIMIT_CPU``: UPLOAD_WORKER_CPU_SECONDS of CPU; the kernel stops it after that;
- ``RLIMIT_AS``: UPLOAD_WORKER_MEMORY_MB of address space; a bigger allocation fails;
- a wall-clock timeout in the parent (the CPU budget plus start-up) for a child that waits.

One client (address, as cases.clientip sees it) has at most UPLOAD_WORKER_PER_CLIENT uploads
being checked or waiting at once, across every web process (PostgreSQL advisory locks): one
attacker's flood of uploads is refused ("try again in a minute") before it takes the slots of
the people beside it (the load test: docs/benchmarks.md). At most UPLOAD_WORKER_CONCURRENCY
children run per web process at once (a semaphore), at a lower CPU priority (nice
UPLOAD_WORKER_NICE) so wizard pages go first. At most UPLOAD_WORKER_QUEUE more uploads may
wait for a turn, for up to UPLOAD_WORKER_WAIT_SECONDS; any further upload is told to try again
at once. A waiting upload holds one of the web process's threads, and the load test
with hostile uploaders showed what happens without this cap: every thread waited for a turn and
the wizard stalled for seconds. The child gets no secrets, no database and only the bytes of the
file (see docs/security.md).

How: each web process starts one helper process (``python -m decision_aid.documents.sandbox
--serve``) with an empty environment (no secrets, no database URL). The helper loads the PDF and
image libraries once, listens on a Unix socket in a private folder, and forks a fresh child for
every upload; the child sets its limits, does the work and exits. Forking the ready helper costs
milliseconds, where starting Python and its libraries per upload cost 0.3-0.5 s (measured). The
helper ends when its web process does (its stdin closes).

Renders ("every upload and render" has a hard budget): the letter's HTML is made from its
templates in the web process (cheap, and it needs the case); turning it into a PDF with
WeasyPrint, adding the attachments' pages, and turning it into a .docx run in render workers:
RENDER_WORKER_CONCURRENCY children the helper forks once it has loaded WeasyPrint and made a
small PDF, which each do many renders (up to RENDER_JOBS_PER_WORKER) and so keep WeasyPrint's
caches warm. Each job gets its own budget: the soft RLIMIT_CPU is set to the CPU the worker
has used so far plus RENDER_WORKER_CPU_SECONDS, RLIMIT_AS to RENDER_WORKER_MEMORY_MB, and an
alarm ends a job that waits too long. A job over its budget ends its worker (the helper forks
a new one). At most RENDER_WORKER_CONCURRENCY renders run at once per web process (apart from
the upload slots, so hostile uploads do not hold up letters), waiting at most
RENDER_WORKER_WAIT_SECONDS for a turn. Forking a fresh child per render, as for uploads, cost
40-250 ms more per PDF (WeasyPrint's caches start cold in every child; docs/benchmarks-log.md);
renders take no hostile bytes (the HTML is our templates', the attachments already checked),
so a worker may serve many.

Protocol on the socket: the web process sends one JSON line (the job: "upload" with name,
limits, usage, language; or "pdf"/"docx" with the sizes of the parts; and the budget) then the
bytes and closes its sending side; the child answers one JSON line (the result or the refusal)
then the PDF (or .docx).
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import gc
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from decision_aid.documents.attachments import AttachmentError, Limits, Normalized, Usage

logger = logging.getLogger(__name__)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

_slots_lock = threading.Lock()
_slots: dict[tuple[str, int], threading.BoundedSemaphore] = {}


def _semaphore(kind: str, size: int) -> threading.BoundedSemaphore:
    with _slots_lock:
        if (kind, size) not in _slots:
            _slots[(kind, size)] = threading.BoundedSemaphore(size)
        return _slots[(kind, size)]


def slots() -> threading.BoundedSemaphore:
    """The per-process cap on concurrent upload work (one semaphore per configured size)."""
    return _semaphore("run", settings.UPLOAD_WORKER_CONCURRENCY)


def admissions() -> threading.BoundedSemaphore:
    """The per-process cap on uploads running or waiting for a turn."""
    return _semaphore("admit", settings.UPLOAD_WORKER_CONCURRENCY + settings.UPLOAD_WORKER_QUEUE)


def _busy() -> AttachmentError:
    return AttachmentError(
        _("We are checking many files right now. Your answers are saved. Try again in a minute."),
        "busy",
    )


def _too_slow() -> AttachmentError:
    return AttachmentError(
        _(
            "This file takes too long for us to check safely. Print it to a new PDF, or take "
            "a photo of the letter."
        ),
        "too_slow",
    )


def _too_big() -> AttachmentError:
    return AttachmentError(
        _(
            "This file needs too much memory for us to check safely. Print it to a new PDF, or "
            "send a smaller photo."
        ),
        "too_big",
    )


def _unreadable() -> AttachmentError:
    return AttachmentError(
        _("We could not read this file. Try another file, or type the text of the advice."),
        "unreadable",
    )


_clients_lock = threading.Lock()
_clients_here: dict[str, int] = {}
_CLIENT_LOCKS = 14014  # the advisory-lock namespace of the per-client upload slots


@contextlib.contextmanager
def client_slot(client: str) -> Iterator[bool]:
    """One of this client's UPLOAD_WORKER_PER_CLIENT upload slots, held for the block; yields
    False when they are all taken. Across every web process on PostgreSQL (session advisory
    locks, tried without waiting and released at the end; a connection that dies releases
    them too); within this process elsewhere (SQLite in development)."""
    from django.db import DatabaseError, connection

    size = settings.UPLOAD_WORKER_PER_CLIENT
    if size <= 0 or not client:
        yield True
        return
    if connection.vendor != "postgresql":
        with _clients_lock:
            free = _clients_here.get(client, 0) < size
            if free:
                _clients_here[client] = _clients_here.get(client, 0) + 1
        try:
            yield free
        finally:
            if free:
                with _clients_lock:
                    _clients_here[client] -= 1
                    if not _clients_here[client]:
                        del _clients_here[client]
        return
    held = None
    try:
        with connection.cursor() as cursor:
            for i in range(size):
                key = zlib.crc32(f"{client}|{i}".encode()) - 2**31  # a signed 32-bit number
                cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [_CLIENT_LOCKS, key])
                if cursor.fetchone()[0]:
                    held = key
                    break
    except DatabaseError:
        logger.warning("Per-client upload slots unavailable; checking without them")
        yield True
        return
    try:
        yield held is not None
    finally:
        if held is not None:
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [_CLIENT_LOCKS, held])


def check_upload(
    data: bytes,
    *,
    name: str = "",
    limits: Limits | None = None,
    usage: Usage | None = None,
    client: str = "",
) -> Normalized:
    """``normalize_upload`` in a limited child process; raises AttachmentError as it does, plus
    ``busy`` (no free slot for this client or this process), ``too_slow`` (CPU budget used up)
    and ``too_big`` (memory). ``client``: the sender's address (cases.clientip.client_key)."""
    from decision_aid.documents.attachments import precheck

    limits = limits or Limits.from_settings()
    usage = usage or Usage()
    if not settings.UPLOAD_WORKER_ISOLATED:
        from decision_aid.documents.attachments import normalize_upload

        return normalize_upload(data, name=name, limits=limits, usage=usage)
    # The cheap checks first, here: a file refused by its size or type takes no slot.
    precheck(data, name=name, limits=limits, usage=usage)
    suspect = client_keeps_failing(client)
    with client_slot(client) as free:
        if not free:
            logger.warning("Upload refused: this client has every one of its upload slots")
            raise _busy()
        try:
            if not settings.UPLOAD_FAIR_SHARES:
                return _check_in_turn(data, name=name, limits=limits, usage=usage)
            return _check_fairly(
                data, name=name, limits=limits, usage=usage, client=client, suspect=suspect
            )
        except AttachmentError as refused:
            if refused.code != "busy":
                _count_failure(client)
            raise


# --- fair shares of the check slots ----------------------------------------------------------
def _failure_rate() -> Any:
    from decision_aid.cases import throttle

    return throttle.Rate.parse(settings.UPLOAD_FAILURES_RATE)


def client_keeps_failing(client: str) -> bool:
    """This client's files were refused by the check UPLOAD_FAILURES_RATE times lately (2 in 15
    minutes): its next uploads wait behind everybody else's. One indexed read."""
    from decision_aid.cases import throttle

    if not client or not settings.UPLOAD_FAIR_SHARES:
        return False
    rate = _failure_rate()
    try:
        return throttle.count(f"upload-fail:{client}", rate) >= rate.limit
    except DatabaseError:
        return False  # the counters are away: checked as anybody's


def _count_failure(client: str) -> None:
    from decision_aid.cases import throttle

    if client:
        with contextlib.suppress(DatabaseError):
            throttle.hit(f"upload-fail:{client}", _failure_rate())


class FairGate:
    """Who gets this web process's next upload check (UPLOAD_WORKER_CONCURRENCY at once).

    Each upload has a place in line: the clients that sent the fewest uploads here in the last
    UPLOAD_FAIR_WINDOW_SECONDS (60) first, then the oldest. So a person's first photo goes
    before the next file of someone who has been sending one after another, whatever order
    they came in.
    - A free slot with nobody waiting: the upload runs at once.
    - Otherwise it waits, at most UPLOAD_WORKER_WAIT_SECONDS, with at most UPLOAD_WORKER_QUEUE
      waiting (a waiting upload holds a web thread). When the line is full, a newcomer with a
      better place takes the place of the last one, who is told "try again" at once.
    - A client whose files keep failing (``suspect``: documents.sandbox.client_keeps_failing),
      that already has an upload running or waiting here (a person's files come one after
      the other), or that sent more than UPLOAD_FAIR_HEAVY uploads here in the window (10: a
      person adds at most 10 files to a case), is limited: it never waits, and runs only
      when nobody waits and no other check runs (of 2 slots it takes 1, the other stays
      free for the next person).
    Before, the first to come took the slots and the line: 16 hostile addresses sending bombs
    held both, and 49 of 50 people's photos got "try again" (503)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.running = 0
        self._waiting: list[list[Any]] = []  # [place, ticket number, client, evicted]
        self._seq = 0
        self._recent: dict[str, list[float]] = {}
        self._active: dict[str, int] = {}  # uploads per client running or waiting here

    def _arrive(self, client: str, now: float) -> int:
        """Note one more upload from ``client``; how many it sent here in the window."""
        window = settings.UPLOAD_FAIR_WINDOW_SECONDS
        times = [t for t in self._recent.get(client, []) if now - t < window][-999:]
        times.append(now)
        self._recent[client] = times
        if len(self._recent) > 10_000:  # forget the quiet ones
            for key in [k for k, v in self._recent.items() if now - v[-1] >= window]:
                del self._recent[key]
        return len(times)

    def enter(self, client: str, *, suspect: bool, slots: int, queue: int, wait: float) -> bool:
        now = time.monotonic()
        with self._cond:
            sent = self._arrive(client, now)
            # Already one upload of this client running or waiting here: a person sends one
            # at a time (the files of one request are checked one after the other).
            crowding = self._active.get(client, 0) > 0
            if suspect or crowding or sent > settings.UPLOAD_FAIR_HEAVY:
                # Only into a slot nobody else needs: nobody waits, and (of 2) the other slot
                # stays free for the next person.
                allowed = not self._waiting and self.running < max(slots - 1, 1)
                if allowed:
                    self.running += 1
                    self._active[client] = self._active.get(client, 0) + 1
                return allowed
            if self.running < slots and not self._waiting:
                self.running += 1
                self._active[client] = self._active.get(client, 0) + 1
                return True
            self._seq += 1
            ticket = [(sent, self._seq), self._seq, client, False]
            if len(self._waiting) >= queue:
                last = max(self._waiting, key=lambda t: t[0]) if self._waiting else None
                if last is None or last[0] <= ticket[0]:
                    return False
                last[3] = True  # told to try again; it leaves when it wakes
                self._waiting.remove(last)
            self._waiting.append(ticket)
            self._active[client] = self._active.get(client, 0) + 1
            self._cond.notify_all()
            deadline = now + wait
            while True:
                if ticket[3]:
                    self._gone(client)
                    return False
                if self.running < slots and min(self._waiting, key=lambda t: t[0]) is ticket:
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    self._waiting.remove(ticket)
                    self._gone(client)
                    self._cond.notify_all()
                    return False
                self._cond.wait(left)
            self._waiting.remove(ticket)
            self.running += 1
            self._cond.notify_all()
            return True

    def _gone(self, client: str) -> None:
        self._active[client] -= 1
        if not self._active[client]:
            del self._active[client]

    def leave(self, client: str) -> None:
        with self._cond:
            self._gone(client)
            self.running -= 1
            self._cond.notify_all()


_gate = FairGate()


def _check_fairly(
    data: bytes, *, name: str, limits: Limits, usage: Usage, client: str, suspect: bool
) -> Normalized:
    entered = _gate.enter(
        client,
        suspect=suspect,
        slots=settings.UPLOAD_WORKER_CONCURRENCY,
        queue=settings.UPLOAD_WORKER_QUEUE,
        wait=settings.UPLOAD_WORKER_WAIT_SECONDS,
    )
    if not entered:
        logger.warning(
            "Upload refused: %s",
            "a client whose files keep failing, behind the others"
            if suspect
            else "no upload worker slot came free in time",
        )
        raise _busy()
    try:
        return _run_child(data, name=name, limits=limits, usage=usage)
    finally:
        _gate.leave(client)


def _check_in_turn(data: bytes, *, name: str, limits: Limits, usage: Usage) -> Normalized:
    """First come, first served (UPLOAD_FAIR_SHARES=0; how it was, for comparison)."""
    admit = admissions()
    if not admit.acquire(blocking=False):
        logger.warning("Upload refused: every upload worker slot and queue place is taken")
        raise _busy()
    try:
        gate = slots()
        if not gate.acquire(timeout=settings.UPLOAD_WORKER_WAIT_SECONDS):
            logger.warning("Upload refused: no upload worker slot came free in time")
            raise _busy()
        try:
            return _run_child(data, name=name, limits=limits, usage=usage)
        finally:
            gate.release()
    finally:
        admit.release()


def _exchange(
    header: dict[str, Any], data: bytes, *, wall: float, render: bool = False
) -> tuple[Any, bytes, float]:
    """Send one job to the helper (an upload) or to its render workers (``render``); the
    answer (None when the child gave none), the bytes after the answer line, and the seconds
    it took. TimeoutError after `wall` seconds."""
    payload = json.dumps(header).encode() + b"\n" + data
    started = time.monotonic()
    helper = _helper()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(wall)
        conn.connect(helper.render_address if render else helper.address)
        conn.sendall(payload)
        conn.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := conn.recv(1 << 16):
            chunks.append(chunk)
        answer = b"".join(chunks)
    head, sep, body = answer.partition(b"\n")
    try:
        result = json.loads(head) if sep else None
    except ValueError:
        result = None
    return result, body, time.monotonic() - started


def _run_child(data: bytes, *, name: str, limits: Limits, usage: Usage) -> Normalized:
    header = {
        "job": "upload",
        "name": name[:200],
        "limits": dataclasses.asdict(limits),
        "usage": dataclasses.asdict(usage),
        "language": translation.get_language() or settings.LANGUAGE_CODE,
        "cpu_seconds": settings.UPLOAD_WORKER_CPU_SECONDS,
        "memory_mb": settings.UPLOAD_WORKER_MEMORY_MB,
        "nice": settings.UPLOAD_WORKER_NICE,
    }
    try:
        result, body, took = _exchange(
            header, data, wall=settings.UPLOAD_WORKER_CPU_SECONDS * 2 + 10
        )
    except TimeoutError as exc:
        logger.warning("Upload refused: the upload worker ran out of time")
        raise _too_slow() from exc
    except OSError as exc:
        logger.warning("Upload refused: the upload worker could not be reached (%s)", exc)
        raise _unreadable() from exc
    if result is None:
        # No answer: the kernel stopped the child (CPU limit: SIGXCPU, then SIGKILL), or it
        # crashed. A child that ran for its whole CPU budget was stopped for time.
        if took >= settings.UPLOAD_WORKER_CPU_SECONDS:
            logger.warning("Upload refused: the upload worker hit its CPU limit")
            raise _too_slow()
        logger.warning("Upload refused: the upload worker gave no answer")
        raise _unreadable()
    if "error" in result:
        code = result["error"]
        if code == "too_big":
            raise _too_big()
        if code == "too_slow":
            raise _too_slow()
        raise AttachmentError(result["message"], code)
    return Normalized(
        kind=result["kind"],
        pdf=body,
        page_count=int(result["page_count"]),
        size=int(result["size"]),
        notices=tuple(result["notices"]),
    )


# --- renders: the PDF and the .docx ------------------------------------------------------
class RenderError(AttachmentError):
    """A render that was refused (busy) or stopped (time, memory), with the message to show.
    An AttachmentError too, so the upload page shows it for typed text like any refusal."""


def _render_busy() -> RenderError:
    return RenderError(
        _("We are making many documents right now. Your answers are saved. Try again in a minute."),
        "busy",
    )


def _render_too_slow() -> RenderError:
    return RenderError(
        _(
            "Making this document took too long, so we stopped. Your answers are saved. Try "
            "again in a minute. If it happens again, make the texts you typed shorter."
        ),
        "too_slow",
    )


def _render_too_big() -> RenderError:
    return RenderError(
        _(
            "Making this document needed too much memory, so we stopped. Your answers are "
            "saved. If it happens again, remove a large attachment or make the texts you typed "
            "shorter."
        ),
        "too_big",
    )


def _render_failed() -> RenderError:
    return RenderError(
        _("Making the PDF did not work. Your answers are saved. Try again in a minute."),
        "failed",
    )


def render_slots() -> threading.BoundedSemaphore:
    """The per-process cap on concurrent renders (apart from the upload slots)."""
    return _semaphore("render", settings.RENDER_WORKER_CONCURRENCY)


def render_pdf_isolated(
    html: str, attachments: list[bytes] = (), stamps: list[str] = (), *, assemble: bool = True
) -> bytes:
    """``render.pdf_from_html`` in a limited child: WeasyPrint, then (``assemble``) the
    attachments' pages with their stamps. Raises RenderError."""
    parts = [html.encode(), *attachments]
    header = {
        "job": "pdf",
        "sizes": [len(p) for p in parts],
        "stamps": list(stamps),
        "assemble": assemble,
    }
    return _render(header, parts)


def render_docx_isolated(html: str, *, title: str, author: str) -> bytes:
    """``docx.docx_from_html`` in a limited child. Raises RenderError."""
    part = html.encode()
    header = {"job": "docx", "sizes": [len(part)], "title": title, "author": author}
    return _render(header, [part])


def _render(header: dict[str, Any], parts: list[bytes]) -> bytes:
    header.update(
        cpu_seconds=settings.RENDER_WORKER_CPU_SECONDS,
        memory_mb=settings.RENDER_WORKER_MEMORY_MB,
        nice=settings.RENDER_WORKER_NICE,
    )
    gate = render_slots()
    if not gate.acquire(timeout=settings.RENDER_WORKER_WAIT_SECONDS):
        logger.warning("Render refused: no render slot came free in time")
        raise _render_busy()
    try:
        result, body, took = _exchange(
            header,
            b"".join(parts),
            wall=settings.RENDER_WORKER_CPU_SECONDS * 2 + 10,
            render=True,
        )
    except TimeoutError as exc:
        logger.warning("Render stopped: the render worker ran out of time")
        raise _render_too_slow() from exc
    except OSError as exc:
        logger.warning("Render failed: the render worker could not be reached (%s)", exc)
        raise _render_failed() from exc
    finally:
        gate.release()
    if result is None:
        if took >= settings.RENDER_WORKER_CPU_SECONDS:
            logger.warning("Render stopped: the render worker hit its CPU limit")
            raise _render_too_slow()
        logger.warning("Render failed: the render worker gave no answer")
        raise _render_failed()
    if "error" in result:
        code = result["error"]
        logger.warning("Render stopped or failed in the render worker: %s", code)
        raise {"too_slow": _render_too_slow, "too_big": _render_too_big}.get(code, _render_failed)()
    return body


class _Helper:
    """This web process's helper: started on first use, again if it died or we were forked."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="upload-worker-")  # mode 0700: ours alone
        self.address = os.path.join(self.folder, "socket")
        self.render_address = self.address + ".render"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": str(BASE_DIR),
            "LANG": "C.UTF-8",
            # No secrets, no database: the children get the bytes and the limits only. Under
            # `make coverage` the measurement's own settings follow the helper (no secret).
            **{k: v for k, v in os.environ.items() if k.startswith("COVERAGE_")},
        }
        self.owner = os.getpid()
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [
                sys.executable,
                *("-m", "decision_aid.documents.sandbox", "--serve", self.address),
                str(max(settings.RENDER_WORKER_CONCURRENCY, 1)),
            ],
            stdin=subprocess.PIPE,  # closes when this process ends: the helper then ends too
            env=env,
            cwd=str(BASE_DIR),
        )
        deadline = time.monotonic() + 30
        while not os.path.exists(self.address):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()  # its pipe closed and its folder removed: nothing left behind
                raise OSError("the upload helper did not start")
            time.sleep(0.01)

    def alive(self) -> bool:
        return self.owner == os.getpid() and self.process.poll() is None

    def stop(self) -> None:
        """Close its stdin (it then ends) and wait for it; at exit of this process."""
        if self.owner != os.getpid():
            return
        try:
            self.process.stdin.close()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


_helper_lock = threading.Lock()
_helper_now: _Helper | None = None


def _helper() -> _Helper:
    global _helper_now
    with _helper_lock:
        if _helper_now is None or not _helper_now.alive():
            if _helper_now is None:
                atexit.register(lambda: _helper_now and _helper_now.stop())
            else:
                _helper_now.stop()  # it died: close our end of its pipe, remove its folder
            _helper_now = _Helper()
        return _helper_now


_prestarted: int | None = None


def prestart(**kwargs: Any) -> None:
    """On a web process's first request (signal request_started): start its helper in a
    background thread. The helper takes 2-4 s to start (it loads WeasyPrint and renders once);
    started lazily by the first upload, that upload held a check slot meanwhile and the ones
    behind it were told "busy" (the load test). Once per process, also after a fork."""
    global _prestarted
    if _prestarted == os.getpid():
        return
    _prestarted = os.getpid()
    if settings.UPLOAD_WORKER_ISOLATED or settings.RENDER_WORKER_ISOLATED:
        threading.Thread(target=_start_quietly, name="sandbox-prestart", daemon=True).start()


def _start_quietly() -> None:
    try:
        _helper()
    except OSError as exc:  # the first upload or render tries again, and says so if it fails
        logger.warning("The upload and render helper did not start in advance (%s)", exc)


# --- the helper and its children ---------------------------------------------------------
def _limit_self(cpu_seconds: int, memory_mb: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def _job(conn: socket.socket) -> None:
    """In a forked child: read one upload from ``conn``, limit itself, check it, answer."""
    reader = conn.makefile("rb")
    job = json.loads(reader.readline(64 * 1024))
    _limit_self(int(job["cpu_seconds"]), int(job["memory_mb"]))
    if int(job.get("nice", 0)) > 0:
        os.nice(int(job["nice"]))

    def out_of_time(signum: int, frame: Any) -> None:  # at the soft CPU limit (SIGXCPU)
        conn.sendall(json.dumps({"error": "too_slow", "message": ""}).encode() + b"\n")
        os._exit(0)

    signal.signal(signal.SIGXCPU, out_of_time)
    _upload_job(conn, job, reader.read())


def _upload_job(conn: socket.socket, job: dict[str, Any], data: bytes) -> None:
    from decision_aid.documents.attachments import normalize_upload

    translation.activate(job["language"])
    try:
        item = normalize_upload(
            data, name=job["name"], limits=Limits(**job["limits"]), usage=Usage(**job["usage"])
        )
    except AttachmentError as exc:
        if isinstance(exc.__cause__, MemoryError):
            answer = {"error": "too_big", "message": ""}
        else:
            answer = {"error": exc.code, "message": exc.message}
        conn.sendall(json.dumps(answer).encode() + b"\n")
        return
    except MemoryError:
        conn.sendall(json.dumps({"error": "too_big", "message": ""}).encode() + b"\n")
        return
    result = {
        "kind": item.kind,
        "page_count": item.page_count,
        "size": item.size,
        "notices": list(item.notices),
    }
    conn.sendall(json.dumps(result).encode() + b"\n" + item.pdf)


def _render_job(conn: socket.socket, job: dict[str, Any], data: bytes) -> bool:
    parts, at = [], 0
    for size in job["sizes"]:
        parts.append(data[at : at + size])
        at += size
    html = parts[0].decode()
    try:
        if job["job"] == "pdf":
            from decision_aid.documents.render import pdf_from_html

            out = pdf_from_html(
                html, parts[1:], job["stamps"], assemble=job["assemble"], fetcher=None
            )
        else:
            from decision_aid.documents.docx import docx_from_html

            out = docx_from_html(html, title=job["title"], author=job["author"])
    except MemoryError:
        conn.sendall(json.dumps({"error": "too_big"}).encode() + b"\n")
        return False
    except Exception:
        conn.sendall(json.dumps({"error": "failed"}).encode() + b"\n")
        return False
    conn.sendall(json.dumps({"size": len(out)}).encode() + b"\n" + out)
    return True


RENDER_JOBS_PER_WORKER = 200  # then the worker ends and a fresh one is forked (no slow growth)


def _render_worker(listener: socket.socket, helper: int) -> None:
    """A render worker: take jobs from the render socket until RENDER_JOBS_PER_WORKER are done,
    a job used up its budget, or the helper is gone."""
    import select

    for _done in range(RENDER_JOBS_PER_WORKER):
        conn = None
        while conn is None:
            ready, _w, _x = select.select([listener], [], [], 1.0)
            if os.getppid() != helper:
                return  # the helper has ended
            if ready:
                try:
                    conn, _addr = listener.accept()  # another worker may have been faster
                except (BlockingIOError, InterruptedError):
                    conn = None
        conn.setblocking(True)
        with conn:
            if not _render_in_budget(conn):
                return


def _render_in_budget(conn: socket.socket) -> bool:
    """One render job with its own CPU, memory and time budget; False when this worker should
    end (the job failed or left the worker large)."""
    import resource

    reader = conn.makefile("rb")
    job = json.loads(reader.readline(64 * 1024))
    cpu_seconds, memory = int(job["cpu_seconds"]), int(job["memory_mb"]) * 1024 * 1024
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(used.ru_utime + used.ru_stime) + 1 + cpu_seconds
    for limit, value in ((resource.RLIMIT_CPU, soft), (resource.RLIMIT_AS, memory)):
        # Only the soft limit moves, per job; the hard one stays as inherited (an unprivileged
        # process could not raise it again for the next job).
        hard = resource.getrlimit(limit)[1]
        resource.setrlimit(
            limit, (value if hard == resource.RLIM_INFINITY else min(value, hard), hard)
        )
    if int(job.get("nice", 0)) > os.nice(0):
        os.nice(int(job["nice"]) - os.nice(0))

    def out_of_time(signum: int, frame: Any) -> None:  # at the soft CPU limit (SIGXCPU)
        conn.sendall(json.dumps({"error": "too_slow", "message": ""}).encode() + b"\n")
        os._exit(0)

    signal.signal(signal.SIGXCPU, out_of_time)
    signal.alarm(cpu_seconds * 2 + 5)  # waiting, not computing: SIGALRM ends the worker
    try:
        ok = _render_job(conn, job, reader.read())
    finally:
        signal.alarm(0)
    pages = int(Path("/proc/self/statm").read_text().split()[0])
    return ok and pages * os.sysconf("SC_PAGE_SIZE") < memory * 0.7


# What the helper renders once before it forks: the kinds of text a letter has (both font
# weights, headings, lists, a table), so their fonts and glyphs are loaded in every child.
_WARM_UP = (
    "<html lang=nl><head><title>Brief</title></head><body><main><h1>Verzoek Ä</h1>"
    "<h2>Datum: 30-11-2026</h2><h3>Bijlage 1 – advies</h3><p>Geachte heer/mevrouw, "
    "<strong>vet</strong> <em>schuin</em> <small>klein</small> 0123456789 €.</p>"
    "<ul><li>één</li></ul><ol><li>twee</li></ol><dl><dt>a</dt><dd>b</dd></dl>"
    "<table><tr><th>kop</th><td>cel</td></tr></table></main></body></html>"
)


def serve(address: str, render_workers: int = 2) -> int:
    """The helper: load the libraries once, then fork a limited child per upload, and keep
    ``render_workers`` render workers running."""
    import resource
    import select

    import django
    from django.conf import settings as child_settings

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    child_settings.configure(
        BASE_DIR=BASE_DIR,
        USE_I18N=True,
        LANGUAGE_CODE="nl",
        LANGUAGES=[("nl", "Nederlands"), ("en", "English")],
        LOCALE_PATHS=[BASE_DIR / "locale"],
        INSTALLED_APPS=[],
        LOGGING_CONFIG=None,
    )
    django.setup()
    # Load what the children use, once: each child starts with it in place.
    import pikepdf  # noqa: F401
    import pillow_heif  # noqa: F401
    import pypdf  # noqa: F401
    from PIL import Image, JpegImagePlugin, PngImagePlugin  # noqa: F401

    import decision_aid.documents.attachments  # noqa: F401
    from decision_aid.documents import docx as _docx
    from decision_aid.documents import render as _render_module

    # WeasyPrint, the print style and its fonts, and one small PDF and .docx: made once here,
    # so every forked child starts with them ready (a render in a child then costs what it
    # costs in the web process, plus the fork).
    _render_module.pdf_from_html(_WARM_UP, [], [])
    _docx.docx_from_html(_WARM_UP, title="-", author="-")
    from decision_aid.documents.assemble import warm_stamp_font

    warm_stamp_font()  # the enclosures' stamp font, cut down once for every letter

    for language in ("nl", "en"):
        translation.activate(language)
        str(_("This file is empty. Choose the file again."))  # the catalogues, loaded
    translation.deactivate()
    # Out of the garbage collector's sight (as startup.settle does in the web process): its
    # passes in a child then neither walk nor touch (and so copy) the helper's loaded objects.
    gc.collect()
    gc.freeze()

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    renders = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    renders.bind(address + ".render")
    renders.listen(64)
    renders.setblocking(False)  # several workers wait on it; only one gets each job
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address + ".new")
    listener.listen(64)
    helper = os.getpid()
    workers: set[int] = set()

    def keep_workers() -> None:
        """Fork a render worker for each one that has ended (or not started yet)."""
        for pid in list(workers):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                workers.discard(pid)
        while len(workers) < render_workers:
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    listener.close()
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    _render_worker(renders, helper)
                except BaseException:
                    code = 1
                finally:
                    os._exit(code)
            workers.add(pid)

    keep_workers()
    os.rename(address + ".new", address)  # appears only once everything is listening
    parent = sys.stdin.buffer
    try:
        while True:
            ready, _w, _x = select.select([listener, parent], [], [], 0.5)
            keep_workers()
            if parent in ready and not os.read(parent.fileno(), 1):
                return 0  # the web process has ended
            if listener not in ready:
                continue
            conn, _addr = listener.accept()
            if os.fork() == 0:
                code = 0
                try:
                    listener.close()
                    renders.close()
                    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                    _job(conn)
                except BaseException:
                    code = 1
                finally:
                    os._exit(code)
            conn.close()
    finally:
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)


if __name__ == "__main__":
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--serve":
        sys.exit(serve(sys.argv[2], *(int(n) for n in sys.argv[3:])))
    sys.exit(2)
