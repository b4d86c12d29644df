"""The feedback tap (without JavaScript, as a plain form), its texts' retention, and
the lead's counts page (their own organisation's intakes only)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from decision_aid.insight.models import DailyCount, Feedback
from tests.advisors.conftest import INTAKE, client_for
from tests.insight.journeys import walk_out_of_scope

pytestmark = pytest.mark.django_db


def _form_fields(html: str) -> dict[str, str]:
    import re

    form = html[html.index('action="/reactie/"') :]
    form = form[: form.index("</form>")]
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


def test_the_advice_page_has_the_tap_and_a_tap_counts_without_keeping_anything():
    client = Client()
    advice = walk_out_of_scope(client)
    html = advice.content.decode()
    assert "Hielp dit advies?" in html
    assert "Schrijf geen namen en niets over uw gezondheid." in html
    fields = _form_fields(html)
    assert fields["place"] == "advice" and fields["role"] == "employee"
    response = client.post("/reactie/", {**fields, "answer": "somewhat", "text": ""})
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Dank u wel" in thanks.content.decode()
    assert fields["next"] in thanks.content.decode()  # back to the advice
    assert Feedback.objects.count() == 0  # no text: nothing kept but the count
    row = DailyCount.objects.get(metric="feedback")
    assert (row.key, row.role, row.count) == ("advice.somewhat", "employee", 1)


def test_a_text_is_kept_encrypted_without_a_link_and_purged_with_the_case_retention(settings):
    client = Client()
    text = "De uitleg over de termijnen was duidelijk."
    client.post("/reactie/", {"place": "sheet", "role": "employer", "answer": "yes", "text": text})
    kept = Feedback.objects.get()
    assert kept.text == text
    assert text.encode() not in bytes(kept.text_enc)
    assert {f.name for f in Feedback._meta.get_fields()} == {
        "id",
        "day",
        "language",
        "role",
        "place",
        "answer",
        "text_enc",
    }  # no case, no time of day, no address, no session
    # older than the retention of cases: purge_expired deletes it
    Feedback.objects.update(day=timezone.localdate() - timedelta(days=settings.CASE_RETENTION_DAYS))
    call_command("purge_expired")
    assert Feedback.objects.count() == 1  # exactly the retention: kept
    Feedback.objects.update(
        day=timezone.localdate() - timedelta(days=settings.CASE_RETENTION_DAYS + 1)
    )
    call_command("purge_expired")
    assert Feedback.objects.count() == 0
    # the count of the tap stays: it is not personal data
    assert DailyCount.objects.get(metric="feedback").key == "sheet.yes"


def test_bad_feedback_is_refused_in_the_language_of_the_page_and_keeps_the_text():
    client = Client()
    long_text = "Te lang. " * 80
    response = client.post("/reactie/", {"place": "advice", "text": long_text, "next": "/"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies ja, een beetje of nee." in html
    assert "Maak het korter: hoogstens 500 tekens" in html
    assert "Te lang. Te lang." in html  # what was typed is still there
    response = Client().post("/en/reactie/", {"place": "advice", "answer": "maybe"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert Feedback.objects.count() == 0 and not DailyCount.objects.exists()


def test_the_way_back_never_leaves_the_site():
    response = Client().post(
        "/reactie/", {"place": "advice", "answer": "no", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    thanks = Client().get(response["Location"])
    assert "evil.example" not in thanks.content.decode()


def test_the_draft_page_has_the_tap_for_the_sending_sheet(client, typical_answers):
    from tests.journey import walk

    page = walk(client, typical_answers)
    draft = client.get(page.request["PATH_INFO"].replace("bijlagen/", ""))
    fields = _form_fields(draft.content.decode())
    assert fields["place"] == "sheet" and fields["role"] == "employee"


def test_a_lead_sees_only_their_own_organisations_intakes(advisors):
    client_for(advisors["a1"]).post("/adviseur/nieuw/", {**INTAKE, "save": "1"})
    client_for(advisors["b1"]).post("/adviseur/nieuw/", {**INTAKE, "save": "1"})
    client_for(advisors["b1"]).post("/adviseur/nieuw/", {**INTAKE, "save": "1"})
    walk_out_of_scope(Client())  # a public journey: not the lead's business
    rows = DailyCount.objects.filter(metric="intake")
    by_org = {r.organisation: r.count for r in rows}
    assert by_org == {advisors["a1"].organisation_id: 1, advisors["b1"].organisation_id: 2}
    assert {r.channel for r in rows} == {"advisor"}

    lead = client_for(advisors["lead"])
    lead.get("/adviseur/")  # the menu links to the page
    page = lead.get("/adviseur/inzicht/")
    assert page.status_code == 200
    tables = {t.title: dict(t.rows) for t in page.context["tables"]}
    assert tables["Intakes van adviseurs opgeslagen"] == {"Nieuwe intakes": "< 5"}
    assert page.context["funnel"] == []  # the public wizard's pages are not theirs
    assert "recent_texts" not in page.context
    csv = lead.get("/adviseur/inzicht/csv/").content.decode()
    assert ",advisor,nl,advisor,intake,saved,< 5" in csv
    assert ",public," not in csv and "page_reached" not in csv
    # not a lead: no page
    assert client_for(advisors["a1"]).get("/adviseur/inzicht/").status_code == 404
    assert client_for(advisors["a1"]).get("/adviseur/inzicht/csv/").status_code == 404


def test_a_flood_of_feedback_is_refused_and_kept_texts_have_a_daily_cap(settings):
    """A script sending feedback again and again: past 10 an hour from one address it gets a
    429 page in its language and nothing more is counted or kept; from many addresses, at most
    FEEDBACK_TEXTS_PER_DAY texts are kept a day (the taps still count)."""
    settings.FEEDBACK_RATE_PER_CLIENT = "3/h"
    settings.FEEDBACK_TEXTS_PER_DAY = "4/d"
    one = Client(REMOTE_ADDR="203.0.113.9")
    post = {"place": "advice", "role": "employee", "answer": "no", "text": "spam"}
    for _ in range(3):
        assert one.post("/reactie/", post).status_code == 302
    refused = one.post("/reactie/", post)
    assert refused.status_code == 429
    assert "Er is veel feedback gestuurd vanaf uw internetverbinding" in refused.content.decode()
    assert one.post("/en/reactie/", post).status_code == 429
    assert "A lot of feedback was sent" in one.post("/en/reactie/", post).content.decode()
    assert Feedback.objects.count() == 3
    assert DailyCount.objects.get(metric="feedback").count == 3
    # other addresses: the fourth text is kept, the fifth and sixth only counted
    for n in range(3):
        other = Client(REMOTE_ADDR=f"198.51.100.{n + 1}")
        assert other.post("/reactie/", post).status_code == 302
    assert Feedback.objects.count() == 4
    assert DailyCount.objects.get(metric="feedback").count == 6
