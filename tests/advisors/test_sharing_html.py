"""The new states of a shared call are valid HTML (Nu Html Checker), in Dutch and in English:
the member's panel (not shared, code waiting, advisor looking along, kept with the union) on a
wizard page and on the draft page, and the advisor's pages (code entry, a wrong code, the live
intake)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.advisors.conftest import client_for
from tests.journey import current_case_id, walk
from tests.test_html_valid import _checker, vnu_problems

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["", "/en"])
def test_sharing_states_are_valid_html(advisors, typical_answers, tmp_path, lang):
    command = _checker()
    member = Client(REMOTE_ADDR="198.51.100.31")
    walk(member, typical_answers, stop_at="talked")
    case_id = current_case_id(member)
    page = f"{lang}/vragen/{case_id}/talked/"
    adv = client_for(advisors["a1"])
    pages = {"member_none": member.get(page)}
    pages["member_code"] = member.post(f"{lang}/samen/{case_id}/code/", {"next": page}, follow=True)
    code = re.search(r'aria-hidden="true">([A-Z0-9]{6})<', pages["member_code"].content.decode())[1]
    pages["advisor_code_entry"] = adv.get(f"{lang}/adviseur/samen/")
    pages["advisor_wrong_code"] = adv.post(f"{lang}/adviseur/samen/", {"code": "XXXXXX"})
    opened = adv.post(f"{lang}/adviseur/samen/", {"code": code})
    assert opened.status_code == 302
    pages["advisor_live"] = adv.get(f"{lang}/adviseur/zaken/{case_id}/samen/")
    pages["advisor_case_page"] = adv.get(f"{lang}/adviseur/zaken/{case_id}/")
    payload = adv.get(f"{lang}/adviseur/zaken/{case_id}/samen/?format=json").json()
    adv.post(
        f"{lang}/adviseur/zaken/{case_id}/samen/",
        {"base": payload["base"], **payload["values"], "talked": "no"},
    )
    pages["member_live_changed"] = member.get(page)
    assert "live-changed" in pages["member_live_changed"].content.decode()
    pages["member_live_review"] = member.get(f"{lang}/vragen/{case_id}/talked/")
    member.post(f"{lang}/samen/{case_id}/houden/", {"next": page})
    pages["member_kept"] = member.get(page)
    pages["advisor_kept_case"] = adv.get(f"{lang}/adviseur/zaken/{case_id}/")
    pages["advisor_kept_remove"] = adv.get(f"{lang}/adviseur/zaken/{case_id}/verwijderen/")

    # The draft page (the end of the wizard) carries the same panel: code waiting, then live.
    finished = Client(REMOTE_ADDR="198.51.100.32")
    walk(finished, typical_answers)
    done_id = current_case_id(finished)
    draft = f"{lang}/brief/{done_id}/"
    pages["draft_none"] = finished.get(draft)
    pages["draft_code"] = finished.post(
        f"{lang}/samen/{done_id}/code/", {"next": draft}, follow=True
    )
    assert pages["draft_code"].request["PATH_INFO"].endswith(f"/brief/{done_id}/")
    draft_code = re.search(
        r'aria-hidden="true">([A-Z0-9]{6})<', pages["draft_code"].content.decode()
    )[1]
    assert adv.post(f"{lang}/adviseur/samen/", {"code": draft_code}).status_code == 302
    pages["draft_live"] = finished.get(draft)
    assert "share-status" in pages["draft_live"].content.decode()

    for name, response in pages.items():
        assert response.status_code in (200, 400, 409), (name, response.status_code)
    html = {name: response.content.decode() for name, response in pages.items()}
    problems = vnu_problems(command, html, tmp_path)
    assert problems == [], "\n".join(problems)
