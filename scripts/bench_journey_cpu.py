"""CPU of the web process for one whole public journey, in process.

Every wizard page GET and POST and the finish, with Django's test client against the database
of DATABASE_URL (migrated), one new client (and client address) per journey. Prints the median
CPU time (``time.process_time``: this Python process only, not PostgreSQL) and wall time per
journey, and the number of SQL statements of one journey. The first two journeys are warm-up.

CPU time moves much less than wall time when other work shares the machine, so an A/B of two
trees, run alternately, gives a usable ratio where `make bench-load` does not:

    DJANGO_ALLOWED_HOSTS=testserver DATABASE_URL=postgres://…/db_a \
        .venv/bin/python scripts/bench_journey_cpu.py 52
"""

from __future__ import annotations

import os
import statistics
import sys
import time

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decision_aid.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tests.journey import TYPICAL_EMPLOYEE, walk  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 52
    answers = {k: dict(v) for k, v in TYPICAL_EMPLOYEE.items()}
    cpu, wall, queries = [], [], 0
    for i in range(n):
        client = Client(REMOTE_ADDR=f"10.{i // 60000}.{(i // 250) % 240}.{i % 250 + 1}")
        t0, w0 = time.process_time(), time.perf_counter()
        with CaptureQueriesContext(connection) as ctx:
            page = walk(client, answers)
        cpu.append(time.process_time() - t0)
        wall.append(time.perf_counter() - w0)
        queries = len(ctx.captured_queries)
        assert "/bijlagen/" in page.request["PATH_INFO"]
    cpu, wall = cpu[2:], wall[2:]
    print(
        f"journeys {len(cpu)}: CPU median {statistics.median(cpu) * 1000:.1f} ms, "
        f"wall median {statistics.median(wall) * 1000:.1f} ms, SQL statements {queries}"
    )


if __name__ == "__main__":
    main()
