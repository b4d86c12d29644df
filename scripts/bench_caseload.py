"""`make bench-caseload`: the advisor pages of one large organisation, at 1,000 to 100,000 cases.

1. One fresh PostgreSQL database per size (``decision_aid_caseload_<N>`` on 127.0.0.1, dropped
   and made anew; scripts/bench_caseload_settings.py), each migrated; ``collectstatic`` into a
   temporary folder; production settings (DJANGO_DEBUG=0, fresh keys).
2. In each database one organisation of BENCH_ADVISORS advisors (default 200; one of them the
   lead, who has 150 cases of their own at every size) with N cases (BENCH_CASES, default
   1,000, 10,000 and 100,000), by bulk inserts: cases with encrypted member names and their
   blind index, deadlines spread over two years (some without), three statuses, a note on every
   tenth case and two audit events per case. A second organisation with a few cases lives
   beside it. Then VACUUM ANALYZE.
3. In this process, through Django's full request handler and middleware (the test client,
   signed in as the lead): every page, warm (three requests first), BENCH_REQUESTS times each
   (default 20), the sizes in turns (1k, 10k, 100k, 1k, ...) so the noise of a shared machine
   falls on each size alike; p50/p95, response size, queries and time in SQL per request:
   - the lead's opening page ("my open cases"),
   - the organisation's open cases (scope=all), its next page and a page halfway down,
   - a name search across the organisation (a rare name; a word in one name in six; two
     common words that meet in one name in 350, so more rows at larger sizes; two common
     words that meet in three names at every size), a reference search,
   - the audit log and its next page,
   - ``/__bench__/``, the bare view ``scripts/bench_wsgi.py`` gives the load bench as baseline
     (the same handler and middleware as every page; it reads the session, not the user), and
     beside it ``/__bench__/signed-in/``, the same view reading the signed-in user.
4. Prints a table per size, then the ratio of the largest size's figures to the smallest's, and
   every p95 at the largest size over the baseline's p95, against the goals (ratio < 1.5,
   p95 <= 3x baseline).

Knobs (environment): BENCH_CASES (comma-separated sizes, ascending), BENCH_REQUESTS,
BENCH_ADVISORS, BENCH_DATABASE (base URL of the PostgreSQL server), BENCH_DB_NAME (prefix of the
database names, default decision_aid_caseload), BENCH_KEEP_DB=1 (keep the databases afterwards).
"""

from __future__ import annotations

import base64
import os
import platform
import random
import re
import secrets
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from statistics import quantiles

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = os.environ.get("BENCH_DB_NAME", "decision_aid_caseload")
SERVER = os.environ.get("BENCH_DATABASE", "postgres://postgres@127.0.0.1:5432")
SIZES = [int(n) for n in os.environ.get("BENCH_CASES", "1000,10000,100000").split(",")]
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20"))
ADVISORS = int(os.environ.get("BENCH_ADVISORS", "200"))
LEAD_CASES = 150
GOALS = {"ratio": 1.5, "baseline": 3.0}
PLANTED = "Fatma Yılmaz"  # the member searched for: three cases carry her name at every size
# Two words, each in one name in 23 to 30 (thousands at 100,000 cases), together in three names
# at every size: no drawn name has both (nor a typo, sound or beginning of them).
PAIR = "Sanne Mulder"
FIRST = "Anna Bram Cor Daan Eva Fleur Gijs Hanna Ilse Joost Karin Lars Mila Noor Okke Pim".split()
FIRST += "Roos Sem Tess Ugo Vera Wout Yara Zoë Ahmed Mohamed Sanne Kees Ayşe Emre".split()
LAST_NAMES = ["Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer"]
LAST_NAMES += ["de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "Dekker"]
LAST_NAMES += ["Öztürk", "El Amrani", "Kaya", "Yıldız", "Şahin", "Bouzid", "Wijaya", "Tan"]


def log(message: str) -> None:
    print(f"[bench-caseload] {message}", flush=True)


def percentile(values: list[float], p: int) -> float:
    return quantiles(values, n=100, method="inclusive")[p - 1]


def machine() -> str:
    cpus = os.cpu_count() or 1
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = 0
    cpu = platform.processor() or platform.machine()
    return f"{cpus} cores ({cpu}), {mem:.0f} GiB, Python {platform.python_version()}"


def recreate_databases() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        for size in SIZES:
            conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}_{size}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{DB_NAME}_{size}"')


def drop_databases() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        for size in SIZES:
            conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}_{size}" WITH (FORCE)')


def production_environment(tmp: Path) -> None:
    from cryptography.fernet import Fernet

    for key in [k for k in os.environ if k.startswith(("DJANGO_", "DATABASE_"))]:
        del os.environ[key]
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench_caseload_settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=base64.b64encode(secrets.token_bytes(48)).decode(),
        DJANGO_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        DJANGO_SEARCH_INDEX_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
        DJANGO_KEK_DIR=str(tmp / "keys"),
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"{SERVER}/{DB_NAME}_{SIZES[0]}",
        DJANGO_CONN_MAX_AGE="600",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        DJANGO_UPLOAD_ROOT=str(tmp / "uploads"),
        DJANGO_LOG_LEVEL="ERROR",
        ADVISOR_REQUIRE_2FA="0",
    )


class Seeder:
    """Grows one organisation's caseload with bulk inserts (no per-row queries, no save()),
    in the database the router points at."""

    def __init__(self) -> None:
        from django.contrib.auth import get_user_model

        from decision_aid.advisors.models import Advisor, Organisation

        self.rng = random.Random(17)
        self.org = Organisation.objects.create(name="Bond Groot")
        users = get_user_model().objects.bulk_create(
            [
                get_user_model()(username=f"adviseur{i:03d}", first_name=f"Adviseur {i}")
                for i in range(ADVISORS)
            ]
        )
        self.advisors = Advisor.objects.bulk_create(
            [Advisor(user=u, organisation=self.org, is_lead=(i == 0)) for i, u in enumerate(users)]
        )
        self.lead = self.advisors[0]
        other = Organisation.objects.create(name="Bond Klein")
        other_user = get_user_model().objects.create(username="ander")
        self.other = Advisor.objects.create(user=other_user, organisation=other)
        try:
            from decision_aid.advisors import blind_index

            pair = blind_index.query_groups(PAIR)
            self.pair_like = {
                (first, last)
                for first in FIRST
                for last in LAST_NAMES
                if all(set(g) & set(blind_index.index_digests(f"{first} {last}")) for g in pair)
            }
        except ImportError:
            self.pair_like = set()
        self.count = 0
        self._add(20, advisor=self.other)  # a neighbour, so the organisation filter matters

    def grow_to(self, size: int) -> None:
        while self.count < size:
            self._add(min(5000, size - self.count))

    def _add(self, n: int, advisor=None) -> None:
        from django.utils import timezone

        from decision_aid.advisors import models as m
        from decision_aid.cases import crypto
        from decision_aid.cases.models import Case, DataKey

        try:  # the blind index (absent in older code: then the bench measures the old code)
            from decision_aid.advisors import blind_index
        except ImportError:
            blind_index = None
        rng, now, today = self.rng, timezone.now(), timezone.localdate()
        cases, rows, names, keys = [], [], [], []
        per_case_keys = hasattr(m.AdvisorCase, "set_deadline")
        for _ in range(n):
            # The lead's own caseload is LEAD_CASES at every size (it does not grow with the
            # organisation), so the opening page shows a full page at each size; the rest is
            # shared among the other advisors.
            if advisor is not None:
                own = advisor
            elif self.count < LEAD_CASES:
                own = self.lead
            else:
                own = self.advisors[1 + self.count % (len(self.advisors) - 1)]
            if advisor is None:
                self.count += 1
            case = Case(
                id=uuid.uuid4(),
                expires_at=now + timedelta(days=30),
                resume_digest=secrets.token_hex(32),
                resume_code_enc=b"-",
                finished=True,
            )
            # The case's own data key: the name and deadline are encrypted with it.
            box = None
            if per_case_keys:
                key = crypto.new_data_key()
                box = crypto.DataBox(key)
                keys.append(DataKey(case=case, key_enc=crypto.wrap_key(key)))
            planted = advisor is None and self.count in (7, 507, 907)  # 3 at every size
            if planted:
                name = PLANTED
            elif advisor is None and self.count in (57, 557, 957):  # 3 at every size
                name = PAIR
            else:
                drawn = (rng.choice(FIRST), rng.choice(LAST_NAMES))
                while drawn in self.pair_like:
                    drawn = (rng.choice(FIRST), rng.choice(LAST_NAMES))
                name = " ".join(drawn)
            deadline = None if rng.random() < 0.05 else today + timedelta(rng.randint(-60, 660))
            row = m.AdvisorCase(
                case=case,
                organisation_id=own.organisation_id,
                advisor=own,
                reference=f"REF-{self.count:06d}" if advisor is None else "",
                status=rng.choices(["open", "handed_over", "closed"], [6, 2, 2])[0],
            )
            if box is not None:
                row.member_name_enc = box.encrypt(name.encode())
                row.next_deadline = m.week_of(deadline)
                if deadline:
                    row.next_deadline_enc = box.encrypt_json(
                        [deadline.isoformat(), "expert_opinion"]
                    )
            else:  # the code before per-case keys for advisors' data
                row.member_name_enc = crypto.encrypt(name.encode())
                row.next_deadline = deadline
                row.next_deadline_label = "expert_opinion" if deadline else ""
            if blind_index:
                row.member_name_digest = blind_index.name_digest(name)
            cases.append(case)
            rows.append(row)
            names.append(name)
        Case.objects.bulk_create(cases, batch_size=2000)
        if keys:
            DataKey.objects.bulk_create(keys, batch_size=5000)
        m.AdvisorCase.objects.bulk_create(rows, batch_size=2000)
        if blind_index:
            m.MemberNameWord.objects.bulk_create(
                [
                    m.MemberNameWord(
                        advisor_case=row, organisation_id=row.organisation_id, digest=digest
                    )
                    for row, name in zip(rows, names, strict=True)
                    for digest in blind_index.index_digests(name)
                ],
                batch_size=5000,
            )
        if blind_index and hasattr(blind_index, "pair_digests"):
            from django.db import connections, router

            # COPY: about 33 pair hashes per name, too many rows for bulk_create to be quick
            table = m.MemberNamePair._meta.db_table
            columns = "advisor_case_id, organisation_id, digest"
            with connections[router.db_for_write(m.MemberNamePair)].cursor() as cursor:
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row, name in zip(rows, names, strict=True):
                        for digest in blind_index.pair_digests(name):
                            copy.write_row((row.id, row.organisation_id, digest))
        m.CaseNote.objects.bulk_create(
            [
                m.CaseNote(advisor_case=row, author=row.advisor, text_enc=b"-")
                for i, row in enumerate(rows)
                if i % 10 == 0
            ],
            batch_size=2000,
        )
        m.AuditEvent.objects.bulk_create(
            [
                m.AuditEvent(
                    organisation_id=row.organisation_id,
                    actor_id=row.advisor.user_id,
                    case_id=row.case_id,
                    reference=row.reference,
                    action=action,
                )
                for row in rows
                for action in ("created", "viewed")
            ],
            batch_size=5000,
        )


def vacuum(alias: str) -> None:
    from django.db import connections

    with connections[alias].cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def next_link(html: str) -> str | None:
    match = re.search(r'<a[^>]*rel="next"[^>]*href="([^"]+)"', html) or re.search(
        r'<a[^>]*href="([^"]+)"[^>]*rel="next"', html
    )
    return match[1].replace("&amp;", "&") if match else None


def deep_link(lead) -> str | None:
    """A page halfway down the organisation's open cases, if the list has keyset cursors."""
    from decision_aid.advisors import models as m

    try:
        from decision_aid.advisors.listing import Cursor
    except ImportError:
        return None
    open_cases = m.AdvisorCase.objects.filter(organisation_id=lead.organisation_id, status="open")
    middle = open_cases.filter(next_deadline__isnull=False).count() // 2
    row = open_cases.order_by("next_deadline", "id").values("next_deadline", "id")[middle]
    return "/adviseur/?scope=all&status=open&after=" + Cursor(**row).encode()


class QueryClock:
    """Counts the SQL queries of a request and the time spent waiting for them."""

    def __init__(self) -> None:
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - start


def measure_in_turns(
    clients: dict[int, object], urls: dict[int, dict[str, str]]
) -> dict[int, dict[str, tuple]]:
    """Every page at every size, the sizes in turns, request by request."""
    from bench_caseload_settings import SizeRouter
    from django.db import connections

    names = list(urls[SIZES[0]])
    times = {size: {name: [] for name in names} for size in SIZES}
    clocks = {size: {name: QueryClock() for name in names} for size in SIZES}
    sizes_of = {size: {} for size in SIZES}
    for round_ in range(3 + REQUESTS):
        for name in names:
            for size in SIZES:
                if name not in urls[size]:
                    continue
                SizeRouter.alias = f"cases_{size}"
                clock = clocks[size][name] if round_ >= 3 else QueryClock()
                with connections[SizeRouter.alias].execute_wrapper(clock):
                    start = time.perf_counter()
                    response = clients[size].get(urls[size][name])
                    elapsed = 1000 * (time.perf_counter() - start)
                assert response.status_code == 200, (size, name, response.status_code)
                if round_ >= 3:  # the first three warm up
                    times[size][name].append(elapsed)
                    sizes_of[size][name] = len(response.content)
    return {
        size: {
            name: (
                percentile(times[size][name], 50),
                percentile(times[size][name], 95),
                sizes_of[size][name],
                clocks[size][name].count // REQUESTS,
                1000 * clocks[size][name].seconds / REQUESTS,
            )
            for name in names
            if times[size][name]
        }
        for size in SIZES
    }


def pages(client, lead) -> dict[str, str]:
    urls = {
        "baseline /__bench__/": "/__bench__/",
        # not the goal's baseline: the bare view reading who is signed in, as every advisor page
        "bare view, signed in": "/__bench__/signed-in/",
        "lead: opening page": "/adviseur/",
        "lead: all open cases": "/adviseur/?scope=all&status=open",
    }
    html = client.get(urls["lead: all open cases"]).content.decode()
    if link := next_link(html):
        urls["lead: next page"] = link
    if link := deep_link(lead):
        urls["lead: page halfway"] = link
    urls["name search"] = "/adviseur/?scope=all&status=&q=" + PLANTED.replace(" ", "+")
    # A word in about one name in six ("de": de Vries, de Boer, ...): a full page at every size.
    urls["name search, common word"] = "/adviseur/?scope=all&status=&q=de"
    # Two words, each in many names, together in about one in 700: 1 match at 1,000 cases, a
    # full page at 100,000 (so this page has more to show at the larger sizes).
    urls["name search, two words"] = "/adviseur/?scope=all&status=&q=Anna+Jansen"
    # Two common words together in three names at every size: like work at every size.
    urls["two words, 3 names"] = "/adviseur/?scope=all&status=&q=" + PAIR.replace(" ", "+")
    urls["reference search"] = "/adviseur/?scope=all&status=&q=REF-000777"
    urls["audit log"] = "/adviseur/audit/"
    html = client.get(urls["audit log"]).content.decode()
    if link := next_link(html):
        urls["audit: next page"] = link
    return urls


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-caseload-"))
    sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
    production_environment(tmp)
    log(f"machine: {machine()}")
    names = ", ".join(f"{DB_NAME}_{size}" for size in SIZES)
    log(f"databases {names} on {SERVER}: drop, create, migrate; collectstatic")
    recreate_databases()
    import django

    django.setup()
    from bench_caseload_settings import SizeRouter
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    call_command("collectstatic", verbosity=0, interactive=False)
    import bench_wsgi  # noqa: F401 - the URL conf with the load bench's bare baseline view

    assert settings.ROOT_URLCONF == "bench_wsgi"
    clients, urls = {}, {}
    try:
        for size in SIZES:
            SizeRouter.alias = f"cases_{size}"
            call_command("migrate", database=SizeRouter.alias, verbosity=0)
            start = time.perf_counter()
            seeder = Seeder()
            seeder.grow_to(size)
            vacuum(SizeRouter.alias)
            log(f"{size:,} cases seeded ({time.perf_counter() - start:.0f} s)")
            clients[size] = Client()
            clients[size].force_login(seeder.lead.user)
            urls[size] = pages(clients[size], seeder.lead)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        log(f"measuring; load average before (1, 5, 15 min): {load}")
        results = measure_in_turns(clients, urls)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        log(f"load average after (1, 5, 15 min): {load}")
    finally:
        connections.close_all()
        if os.environ.get("BENCH_KEEP_DB") != "1":
            drop_databases()
    for size in SIZES:
        print_table(size, results[size])
    if len(SIZES) > 1:
        print_ratios(results)


def print_table(size: int, rows: dict[str, tuple]) -> None:
    print(f"\n{size:,} cases, {REQUESTS} warm requests each, in turns with the other sizes; ms")
    print(f"{'page':24s} {'p50':>8s} {'p95':>8s} {'size':>10s} {'queries':>8s} {'SQL ms':>7s}")
    for name, (p50, p95, nbytes, queries, sql_ms) in rows.items():
        print(
            f"{name:24s} {p50:8.1f} {p95:8.1f} {nbytes / 1024:7.1f} KB {queries:8d} {sql_ms:7.1f}"
        )
    sys.stdout.flush()


def print_ratios(results: dict[int, dict[str, tuple]]) -> None:
    small, large = SIZES[0], SIZES[-1]
    base = results[large]["baseline /__bench__/"][1]
    print(f"\n{large:,} / {small:,} cases (goal: ratio < {GOALS['ratio']}; p95 at {large:,}")
    print(f"within {GOALS['baseline']:.0f}x the baseline's p95 of {base:.2f} ms)")
    print(f"{'page':24s} {'p50 ratio':>10s} {'p95 ratio':>10s} {'p95 / base':>11s}")
    for name, (p50, p95, *_rest) in results[large].items():
        if name not in results[small]:
            continue
        r50, r95 = p50 / results[small][name][0], p95 / results[small][name][1]
        vs_base = p95 / base
        ok_ratio = "ok" if max(r50, r95) < GOALS["ratio"] else "MISSED"
        ok_base = "ok" if vs_base <= GOALS["baseline"] else "MISSED"
        print(f"{name:24s} {r50:10.2f} {r95:10.2f} {vs_base:10.1f}x  ratio {ok_ratio}, {ok_base}")


if __name__ == "__main__":
    main()
