"""A private PostgreSQL cluster and the app under gunicorn, for the fault tests.

The cluster is made with initdb on a temporary folder and a free port (loopback only), so a
test can really stop and start the database server without touching anyone else's. The app
runs as in production (DJANGO_DEBUG=0, gunicorn, collected static files). A tiny HTTP client
with a cookie jar walks the wizard like a browser without JavaScript.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
BIN = Path(sys.executable).parent
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb and pg_ctl refuse to run as root: run them as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@dataclass
class PgCluster:
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", "30", *args]),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        opts = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off"
        self._ctl("-o", opts, "-l", str(self.data / "server.log"), "start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")

    @classmethod
    def create(cls, base: Path) -> PgCluster:
        base.mkdir(parents=True, exist_ok=True)
        data = base / "pgdata"
        if os.geteuid() == 0:
            shutil.chown(base, "postgres")
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-N"]
            ),
            check=True,
            capture_output=True,
        )
        cluster = cls(data=data, port=free_port())
        cluster.start()
        return cluster


@dataclass
class AppServer:
    port: int
    env: dict[str, str]
    proc: subprocess.Popen | None = None
    log: Path | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, workers: int = 1, threads: int = 2) -> None:
        assert self.log is not None
        with self.log.open("ab") as log:
            self.proc = self._spawn(workers, threads, log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/privacy/", timeout=2):  # noqa: S310
                    return
            except (OSError, urllib.error.HTTPError):
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start: " + self.log.read_text()[-2000:])

    def _spawn(self, workers: int, threads: int, log: Any) -> subprocess.Popen:
        return subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "decision_aid.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(threads),
                "--timeout",
                "30",
                "--graceful-timeout",
                "2",
            ],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def worker_pids(self) -> list[int]:
        assert self.proc is not None
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.proc.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return [int(p) for p in out.split()]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)


# Connections idle longer than this are pinged before use (decision_aid/db/postgresql).
HEALTH_CHECK_IDLE_SECONDS = 1.0


def production_env(*, database_url: str, tmp: Path) -> dict[str, str]:
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="fault-tests-" + "x" * 50,
        DJANGO_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        DJANGO_SEARCH_INDEX_KEY="fault-tests-search-index-" + "y" * 20,
        DJANGO_KEK_DIR=str(tmp / "keys"),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        DJANGO_CONN_MAX_AGE="600",
        DJANGO_DB_HEALTH_CHECK_IDLE_SECONDS=str(HEALTH_CHECK_IDLE_SECONDS),
        DJANGO_UPLOAD_ROOT=str(tmp / "uploads"),
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        DJANGO_LOG_LEVEL="CRITICAL",
        DJANGO_SETTINGS_MODULE="decision_aid.settings",
        PYTHONUNBUFFERED="1",
    )
    return env


@dataclass
class Browser:
    """A browser without JavaScript: cookies, CSRF tokens from the page, redirects followed."""

    base: str
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)
    last_html: str = ""
    last_url: str = ""

    def __post_init__(self) -> None:
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _open(self, request: urllib.request.Request, timeout: float) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=timeout) as response:
                status, body, url = response.status, response.read(), response.geturl()
        except urllib.error.HTTPError as error:
            status, body, url = error.code, error.read(), error.geturl()
        self.last_html = body.decode("utf-8", "replace")
        self.last_url = urllib.parse.urlsplit(url).path
        return status, self.last_html

    def get(self, path: str, timeout: float = 15) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path), timeout)  # noqa: S310

    def post(self, path: str, data: dict[str, object], timeout: float = 15) -> tuple[int, str]:
        match = CSRF_RE.search(self.last_html)
        assert match, "no CSRF token on the last page"
        payload = {"csrfmiddlewaretoken": match.group(1), **data}
        body = urllib.parse.urlencode(payload, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST")  # noqa: S310
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        return self._open(request, timeout)


def answer(browser: Browser, step: str, data: dict[str, object]) -> tuple[int, str]:
    """POST one wizard page from the page the browser is on."""
    payload: dict[str, object] = {"intake_wizard-current_step": step}
    payload.update({f"{step}-{name}": value for name, value in data.items()})
    return browser.post(browser.last_url, payload)
