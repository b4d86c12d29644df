"""The advisor's own path to the letter, in a real browser: sign in, open the case the member
kept with the union from the caseload, download the PDF and the .docx from the case page (one
click each). The member's resume code appears on no page the advisor can reach. Screenshots of
the case page and of the member's delete confirmation at 360 px and at desktop width."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from decision_aid.cases.models import Case
from tests.advisors.conftest import make_advisor
from tests.conftest import pdf_text
from tests.e2e.conftest import SCREENSHOTS, assert_accessible
from tests.journey import current_case_id, walk

pytestmark = pytest.mark.django_db(transaction=True)


def _member_keeps_case_with(page, typical_answers) -> tuple[Client, str]:
    member = Client(REMOTE_ADDR="198.51.100.61")
    walk(member, typical_answers)
    case_id = current_case_id(member)
    shown = member.post(f"/samen/{case_id}/code/", {"next": f"/brief/{case_id}/"}, follow=True)
    code = re.search(
        r'class="share-code"><span aria-hidden="true">([A-Z0-9]{6})<', shown.content.decode()
    )[1]
    page.goto("/adviseur/samen/")
    page.get_by_label("De deelcode van het lid").fill(code)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/samen/")
    member.post(f"/samen/{case_id}/houden/", {})
    return member, case_id


def _sign_in(page, advisor) -> None:
    device = TOTPDevice.objects.create(user=advisor.user, name="app", confirmed=True)
    page.goto("/adviseur/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(advisor.user.username)
    page.get_by_label("Wachtwoord").fill("Lange-zin-als-wachtwoord-2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/tweestaps/**")
    page.locator("input[name=token]").fill(
        f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=6):06d}"
    )
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/adviseur/")


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, label in ((360, "360"), (1280, "desktop")):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 360, "height": 740})


def test_advisor_downloads_the_letter_from_the_caseload_in_two_steps(
    page, browser, live_server, axe, settings, typical_answers
):
    settings.ADVISOR_REQUIRE_2FA = True
    advisor = make_advisor("sam", "FNV Utrecht")
    _sign_in(page, advisor)
    member, case_id = _member_keeps_case_with(page, typical_answers)
    resume_code = Case.objects.get(pk=case_id).resume_code

    page.goto("/adviseur/")
    page.locator(f"a[href='/adviseur/zaken/{case_id}/']").first.click()  # open it from the list
    page.wait_for_url(f"**/adviseur/zaken/{case_id}/")
    assert_accessible(axe, page)
    _shot(page, "advisor-case-page")
    clicks = 0
    with page.expect_download() as pdf_info:
        page.get_by_role("link", name="Download de PDF").first.click()
        clicks += 1
    with page.expect_download() as docx_info:
        page.get_by_role("link", name="Download het Word-bestand (.docx)").first.click()
        clicks += 1
    pdf = Path(pdf_info.value.path()).read_bytes()
    docx = Path(docx_info.value.path()).read_bytes()
    assert pdf[:5] == b"%PDF-" and "deskundigenoordeel" in pdf_text(pdf).lower()
    assert docx[:2] == b"PK"
    assert clicks <= 2  # each letter one click from the case page

    # every page the advisor can reach by following links, and the member's URLs: no code
    seen, queue = set(), ["/adviseur/", f"/adviseur/zaken/{case_id}/"]
    queue += [f"/zaak/{case_id}/hervatcode.txt", f"/brief/{case_id}/", f"/vragen/{case_id}/"]
    while queue and len(seen) < 40:
        path = queue.pop(0)
        if path in seen or "uitloggen" in path or "/verwijderen/" in path:
            continue
        seen.add(path)
        response = page.request.get(path)
        body = response.text() if "text" in response.headers.get("content-type", "") else ""
        assert resume_code not in body, path
        for href in re.findall(r'href="(/[^"#]*)"', body):
            if urlparse(href).path.startswith(("/adviseur/", "/zaak/", "/brief/", "/vragen/")):
                queue.append(href)
    assert len(seen) > 5

    # the member's delete confirmation, in the member's own browser
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    own = context.new_page()
    own.goto(f"/zaak/hervatten/?code={resume_code}")
    own.locator("main form button[type=submit]").first.click()
    own.wait_for_url("**/brief/**")
    own.goto(f"/zaak/{case_id}/verwijderen/")
    assert "FNV Utrecht heeft uw zaak ook" in own.content()
    assert_accessible(axe, own)
    _shot(own, "member-delete-confirmation")
    context.close()
