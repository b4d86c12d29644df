"""CPU and queries of one live poll ("still version N?"), with the page's signed
ticket (advisors.poll_token) and through the full checks (no ticket), in turns in one process.

Django's test client against the database of DATABASE_URL (migrated); a member shares a case
with an advisor, then each side polls N times per way. Prints the median CPU (this process
only; PostgreSQL's share is in the query count) and the queries of one poll.

    DJANGO_ALLOWED_HOSTS=testserver DATABASE_URL=postgres://…/db \
        .venv/bin/python scripts/bench_poll.py 300
"""

from __future__ import annotations

import os
import re
import secrets
import statistics
import sys
import time
import uuid

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decision_aid.settings")
os.environ.setdefault("ADVISOR_REQUIRE_2FA", "0")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from decision_aid.advisors import poll_token  # noqa: E402
from decision_aid.advisors.models import Advisor, Organisation  # noqa: E402
from decision_aid.cases.models import Case  # noqa: E402
from tests.journey import TYPICAL_EMPLOYEE, current_case_id, walk  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    settings.ADVISOR_REQUIRE_2FA = False
    from django.contrib.auth import get_user_model

    name = f"poll-{uuid.uuid4().hex[:8]}"
    user = get_user_model().objects.create_user(name, password=secrets.token_urlsafe(16))
    org, _ = Organisation.objects.get_or_create(name="Bench vakbond")
    advisor = Advisor.objects.create(user=user, organisation=org)
    member = Client(REMOTE_ADDR=f"10.77.{os.getpid() % 250}.1")
    walk(member, {k: dict(v) for k, v in TYPICAL_EMPLOYEE.items()}, stop_at="talked")
    case_id = current_case_id(member)
    page = member.post(
        f"/samen/{case_id}/code/", {"next": f"/vragen/{case_id}/talked/"}, follow=True
    )
    code = re.search(r'aria-hidden="true">([A-Z0-9]{6})<', page.content.decode())[1]
    desk = Client()
    desk.force_login(user)
    assert desk.post("/adviseur/samen/", {"code": code}).status_code == 302
    case = Case.objects.get(pk=case_id)
    version = f"{case.revision}-{case.sharing}"
    member_ticket = poll_token.member_ticket(case_id)
    advisor_ticket = poll_token.advisor_ticket(
        case_id, advisor_id=advisor.pk, organisation_id=org.pk
    )
    ways = {
        "member, full checks": (member, f"/samen/{case_id}/versie/?v={version}"),
        "member, ticket": (member, f"/samen/{case_id}/versie/?t={member_ticket}&v={version}"),
        "advisor, full checks": (desk, f"/adviseur/zaken/{case_id}/samen/versie/?v={version}"),
        "advisor, ticket": (
            desk,
            f"/adviseur/zaken/{case_id}/samen/versie/?t={advisor_ticket}&v={version}",
        ),
    }
    cpu: dict[str, list[float]] = {k: [] for k in ways}
    queries = {}
    for label, (client, url) in ways.items():
        for _ in range(20):
            assert client.get(url).status_code == 204, label
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        queries[label] = len(ctx.captured_queries)
    for _ in range(n):
        for label, (client, url) in ways.items():
            t = time.process_time()
            client.get(url)
            cpu[label].append(time.process_time() - t)
    print(f"{n} polls per way, in turns; answer 204 (nothing new)")
    for label in ways:
        print(
            f"  {label:22s} CPU median {statistics.median(cpu[label]) * 1000:5.2f} ms, "
            f"queries {queries[label]}"
        )
    for side in ("member", "advisor"):
        full = statistics.median(cpu[f"{side}, full checks"])
        ticket = statistics.median(cpu[f"{side}, ticket"])
        print(f"  {side}: ticket / full checks = {ticket / full:.2f}x CPU")


if __name__ == "__main__":
    main()
