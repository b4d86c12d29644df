"""Every page's HTML validates with the Nu Html Checker (vnu.jar from npm, run once for all)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.advisors.conftest import INTAKE, client_for, make_advisor
from tests.journey import TYPICAL_EMPLOYEE, add_attachment, post_step, step_of

VNU = (
    Path(__file__).resolve().parent.parent
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)

pytestmark = pytest.mark.django_db


def _checker() -> list[str]:
    if VNU.exists() and shutil.which("java"):
        return ["java", "-jar", str(VNU)]
    message = "vnu.jar or java missing: run make test-tools (npm ci) and make system-deps"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def vnu_problems(command: list[str], pages: dict[str, str], folder: Path) -> list[str]:
    """Every page written to `folder` and checked in one run of the checker: its errors as
    "page.html:line: message" (empty when all are valid)."""
    files = []
    for name, html in pages.items():
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *files], capture_output=True, text=True
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_all_pages_are_valid_html(client, tmp_path, settings, make_pdf):
    command = _checker()
    pages: dict[str, str] = {}

    def keep(name: str, response) -> None:
        assert response.status_code in (200, 400, 429), (name, response.status_code)
        pages[name] = response.content.decode()

    for path in ("/", "/en/", "/privacy/", "/en/privacy/", "/bronnen/", "/en/sources/"):
        keep(path.strip("/").replace("/", "_") or "home", client.get(path))
    for path in ("/zaak/hervatten/",):
        keep(path.strip("/").replace("/", "_") or "home", client.get(path))
    response = client.get("/vragen/")
    for step in TYPICAL_EMPLOYEE:
        keep(f"step_{step}", response)
        if step == "sick_since":
            keep("step_sick_since_error", post_step(client, step, {"sick_since": "99-99-9999"}))
        response = post_step(client, step, TYPICAL_EMPLOYEE[step])
        if "/brief/" in response.request["PATH_INFO"]:
            break
    keep("attachments", response)
    bad = SimpleUploadedFile("x.pdf", b"not a pdf", content_type="application/pdf")
    keep("attachments_error", add_attachment(client, response, bad))
    case_id = client.session["cases"][-1]
    keep("draft", client.get(f"/brief/{case_id}/"))
    keep("preview", client.get(f"/brief/{case_id}/voorbeeld/"))
    slug = re.search(r"/eigen-woorden/([\w-]+)/", pages["draft"]).group(1)
    keep("own_words", client.get(f"/brief/{case_id}/eigen-woorden/{slug}/"))
    keep(
        "own_words_error",
        client.post(f"/brief/{case_id}/eigen-woorden/{slug}/", {"text": "x" * 3001}),
    )
    keep("sending_sheet", client.get(f"/brief/{case_id}/verzenden/{slug}/"))
    keep("delete", client.get(f"/zaak/{case_id}/verwijderen/"))
    keep("summary", client.get(f"/vragen/{case_id}/samenvatting/"))
    keep(
        "resume_with_typed_text",
        Client().post(
            f"/vragen/{case_id}/details/",
            {"intake_wizard-current_step": "details", "details-own_view": "Getypt na het einde"},
        ),
    )

    settings.ADVISOR_REQUIRE_2FA = False
    advisor = make_advisor("v1", "FNV Utrecht", lead=True)
    keep("advisor_login", Client().get("/adviseur/inloggen/"))
    adv = client_for(advisor)
    keep("advisor_list", adv.get("/adviseur/"))
    keep("advisor_intake", adv.get("/adviseur/nieuw/"))
    keep("advisor_intake_error", adv.post("/adviseur/nieuw/", {"save": "1"}))
    saved = adv.post("/adviseur/nieuw/", {**INTAKE, "save": "1"})
    keep("advisor_case", adv.get(saved["Location"]))
    keep("advisor_audit", adv.get("/adviseur/audit/"))
    keep("advisor_import", adv.get("/adviseur/importeren/"))
    keep("advisor_logout_ask", adv.get("/adviseur/uitloggen/"))
    # the counts pages, the feedback tap's error page and its thank-you page
    keep("advisor_usage", adv.get("/adviseur/inzicht/"))
    staff = get_user_model().objects.create_user("staff", is_staff=True, is_superuser=True)
    staff_client = Client()
    staff_client.force_login(staff)
    keep("staff_usage", staff_client.get("/beheer/inzicht/?days=90"))
    keep("staff_usage_en", staff_client.get("/en/beheer/inzicht/"))
    keep("feedback_error", client.post("/reactie/", {"place": "advice", "text": "x" * 600}))
    keep("feedback_thanks", client.get("/reactie/bedankt/?next=/"))

    # money first: the 'money' page, 'Deze week' above the advice, the written claim and its
    # sending sheet, the advisor's view of a pay cut
    money = Client()
    answers = {
        **TYPICAL_EMPLOYEE,
        "disputes": {"disputes": ["wage_stopped"]},
        "wage": {"wage": "cut"},
        "money": {"unfitness_disputed": "no", "pregnancy_related": "no"},
    }
    response = money.get("/vragen/", follow=True)
    for _ in range(40):
        if "/brief/" in response.request["PATH_INFO"]:
            break
        step = step_of(response)
        if step in ("money", "advice"):
            keep(f"money_step_{step}", response)
        response = post_step(money, step, answers[step])
    money_id = money.session["cases"][-1]
    keep("money_draft", money.get(f"/brief/{money_id}/"))
    keep("money_preview", money.get(f"/brief/{money_id}/voorbeeld/wage_protest/"))
    keep("money_sheet", money.get(f"/brief/{money_id}/verzenden/wage_protest/"))
    cut = adv.post(
        "/adviseur/nieuw/", {**INTAKE, "wage": "cut", "unfitness_disputed": "no", "save": "1"}
    )
    keep("advisor_case_money", adv.get(cut["Location"]))
    assert "Deze week" in pages["money_step_advice"] and "Deze week" in pages["advisor_case_money"]
    assert "money_step_money" in pages

    problems = vnu_problems(command, pages, tmp_path)
    assert problems == [], "\n".join(problems)
    assert len(pages) >= 30
