"""Check an upload in a separate, limited process (the hard budget on upload work).

A hostile file (a 185 KB PDF with 20,000 pages, a small PNG that decodes to 600 MB) must not
take the web process with it: gunicorn's timeout does not stop a threaded request. So every
upload is checked and converted (``attachments.normalize_upload``) in a child process that sets
its own limits before it reads the file:

- ``RLIMIT_CPU``: UPLOAD_WORKER_CPU_SECONDS of CPU; the kernel stops it after that;
- ``RLIMIT_AS``: UPLOAD_WORKER_MEMORY_MB of address space; a bigger allocation fails;
- a wall-clock timeout in the parent (the CPU budget plus start-up) for a child that waits.

At most UPLOAD_WORKER_CONCURRENCY children run per web process at once (a semaphore), at a lower
CPU priority (nice UPLOAD_WORKER_NICE) so wizard pages go first. At most UPLOAD_WORKER_QUEUE more
uploads may wait for a turn, for up to UPLOAD_WORKER_WAIT_SECONDS; any further upload is told
to try again at once. A waiting upload holds one of the web process's threads, and the load test
with hostile uploaders showed what happens without this cap: every thread waited for a turn and
the wizard stalled for seconds. The child gets no secrets, no database and only the bytes of the
file (see docs/security.md).

How: each web process starts one helper process (``python -m decision_aid.documents.sandbox
--serve``) with an empty environment (no secrets, no database URL). The helper loads the PDF and
image libraries once, listens on a Unix socket in a private folder, and forks a fresh child for
every upload; the child sets its limits, does the work and exits. Forking the ready helper costs
milliseconds, where starting Python and its libraries per upload cost 0.3-0.5 s (measured). The
helper ends when its web process does (its stdin closes).

Protocol on the socket: the web process sends one JSON line (name, limits, usage, language,
budget) then the file's bytes and closes its sending side; the child answers one JSON line (the
result or the refusal) then the PDF.
"""

from __future__ import annotations

import atexit
import dataclasses
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
from pathlib import Path
from typing import Any

from django.conf import settings
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


def check_upload(
    data: bytes, *, name: str = "", limits: Limits | None = None, usage: Usage | None = None
) -> Normalized:
    """``normalize_upload`` in a limited child process; raises AttachmentError as it does, plus
    ``busy`` (no free slot), ``too_slow`` (CPU budget used up) and ``too_big`` (memory)."""
    limits = limits or Limits.from_settings()
    usage = usage or Usage()
    if not settings.UPLOAD_WORKER_ISOLATED:
        from decision_aid.documents.attachments import normalize_upload

        return normalize_upload(data, name=name, limits=limits, usage=usage)
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


def _run_child(data: bytes, *, name: str, limits: Limits, usage: Usage) -> Normalized:
    header = {
        "name": name[:200],
        "limits": dataclasses.asdict(limits),
        "usage": dataclasses.asdict(usage),
        "language": translation.get_language() or settings.LANGUAGE_CODE,
        "cpu_seconds": settings.UPLOAD_WORKER_CPU_SECONDS,
        "memory_mb": settings.UPLOAD_WORKER_MEMORY_MB,
        "nice": settings.UPLOAD_WORKER_NICE,
    }
    payload = json.dumps(header).encode() + b"\n" + data
    wall = settings.UPLOAD_WORKER_CPU_SECONDS * 2 + 10
    started = time.monotonic()
    answer = b""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(wall)
            conn.connect(_helper().address)
            conn.sendall(payload)
            conn.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := conn.recv(1 << 16):
                chunks.append(chunk)
            answer = b"".join(chunks)
    except TimeoutError as exc:
        logger.warning("Upload refused: the upload worker ran out of time")
        raise _too_slow() from exc
    except OSError as exc:
        logger.warning("Upload refused: the upload worker could not be reached (%s)", exc)
        raise _unreadable() from exc
    head, sep, body = answer.partition(b"\n")
    try:
        result = json.loads(head) if sep else None
    except ValueError:
        result = None
    if result is None:
        # No answer: the kernel stopped the child (CPU limit: SIGXCPU, then SIGKILL), or it
        # crashed. A child that ran for its whole CPU budget was stopped for time.
        if time.monotonic() - started >= settings.UPLOAD_WORKER_CPU_SECONDS:
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


class _Helper:
    """This web process's helper: started on first use, again if it died or we were forked."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="upload-worker-")  # mode 0700: ours alone
        self.address = os.path.join(self.folder, "socket")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": str(BASE_DIR),
            "LANG": "C.UTF-8",
            # No secrets, no database: the children get the bytes and the limits only.
        }
        self.owner = os.getpid()
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "decision_aid.documents.sandbox", "--serve", self.address],
            stdin=subprocess.PIPE,  # closes when this process ends: the helper then ends too
            env=env,
            cwd=str(BASE_DIR),
        )
        deadline = time.monotonic() + 30
        while not os.path.exists(self.address):
            if self.process.poll() is not None or time.monotonic() > deadline:
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


# --- the helper and its children ---------------------------------------------------------
def _limit_self(cpu_seconds: int, memory_mb: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def _job(conn: socket.socket) -> None:
    """In a forked child: read one upload from ``conn``, limit itself, check it, answer."""
    from decision_aid.documents.attachments import normalize_upload

    reader = conn.makefile("rb")
    job = json.loads(reader.readline(64 * 1024))
    _limit_self(int(job["cpu_seconds"]), int(job["memory_mb"]))
    if int(job.get("nice", 0)) > 0:
        os.nice(int(job["nice"]))

    def out_of_time(signum: int, frame: Any) -> None:  # at the soft CPU limit (SIGXCPU)
        conn.sendall(json.dumps({"error": "too_slow", "message": ""}).encode() + b"\n")
        os._exit(0)

    signal.signal(signal.SIGXCPU, out_of_time)
    data = reader.read()
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


def serve(address: str) -> int:
    """The helper: load the libraries once, then fork a limited child per connection."""
    import resource
    import select

    import django
    from django.conf import settings as child_settings

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    child_settings.configure(
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

    for language in ("nl", "en"):
        translation.activate(language)
        str(_("This file is empty. Choose the file again."))  # the catalogues, loaded
    translation.deactivate()

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address + ".new")
    os.rename(address + ".new", address)  # appears only once it is listening
    listener.listen(64)
    parent = sys.stdin.buffer
    while True:
        ready, _w, _x = select.select([listener, parent], [], [])
        if parent in ready and not os.read(parent.fileno(), 1):
            return 0  # the web process has ended
        if listener not in ready:
            continue
        conn, _addr = listener.accept()
        if os.fork() == 0:
            code = 0
            try:
                listener.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _job(conn)
            except BaseException:  # noqa: BLE001 - a child must never return into the loop
                code = 1
            finally:
                os._exit(code)
        conn.close()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        sys.exit(serve(sys.argv[2]))
    sys.exit(2)
