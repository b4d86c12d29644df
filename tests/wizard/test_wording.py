"""Words that fit the person: an employee reads "u" and "uw werkgever", an
employer reads "uw werknemer" and employer examples, no English on Dutch pages, and an
unanswered question says what to choose."""

from __future__ import annotations

import re

import pytest

from tests.journey import post_step, step_of, walk

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def _walk_pages(client, answers) -> dict[str, str]:
    """Each question page's visible text, by step, for these answers."""
    pages = {}
    response = client.get("/vragen/", follow=True)
    for _ in range(30):
        step = step_of(response)
        if step in ("review", "advice"):
            break
        pages[step] = _text(response)
        response = post_step(client, step, answers[step])
    return pages


def test_employee_reads_u_and_uw_werkgever(client, typical_answers):
    pages = _walk_pages(client, typical_answers)
    later = {step: text for step, text in pages.items() if step not in ("role", "employment")}
    for step, text in later.items():
        assert "de werknemer" not in text.lower(), (step, text)
    assert "Bent u nu ziek?" in pages["still_sick"]
    assert "Ja, ik ben ziek" in pages["still_sick"]
    assert "uw werkgever" in pages["talked"]
    assert "Krijgt u nog loon?" in pages["wage"]
    assert "Bent u lid van een vakbond?" in pages["legal_help"]


def test_employer_reads_uw_werknemer_and_employer_examples(client, typical_answers):
    answers = {**typical_answers, "role": {"role": "employer"}}
    pages = _walk_pages(client, answers)
    assert "Is uw werknemer nu ziek?" in pages["still_sick"]
    assert "uw werknemer weigert werk dat u aanbiedt" in pages["disputes"]
    assert "plan van aanpak" in pages["talked"]
    assert "Betaalt u het loon nog?" in pages["wage"]
    assert "Ja, ik ben ziek" not in pages["still_sick"]


def test_no_first_opinion_in_dutch_pages(client, typical_answers):
    pages = _walk_pages(client, typical_answers)
    for step, text in pages.items():
        assert "first opinion" not in text.lower(), step
    advice = walk(client, typical_answers, stop_at="advice")
    assert "first opinion" not in advice.content.decode().lower()


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("talked", "Kies of u al met uw werkgever hebt gepraat."),
        ("wage", "Kies of het loon nog wordt betaald."),
        ("relationship", "Kies hoe de werkrelatie nu is."),
    ],
)
def test_an_unanswered_question_says_what_to_choose(client, typical_answers, step, message):
    walk(client, typical_answers, stop_at=step)
    response = post_step(client, step, {})
    assert step_of(response) == step
    html = response.content.decode()
    assert html.count(message) == 2  # error summary and next to the question
    assert "Kies een van de antwoorden" not in html


def test_the_letter_details_and_cao_question_fit_the_employer_and_the_employee(
    client, typical_answers
):
    """The bakery owner read the employee's example ("mijn rugpijn"), "nooit in een brief aan de
    werkgever" and "Uw werkgever of vakbond kan u dat vertellen"; the sick employee read
    "Geboortedatum van de werknemer" about themselves (phone review, p2-werkgever-16-details.png,
    p2-werkgever-13-cao_expert.png), and "Samen met mijn adviseur: Belt u met uw vakbond?" on
    every page of the employer (p2-werkgever-08-talked.png)."""
    answers = {**typical_answers, "role": {"role": "employer"}}
    pages = _walk_pages(client, answers)
    assert "Uw werkgever of vakbond" not in pages["cao_expert"]
    assert "werkgeversorganisatie" in pages["cao_expert"]
    details = _text(walk(client, answers, stop_at="details"))
    assert "rugpijn" not in details and "nooit in een brief aan de werkgever" not in details
    assert "zonder medische gegevens" in details
    assert "Geboortedatum van de werknemer" in details
    # "Belt u met uw vakbond?" is for a member, not for the bakery owner
    assert not [step for step, text in pages.items() if "met uw vakbond" in text]
    assert "met uw vakbond" not in details

    client.cookies.clear()
    details = _text(walk(client, typical_answers, stop_at="details"))
    assert "Belt u met uw vakbond?" in details
    assert "Uw geboortedatum" in details and "Geboortedatum van de werknemer" not in details
    assert "rugpijn" in details  # the employee's own example stays


def _pay_cut(answers, role: str):
    return {
        **answers,
        "role": {"role": role},
        "disputes": {"disputes": ["wage_stopped"]},
        "wage": {"wage": "cut"},
        "money": {"unfitness_disputed": "no", "pregnancy_related": "no"},
    }


def test_the_pay_question_speaks_to_the_cleaner_and_to_the_bakery_owner(client, typical_answers):
    """The new money page read "de werkgever zegt dat de werknemer kan werken" to the employee
    whose pay was cut and to the employer who stopped it (phone walk review)."""
    employee = _walk_pages(client, _pay_cut(typical_answers, "employee"))["money"]
    assert "de werknemer" not in employee.lower(), employee
    assert "uw werkgever zegt dat u kunt werken" in employee
    client.cookies.clear()
    employer = _walk_pages(client, _pay_cut(typical_answers, "employer"))["money"]
    assert "de werkgever zegt" not in employer.lower(), employer
    assert "u vindt dat uw werknemer kan werken" in employer


def test_the_pregnancy_hint_speaks_to_the_person_reading(client, typical_answers):
    """The hint under "caused by pregnancy?" said "dan blijft de werkgever betalen" to the
    employee and to the bakery owner alike: the employee reads "uw werkgever ... u", the
    employer "u blijft uw werknemer betalen"; the advisor keeps the neutral words."""
    employee = _walk_pages(client, _pay_cut(typical_answers, "employee"))["money"]
    assert "de werkgever" not in employee.lower(), employee
    assert "dan blijft uw werkgever u betalen" in employee
    assert "uw gezondheid" in employee
    client.cookies.clear()
    employer = _walk_pages(client, _pay_cut(typical_answers, "employer"))["money"]
    assert "de werkgever" not in employer.lower(), employer
    assert "dan blijft u uw werknemer betalen" in employer
    assert "de gezondheid van uw werknemer" in employer
    client.cookies.clear()
    advisor = _walk_pages(client, _pay_cut(typical_answers, "advisor"))["money"]
    assert "dan blijft de werkgever betalen" in advisor
