"""The render half of "a hard CPU/time budget on every upload and render that
really stops it". The letter's PDF and .docx were made in the web process, with no limit of
their own: a render that ran away held a web thread (gunicorn's timeout does not stop a
threaded request) and could take the process's memory. Now they are made in a limited child
(documents.sandbox), a few at a time, and a render over its budget is stopped with a clear
message on the letter page, answers kept.

The letter's HTML is made in the web process (from the templates), so these tests make it
heavy there: some 20,000 paragraphs, far more than a second of CPU for WeasyPrint.
"""

from __future__ import annotations

import pytest

from decision_aid.documents import docx, render, sandbox
from tests.documents.cases import case_file_for

pytestmark = pytest.mark.django_db

SLUG = "expert_opinion-fitness_own_work"


@pytest.fixture
def heavy_letter(monkeypatch):
    real = render.render_html

    def heavy(context, *, for_pdf=True):
        html = real(context, for_pdf=for_pdf)
        return html.replace("</main>", "<p>woord woord woord</p>" * 20_000 + "</main>")

    monkeypatch.setattr(render, "render_html", heavy)
    monkeypatch.setattr(docx, "render_html", heavy)


@pytest.mark.parametrize("kind", ["pdf", "word", "verzenden/{slug}/pdf"])
def test_a_render_over_its_cpu_budget_is_stopped_with_a_clear_message(
    client, owned_case, settings, heavy_letter, kind, monkeypatch
):
    settings.RENDER_WORKER_CPU_SECONDS = 1
    if kind.startswith("verzenden"):  # the sending sheet has its own template
        real = render.render_to_string
        monkeypatch.setattr(
            render,
            "render_to_string",
            lambda *a, **k: real(*a, **k).replace("</body>", "<p>woord</p>" * 20_000),
        )
    case = owned_case(case_file_for("expert_opinion"))
    url = f"/brief/{case.id}/{kind.format(slug=SLUG)}/"
    if not kind.startswith("verzenden"):
        url = f"/brief/{case.id}/{kind}/{SLUG}/"
    response = client.get(url)
    assert response.status_code == 503
    html = response.content.decode()
    assert "Het maken van dit document duurde te lang" in html
    assert "Uw antwoorden zijn bewaard" in html
    assert 'role="alert"' in html  # the letter page, with the problem on top
    assert client.get(f"/brief/{case.id}/").status_code == 200  # nothing lost


def test_a_render_over_its_memory_budget_is_stopped(client, owned_case, settings, heavy_letter):
    """The child's address space is capped (RLIMIT_AS): a render that needs more fails in
    the child, not in the web process."""
    settings.RENDER_WORKER_MEMORY_MB = 400  # the warm helper's own address space is ~250 MB
    case = owned_case(case_file_for("expert_opinion"))
    response = client.get(f"/brief/{case.id}/pdf/{SLUG}/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "Uw antwoorden zijn bewaard" in html
    # out of memory: said, or as a failure; on a loaded machine the same heavy render can reach
    # its time budget first, which stops it in the child just the same
    assert "geheugen" in html or "niet gelukt" in html or "duurde te lang" in html


def test_when_every_render_slot_is_busy_the_person_is_told_to_try_again(
    client, owned_case, settings
):
    settings.RENDER_WORKER_CONCURRENCY = 1
    settings.RENDER_WORKER_WAIT_SECONDS = 0.1
    case = owned_case(case_file_for("expert_opinion"))
    slot = sandbox.render_slots()
    assert slot.acquire(timeout=5)  # another request's render holds the only slot
    try:
        response = client.get(f"/brief/{case.id}/pdf/{SLUG}/")
    finally:
        slot.release()
    assert response.status_code == 503
    assert "We maken nu veel documenten tegelijk" in response.content.decode()
    response = client.get(f"/brief/{case.id}/pdf/{SLUG}/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_pdf_and_docx_from_the_worker_are_the_letter(client, owned_case):
    from tests.conftest import pdf_text

    case = owned_case(case_file_for("expert_opinion"))
    pdf = client.get(f"/brief/{case.id}/pdf/{SLUG}/").content
    assert "deskundigenoordeel" in pdf_text(pdf).lower()
    word = client.get(f"/brief/{case.id}/word/{SLUG}/").content
    assert word.startswith(b"PK")


def test_a_render_worker_stopped_at_its_budget_is_replaced(settings):
    """The render workers do many renders each (warm caches); one stopped at its budget ends,
    and the helper forks a new one: the next letter is made."""
    settings.RENDER_WORKER_CPU_SECONDS = 1
    heavy = "<html lang=nl><title>x</title>" + "<p>woord woord woord</p>" * 20_000 + "</html>"
    with pytest.raises(sandbox.RenderError) as stopped:
        render._pdf(heavy)
    assert stopped.value.code == "too_slow"
    for _ in range(3):  # more than the workers there are: each of them answers
        pdf = render.render_typed_text_pdf("Getypt advies.", day="30-11-2026")
        assert pdf.startswith(b"%PDF")
