"""After a journey, every table of the database is searched for the case id, the
names typed and the own words written. They are found only in the case's own rows (all
encrypted except the id), and after "delete everything" nowhere: the counts and the feedback
hold nothing that leads back to the case.

Every column of every row is read (SELECT *), bytes and text alike; the session rows are
decoded first (they are signed base64 JSON), so a case id kept in a session is found too.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from decision_aid.insight.models import DailyCount, Feedback
from tests.insight.journeys import EMPLOYEE
from tests.journey import walk

pytestmark = pytest.mark.django_db

OWN_WORDS = "Mijn leidinggevende belde mij elke dag op tijdens mijn ziekte, ook in het weekend."
FEEDBACK_TEXT = "Duidelijke uitleg over de stappen."
# the case's own rows: the case, its data keys, its attachments, the hourly upload counter named
# after it (cases_throttlecounter "upload:<id>"), and the browser's session (its list of cases)
OWN_TABLES = {
    "cases_case",
    "cases_datakey",
    "cases_attachment",
    "cases_throttlecounter",
    "django_session",
}


def _needles(case_id: str) -> dict[str, list[str]]:
    details = EMPLOYEE["details"]
    return {
        "case id": [case_id, case_id.replace("-", "")],
        "names": [
            details["requester_name"],
            "Anouk",
            "Çelik",
            details["employer_name"],
            details["bedrijfsarts_name"],
            "Lindelaan",
        ],
        "own words": [OWN_WORDS, "leidinggevende belde", details["own_view"][:40]],
    }


def _row_texts(table: str, cursor) -> list[str]:
    from django.contrib.sessions.backends.db import SessionStore

    quoted = connection.ops.quote_name(table)
    cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - table names from introspection
    columns = [col[0] for col in cursor.description]
    texts = []
    for row in cursor.fetchall():
        parts = []
        for name, value in zip(columns, row, strict=True):
            if isinstance(value, memoryview):
                value = bytes(value)
            if isinstance(value, bytes):
                parts.append(value.decode("utf-8", "replace"))
                parts.append(value.hex())
            else:
                parts.append(str(value))
            if table == "django_session" and name == "session_data":
                parts.append(repr(SessionStore().decode(value)))
        texts.append("\n".join(parts))
    return texts


def _where_found(case_id: str) -> dict[str, set[str]]:
    """For each kind of needle: the tables where any of its needles is found in any row."""
    found: dict[str, set[str]] = {kind: set() for kind in _needles(case_id)}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for text in _row_texts(table, cursor):
                for kind, needles in _needles(case_id).items():
                    if any(n.lower() in text.lower() for n in needles):
                        found[kind].add(table)
    return found


def test_a_journey_leaves_no_trace_outside_the_case_and_none_after_deletion(make_pdf):
    client = Client()
    page = walk(client, EMPLOYEE)
    path = page.request["PATH_INFO"]
    case_id = path.split("/")[-3]
    upload = SimpleUploadedFile("advies.pdf", make_pdf(pages=1), content_type="application/pdf")
    assert client.post(path, {"file": upload, "action": "go"}).status_code == 302
    draft = client.get(path.replace("bijlagen/", ""))
    slug = draft.context["letters"][0]["slug"]
    own = client.post(f"/brief/{case_id}/eigen-woorden/{slug}/", {"text": OWN_WORDS})
    assert own.status_code == 302
    assert client.get(f"/brief/{case_id}/pdf/{slug}/").status_code == 200
    assert client.get(f"/brief/{case_id}/word/{slug}/").status_code == 200
    client.post(
        "/reactie/",
        {
            "place": "sheet",
            "role": "employee",
            "answer": "yes",
            "text": FEEDBACK_TEXT,
            "next": f"/brief/{case_id}/",
        },
    )
    # the journey was counted, and the feedback kept (so the search below has rows to search)
    assert DailyCount.objects.filter(metric="letter").exists()
    assert Feedback.objects.get().text == FEEDBACK_TEXT

    found = _where_found(case_id)
    assert found["case id"] <= OWN_TABLES, found
    assert {"cases_case", "django_session"} <= found["case id"]
    assert found["names"] == set(), found  # encrypted in the case row, nowhere in plain text
    assert found["own words"] == set(), found

    assert client.post(f"/zaak/{case_id}/verwijderen/").status_code == 200
    found = _where_found(case_id)
    assert found == {"case id": set(), "names": set(), "own words": set()}, found
    # the counts and the feedback stay: they never belonged to the case
    assert DailyCount.objects.filter(metric="deletion", key="person").get().count == 1
    assert Feedback.objects.count() == 1
