"""The whole journey without JavaScript, through Django's test client (real DB, real PDF)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import pdf_text
from tests.journey import PREFIX, add_attachment, post_step, step_of, step_url, walk

pytestmark = pytest.mark.django_db


def _pdf_upload(data: bytes, name: str = "advies.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_home_is_dutch_by_default_and_english_under_en(client):
    nl = client.get("/")
    assert nl.status_code == 200
    assert b'<html lang="nl">' in nl.content
    assert "Vastgelopen" in nl.content.decode()
    en = client.get("/en/")
    assert b'<html lang="en">' in en.content
    assert "Stuck in a re-integration dispute?" in en.content.decode()


def test_progress_moves_on_every_page_of_the_journey(client, typical_answers, make_pdf):
    """ "Stap n van N" counts pages, not 7 sections that stood still for ten
    pages; it moves by one on every page, down to the draft."""
    import re

    seen = []

    def progress(response) -> tuple[int, int]:
        text = re.search(r"Stap (\d+) van (?:ongeveer )?(\d+)", response.content.decode())
        assert text, response.request["PATH_INFO"]
        return int(text.group(1)), int(text.group(2))

    response = client.get("/vragen/", follow=True)
    for _ in range(30):
        seen.append(progress(response))
        if "/brief/" in response.request["PATH_INFO"]:
            break
        step = step_of(response)
        response = post_step(client, step, typical_answers[step])
    response = client.post(response.request["PATH_INFO"], {"action": "go"}, follow=True)
    seen.append(progress(response))
    numbers = [n for n, _ in seen]
    assert numbers == list(range(1, len(seen) + 1)), seen
    assert {total for _, total in seen} == {len(seen)}, seen


def test_full_journey_gives_pdf_with_name_and_first_opinion_pages(
    client, typical_answers, make_pdf
):
    response = walk(client, typical_answers)
    assert "/bijlagen/" in response.request["PATH_INFO"]
    response = add_attachment(client, response, _pdf_upload(make_pdf(pages=3)))
    assert response.content.decode().count('name="remove"') == 1  # listed, removable
    draft = client.get(response.request["PATH_INFO"].replace("bijlagen/", ""))
    assert "Uw brief is klaar" in draft.content.decode()
    pdf = client.get(draft.request["PATH_INFO"] + "pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment")
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf.content))
    text = pdf_text(pdf.content)
    assert "Anouk de Vries-Çelik" in text
    assert "Bakkerij Brood & Zo B.V." in text
    # the uploaded pages are the last pages, unchanged
    for n in (1, 2, 3):
        assert f"EERSTE OORDEEL pagina {n}" in reader.pages[-4 + n].extract_text()
    assert "EERSTE OORDEEL" not in (reader.pages[0].extract_text() or "")


def test_back_keeps_what_was_typed_even_if_not_submitted(client, typical_answers):
    walk(client, typical_answers, stop_at="sick_since")
    # type a date, then press Back instead of Next: the typed date must still be there
    response = post_step(
        client, "sick_since", {"sick_since": "01-02-2026"}, wizard_goto_step="still_sick"
    )
    assert step_of(response) == "still_sick"
    again = client.get(step_url(client, "sick_since"))
    assert 'value="01-02-2026"' in again.content.decode()


def test_a_half_filled_page_shown_again_has_no_errors_until_it_is_sent(client, typical_answers):
    """Name typed on the letter details, Back to the advice, "make the letter" again: the page
    opened with "Er is een probleem" and three times "Vul dit veld in." before the person had
    pressed anything (phone review, p1-werknemer-23-details-again.png)."""
    walk(client, typical_answers, stop_at="details")
    response = post_step(
        client, "details", {"requester_name": "Fatma Yilmaz"}, wizard_goto_step="advice"
    )
    assert step_of(response) == "advice"
    response = post_step(client, "advice", {})
    html = response.content.decode()
    assert step_of(response) == "details"
    assert 'value="Fatma Yilmaz"' in html  # the typing is kept
    assert "Er is een probleem" not in html and 'aria-invalid="true"' not in html
    # the same page sent with Next does say what is missing
    response = post_step(client, "details", {"requester_name": "Fatma Yilmaz"})
    assert "Er is een probleem" in response.content.decode()


@pytest.mark.parametrize(
    ("value", "message_nl"),
    [
        ("", "Vul de eerste ziektedag in."),
        ("31-02-2026", "Deze datum bestaat niet. Kijk of de dag en de maand kloppen"),
        ("toen het begon", "We kunnen deze datum niet lezen. Schrijf hem bijvoorbeeld als"),
        ("morgen", "Deze datum ligt in de toekomst."),  # read as tomorrow
        ("01-01-2999", "Deze datum ligt in de toekomst."),
    ],
)
def test_bad_sick_date_message_next_to_field_and_in_summary(
    client, typical_answers, value, message_nl
):
    walk(client, typical_answers, stop_at="sick_since")
    response = post_step(client, "sick_since", {"sick_since": value})
    html = response.content.decode()
    assert response.status_code == 200
    assert step_of(response) == "sick_since"
    assert html.count(message_nl) == 2  # in the error summary and next to the field
    assert 'href="#id_sick_since-sick_since"' in html
    assert 'aria-invalid="true"' in html
    assert "<title>Fout:" in html


def test_errors_are_in_english_on_the_english_site(client, typical_answers):
    walk(client, typical_answers, lang="/en", stop_at="sick_since")
    response = post_step(client, "sick_since", {"sick_since": "31-02-2026"}, lang="/en")
    assert "This date does not exist. Check the day and the month" in response.content.decode()
    response = post_step(client, "sick_since", {"sick_since": "when it began"}, lang="/en")
    assert "We could not read this date. Write it for example as" in response.content.decode()


def test_too_long_text_is_refused_and_other_answers_stay(client, typical_answers):
    walk(client, typical_answers, stop_at="details")
    details = dict(typical_answers["details"], requester_name="x" * 201)
    response = post_step(client, "details", details)
    html = response.content.decode()
    assert "Gebruik maximaal 200 tekens" in html
    assert "Bakkerij Brood &amp; Zo B.V." in html  # what was typed stays in the form
    review = client.get(step_url(client, "review"))
    assert "Passend werk" in review.content.decode() or "passend werk" in review.content.decode()


def test_a_file_that_is_not_a_pdf_is_refused_and_earlier_uploads_stay(
    client, typical_answers, make_pdf
):
    page = walk(client, typical_answers)
    page = add_attachment(client, page, _pdf_upload(make_pdf(pages=1)))
    fake = SimpleUploadedFile("advies.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    response = add_attachment(client, page, fake)
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("Dit bestand is geen PDF") == 2  # summary and next to the field
    from decision_aid.cases.models import Case

    case = Case.objects.get()
    assert case.attachments.count() == 1  # the good upload stays
    assert case.case_file["parties"]["employee"]["name"] == "Anouk de Vries-Çelik"


def test_language_switch_keeps_the_answer_on_the_page(client, typical_answers):
    walk(client, typical_answers, stop_at="details")
    response = post_step(client, "details", {"requester_name": "Jan Jansen"}, switch_language="en")
    html = response.content.decode()
    assert response.request["PATH_INFO"] == "/en" + step_url(client, "details")
    assert '<html lang="en">' in html
    assert 'value="Jan Jansen"' in html


def test_cannot_skip_ahead_to_advice_by_url(client):
    client.get("/vragen/", follow=True)
    post_step(client, "role", {"role": "employee"})
    response = client.get(step_url(client, "advice"), follow=True)
    assert step_of(response) == "employment"


def test_self_employed_is_told_plainly_where_to_go(client):
    answers = {
        "role": {"role": "employee"},
        "employment": {"employment": "self_employed"},
        "review": {},
    }
    response = walk(client, answers, stop_at="advice")
    html = response.content.decode()
    assert step_of(response) == "advice"
    assert "Deze hulp past niet bij uw situatie" in html


def test_someone_elses_draft_is_404(client, typical_answers):
    response = walk(client, typical_answers)
    url = response.request["PATH_INFO"].replace("bijlagen/", "")
    from django.test import Client

    other = Client()
    assert other.get(url).status_code == 404
    assert other.get(url + "pdf/").status_code == 404
    assert other.get(url + "bijlagen/").status_code == 404


def test_management_form_prefix_is_stable():
    assert PREFIX == "intake_wizard"


def test_home_states_the_number_the_progress_bar_counts(client, typical_answers):
    """The home page promised "ongeveer 14 vragen", then the progress bar said "Stap 2 van 19":
    one honest number, the steps as the bar counts them, and the measured time."""
    import re

    html = client.get("/").content.decode()
    match = re.search(r"Ongeveer (\d+) stappen.*?Reken op ongeveer (\d+) minuten", html)
    assert match, "home page does not state the journey"
    promised = int(match.group(1))
    response = walk(client, typical_answers, stop_at="review")
    totals = set(re.findall(r"Stap \d+ van (?:ongeveer )?(\d+)", response.content.decode()))
    assert totals == {str(promised)}, (promised, totals)
    assert int(match.group(2)) >= 10
    assert "ongeveer 5 minuten" not in html.lower()


def test_the_count_says_about_until_it_is_known_and_then_holds(client, typical_answers):
    """The home page said "about 19 steps" and the bar "Stap 11 van 19"; then "the wage was
    stopped" opened the money page and it said "Stap 12 van 20". Now the bar says "van
    ongeveer 19", the home page's number, while an answer still to give can change the count;
    from then on the exact number, and it holds to the last page."""
    import re

    answers = {
        **typical_answers,
        "wage": {"wage": "stopped"},
        "money": {"unfitness_disputed": "no", "pregnancy_related": "no"},
    }
    home = client.get("/").content.decode()
    promised = int(re.search(r"Ongeveer (\d+) stappen", home).group(1))
    seen = []

    def progress(response) -> tuple[int, bool, int]:
        text = re.search(r"Stap (\d+) van (ongeveer )?(\d+)", response.content.decode())
        assert text, response.request["PATH_INFO"]
        return int(text.group(1)), bool(text.group(2)), int(text.group(3))

    response = client.get("/vragen/", follow=True)
    for _ in range(30):
        seen.append((step_of(response), *progress(response)))
        if "/brief/" in response.request["PATH_INFO"]:
            break
        step = step_of(response)
        response = post_step(client, step, answers[step])
    response = client.post(response.request["PATH_INFO"], {"action": "go"}, follow=True)
    seen.append(("draft", *progress(response)))
    assert "money" in [step for step, *_ in seen]
    estimated = [total for _step, _n, about, total in seen if about]
    exact = [total for _step, _n, about, total in seen if not about]
    assert estimated and set(estimated) == {promised}, seen
    # once exact, it stays exact and right: the pages this person was shown
    assert [about for *_, about, _total in seen] == [True] * len(estimated) + [False] * len(exact)
    assert set(exact) == {len(seen)}, seen
    assert [n for _step, n, *_ in seen] == list(range(1, len(seen) + 1))
    assert len(seen) == promised + 1  # the money page: one more than the common journey
    assert "Ongeveer" in home  # the home page says it is an estimate too


@pytest.mark.parametrize("role", ["employee", "employer", "advisor"])
def test_the_home_page_and_the_first_question_agree_for_each_role(client, role):
    """The employer is not asked whether the employer does enough: its bar said "van 18"
    under a home page that promised 19. The home page names both numbers, and the first
    question shows the one for the button pressed."""
    import re

    home = client.get("/").content.decode()
    found = re.search(r"Ongeveer (\d+) stappen \(voor een werkgever (\d+)\)", home)
    assert found, "the home page names the employer's number"
    promised = int(found.group(2) if role == "employer" else found.group(1))
    response = client.post(
        "/vragen/", {"intake_wizard-current_step": "role", "role-role": role}, follow=True
    )
    assert step_of(response) == "employment"
    assert f"Stap 2 van ongeveer {promised}" in response.content.decode()


def test_text_sent_after_the_session_ended_comes_back_to_copy(client, typical_answers):
    """The session closes after 2 hours without activity; the pages sent before are saved. What
    the person typed on the page they were on could not be saved without the session: it comes
    back on the resume page to copy, instead of being dropped by a redirect."""
    from django.test import Client

    from decision_aid.cases.models import Case
    from tests.journey import PREFIX, current_case_id, walk

    walk(client, typical_answers, stop_at="details")
    case_id = current_case_id(client)
    later = Client()  # the same person after the session ended: no session any more
    words = "De bedrijfsarts zegt 4 uur; ik kan er 2. <b>echt</b>"
    response = later.post(
        f"/vragen/{case_id}/details/",
        {
            f"{PREFIX}-current_step": "details",
            "details-own_view": words,
            "details-requester_name": "Zoë",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wat u net typte" in html and "hervatcode" in html
    assert "De bedrijfsarts zegt 4 uur; ik kan er 2. &lt;b&gt;echt&lt;/b&gt;" in html  # escaped
    assert "Zoë" in html
    assert words not in str(Case.objects.get(pk=case_id).wizard_state)  # nothing saved
    # nothing typed (a choice page): the plain redirect to the resume page, as before
    moved = later.post(
        f"/vragen/{case_id}/talked/", {f"{PREFIX}-current_step": "talked", "talked-talked": "yes"}
    )
    assert moved.status_code == 302 and "expired=1" in moved["Location"]
