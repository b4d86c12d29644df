"""Nothing typed is lost at a seam: on every page with a form the member types into (each
question page of a journey, the attachments page, the own-words page), every link or button
that leaves the page sends the page's form first, or does not leave the page (a download, an
anchor on the page, a script-only button). Each control that leaves is then pressed with text
typed into the page, and the text must be stored."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from decision_aid.cases.models import Case
from tests.conftest import pdf_text
from tests.journey import PREFIX, current_case_id, post_step, step_of

pytestmark = pytest.mark.django_db


class Controls(HTMLParser):
    """Links and buttons of a page, with the form each one belongs to."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[str] = []  # the stack of open forms' ids ("" for one without)
        self.controls: list[dict[str, str]] = []
        self.fields: dict[str, list[str]] = {}  # form id -> names of its typed fields

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(a.get("id", "") or f"anonymous-{len(self.controls)}")
        elif tag in ("a", "button"):
            owner = a.get("form") or (self.forms[-1] if self.forms else "")
            self.controls.append({"tag": tag, "owner": owner, **a})
        elif tag in ("input", "textarea") and self.forms:
            kind = a.get("type", "text") if tag == "input" else "textarea"
            if kind in ("text", "textarea", "date") and a.get("name"):
                self.fields.setdefault(self.forms[-1], []).append(a["name"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.forms:
            self.forms.pop()


def _controls(html: str) -> Controls:
    parser = Controls()
    parser.feed(html)
    return parser


def _leaves_without_sending(control: dict[str, str], page_form: str) -> bool:
    if control["tag"] == "a":
        href = control.get("href", "")
        return not (href.startswith("#") or "download" in control)
    if control.get("type") == "button":
        return False  # works in the page (a script); no navigation
    return control["owner"] != page_form


def _check_page(client: Client, url: str, page_form: str, typed_field: str) -> list[str]:
    """The controls of this page that would lose typing, and those that lost it when pressed."""
    html = client.get(url).content.decode()
    found = _controls(html)
    assert page_form in found.fields or page_form in {c["owner"] for c in found.controls}, url
    problems = [
        f"{url}: {c['tag']} {c.get('href') or c.get('name')}={c.get('value', '')} leaves unsent"
        for c in found.controls
        if _leaves_without_sending(c, page_form)
    ]
    base = {PREFIX + "-current_step": url.rstrip("/").split("/")[-1]}
    for control in found.controls:
        name = control.get("name")
        if control["owner"] != page_form or control.get("type") == "button" or not name:
            continue
        if name not in ("leave_to", "share_action", "switch_language", "remove"):
            continue  # the page's own buttons (Next, Back, Add...): they send it by design
        marker = f"GETYPT-{name}-{control.get('value', '')[-12:]}".replace("/", "")
        marker = f"{marker} De bedrijfsarts schreef op 1 november dat ik 4 uur per dag kan werken."
        data = {**base, typed_field: marker, name: control.get("value", "")}
        client.post(url, data)
        if marker.split()[0] not in _stored_text(client):
            problems.append(f"{url}: {name}={control.get('value')} lost the typed text")
    return problems


def _stored_text(client: Client) -> str:
    case = Case.objects.get(pk=current_case_id(client))
    stored = str(case.wizard_state)
    if case.finished:
        stored += str(case.case_file)
    stored += " ".join(pdf_text(a.read_pdf()) for a in case.attachments.all())
    return stored


def test_every_control_on_every_question_page_keeps_what_was_typed(typical_answers):
    """The question pages with a text field, walked as a member does."""
    client = Client()
    response = client.get("/vragen/", follow=True)
    problems, seen = [], []
    for _ in range(40):
        step = step_of(response)
        if "/brief/" in response.request["PATH_INFO"] or step not in typical_answers:
            break
        html = response.content.decode()
        texts = [
            f
            for f in _controls(html).fields.get("wizard-form", [])
            if f.startswith(f"{step}-") and f != f"{step}-current_step"
        ]
        if texts and current_case_id(client):
            seen.append(step)
            problems += _check_page(client, response.request["PATH_INFO"], "wizard-form", texts[0])
        response = post_step(client, step, dict(typical_answers[step]))
    assert "details" in seen, seen
    assert not problems, "\n".join(problems)


def test_every_control_on_the_attachments_and_own_words_pages_keeps_what_was_typed(
    client, typical_answers
):
    from tests.journey import walk

    walk(client, typical_answers)
    case_id = current_case_id(client)
    problems = _check_page(client, f"/brief/{case_id}/bijlagen/", "attachments-form", "text")
    draft = client.get(f"/brief/{case_id}/").content.decode()
    own_words = re.search(r'href="(/brief/[^"]+/eigen-woorden/[^"]+/)"', draft)[1]
    problems += _check_page(client, own_words, "own-words-form", "text")
    assert not problems, "\n".join(problems)
