"""The wizard's money questions (domain.md §10) and the timeline's words for them."""

from __future__ import annotations

import pytest
from django.utils import translation

from decision_aid.advice.timeline_svg import timeline_text
from tests.journey import walk

pytestmark = pytest.mark.django_db


def test_week_past_104_does_not_read_as_week_109_of_104():
    with translation.override("nl"):
        text = timeline_text(109, [], None)
    assert "week 109 van de 104" not in text and "week 109: 5 weken na de 104 weken" in text


def test_contract_ending_before_uwvs_answer_is_said():
    milestones = [{"key": "contract_end", "week": 39, "label": "x", "status": "coming"}]
    with translation.override("en"):
        text = timeline_text(36, milestones, (38, 44))
    assert "The contract ends in week 39, maybe before that answer" in text


def test_pay_cut_asks_whether_the_sickness_is_disputed_and_advises_a_wage_claim(
    client, typical_answers
):
    answers = {
        **typical_answers,
        "disputes": {"disputes": ["wage_stopped"]},
        "wage": {"wage": "cut"},
        "money": {"unfitness_disputed": "no", "pregnancy_related": ""},
    }
    page = walk(client, answers, lang="/en", stop_at="advice").content.decode()
    assert "This week" in page and "Get legal advice" in page
    assert page.index("This week") < page.index("Our advice for now")
    assert "Put these dates in the calendar on your phone" in page


def test_the_calendar_link_says_datums_not_data_or_ics(client, typical_answers):
    """ "Zet deze data in uw agenda (.ics)": "data" reads as "gegevens" and ".ics" means nothing
    to a cleaner on her phone (phone walk review)."""
    answers = {
        **typical_answers,
        "disputes": {"disputes": ["wage_stopped"]},
        "wage": {"wage": "cut"},
        "money": {"unfitness_disputed": "no", "pregnancy_related": ""},
    }
    page = walk(client, answers, stop_at="advice").content.decode()
    assert "Zet deze datums in de agenda van uw telefoon" in page
    assert ".ics)" not in page


def test_paid_wage_skips_the_money_page(client, typical_answers):
    walk(client, typical_answers, stop_at="advice")  # typical: paid; asking 'money' would fail


def test_employer_near_the_wia_check_is_asked_the_sanction_and_its_date(client, typical_answers):
    answers = {
        **typical_answers,
        "role": {"role": "employer"},
        "sick_since": {"sick_since": "weeks_ago:95"},
        "wage_sanction": {"wage_sanction": "yes"},
        "sanction_decided_on": {"sanction_decided_on": "weeks_ago:1"},
        "disputes": {"disputes": ["employer_efforts"]},
    }
    answers.pop("employer_passive", None)
    page = walk(client, answers, lang="/en", stop_at="advice").content.decode()
    assert "Object to the wage sanction and ask UWV to shorten it" in page
    assert "Last day for the objection" in page


def test_this_week_names_the_step_before_its_date_and_what_to_do():
    """ "14-12-2026: Stuur vandaag de schriftelijke eis" read as "send it on the 14th" on a phone:
    each line now starts with what the date is, then says what to do."""
    from django.template.loader import render_to_string

    action = {
        "date": "2026-12-14",
        "date_label": "14-12-2026",
        "label": "Datum waarvóór het ontbrekende loon betaald moet zijn",
        "text": "Stuur vandaag de schriftelijke eis.",
    }
    html = render_to_string("includes/this_week.html", {"advice": {"this_week": [action]}})
    text = " ".join(html.replace("<br>", " ").split())
    label_at = text.index("Datum waarvóór")
    assert label_at < text.index("14-12-2026") < text.index("Stuur vandaag")
