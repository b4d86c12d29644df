"""Locust load for `make bench-load` (run by scripts/bench_load.py; loopback only).

Every simulated person walks the whole public journey, like a browser without JavaScript:
the wizard pages one by one (GET the page, POST the answer, follow the redirect), the
attachments page with one uploaded first opinion (a real PDF), the draft page and the PDF
download. One more simulated client, the probe, asks the bare baseline view ``/__bench__/``
(without cookies) BENCH_PROBE_RATE times a second during the same run, so the baseline is
measured under exactly the same load as the wizard without adding much load of its own (an
earlier version asked it between every two pages: a third of all requests).

Request names (the kinds of step in the report):
  wizard GET / wizard POST   a wizard page, an answer to it
  baseline                   the bare Django view
  attachments GET / POST     the attachments page, an upload of the first opinion
  draft GET, pdf GET         the draft page, the PDF download
  hostile POST               BENCH_HOSTILE uploaders: each starts a case, then sends the
                             many-page PDF and the 7000x7000 RGBA PNG (tests/hostile/corpus.py)
                             to its attachments page again and again, as fast as answered

  live poll (member)         BENCH_PAIRS pairs: a member and a union advisor share one
  live poll (advisor)        case on a call; each side asks "still version N?" every 1.5 s
  live fetch (member/advisor) (204 = nothing new), fetches what changed when it is new, and
  live change (member/advisor) every BENCH_LIVE_CHANGE_S seconds one side changes an answer;
  live update                from the start of a change until the other side's fetch shows
                             it (a timing, not a request)

Addresses: as behind the production proxy (bench_load.py trusts one proxy hop), every request
carries X-Forwarded-For with the client's address: each person their own (people at home), the
hostile uploaders all one (one attacker's machine), so per-address limits act as they would.

Environment: BENCH_PROBE_RATE (baseline requests per second, default 20), BENCH_PDF (path of
the first-opinion PDF to upload), BENCH_THINK_MS (mean pause between pages; each pause is 0.5x
to 1.5x it; default 0), BENCH_MAX_JOURNEYS (per user; the run also stops at --run-time),
BENCH_PDF_HOST (the PDF pool, if any), BENCH_PAIRS (shared calls, default 0),
BENCH_ADVISOR_SESSIONS (session keys of the signed-in advisors pair1..pairN, made by
bench_load.py),
BENCH_LIVE_CHANGE_S (seconds between two changes in a call, default 5).
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import sys
import uuid
from datetime import date
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import gevent
from locust import FastHttpUser, constant_pacing, events, task
from locust.exception import StopUser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.journey_data import TYPICAL_EMPLOYEE, resolve_dates

PREFIX = "intake_wizard"
PROBE_RATE = float(os.environ.get("BENCH_PROBE_RATE", "20"))
THINK = int(os.environ.get("BENCH_THINK_MS", "0")) / 1000
MAX_JOURNEYS = int(os.environ.get("BENCH_MAX_JOURNEYS", "1000"))
PDF_PATH = os.environ.get("BENCH_PDF", "")
PDF_BYTES = open(PDF_PATH, "rb").read() if PDF_PATH else b""
RESULT_PATH = os.environ.get("BENCH_RESULT", "")
# The PDF pool (a separate gunicorn, as a load balancer would route /brief/*/pdf/); the web
# tier keeps no state, so the same session cookie works there.
PDF_HOST = os.environ.get("BENCH_PDF_HOST", "")
HOSTILE = int(os.environ.get("BENCH_HOSTILE", "0"))
# The hostile uploaders' addresses (1: one attacker's machine; 16 with BENCH_HOSTILE=64: 16
# addresses with 4 cases each, as in the second hostile test), and what they send: "mixed" (the
# many-page PDF and the large PNG) or "bomb" (a compression-bomb PDF, tests/hostile/corpus.py).
HOSTILE_ADDRESSES = int(os.environ.get("BENCH_HOSTILE_ADDRESSES", "1"))
HOSTILE_FILES = os.environ.get("BENCH_HOSTILE_FILES", "mixed")
PAIRS = int(os.environ.get("BENCH_PAIRS", "0"))
ADVISOR_SESSIONS = os.environ.get("BENCH_ADVISOR_SESSIONS", "").split(",")
LIVE_EVERY = 1.5  # the pages' polling interval (static/js/live.js)
LIVE_CHANGE_S = float(os.environ.get("BENCH_LIVE_CHANGE_S", "5"))

CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
ATTACKER = "203.0.113.66"
_people = iter(range(1, 1 << 24))


def _person_address() -> str:
    n = next(_people)
    return f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"


# The typical employee of the tests: 14 question pages, review, advice, details.
ANSWERS = resolve_dates(TYPICAL_EMPLOYEE, date.today())
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _token(body: bytes | None) -> str:
    match = CSRF_RE.search(body or b"")
    if not match:
        raise RuntimeError("no CSRF token on the page")
    return match.group(1).decode()


def _multipart(token: str, pdf: bytes, name: str = "advies.pdf") -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{token}\r\n".encode(),
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + pdf
        + b"\r\n",
        f"--{boundary}--\r\n".encode(),
    ]
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Probe(FastHttpUser):
    """The baseline: the bare Django view at a steady rate, no cookies, during the whole run."""

    fixed_count = 1
    wait_time = constant_pacing(1 / PROBE_RATE)
    network_timeout = 30.0

    @task
    def baseline(self) -> None:
        self.client.get("/__bench__/", name="baseline")


class Hostile(FastHttpUser):
    """A hostile uploader: one case, then hostile files as fast as they are answered."""

    fixed_count = HOSTILE
    network_timeout = 120.0
    default_headers = {"X-Forwarded-For": ATTACKER}
    _made = iter(range(1 << 24))

    def __init__(self, *args: object, **kwargs: object) -> None:
        n = next(Hostile._made)
        if HOSTILE_ADDRESSES > 1:  # each uploader one case; HOSTILE / ADDRESSES per address
            self.default_headers = {"X-Forwarded-For": f"203.0.113.{n % HOSTILE_ADDRESSES + 1}"}
        super().__init__(*args, **kwargs)

    def on_start(self) -> None:
        from tests.hostile import corpus

        if HOSTILE_FILES == "bomb":
            self.files = [("advies.pdf", corpus.bomb_pdf(decoded_mb=512))]
        else:
            self.files = [("veel.pdf", corpus.many_page_pdf()), ("scan.png", corpus.rgba_png())]
        self.turn = 0
        page = self.client.get("/vragen/", name="hostile setup")
        payload = [
            ("csrfmiddlewaretoken", _token(page.content)),
            (f"{PREFIX}-current_step", "role"),
            ("role-role", "employee"),
        ]
        r = self.client.post(
            "/vragen/",
            data=urlencode(payload).encode(),
            headers=FORM,
            name="hostile setup",
            allow_redirects=False,
        )
        case_id = urlsplit(r.headers["Location"]).path.strip("/").split("/")[1]
        self.attachments = f"/brief/{case_id}/bijlagen/"
        self.token = _token(self.client.get(self.attachments, name="hostile setup").content)

    @task
    def upload(self) -> None:
        name, data = self.files[self.turn % len(self.files)]
        self.turn += 1
        body, content_type = _multipart(self.token, data, name)
        with self.client.post(
            self.attachments,
            data=body,
            headers={"Content-Type": content_type},
            name="hostile POST",
            catch_response=True,
        ) as r:
            if r.status_code in (400, 503):
                r.success()


if not HOSTILE:  # locust runs every user class it finds here
    del Hostile


class Person(FastHttpUser):
    """One person walking the whole journey, again and again until the run ends."""

    network_timeout = 30.0
    connection_timeout = 5.0

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.default_headers = {"X-Forwarded-For": _person_address()}  # as the proxy appends
        super().__init__(*args, **kwargs)

    def on_start(self) -> None:
        self.journeys = 0

    def _pause(self) -> None:
        if THINK:  # 0.5x to 1.5x the mean, so the people drift apart
            gevent.sleep(THINK * (0.5 + random.random()))

    def _get(self, path: str, name: str):
        with self.client.get(path, name=name, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{name} {path}: {r.status_code}")
                raise StopUser
            return r

    @task
    def journey(self) -> None:
        if self.journeys >= MAX_JOURNEYS:
            raise StopUser
        self.journeys += 1
        self.client.cookiejar.clear()  # a new person: a new session and a new case
        page = self._get("/vragen/", "wizard GET")
        path = "/vragen/"
        step = "role"
        for _ in range(30):
            self._pause()
            payload: list[tuple[str, object]] = [
                ("csrfmiddlewaretoken", _token(page.content)),
                (f"{PREFIX}-current_step", step),
            ]
            for field, value in ANSWERS[step].items():
                payload.append((f"{step}-{field}", value))
            with self.client.post(
                path,
                data=urlencode(payload, doseq=True).encode(),
                headers=FORM,
                name="wizard POST",
                allow_redirects=False,
                catch_response=True,
            ) as r:
                location = r.headers.get("Location") if r.headers else None
                if r.status_code != 302 or not location:
                    r.failure(f"wizard POST {step}: {r.status_code}, no redirect")
                    raise StopUser
            target = urlsplit(location).path
            if "/klaar/" in target:
                # the done step: finishes the case, then redirects to the attachments page
                with self.client.get(
                    target, name="wizard GET", allow_redirects=False, catch_response=True
                ) as r:
                    if r.status_code != 302:
                        r.failure(f"done: {r.status_code}")
                        raise StopUser
                    target = urlsplit(r.headers["Location"]).path
            if "/bijlagen/" in target:
                self._documents(target)
                return
            page = self._get(target, "wizard GET")
            path = target
            step = target.rstrip("/").rsplit("/", 1)[-1]
            if step not in ANSWERS:
                raise RuntimeError(f"unexpected step {step}")
        raise RuntimeError("the wizard did not finish")

    def _documents(self, attachments: str) -> None:
        page = self._get(attachments, "attachments GET")
        self._pause()
        body, content_type = _multipart(_token(page.content), PDF_BYTES)
        with self.client.post(
            attachments,
            data=body,
            headers={"Content-Type": content_type},
            name="attachments POST",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 302:
                r.failure(f"upload: {r.status_code}")
                raise StopUser
        self._get(attachments, "attachments GET")
        self._pause()
        draft = attachments.replace("bijlagen/", "")
        self._get(draft, "draft GET")
        self._pause()
        with self.client.get(PDF_HOST + draft + "pdf/", name="pdf GET", catch_response=True) as r:
            if r.status_code != 200 or not (r.content or b"").startswith(b"%PDF"):
                r.failure(f"pdf: {r.status_code}")


def _poll_url(page: bytes, fallback: str) -> str:
    """The member page's poll URL, with its signed ticket, as live.js reads it."""
    found = re.search(rb'data-live-version-url="([^"]+)"', page)
    return html.unescape(found.group(1).decode()) if found else fallback


def _with_version(url: str, version: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{urlencode({'v': version})}"


class Pair(FastHttpUser):
    """A shared call: the member's phone and the advisor's screen on one case, both
    following it as live.js does. self.client is the member; self.advisor the advisor."""

    fixed_count = PAIRS
    network_timeout = 30.0
    _numbers = iter(range(1, 100_000))

    def __init__(self, *args: object, **kwargs: object) -> None:
        # the member's phone at home; the advisor's screen comes without the header (the
        # office, 127.0.0.1 after the proxy falls back)
        self.default_headers = {"X-Forwarded-For": _person_address()}
        super().__init__(*args, **kwargs)

    def _ok(self, response, what: str) -> None:
        if response.status_code not in (200, 204, 302):
            raise RuntimeError(f"{what}: {response.status_code}")

    def on_start(self) -> None:
        from locust.contrib.fasthttp import FastHttpSession

        number = next(Pair._numbers)
        self.advisor = FastHttpSession(
            self.host, request_event=self.environment.events.request, user=self
        )
        # The member answers the first pages alone, up to "have you talked about it?".
        page = self.client.get("/vragen/", name="live setup")
        path, step = "/vragen/", "role"
        while step != "talked":
            payload = [
                ("csrfmiddlewaretoken", _token(page.content)),
                (f"{PREFIX}-current_step", step),
                *((f"{step}-{k}", v) for k, v in ANSWERS[step].items()),
            ]
            r = self.client.post(
                path,
                data=urlencode(payload, doseq=True).encode(),
                headers=FORM,
                name="live setup",
                allow_redirects=False,
            )
            path = urlsplit(r.headers["Location"]).path
            step = path.rstrip("/").rsplit("/", 1)[-1]
            page = self.client.get(path, name="live setup")
        self.case_id = path.strip("/").split("/")[1]
        self.page = path
        # "Samen met mijn adviseur": the code the member reads out
        r = self.client.post(
            f"/samen/{self.case_id}/code/",
            data=urlencode(
                {"csrfmiddlewaretoken": _token(page.content), "next": self.page}
            ).encode(),
            headers=FORM,
            name="live setup",
        )
        code = re.search(rb'aria-hidden="true">([A-Z0-9]{6})<', r.content).group(1).decode()
        # The advisor, signed in (bench_load.py made the session), types the code.
        from http.cookiejar import Cookie

        host = urlsplit(self.host).hostname
        key = ADVISOR_SESSIONS[(number - 1) % len(ADVISOR_SESSIONS)]
        self.advisor.cookiejar.set_cookie(
            Cookie(
                0,
                "sessionid",
                key,
                None,
                False,
                host,
                False,
                False,
                "/",
                True,
                False,
                None,
                True,
                None,
                None,
                {},
            )  # fmt: skip
        )
        entry = self.advisor.get("/adviseur/samen/", name="live setup")
        r = self.advisor.post(
            "/adviseur/samen/",
            data=urlencode({"csrfmiddlewaretoken": _token(entry.content), "code": code}).encode(),
            headers=FORM,
            name="live setup",
            allow_redirects=False,
        )
        if r.status_code != 302:
            raise RuntimeError(f"the advisor could not open the code: {r.status_code}")
        self.live = f"/adviseur/zaken/{self.case_id}/samen/"
        live_page = self.advisor.get(self.live, name="live setup")
        self.advisor_token = _token(live_page.content)
        self.member_page = self.client.get(self.page, name="live setup").content
        found = re.search(rb'data-live-revision="([^"]+)"', self.member_page)
        self.member_version = found.group(1).decode() if found else ""
        self.member_poll = _poll_url(self.member_page, f"/samen/{self.case_id}/versie/")
        state = self.advisor.get(self.live + "?format=json", name="live setup")
        if state.status_code != 200:
            raise RuntimeError(f"live state: {state.status_code} {state.text[:200]!r}")
        try:
            self.advisor_state = json.loads(state.content)
        except ValueError:
            raise RuntimeError(f"live state: {state.status_code} {state.content[:300]!r}") from None
        self.advisor_version = self.advisor_state["version"]
        # as static/js/live.js: the poll URL with the page's signed ticket (advisors.poll_token)
        self.advisor_poll = self.advisor_state.get("poll") or f"{self.live}versie/"
        self.pending: dict[str, tuple[str, float]] = {}  # side -> (value it must see, since)
        self.turn = 0
        self.watchers = [gevent.spawn(self._watch_member), gevent.spawn(self._watch_advisor)]

    def on_stop(self) -> None:
        for watcher in getattr(self, "watchers", []):
            watcher.kill(block=False)

    def _seen(self, side: str, shows: str) -> None:
        want = self.pending.get(side)
        if want and want[0] == shows:
            import time

            del self.pending[side]
            ms = (time.time() - want[1]) * 1000
            self.environment.events.request.fire(
                request_type="LIVE",
                name="live update",
                response_time=ms,
                response_length=0,
                response=None,
                exception=None,
                context={},
                start_time=want[1],
            )

    def _watch_member(self) -> None:
        while True:
            gevent.sleep(LIVE_EVERY)
            url = _with_version(self.member_poll, self.member_version)
            r = self.client.get(url, name="live poll (member)")
            if r.status_code == 200:
                self.member_version = r.text
                page = self.client.get(self.page, name="live fetch (member)")
                self.member_page = page.content
                self.member_poll = _poll_url(page.content or b"", self.member_poll)
                checked = re.search(rb'value="(\w+)"[^>]*checked', page.content or b"")
                if checked:
                    self._seen("member", checked.group(1).decode())

    def _watch_advisor(self) -> None:
        while True:
            gevent.sleep(LIVE_EVERY)
            url = _with_version(self.advisor_poll, self.advisor_version)
            r = self.advisor.get(url, name="live poll (advisor)")
            if r.status_code == 200:
                self.advisor_version = r.text
                state = self.advisor.get(self.live + "?format=json", name="live fetch (advisor)")
                self.advisor_state = state.json()
                self.advisor_poll = self.advisor_state.get("poll") or self.advisor_poll
                self._seen("advisor", (self.advisor_state["values"]["talked"] or [""])[0])

    @task
    def change(self) -> None:
        """Every LIVE_CHANGE_S seconds one side changes "talked"; the other must see it."""
        import time

        gevent.sleep(LIVE_CHANGE_S)
        self.turn += 1
        value = ("yes", "no")[self.turn % 2]
        started = time.time()
        if self.turn % 2:
            state = self.advisor_state
            payload = [("csrfmiddlewaretoken", self.advisor_token), ("base", state["base"])]
            for name, values in state["values"].items():
                if name != "talked":
                    payload += [(name, v) for v in values]
            payload += [("talked", value), ("format", "json")]
            self.pending["member"] = (value, started)
            r = self.advisor.post(
                self.live,
                data=urlencode(payload).encode(),
                headers=FORM,
                name="live change (advisor)",
            )
            self._ok(r, "advisor change")
            # as live.js: the answer to the save is the new state (no extra fetch)
            self.advisor_state = r.json()
            self.advisor_version = self.advisor_state["version"]
        else:
            base = re.search(rb'name="live_base" value="([^"]*)"', self.member_page or b"")
            shown = (base.group(1) if base else b"{}").decode().replace("&quot;", '"')
            payload = [
                ("csrfmiddlewaretoken", _token(self.member_page)),
                (f"{PREFIX}-current_step", "talked"),
                ("talked-talked", value),
                ("live_base", shown),
                ("wizard_goto_step", "talked"),
            ]
            self.pending["advisor"] = (value, started)
            r = self.client.post(
                self.page,
                data=urlencode(payload).encode(),
                headers=FORM,
                name="live change (member)",
                allow_redirects=False,
            )
            self._ok(r, "member change")


if not PAIRS:
    del Pair


# Every request's name, start, duration and status, written as JSON lines when the run ends, so
# bench_load.py computes exact percentiles (locust's own are rounded) and counts the 5xx.
_samples: list[tuple[str, float, float, int, str]] = []


@events.request.add_listener
def _record(name, start_time, response_time, response, exception, **_kw):
    status = getattr(response, "status_code", 0) or 0
    error = "" if exception is None or status else repr(exception)[:120]
    _samples.append((name, start_time, response_time, status, error))


@events.quitting.add_listener
def _write(environment, **_kw):
    if not RESULT_PATH:
        return
    import json

    with open(RESULT_PATH, "w") as fh:
        json.dump(_samples, fh)
