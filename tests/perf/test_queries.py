"""Queries per request stay bounded: no page's query count grows with the answers.

Today a wizard page costs 3 queries (session, case, the case's data key) and an answer 4
(session, case, data key, case save); the session row is written at most once a minute
(pages.middleware.session_refresh), not on every request. The anonymous counts are
held as in production (INSIGHT_FLUSH_SECONDS) and written by one request in ten seconds, so
they are not part of a request's count here; tests/insight/test_counts.py counts that write.
The test's own ``step_url`` reads the session once inside the answer's count.
The limits leave at most one query of room, so a new N+1 or a repeated load fails here first.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.journey import PREFIX, TYPICAL_EMPLOYEE, _value, step_of, step_url

pytestmark = pytest.mark.django_db

MAX_WIZARD_GET = 3
MAX_WIZARD_POST = 5
MAX_FIRST_POST = 15  # the first answer also creates the case (with its data key, in a
# savepoint) and the session, and counts the case against the per-client hourly limit
MAX_DONE = 5  # + the case file read again under the case's row lock (own words kept)
MAX_ATTACHMENTS_GET = 7  # reading the "added" message writes the session (in a savepoint);
# + the case's data key
MAX_ATTACHMENTS_POST = 16  # + the case row lock, its usage and the upload's data key;
# + the client's upload slot, taken and given back (PostgreSQL advisory lock, sandbox);
# + the client's count of refused files (fair shares of the check slots)
MAX_DRAFT_GET = 4  # session, case, its data key, attachments


@pytest.fixture(autouse=True)
def _counts_held_as_in_production(settings, monkeypatch):
    from collections import Counter

    from decision_aid.insight import counters

    settings.INSIGHT_FLUSH_SECONDS = 3600  # held for the whole test, then dropped
    monkeypatch.setattr(counters, "_held", Counter())
    monkeypatch.setattr(counters, "_held_since", counters.time.monotonic())


def _payload(step: str) -> dict[str, object]:
    data = {f"{PREFIX}-current_step": step}
    data.update({f"{step}-{k}": _value(v) for k, v in TYPICAL_EMPLOYEE[step].items()})
    return data


def test_every_wizard_page_and_answer_has_bounded_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_WIZARD_GET):
        response = client.get("/vragen/")
    assert response.status_code == 200
    step, seen = "role", []
    for _ in range(30):
        seen.append(step)
        limit = MAX_FIRST_POST if step == "role" else MAX_WIZARD_POST
        with django_assert_max_num_queries(limit, info=f"POST {step}"):
            response = client.post(step_url(client, step), _payload(step))
        assert response.status_code == 302, (step, response.status_code)
        target = response["Location"]
        if target.endswith("/klaar/"):
            with django_assert_max_num_queries(MAX_DONE, info="done"):
                response = client.get(target)
            assert "/bijlagen/" in response["Location"]
            break
        with django_assert_max_num_queries(MAX_WIZARD_GET, info=f"GET {target}"):
            response = client.get(target)
        assert response.status_code == 200, target
        step = step_of(response)
    assert seen[-1] == "details" and "review" in seen and "advice" in seen


def test_attachments_and_draft_pages_have_bounded_queries(
    client, typical_answers, make_pdf, django_assert_max_num_queries
):
    from tests.journey import walk

    page = walk(client, typical_answers)
    path = page.request["PATH_INFO"]
    for n in range(3):  # the count does not grow with the number of attachments
        upload = SimpleUploadedFile(f"a{n}.pdf", make_pdf(pages=1), content_type="application/pdf")
        with django_assert_max_num_queries(MAX_ATTACHMENTS_POST, info="upload"):
            assert client.post(path, {"file": upload}).status_code == 302
        with django_assert_max_num_queries(MAX_ATTACHMENTS_GET, info="attachments page"):
            assert client.get(path).status_code == 200
    with django_assert_max_num_queries(MAX_DRAFT_GET, info="draft page"):
        assert client.get(path.replace("bijlagen/", "")).status_code == 200
