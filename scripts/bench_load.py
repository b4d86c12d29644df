"""`make bench-load`: the app as in production under a bounded load from this machine only.

1. A fresh PostgreSQL database (``decision_aid_bench`` on 127.0.0.1, dropped and made anew),
   ``migrate`` and ``collectstatic`` into a temporary STATIC_ROOT, uploads in a temporary folder.
2. gunicorn on 127.0.0.1 with DJANGO_DEBUG=0 and production settings, through
   ``scripts/bench_wsgi.py`` (the app plus the bare baseline view ``/__bench__/``).
3. locust, headless, on loopback only: BENCH_USERS people (default 50) each walking the whole
   public journey again and again (every wizard page, one uploaded first opinion, the draft page
   and one PDF), and a probe asking the baseline view BENCH_PROBE_RATE times a second (default
   20), for BENCH_SECONDS (default 60).
4. Stops everything, drops the database and prints the figures: requests per second, p50/p95/p99
   per kind of step, the wizard's p95 over the baseline's p95, the PDF p95 and the 5xx count,
   each against the goal.

Knobs (environment): BENCH_USERS, BENCH_SPAWN_RATE, BENCH_PROBE_RATE, BENCH_SECONDS,
BENCH_THINK_MS, BENCH_WORKERS, BENCH_THREADS, BENCH_CONN_MAX_AGE, BENCH_DATABASE (base URL of
the PostgreSQL server), BENCH_DB_NAME (its database, made anew and dropped), BENCH_JSON (write
the figures there too), BENCH_KEEP=1 (keep the temporary folder), BENCH_HOSTILE (that many
hostile uploaders beside the people, each sending the many-page PDF and the 7000x7000 RGBA PNG
of tests/hostile again and again, all from one address; default 0), BENCH_HOSTILE_ADDRESSES
(spread them over that many addresses, one case each: BENCH_HOSTILE=64
BENCH_HOSTILE_ADDRESSES=16 is 16 addresses x 4 cases), BENCH_HOSTILE_FILES=bomb (they send a
compression-bomb PDF instead), BENCH_WORKER_MEMORY_MB (the
peak memory a web worker may reach, default 250), BENCH_PAIRS (shared calls beside the people,
a member and an advisor following one case live; default 10), BENCH_LIVE_SECONDS
(the second, short run with the shared calls alone, which gives the cost of one watched case
per second; default 20, 0 skips it). Each person has their own address in X-Forwarded-For,
with one trusted proxy hop, as in production.
"""

from __future__ import annotations

import base64
import json
import math
import os
import platform
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from statistics import quantiles

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DB_NAME = os.environ.get("BENCH_DB_NAME", "decision_aid_bench")
SERVER = os.environ.get("BENCH_DATABASE", "postgres://postgres@127.0.0.1:5432")
USERS = int(os.environ.get("BENCH_USERS", "50"))
HOSTILE = int(os.environ.get("BENCH_HOSTILE", "0"))
PAIRS = int(os.environ.get("BENCH_PAIRS", "10"))
LIVE_SECONDS = int(os.environ.get("BENCH_LIVE_SECONDS", "20"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
# People arriving per second. The default lets all 50 start within two seconds (they then reach
# the PDF in bunches); BENCH_SPAWN_RATE=1 spreads them over 50 s, like a mailing read over time.
# Only requests made once everybody has arrived are measured; the run is longer by that time.
SPAWN_RATE = float(os.environ.get("BENCH_SPAWN_RATE", str(max(USERS / 2, 1))))
RAMP = (USERS + HOSTILE + PAIRS + 1) / SPAWN_RATE
CPUS = os.cpu_count() or 2
WORKERS = int(os.environ.get("BENCH_WORKERS", str(CPUS)))
THREADS = int(os.environ.get("BENCH_THREADS", "8"))
CONN_MAX_AGE = os.environ.get("BENCH_CONN_MAX_AGE", "600")
# A separate PDF pool: its own gunicorn (sync workers, lower CPU priority) that the load balancer
# sends /brief/<id>/pdf/ to, so PDFs can neither starve nor be starved by wizard steps.
PDF_POOL = int(os.environ.get("BENCH_PDF_POOL", str(CPUS)))
PDF_NICE = os.environ.get("BENCH_PDF_NICE", "5")
WEB_NICE = os.environ.get("BENCH_WEB_NICE", "")

# The memory limit per gunicorn worker (peak resident memory): upload checks and renders run
# in limited children (1 GB address space each), so a worker itself should stay near its
# ~120 MB of code and caches, under hostile uploads too.
WORKER_MEMORY_MB = int(os.environ.get("BENCH_WORKER_MEMORY_MB", "250"))
GOALS = {"wizard_p95_ms": 100, "wizard_ratio": 3.0, "wizard_rps": 300, "pdf_p95_ms": 1000}
KINDS = (
    "baseline",
    "wizard GET",
    "wizard POST",
    "attachments GET",
    "attachments POST",
    "draft GET",
    "pdf GET",
    "hostile POST",
    "live poll (member)",
    "live poll (advisor)",
    "live fetch (member)",
    "live fetch (advisor)",
    "live change (member)",
    "live change (advisor)",
    "live update",
)
LIVE_KINDS = tuple(kind for kind in KINDS if kind.startswith("live"))


def log(message: str) -> None:
    print(f"[bench-load] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def drop_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def production_env(tmp: Path) -> dict[str, str]:
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=base64.b64encode(secrets.token_bytes(48)).decode(),
        DJANGO_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        DJANGO_SEARCH_INDEX_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
        DJANGO_KEK_DIR=str(tmp / "keys"),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"{SERVER}/{DB_NAME}",
        DJANGO_CONN_MAX_AGE=CONN_MAX_AGE,
        DJANGO_UPLOAD_ROOT=str(tmp / "uploads"),
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
        # As behind the production proxy: one trusted hop, the client's address in
        # X-Forwarded-For (locustfile.py gives each person their own, the hostile uploaders one).
        DJANGO_TRUSTED_PROXY_HOPS="1",
        # A person walks the journey again and again from one address: the per-address limit on
        # new cases (30 an hour) would stop them, so it is lifted here.
        CASES_PER_CLIENT_RATE="1000000/h",
        # The shared calls' advisors sign in with a password only (no authenticator app here).
        ADVISOR_REQUIRE_2FA="0",
        # ...and all type their member's code from 127.0.0.1 at the same moment.
        SHARE_RATE_PER_CLIENT="1000000/15m",
    )
    return env


def make_first_opinion(path: Path) -> None:
    """A real two-page PDF, like the tests' make_pdf fixture."""
    from weasyprint import HTML

    body = "".join(
        f'<p style="page-break-after: always">EERSTE OORDEEL pagina {n}</p>' for n in (1, 2)
    )
    path.write_bytes(HTML(string=f"<html><body>{body}</body></html>").write_pdf())


def cpu_report(cpu: dict[str, float], served: dict[str, int], wall: float) -> str:
    """Where the machine's CPU went during the run, and the cost per request of each pool."""
    available = wall * CPUS
    lines = [f"CPU during the run ({wall:.0f} s x {CPUS} cores = {available:.0f} core-seconds):"]
    for name, seconds in sorted(cpu.items(), key=lambda item: -item[1]):
        line = f"  {name:12s} {seconds:7.1f} s  {100 * seconds / available:4.0f} %"
        if served.get(name):
            unit = "per PDF" if name == "PDF pool" else "per request it served"
            line += f"   {1000 * seconds / served[name]:.1f} ms {unit}"
        lines.append(line)
    return "\n".join(lines)


def cpu_snapshot() -> dict[int, tuple[float, int, str]]:
    """CPU seconds (user + system) of every process now, with its parent pid and command."""
    hz = os.sysconf("SC_CLK_TCK")
    snapshot = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            command = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, UnicodeDecodeError):
            continue
        fields = stat.rsplit(")", 1)[1].split()
        # utime + stime, and cutime + cstime: what its children that ended (and were waited
        # for) used, so a render or upload-check child that lived only for one job is counted
        own = int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
        snapshot[int(entry)] = (own / hz, int(fields[1]), command)
    return snapshot


def cpu_by_part(
    before: dict[int, tuple[float, int, str]],
    after: dict[int, tuple[float, int, str]],
    pools: dict[str, int],
) -> dict[str, float]:
    """CPU seconds each part used between two snapshots: each gunicorn pool (master, workers
    and every process below them) and PostgreSQL (every server process)."""

    def used(pids: set[int]) -> float:
        return sum(after[pid][0] - before.get(pid, (0.0, 0, ""))[0] for pid in pids)

    def tree(root: int) -> set[int]:
        """The pool's master, its workers and every process below them (the upload-check and
        render helpers and their children, documents.sandbox)."""
        pids, grew = {root}, True
        while grew:
            more = {pid for pid, (_, ppid, _) in after.items() if ppid in pids} - pids
            pids |= more
            grew = bool(more)
        return pids

    parts = {name: used(tree(root)) for name, root in pools.items()}
    postgres = {pid for pid, (_, _, cmd) in after.items() if "postgres" in cmd.split(" ", 1)[0]}
    parts["PostgreSQL"] = used(postgres)
    return parts


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


def start_gunicorn(
    port: int, env: dict[str, str], log_file: Path, args: list[str], nice: str = ""
) -> subprocess.Popen:
    prefix = ["nice", "-n", nice] if nice else []
    return subprocess.Popen(  # noqa: S603
        [
            *prefix,
            str(BIN / "gunicorn"),
            "bench_wsgi:application",
            "--pythonpath",
            f"{ROOT / 'scripts'},{ROOT}",
            "--bind",
            f"127.0.0.1:{port}",
            *args,
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        stdout=log_file.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


def pct(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return quantiles(values, n=100, method="inclusive")[p - 1]


def summarize(samples: list[list], seconds: float) -> dict:
    by_kind: dict[str, list[float]] = {}
    status_5xx = 0
    errors = 0
    error_kinds: dict[str, int] = {}
    hostile: dict[int, int] = {}
    kinds_5xx: dict[str, int] = {}
    uploads: dict[int, int] = {}
    for name, _start, ms, status, error in samples:
        if name == "attachments POST":  # 302: stored
            uploads[status] = uploads.get(status, 0) + 1
        by_kind.setdefault(name, []).append(ms)
        if name == "live update":  # a timing between two requests, not a request
            continue
        if name == "hostile POST":  # refused (400) or told to wait (503): both are the goal
            hostile[status] = hostile.get(status, 0) + 1
            continue
        if status >= 500:
            status_5xx += 1
            key = f"{name}: HTTP {status}"
            kinds_5xx[key] = kinds_5xx.get(key, 0) + 1
        elif status == 0:
            errors += 1
            error_kinds[f"{name}: {error}"] = error_kinds.get(f"{name}: {error}", 0) + 1
    rows = {}
    for kind in KINDS:
        values = by_kind.get(kind, [])
        rows[kind] = {
            "count": len(values),
            "rps": len(values) / seconds,
            "p50": pct(values, 50),
            "p95": pct(values, 95),
            "p99": pct(values, 99),
        }
    wizard = by_kind.get("wizard GET", []) + by_kind.get("wizard POST", [])
    wizard_row = {
        "count": len(wizard),
        "rps": len(wizard) / seconds,
        "p50": pct(wizard, 50),
        "p95": pct(wizard, 95),
        "p99": pct(wizard, 99),
    }
    baseline_p95 = rows["baseline"]["p95"] or 1e-9
    return {
        "rows": rows,
        "wizard": wizard_row,
        "seconds": seconds,
        "total_rps": len(samples) / seconds,
        "pages_answered_per_s": rows["wizard POST"]["rps"],
        "ratio": wizard_row["p95"] / baseline_p95,
        "pdf_p95": rows["pdf GET"]["p95"],
        "status_5xx": status_5xx,
        "kinds_5xx": kinds_5xx,
        "connection_errors": errors,
        "error_kinds": error_kinds,
        "journeys": rows["pdf GET"]["count"],
        "hostile_statuses": hostile,
        "people_uploads": uploads,
        "people_uploads_stored": uploads.get(302, 0) / max(sum(uploads.values()), 1),
    }


def report(fig: dict, meta: dict) -> str:
    lines = [
        f"Load: {meta['users']} users (+ {meta['hostile']} hostile uploaders from "
        f"{meta.get('hostile_addresses', '1')} address(es) sending "
        f"{meta.get('hostile_files', 'mixed')} files; fair shares "
        f"{meta.get('upload_fair_shares', '1')}, "
        f"+ {meta.get('pairs', 0)} shared calls) arriving "
        f"{meta['spawn_rate']:g}/s, {fig['seconds']:.0f} s "
        "measured after all arrived, think time "
        f"{meta['think_ms']} ms; gunicorn {meta['workers']} workers x {meta['threads']} threads "
        f"(gthread), CONN_MAX_AGE={meta['conn_max_age']}; PDF pool: {meta['pdf_pool']}; "
        f"{meta['machine']}; {meta['date']}",
        "",
        f"{'kind of step':<18}{'count':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}",
    ]
    rows = dict(fig["rows"])
    rows["wizard (GET+POST)"] = fig["wizard"]
    for kind, row in rows.items():
        lines.append(
            f"{kind:<18}{row['count']:>8}{row['rps']:>9.1f}{row['p50']:>9.1f}"
            f"{row['p95']:>9.1f}{row['p99']:>9.1f}"
        )

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    w = fig["wizard"]
    lines += [
        "",
        f"all requests per second: {fig['total_rps']:.1f}; journeys finished (PDFs): "
        f"{fig['journeys']}; pages answered per second: {fig['pages_answered_per_s']:.1f}; "
        f"requests cut off by the end of the run (not counted): {fig.get('cut_at_stop', 0)}",
        f"wizard steps per second: {w['rps']:.1f} (goal >= {GOALS['wizard_rps']}): "
        f"{verdict(w['rps'] >= GOALS['wizard_rps'])}",
        f"wizard step p95: {w['p95']:.1f} ms (goal <= {GOALS['wizard_p95_ms']} ms): "
        f"{verdict(w['p95'] <= GOALS['wizard_p95_ms'])}",
        f"wizard p95 / baseline p95: {w['p95']:.1f} / {fig['rows']['baseline']['p95']:.1f} = "
        f"{fig['ratio']:.2f}x (goal <= {GOALS['wizard_ratio']}x): "
        f"{verdict(fig['ratio'] <= GOALS['wizard_ratio'])}",
        f"PDF p95 under load: {fig['pdf_p95']:.0f} ms (goal <= {GOALS['pdf_p95_ms']} ms): "
        f"{verdict(fig['pdf_p95'] <= GOALS['pdf_p95_ms'])}",
        f"5xx responses: {fig['status_5xx']} (goal 0): {verdict(fig['status_5xx'] == 0)}; "
        f"connection errors: {fig['connection_errors']}",
    ]
    for kind, count in sorted(fig["kinds_5xx"].items()):
        lines.append(f"  {count} x {kind}")
    for kind, count in fig["error_kinds"].items():
        lines.append(f"  {count} x {kind}")
    live = fig["rows"].get("live update", {})
    if live.get("count"):
        lines.append(
            f"shared calls: {meta.get('pairs', 0)} pairs; an answer changed on one screen shows "
            f"on the other after p50 {live['p50']:.0f} ms, p95 {live['p95']:.0f} ms, "
            f"p99 {live['p99']:.0f} ms ({live['count']} changes; goal: within about 2 s)"
        )
    if fig["people_uploads"]:
        statuses = ", ".join(f"{n} x {s}" for s, n in sorted(fig["people_uploads"].items()))
        lines.append(
            f"people's uploads stored: {fig['people_uploads'].get(302, 0)} of "
            f"{sum(fig['people_uploads'].values())} = {fig['people_uploads_stored']:.0%} "
            f"(goal >= 90 %): {verdict(fig['people_uploads_stored'] >= 0.9)}; answered {statuses}"
        )
    if fig["hostile_statuses"]:
        statuses = ", ".join(f"{n} x {s}" for s, n in sorted(fig["hostile_statuses"].items()))
        lines.append(f"hostile uploads answered: {statuses} (400 refused, 503 busy: try again)")
    return "\n".join(lines)


def create_pair_advisors(manage: list[str], env: dict[str, str]) -> str:
    """pair1..pairN in one organisation, for the shared calls (one advisor per call), each
    already signed in: a session per advisor, made here, so the run does not measure ten
    password hashes at once (a sign-in is measured elsewhere). Their session keys, by comma."""
    code = (
        "from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, "
        "SESSION_KEY\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "from decision_aid.advisors.models import Advisor, Organisation\n"
        "org, _ = Organisation.objects.get_or_create(name='FNV Bench')\n"
        "keys = []\n"
        f"for n in range(1, {PAIRS} + 1):\n"
        "    user = get_user_model().objects.create_user(f'pair{n}')\n"
        "    Advisor.objects.create(user=user, organisation=org)\n"
        "    s = SessionStore()\n"
        "    s[SESSION_KEY] = str(user.pk)\n"
        "    s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "    s[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "    s.create()\n"
        "    keys.append(s.session_key)\n"
        "print(','.join(keys))\n"
    )
    out = subprocess.run(  # noqa: S603
        [*manage, "shell", "-c", code], env=env, check=True, capture_output=True, text=True
    )
    return out.stdout.strip().splitlines()[-1]


def live_alone(base: str, env: dict[str, str], pools: dict[str, int], tmp: Path) -> str:
    """The shared calls alone, after their set-up: what one watched case costs per second."""
    result = tmp / "live-samples.json"
    setup = PAIRS / SPAWN_RATE + 15  # sign-in, walking to the question, the code
    locust = subprocess.Popen(  # noqa: S603
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "scripts" / "locustfile.py"),
            "--headless",
            *("--users", str(PAIRS), "--spawn-rate", str(SPAWN_RATE)),
            *("--run-time", f"{math.ceil(setup + LIVE_SECONDS)}s", "--stop-timeout", "0"),
            *("--host", base, "--only-summary", "--loglevel", "WARNING"),
            *("--exit-code-on-error", "0"),
            "Pair",
        ],
        env={**env, "BENCH_RESULT": str(result)},
        stdout=subprocess.DEVNULL,
    )
    time.sleep(setup)
    before = cpu_snapshot()
    started = time.monotonic()
    time.sleep(LIVE_SECONDS)
    after = cpu_snapshot()
    wall = time.monotonic() - started
    locust.wait(timeout=120)
    cpu = cpu_by_part(before, after, pools)
    # Only this bench's PostgreSQL backends: the machine is shared, other databases' work
    # must not count here ("postgres: user db_name client state" in their command line).
    mine = {pid for pid, (_, _, cmd) in after.items() if f" {DB_NAME} " in cmd}
    cpu["PostgreSQL"] = sum(after[pid][0] - before.get(pid, (0.0, 0, ""))[0] for pid in mine)
    samples = [s for s in json.loads(result.read_text()) if s[0] in LIVE_KINDS]
    t0 = max(s[1] for s in samples) - wall  # the measured window: the run's last seconds
    window = [s for s in samples if s[1] >= t0]
    requests = [s for s in window if s[0] != "live update"]
    updates = [s[2] for s in window if s[0] == "live update"]
    polls = [s[2] for s in window if s[0].startswith("live poll")]
    web = cpu["web pool"] / wall / PAIRS
    db = cpu["PostgreSQL"] / wall / PAIRS
    per_case_rps = len(requests) / wall / PAIRS
    lines = [
        f"Shared calls alone: {PAIRS} pairs, {wall:.0f} s measured after their set-up; each side "
        "polls every 1.5 s, one side changes an answer every "
        f"{os.environ.get('BENCH_LIVE_CHANGE_S', '5')} s",
        f"  requests per watched case: {per_case_rps:.2f}/s (polls p50 {pct(polls, 50):.1f} ms, "
        f"p95 {pct(polls, 95):.1f} ms); update shown on the other screen: p50 "
        f"{pct(updates, 50):.0f} ms, p95 {pct(updates, 95):.0f} ms",
        f"  CPU per watched case: web {1000 * web:.1f} ms/s + PostgreSQL {1000 * db:.1f} ms/s "
        f"= {1000 * (web + db):.1f} ms of CPU per second",
        f"  1,000 shared calls at once: {1000 * per_case_rps:.0f} requests/s, "
        f"{1000 * (web + db):.1f} cores busy ({1000 * web:.1f} web + {1000 * db:.1f} PostgreSQL), "
        f"{1000 * per_case_rps * pct(polls, 50) / 1000:.1f} web threads busy on average",
    ]
    return "\n".join(lines)


def peak_memory(pools: dict[str, int]) -> str:
    """Peak resident memory (VmHWM) of every gunicorn worker: the web process must stay small
    while hostile uploads are checked in its limited children (RLIMIT_AS, documents.sandbox),
    within WORKER_MEMORY_MB."""
    lines = []
    for name, root in pools.items():
        peaks = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                status = Path(f"/proc/{entry}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if fields.get("PPid", "").strip() == str(root) and "VmHWM" in fields:
                peaks.append(int(fields["VmHWM"].split()[0]) / 1024)
        if peaks:
            verdict = "met" if max(peaks) <= WORKER_MEMORY_MB else "NOT met"
            lines.append(
                f"peak memory per {name} worker: max {max(peaks):.0f} MB "
                f"({', '.join(f'{p:.0f}' for p in sorted(peaks))}); "
                f"limit {WORKER_MEMORY_MB} MB: {verdict}"
            )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{CPUS} cores ({cpu}), {mem:.0f} GiB, Python {platform.python_version()}"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = production_env(tmp)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = pdf_pool = None
    locust_env = dict(os.environ)
    try:
        log(f"database {DB_NAME}: dropped and made anew; migrate; collectstatic")
        recreate_database()
        py = str(BIN / "python")
        manage = [py, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT
        )
        advisor_sessions = create_pair_advisors(manage, env) if PAIRS else ""
        pdf = tmp / "first-opinion.pdf"
        make_first_opinion(pdf)
        log(f"gunicorn on {base}: {WORKERS} workers x {THREADS} threads, DJANGO_DEBUG=0")
        gunicorn_log = tmp / "gunicorn.log"
        gunicorn = start_gunicorn(
            port,
            env,
            gunicorn_log,
            [
                *("--workers", str(WORKERS), "--worker-class", "gthread"),
                *("--threads", str(THREADS), "--keep-alive", "75"),
            ],
            nice=WEB_NICE,
        )
        if PDF_POOL:
            pdf_port = free_port()
            log(f"PDF pool on 127.0.0.1:{pdf_port}: {PDF_POOL} sync workers, nice {PDF_NICE}")
            pdf_pool = start_gunicorn(
                pdf_port,
                env,
                gunicorn_log,
                ["--workers", str(PDF_POOL), "--worker-class", "sync"],
                nice=PDF_NICE,
            )
            wait_until_up(f"http://127.0.0.1:{pdf_port}/__bench__/", pdf_pool)
            locust_env["BENCH_PDF_HOST"] = f"http://127.0.0.1:{pdf_port}"
        wait_until_up(f"{base}/__bench__/", gunicorn)
        # Warm every worker (imports, template and URL caches, WeasyPrint's lazy import).
        for _ in range(WORKERS * 4):
            urllib.request.urlopen(f"{base}/vragen/", timeout=10).read()  # noqa: S310
        result = tmp / "samples.json"
        think = os.environ.get("BENCH_THINK_MS", "0")
        log(f"locust: {USERS} users for {SECONDS} s against {base} (loopback only)")
        started = time.monotonic()
        cpu_before = cpu_snapshot()
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(  # noqa: S603
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "scripts" / "locustfile.py"),
                "--headless",
                "--users",
                # the people, the hostile uploaders, the shared calls, the probe
                str(USERS + HOSTILE + PAIRS + 1),
                "--spawn-rate",
                str(SPAWN_RATE),
                "--run-time",
                f"{SECONDS + math.ceil(RAMP)}s",
                "--stop-timeout",
                "0",
                "--host",
                base,
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--exit-code-on-error",
                "0",
            ],
            env={
                **locust_env,
                "BENCH_PDF": str(pdf),
                "BENCH_RESULT": str(result),
                "BENCH_HOSTILE": str(HOSTILE),
                "BENCH_PAIRS": str(PAIRS),
                "BENCH_ADVISOR_SESSIONS": advisor_sessions,
            },
            check=True,
            timeout=SECONDS + RAMP + 120,
            stdout=subprocess.DEVNULL,
        )
        cpu_after = cpu_snapshot()
        memory = peak_memory(
            {"web pool": gunicorn.pid, **({"PDF pool": pdf_pool.pid} if pdf_pool else {})}
        )
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        pools = {"web pool": gunicorn.pid}
        if pdf_pool is not None:
            pools["PDF pool"] = pdf_pool.pid
        cpu = cpu_by_part(cpu_before, cpu_after, pools)
        cpu["locust"] = (children_after.ru_utime + children_after.ru_stime) - (
            children_before.ru_utime + children_before.ru_stime
        )
        samples = json.loads(result.read_text())
        pdfs = sum(1 for s in samples if s[0] == "pdf GET")
        per_request = {
            "web pool": len(samples) - (pdfs if pdf_pool is not None else 0),
            "PDF pool": pdfs,
        }
        # Only requests made once everybody has arrived (after the ramp), and that ended within
        # the run: locust stops the people at --run-time, and a request it cuts off then is not
        # a failure of the app.
        t0 = min(s[1] for s in samples) + math.ceil(RAMP)
        end = t0 + SECONDS
        cut = sum(1 for s in samples if s[1] + s[2] / 1000 > end)
        samples = [s for s in samples if s[1] >= t0 and s[1] + s[2] / 1000 <= end]
        fig = summarize(samples, float(SECONDS))
        fig["cut_at_stop"] = cut
        meta = {
            "users": USERS,
            "hostile": HOSTILE,
            "hostile_addresses": os.environ.get("BENCH_HOSTILE_ADDRESSES", "1"),
            "hostile_files": os.environ.get("BENCH_HOSTILE_FILES", "mixed"),
            "upload_fair_shares": os.environ.get("UPLOAD_FAIR_SHARES", "1"),
            "pairs": PAIRS,
            "spawn_rate": SPAWN_RATE,
            "think_ms": think,
            "workers": WORKERS,
            "threads": THREADS,
            "conn_max_age": CONN_MAX_AGE,
            "pdf_pool": (
                f"{PDF_POOL} sync worker(s), nice {PDF_NICE}" if PDF_POOL else "none (same workers)"
            ),
            "machine": machine(),
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "wall_seconds": round(time.monotonic() - started, 1),
        }
        print()
        print(report(fig, meta))
        print(cpu_report(cpu, per_request, meta["wall_seconds"]))
        print(memory)
        fig["cpu_seconds"] = {name: round(value, 1) for name, value in cpu.items()}
        problems = [
            line
            for line in gunicorn_log.read_text(errors="replace").splitlines()
            if "Traceback" in line or "WORKER TIMEOUT" in line or "Error" in line
        ]
        print(
            f"gunicorn log: {len(problems)} error lines"
            + (f", first: {problems[0]}" if problems else "")
        )
        if PAIRS and LIVE_SECONDS:
            log(f"the {PAIRS} shared calls alone for {LIVE_SECONDS} s (after their set-up)")
            live_report = live_alone(
                base,
                {
                    **locust_env,
                    "BENCH_PAIRS": str(PAIRS),
                    "BENCH_ADVISOR_SESSIONS": advisor_sessions,
                },
                {"web pool": gunicorn.pid},
                tmp,
            )
            print(live_report)
            fig["live_alone"] = live_report
        if out := os.environ.get("BENCH_JSON"):
            Path(out).write_text(json.dumps({"figures": fig, "meta": meta}, indent=2))
        return 0
    finally:
        for proc in (gunicorn, pdf_pool):
            stop(proc)
        try:
            drop_database()
        except Exception as exc:
            log(f"could not drop {DB_NAME}: {exc}")
        if os.environ.get("BENCH_KEEP") == "1":
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
