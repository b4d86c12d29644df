"""The counts after three scripted journeys are exactly what they should be, one write
per request at most, and the counts page for staff shows them (masked and unmasked)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from decision_aid.insight import counters as c
from decision_aid.insight.models import DailyCount
from tests.insight.journeys import (
    EMPLOYEE,
    EMPLOYEE_PAGES,
    EMPLOYER,
    EMPLOYER_PAGES,
    OUT_OF_SCOPE_PAGES,
    walk_out_of_scope,
    walk_to_letter,
)
from tests.journey import PREFIX, _value, step_url

pytestmark = pytest.mark.django_db


def _three_journeys() -> None:
    walk_out_of_scope(Client())
    walk_to_letter(Client(), EMPLOYEE, docx=True)
    walk_to_letter(Client(), EMPLOYER)


def _expected() -> Counter:
    """Written out by hand from the three journeys: (metric, key, role) -> count."""
    want: Counter = Counter()
    want[(c.PAGE_REACHED, "role", "")] = 3  # the first page, before anyone chose a role
    for role, pages in (
        ("employee", OUT_OF_SCOPE_PAGES),
        ("employee", EMPLOYEE_PAGES),
        ("employer", EMPLOYER_PAGES),
    ):
        for page in pages:
            if page != "role":
                want[(c.PAGE_REACHED, page, role)] += 1
    # every page shown was answered, except the out-of-scope result: that journey ends there
    for role, pages in (
        ("employee", OUT_OF_SCOPE_PAGES[:-1]),
        ("employee", EMPLOYEE_PAGES),
        ("employer", EMPLOYER_PAGES),
    ):
        for page in pages:
            want[(c.PAGE_ANSWERED, page, role)] += 1
    want[(c.OUT_OF_SCOPE, "scope_self_employed", "employee")] = 1
    for role in ("employee", "employer"):
        want[(c.PAGE_REACHED, "attachments", role)] = 1
        want[(c.ROUTE, "expert_opinion", role)] = 1
        want[(c.EXPERT_QUESTION, "suitable_work_available", role)] = 1
        want[(c.LETTER, "expert_opinion.pdf", role)] = 1
        want[(c.FIRST_LETTER, "under_30m", role)] = 1  # the docx after the PDF is not "first"
    want[(c.LETTER, "expert_opinion.docx", "employee")] = 1
    return want


def test_three_journeys_give_exactly_the_expected_counts():
    _three_journeys()
    rows = DailyCount.objects.all()
    got = Counter({(r.metric, r.key, r.role): r.count for r in rows})
    assert got == _expected()
    # one day, one language, the public channel, no organisation: nothing else in a row
    assert {(r.language, r.channel, r.organisation) for r in rows} == {("nl", "public", 0)}


def test_an_english_journey_counts_in_english_and_the_same_day_row_adds_up():
    walk_out_of_scope(Client())
    from tests.insight.journeys import OUT_OF_SCOPE
    from tests.journey import walk

    walk(Client(), OUT_OF_SCOPE, lang="/en", stop_at="advice")
    walk(Client(), OUT_OF_SCOPE, lang="/en", stop_at="advice")
    scope = DailyCount.objects.filter(metric=c.OUT_OF_SCOPE)
    assert {(r.language, r.count) for r in scope} == {("nl", 1), ("en", 2)}


def test_going_back_and_answering_again_counts_a_page_once():
    client = Client()
    walk_out_of_scope(client)  # stops on the result
    case_id = client.session["cases"][-1]
    # back to the contract page, change nothing, go on again: no new counts
    before = Counter({(r.metric, r.key): r.count for r in DailyCount.objects.all()})
    client.get(f"/vragen/{case_id}/employment/")
    client.post(
        step_url(client, "employment"),
        {f"{PREFIX}-current_step": "employment", "employment-employment": "self_employed"},
    )
    client.get(f"/vragen/{case_id}/advice/")
    after = Counter({(r.metric, r.key): r.count for r in DailyCount.objects.all()})
    assert after == before


def _writes(queries: list[dict]) -> list[str]:
    verbs = ("INSERT", "UPDATE", "DELETE")
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(verbs)]


def test_at_most_one_counting_write_per_request(typical_answers):
    """Each wizard answer writes its counts in one statement, beside the case's own save."""
    client = Client()
    client.get("/vragen/")
    table = DailyCount._meta.db_table
    for step in ("role", "employment", "still_sick", "sick_since"):
        payload = {f"{PREFIX}-current_step": step}
        payload.update({f"{step}-{k}": _value(v) for k, v in typical_answers[step].items()})
        with CaptureQueriesContext(connection) as ctx:
            assert client.post(step_url(client, step), payload).status_code == 302
        counting = [sql for sql in _writes(ctx.captured_queries) if table in sql]
        assert len(counting) == 1, (step, counting)
        assert "ON CONFLICT" in counting[0]
    # a page shown again counts nothing and writes nothing
    with CaptureQueriesContext(connection) as ctx:
        client.get(step_url(client, "disputes"))
    assert _writes(ctx.captured_queries) == []


def test_counts_are_held_then_written_together(typical_answers, settings, monkeypatch):
    """Production (INSIGHT_FLUSH_SECONDS = 10): answers within the window write no count; the
    first request after it writes all of them in one statement, and a process that ends writes
    what it still holds. Nothing is lost or counted twice."""
    settings.INSIGHT_FLUSH_SECONDS = 10
    clock = [1000.0]
    monkeypatch.setattr(c.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(c, "_held", Counter())
    monkeypatch.setattr(c, "_held_since", clock[0])
    table = DailyCount._meta.db_table
    client = Client()
    client.get("/vragen/")
    steps = ("role", "employment", "still_sick", "sick_since")

    def answer(step: str) -> list[str]:
        payload = {f"{PREFIX}-current_step": step}
        payload.update({f"{step}-{k}": _value(v) for k, v in typical_answers[step].items()})
        with CaptureQueriesContext(connection) as ctx:
            assert client.post(step_url(client, step), payload).status_code == 302
        return [sql for sql in _writes(ctx.captured_queries) if table in sql]

    for step in steps[:3]:
        clock[0] += 1
        assert answer(step) == [], step
    assert not DailyCount.objects.exists()
    clock[0] += 10  # the window has passed: this answer writes all four and the first page
    counting = answer(steps[3])
    assert len(counting) == 1
    answered = {r.key: r.count for r in DailyCount.objects.filter(metric=c.PAGE_ANSWERED)}
    assert answered == dict.fromkeys(steps, 1)
    assert DailyCount.objects.get(metric=c.PAGE_REACHED, key="role").count == 1
    # held again, then written when the process ends (atexit: write_held)
    snapshot = Counter({(r.metric, r.key): r.count for r in DailyCount.objects.all()})
    clock[0] += 1
    assert answer("disputes") == []
    assert Counter({(r.metric, r.key): r.count for r in DailyCount.objects.all()}) == snapshot
    c.write_held()
    assert DailyCount.objects.get(metric=c.PAGE_ANSWERED, key="disputes").count == 1
    c.write_held()  # nothing held: nothing written twice
    assert DailyCount.objects.get(metric=c.PAGE_ANSWERED, key="disputes").count == 1


def test_the_counts_page_shows_the_three_journeys(staff_client, settings):
    _three_journeys()
    # masked (the default): every count here is under 5
    page = staff_client.get("/beheer/inzicht/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "&lt; 5" in html and "<svg" in html and 'role="img"' in html
    funnel = {row.key: row for row in page.context["funnel"]}
    assert funnel["role"].reached_shown == "< 5"
    # unmasked, the same page shows the exact numbers
    settings.INSIGHT_MASK_BELOW = 1
    page = staff_client.get("/beheer/inzicht/")
    rows = {row.key: (row.reached_shown, row.answered_shown) for row in page.context["funnel"]}
    assert rows["role"] == ("3", "3")
    assert rows["employment"] == ("3", "3")
    assert rows["still_sick"] == ("2", "2")
    assert rows["employer_passive"] == ("1", "1")
    assert rows["advice"] == ("3", "2")
    assert rows["attachments"] == ("2", "")
    assert rows["first_letter"] == ("2", "")
    assert list(rows)[:3] == ["role", "employment", "still_sick"]  # the wizard's order
    drop = [row.key for row in page.context["funnel"] if row.biggest_drop]
    assert drop == ["advice"]  # the only page someone left without answering
    html = page.content.decode()
    assert "Grootste uitval:" in html  # marked in the picture
    assert 'class="is-drop"' in html  # and in the table beside it
    tables = {t.title: t.rows for t in page.context["tables"]}
    assert tables["Aangeraden stap"] == [("Vraag een deskundigenoordeel aan", "2")]
    assert tables["Past niet bij deze hulp, per reden"] == [
        ("Zelfstandige: geen arbeidscontract", "1")
    ]
    assert dict(tables["Tijd van begin tot eerste brief"]) == {"minder dan 30 minuten": "2"}
    assert dict(tables["Brieven gedownload, per soort en bestandsvorm"]) == {
        "Vraag een deskundigenoordeel aan (PDF)": "2",
        "Vraag een deskundigenoordeel aan (Word)": "1",
    }


def test_csv_export_is_masked_and_summed_over_the_period(staff_client):
    _three_journeys()
    response = staff_client.get("/beheer/inzicht/csv/?days=7")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0] == "first_day,last_day,channel,language,role,metric,key,count"
    body = lines[1:]
    assert any(",page_reached,role,< 5" in line for line in body)
    assert all(line.endswith("< 5") for line in body)  # three journeys: every count is small
    # one line per (channel, language, role, metric, key): no day column, no case
    assert len(body) == DailyCount.objects.count()


def test_the_counts_page_is_for_staff_only(client):
    assert client.get("/beheer/inzicht/").status_code == 302  # to the admin's sign-in
    assert client.get("/beheer/inzicht/csv/").status_code == 302


def test_a_start_from_the_home_page_counts_the_first_question_once():
    """The home page shows the first question as three start buttons: showing it counts the
    question reached, pressing a button counts it answered (and the next page reached)."""
    client = Client()
    home = client.get("/")
    assert home.status_code == 200
    response = client.post(
        "/vragen/", {f"{PREFIX}-current_step": "role", "role-role": "employer"}, follow=True
    )
    assert response.status_code == 200
    got = Counter({(r.metric, r.key, r.role): r.count for r in DailyCount.objects.all()})
    assert got == Counter(
        {
            (c.PAGE_REACHED, "role", ""): 1,
            (c.PAGE_ANSWERED, "role", "employer"): 1,
            (c.PAGE_REACHED, "employment", "employer"): 1,
        }
    )
