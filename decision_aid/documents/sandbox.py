"""Check an upload in a separate, limited process (the hard budget on upload work).

A hostile file (a 185 KB PDF with 20,000 pages, a small PNG that decodes to 600 MB) must not
take the web process with it: gunicorn's timeout does not stop a threaded request. So every
upload is checked and converted (``attachments.normalize_upload``) in a child process that sets
its own limits before it reads a byte:

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

Protocol: the parent writes one JSON line (name, limits, usage, language) then the file's bytes
to the child's stdin; the child writes one JSON line (the result or the refusal) then the PDF.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

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
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(BASE_DIR),
        "LANG": "C.UTF-8",
        # No secrets, no database: the child gets the bytes and the limits only.
    }
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            [sys.executable, "-m", "decision_aid.documents.sandbox"],
            input=payload,
            capture_output=True,
            timeout=settings.UPLOAD_WORKER_CPU_SECONDS * 2 + 10,
            env=env,
            cwd=str(BASE_DIR),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        logger.warning("Upload refused: the upload worker ran out of time")
        raise _too_slow() from exc
    if done.returncode != 0:
        # Killed by the kernel at the CPU limit (SIGXCPU, then SIGKILL), or a crash.
        if done.returncode in (-9, -24, 128 + 9, 128 + 24):
            logger.warning("Upload refused: the upload worker hit its CPU limit")
            raise _too_slow()
        logger.warning("Upload refused: the upload worker failed (exit %s)", done.returncode)
        raise _unreadable()
    head, _sep, body = done.stdout.partition(b"\n")
    try:
        result = json.loads(head)
    except ValueError as exc:
        logger.warning("Upload refused: the upload worker gave no answer")
        raise _unreadable() from exc
    if "error" in result:
        code = result["error"]
        if code == "too_big":
            raise _too_big()
        raise AttachmentError(result["message"], code)
    return Normalized(
        kind=result["kind"],
        pdf=body,
        page_count=int(result["page_count"]),
        size=int(result["size"]),
        notices=tuple(result["notices"]),
    )


# --- the child --------------------------------------------------------------------------
def _limit_self(cpu_seconds: int, memory_mb: int, nice: int = 0) -> None:
    import resource

    if nice > 0:
        os.nice(nice)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def child_main() -> int:
    stdin = sys.stdin.buffer
    head = stdin.readline(64 * 1024)
    job = json.loads(head)
    _limit_self(int(job["cpu_seconds"]), int(job["memory_mb"]), int(job.get("nice", 0)))
    data = stdin.read()

    import django
    from django.conf import settings as child_settings

    child_settings.configure(
        USE_I18N=True,
        LANGUAGE_CODE="nl",
        LANGUAGES=[("nl", "Nederlands"), ("en", "English")],
        LOCALE_PATHS=[BASE_DIR / "locale"],
        INSTALLED_APPS=[],
        LOGGING_CONFIG=None,
    )
    django.setup()
    from decision_aid.documents.attachments import normalize_upload

    translation.activate(job["language"])
    out = sys.stdout.buffer
    try:
        item = normalize_upload(
            data,
            name=job["name"],
            limits=Limits(**job["limits"]),
            usage=Usage(**job["usage"]),
        )
    except AttachmentError as exc:
        if isinstance(exc.__cause__, MemoryError):
            out.write(json.dumps({"error": "too_big", "message": ""}).encode() + b"\n")
        else:
            out.write(json.dumps({"error": exc.code, "message": exc.message}).encode() + b"\n")
        return 0
    except MemoryError:
        out.write(json.dumps({"error": "too_big", "message": ""}).encode() + b"\n")
        return 0
    result = {
        "kind": item.kind,
        "page_count": item.page_count,
        "size": item.size,
        "notices": list(item.notices),
    }
    out.write(json.dumps(result).encode() + b"\n")
    out.write(item.pdf)
    return 0


if __name__ == "__main__":
    sys.exit(child_main())
