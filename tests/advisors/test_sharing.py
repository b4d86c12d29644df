"""Together on the call: share codes, the advisor's access, live answers both ways,
stopping, keeping with the union, call notes, and an audit log without answer content."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from decision_aid.advisors import sharing
from decision_aid.advisors.models import AdvisorCase, AuditEvent, CaseNote, LiveShare, ShareCode
from decision_aid.cases.models import Case
from tests.advisors.conftest import client_for
from tests.journey import PREFIX, current_case_id

pytestmark = pytest.mark.django_db


def _case(member: Client) -> Case:
    return Case.objects.get(pk=current_case_id(member))


def _share_code(member: Client) -> str:
    case_id = current_case_id(member)
    response = member.post(
        f"/samen/{case_id}/code/", {"next": f"/vragen/{case_id}/talked/"}, follow=True
    )
    assert response.status_code == 200
    match = re.search(
        r'class="share-code"><span aria-hidden="true">([A-Z0-9]{6})<', response.content.decode()
    )
    assert match, "the member sees the code"
    return match[1]


def _open(advisor_client: Client, code: str):
    return advisor_client.post("/adviseur/samen/", {"code": code})


def test_share_code_is_short_readable_and_not_the_resume_code(member):
    code = _share_code(member)
    case = _case(member)
    assert len(code) == 6
    assert set(code) <= set(sharing.SHARE_ALPHABET)
    assert not set(code) & set("0O1IL25SZ8B")
    assert code not in case.resume_code.replace("-", "")
    stored = ShareCode.objects.get(case=case)
    assert code.encode() not in bytes(stored.code_enc)  # encrypted, and looked up by a hash
    assert stored.digest != code and len(stored.digest) == 64


def test_advisor_opens_the_case_with_the_code_in_their_organisation(member, advisors):
    code = _share_code(member)
    a1 = client_for(advisors["a1"])
    response = _open(a1, code.lower())  # read aloud, typed in lower case: still works
    case = _case(member)
    assert response.status_code == 302
    assert response["Location"] == f"/adviseur/zaken/{case.pk}/samen/"
    advisor_case = AdvisorCase.objects.get(case=case)
    assert advisor_case.organisation == advisors["a1"].organisation
    assert AuditEvent.objects.filter(
        case_id=case.pk, action=AuditEvent.Action.SHARE_OPENED
    ).exists()
    page = a1.get(response["Location"]).content.decode()
    assert "Samen aan de telefoon" in page
    # the member's screen now says who looks along, with "Stop met delen"
    own = member.get(f"/vragen/{case.pk}/talked/").content.decode()
    assert "Uw adviseur van FNV Utrecht kijkt mee." in own
    assert "Stop met delen" in own


def test_code_works_once(member, advisors):
    code = _share_code(member)
    assert _open(client_for(advisors["a1"]), code).status_code == 302
    second = _open(client_for(advisors["a2"]), code)
    assert second.status_code == 400
    assert "Deze code werkt niet" in second.content.decode()


def test_code_expires_after_30_minutes(member, advisors):
    code = _share_code(member)
    ShareCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _open(client_for(advisors["a1"]), code).status_code == 400
    assert not AdvisorCase.objects.exists()


def test_wrong_codes_are_throttled_per_client(member, advisors):
    code = _share_code(member)
    a1 = client_for(advisors["a1"])
    for _ in range(5):
        assert _open(a1, "AAAAAA").status_code == 400
    # the sixth try waits, even with the right code
    blocked = _open(a1, code)
    assert blocked.status_code == 429
    assert "Wacht 15 minuten" in blocked.content.decode()
    # another connection (another advisor elsewhere) is not blocked
    other = client_for(advisors["a2"])
    other.defaults["REMOTE_ADDR"] = "192.0.2.50"
    assert _open(other, code).status_code == 302


def test_overall_throttle_slows_every_client(member, advisors, settings):
    code = _share_code(member)
    settings.SHARE_RATE_OVERALL = "3/h"
    settings.SHARE_RATE_PER_CLIENT_UNDER_ATTACK = "1/h"
    for n in range(3):
        guesser = client_for(advisors["b1"])
        guesser.defaults["REMOTE_ADDR"] = f"192.0.2.{n}"
        _open(guesser, "CCCCCC")
    late = client_for(advisors["a2"])
    late.defaults["REMOTE_ADDR"] = "192.0.2.99"
    assert _open(late, "CCCCCC").status_code == 400
    assert _open(late, "CCCCCC").status_code == 429
    # a client without wrong guesses still opens the case with the right code
    fresh = client_for(advisors["a1"])
    fresh.defaults["REMOTE_ADDR"] = "198.51.100.77"
    assert _open(fresh, code).status_code == 302


def test_another_organisations_advisor_gets_404(member, advisors):
    _open(client_for(advisors["a1"]), _share_code(member))
    case = _case(member)
    b1 = client_for(advisors["b1"])
    for url in (
        f"/adviseur/zaken/{case.pk}/samen/",
        f"/adviseur/zaken/{case.pk}/samen/versie/",
        f"/adviseur/zaken/{case.pk}/",
    ):
        assert b1.get(url).status_code == 404, url
    assert b1.post(f"/adviseur/zaken/{case.pk}/samen/", {"talked": "no"}).status_code == 404


def _live_post(client: Client, case: Case, changes: dict, format_json: bool = True):
    payload = client.get(f"/adviseur/zaken/{case.pk}/samen/?format=json").json()
    data = {"base": payload["base"]}
    for name, values in payload["values"].items():
        data[name] = values
    data.update(changes)
    if format_json:
        data["format"] = "json"
    return client.post(f"/adviseur/zaken/{case.pk}/samen/", data)


def test_answers_go_both_ways_and_the_other_side_sees_who_changed_what(member, advisors):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    version_url = f"/adviseur/zaken/{case.pk}/samen/versie/"
    version = a1.get(version_url).content.decode()
    assert a1.get(version_url, {"v": version}).status_code == 204  # nothing new: no body

    # the advisor answers a question the member has not reached yet
    response = _live_post(a1, case, {"wage": "stopped"})
    assert response.status_code == 200
    assert response.json()["values"]["wage"] == ["stopped"]
    member_version = member.get(f"/samen/{case.pk}/versie/", {"v": version})
    assert member_version.status_code == 200  # changed: the member's page fetches it
    wage_page = member.get(f"/vragen/{case.pk}/wage/").content.decode()
    assert re.search(r'value="stopped"[^>]*checked', wage_page)
    assert "gewijzigd door uw adviseur" in wage_page

    # the member answers on their own page: the advisor's next poll sees it, with "door het lid"
    page = member.get(f"/vragen/{case.pk}/talked/")
    base = re.search(r'name="live_base" value="([^"]*)"', page.content.decode())[1]
    member.post(
        f"/vragen/{case.pk}/talked/",
        {
            f"{PREFIX}-current_step": "talked",
            "talked-talked": "no",
            "live_base": base.replace("&quot;", '"'),
        },
    )
    assert a1.get(version_url, {"v": version}).status_code == 200
    payload = a1.get(f"/adviseur/zaken/{case.pk}/samen/?format=json").json()
    assert payload["values"]["talked"] == ["no"]
    assert payload["values"]["wage"] == ["stopped"]  # the member's save kept the advisor's answer
    assert "door het lid" in payload["changes"]
    assert payload["advice"]  # the advice follows the answers


def test_later_save_of_the_same_answer_wins_and_others_stay(member, advisors):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    # the member's page is open on "talked" (shown as it was)...
    page = member.get(f"/vragen/{case.pk}/talked/").content.decode()
    base = re.search(r'name="live_base" value="([^"]*)"', page)[1].replace("&quot;", '"')
    # ...the advisor changes "talked" and "wage" meanwhile...
    _live_post(a1, case, {"talked": "yes", "wage": "stopped"})
    # ...then the member presses Refresh without touching the page: the advisor's answer stays
    member.post(
        f"/vragen/{case.pk}/talked/",
        {
            f"{PREFIX}-current_step": "talked",
            "talked-talked": json.loads(base).get("talked-talked", [""])[0],
            "live_base": base,
            "wizard_goto_step": "talked",
        },
    )
    values = a1.get(f"/adviseur/zaken/{case.pk}/samen/?format=json").json()["values"]
    assert values["talked"] == ["yes"]
    # the member now changes it: the later save wins
    member.post(
        f"/vragen/{case.pk}/talked/",
        {f"{PREFIX}-current_step": "talked", "talked-talked": "no", "live_base": base},
    )
    values = a1.get(f"/adviseur/zaken/{case.pk}/samen/?format=json").json()["values"]
    assert values["talked"] == ["no"]
    assert values["wage"] == ["stopped"]


def test_without_javascript_the_advisor_saves_with_the_button(member, advisors):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    response = _live_post(a1, case, {"cao_expert": "yes"}, format_json=False)
    assert response.status_code == 302
    page = a1.get(response["Location"]).content.decode()
    assert re.search(r'value="yes"[^>]*checked[^>]*id="id_cao_expert', page) or "cao_expert" in page
    assert a1.get(f"/adviseur/zaken/{case.pk}/samen/?format=json").json()["values"][
        "cao_expert"
    ] == ["yes"]


def test_stop_sharing_ends_the_advisors_access_at_once(member, advisors):
    a1 = client_for(advisors["a1"])
    lead = client_for(advisors["lead"])
    _open(a1, _share_code(member))
    case = _case(member)
    a1.post(f"/adviseur/zaken/{case.pk}/samen/", {"note": "1", "text": "Belt terug"})
    response = member.post(f"/samen/{case.pk}/stoppen/", {"next": f"/vragen/{case.pk}/talked/"})
    assert response.status_code == 302
    for client in (a1, lead):
        for url in (
            f"/adviseur/zaken/{case.pk}/samen/",
            f"/adviseur/zaken/{case.pk}/samen/versie/",
            f"/adviseur/zaken/{case.pk}/",
            f"/vragen/{case.pk}/talked/",
        ):
            got = client.get(url)
            assert got.status_code == 404 or "hervatten" in got.get("Location", ""), url
    assert not AdvisorCase.objects.filter(case=case).exists()
    assert not CaseNote.objects.exists()
    # the member keeps the case and its resume code
    assert member.get(f"/vragen/{case.pk}/talked/").status_code == 200
    assert AuditEvent.objects.filter(
        case_id=case.pk, action=AuditEvent.Action.SHARE_STOPPED
    ).exists()


def test_keep_with_the_union_after_the_call(member, advisors):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    member.post(f"/samen/{case.pk}/houden/", {"next": f"/vragen/{case.pk}/talked/"})
    assert LiveShare.objects.get(case=case).state == "kept"
    assert a1.get(f"/adviseur/zaken/{case.pk}/").status_code == 200  # in the caseload
    assert a1.get(f"/adviseur/zaken/{case.pk}/samen/").status_code == 404  # no longer live
    own = member.get(f"/vragen/{case.pk}/talked/").content.decode()
    assert "Uw zaak staat ook bij FNV Utrecht." in own
    assert case.resume_code.split("-")[0] in own  # the member keeps the resume code


def test_call_notes_are_encrypted_and_kept_with_the_case(member, advisors):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    a1.post(f"/adviseur/zaken/{case.pk}/samen/", {"note": "1", "text": "Werkgever belt vrijdag"})
    note = CaseNote.objects.get()
    assert note.during_call and note.text == "Werkgever belt vrijdag"
    assert b"Werkgever" not in bytes(note.text_enc)
    page = a1.get(f"/adviseur/zaken/{case.pk}/samen/").content.decode()
    assert "Werkgever belt vrijdag" in page
    assert "Gesprek begonnen om" in page


def test_the_audit_log_holds_no_answer_content(member, advisors):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    _live_post(a1, case, {"own_view": "Geheime klacht over mijn rug", "wage": "stopped"})
    member.post(f"/samen/{case.pk}/stoppen/", {})
    events = list(AuditEvent.objects.filter(case_id=case.pk).values())
    actions = {e["action"] for e in events}
    assert {"share_opened", "changed", "share_stopped"} <= actions
    dump = json.dumps(events, default=str)
    for secret in ("Geheime", "klacht", '"stopped"', "Fatma"):
        assert secret not in dump


def test_only_the_member_asks_for_codes_and_polls(member, advisors):
    case = _case(member)
    stranger = Client()
    assert stranger.post(f"/samen/{case.pk}/code/").status_code == 404
    assert stranger.get(f"/samen/{case.pk}/versie/").status_code == 404
    assert stranger.post(f"/samen/{case.pk}/stoppen/").status_code == 404


def test_the_letter_names_the_member_as_requester_and_the_advisor_as_contact(
    member, advisors, typical_answers
):
    from tests.journey import post_step, step_of

    advisors["a1"].user.first_name, advisors["a1"].user.last_name = "Sam", "de Vries"
    advisors["a1"].user.save()
    _open(client_for(advisors["a1"]), _share_code(member))
    case = _case(member)
    response = member.get(f"/vragen/{case.pk}/talked/")
    for _ in range(20):
        if "/brief/" in response.request["PATH_INFO"]:
            break
        step = step_of(response)
        response = post_step(member, step, typical_answers[step])
    case.refresh_from_db()
    parties = case.case_file["parties"]
    assert parties["employee"]["name"] == typical_answers["details"]["requester_name"]
    assert parties["advisor"] == {"name": "Sam de Vries, FNV Utrecht"}
    draft = member.get(f"/brief/{case.pk}/voorbeeld/").content.decode()
    assert "Sam de Vries, FNV Utrecht" in draft
    # after "Stop met delen" the union is no longer the contact in the member's letter
    member.post(f"/samen/{case.pk}/stoppen/", {})
    case.refresh_from_db()
    assert "advisor" not in case.case_file["parties"]


def test_the_advisor_cannot_store_an_answer_that_is_no_choice(member, advisors):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    _live_post(a1, case, {"talked": "<script>", "wage": "stopped"})
    values = a1.get(f"/adviseur/zaken/{case.pk}/samen/?format=json").json()["values"]
    assert values["talked"] == []
    assert values["wage"] == ["stopped"]


# --- the advisor's change makes the member's current page moot (hostile pass 2) -----------
# The member is on the 'talked' page; on the call the advisor answers "back at work": the
# questions after it are no longer asked. The member's screen reloads when the case changes;
# that page (and an answer posted on it) was a 500: formtools looked up a page that is not in
# the wizard any more.
@pytest.fixture
def advisor_made_talked_moot(member, advisors):
    """The member is on the 'talked' page; the advisor answers 'no longer sick' on the call."""
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    url = f"/adviseur/zaken/{case.pk}/samen/"
    shown = json.loads(a1.get(url + "?format=json").content)
    posted = {name: values for name, values in shown["values"].items() if values}
    posted.update(still_sick=["no"], base=shown["base"])
    assert a1.post(url, posted).status_code == 302
    return case


def test_the_members_page_after_the_advisor_made_it_moot_is_not_an_error(
    member, advisor_made_talked_moot
):
    case = advisor_made_talked_moot
    response = member.get(f"/vragen/{case.pk}/talked/", follow=True)
    assert response.status_code == 200
    assert "/talked/" not in response.request["PATH_INFO"]


def test_the_members_answer_on_the_moot_page_is_kept_not_an_error(member, advisor_made_talked_moot):
    case = advisor_made_talked_moot
    response = member.post(
        f"/vragen/{case.pk}/talked/",
        {f"{PREFIX}-current_step": "talked", "talked-talked": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.wizard_state["step_data"]["talked"]["talked-talked"] == ["yes"]


# --- "Stop met delen" crossing the advisor's save (hostile pass 2) -------------------------
@pytest.mark.parametrize(
    ("field", "value"), [("talked", ["no"]), ("member_name", ["Jan de Adviseur"])]
)
@pytest.mark.parametrize("as_note", [False, True])
def test_an_advisor_save_crossing_stop_sharing_is_a_404_and_writes_nothing(
    member, advisors, monkeypatch, field, value, as_note
):
    """The member stops sharing just after the advisor's save passed the access check. The
    answer was still written into the member's case (after sharing had ended); with the name
    it was a 500 (the advisor case was gone); a call note likewise."""
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    url = f"/adviseur/zaken/{case.pk}/samen/"
    shown = json.loads(a1.get(url + "?format=json").content)
    checked = sharing.live_share_for

    def then_member_stops(advisor_case):
        found = checked(advisor_case)
        sharing.share_stop(case=Case.objects.get(pk=advisor_case.case_id))
        return found

    monkeypatch.setattr(sharing, "live_share_for", then_member_stops)
    if as_note:
        posted = {"note": "1", "text": "Gebeld, afspraak volgt"}
    else:
        posted = {name: values for name, values in shown["values"].items() if values}
        posted.update({field: value, "base": shown["base"]})
    response = a1.post(url, posted)
    assert response.status_code == 404
    state = Case.objects.get(pk=case.pk).wizard_state
    assert (state["step_data"].get("talked") or {}).get("talked-talked") != ["no"]
    details = state["step_data"].get("details") or {}
    assert details.get("details-requester_name") != ["Jan de Adviseur"]
    assert not CaseNote.objects.exists()


# --- the case page's Change and Delete during a live share (hostile pass 2) ----------------
def test_during_the_call_change_answers_goes_to_the_live_view_and_never_overwrites(
    member, advisors
):
    """The intake's save rebuilt the member's case from the intake: the member's role became
    'advisor' and the date of the company doctor's advice they had typed was gone."""
    from tests.advisors.conftest import INTAKE

    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    before = case.wizard_state["step_data"]
    response = a1.get(f"/adviseur/zaken/{case.pk}/wijzigen/")
    assert response.status_code == 302
    assert response["Location"] == f"/adviseur/zaken/{case.pk}/samen/"
    response = a1.post(f"/adviseur/zaken/{case.pk}/wijzigen/", {**INTAKE, "save": "1"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Zolang het lid deze zaak met u deelt" in page
    assert "Transport Snel B.V." in page  # what the advisor typed is shown again
    after = Case.objects.get(pk=case.pk).wizard_state["step_data"]
    assert after["role"] == before["role"]
    assert after["first_opinion_date"] == before["first_opinion_date"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_during_the_call_the_advisor_cannot_delete_the_members_case(member, advisors, method):
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    response = getattr(a1, method)(f"/en/adviseur/zaken/{case.pk}/verwijderen/")
    assert response.status_code == 409
    assert "Only the member can delete the case" in response.content.decode()
    assert Case.objects.filter(pk=case.pk).exists()
    assert member.get(f"/vragen/{case.pk}/talked/").status_code == 200


# --- a kept case shared again, with a colleague (hostile pass 2) ---------------------------
def test_a_code_for_a_colleagues_kept_case_opens_nothing_for_a_non_lead(member, advisors):
    """The member kept the case with a1 after a call, then shared it again with a2 (same
    organisation, not the lead). The code was used and the member's screen said an advisor of
    FNV Utrecht looked along, but a2 got a 404 while a1, not on the call, could edit live."""
    a1, a2 = client_for(advisors["a1"]), client_for(advisors["a2"])
    _open(a1, _share_code(member))
    case = _case(member)
    member.post(f"/samen/{case.pk}/houden/")
    response = _open(a2, _share_code(member))
    assert response.status_code == 400
    assert "Deze code werkt niet" in response.content.decode()
    share = LiveShare.objects.get(case=case)
    assert (share.state, share.advisor) == (LiveShare.State.KEPT, advisors["a1"])
    assert a1.get(f"/adviseur/zaken/{case.pk}/samen/").status_code == 404  # not live
    # the organisation's lead may open it
    lead = client_for(advisors["lead"])
    response = _open(lead, _share_code(member))
    assert response.status_code == 302
    assert lead.get(response["Location"]).status_code == 200


def test_a_kept_case_stays_the_members_change_and_remove_cannot_take_it(member, advisors):
    """After "keep with the union" the case is still the member's (answers, resume code). The
    intake rebuilt it (role 'advisor', answers it does not ask dropped) and "Delete" deleted
    the member's own case (hostile review). Now the intake is refused with a message, and
    the union's "Remove from our cases" lets go of its copy only."""
    a1 = client_for(advisors["a1"])
    _open(a1, _share_code(member))
    case = _case(member)
    member.post(f"/samen/{case.pk}/houden/", {"next": f"/vragen/{case.pk}/talked/"})
    state_before = Case.objects.get(pk=case.pk).wizard_state

    page = a1.get(f"/adviseur/zaken/{case.pk}/").content.decode()
    assert f"/adviseur/zaken/{case.pk}/wijzigen/" not in page  # no "Change answers"
    assert "Uit onze zaken halen" in page
    change = a1.get(f"/adviseur/zaken/{case.pk}/wijzigen/")
    assert change.status_code == 409
    assert "vraag het lid de zaak weer te delen" in change.content.decode()
    saved = a1.post(f"/adviseur/zaken/{case.pk}/wijzigen/", {"save": "1", "role": "advisor"})
    assert saved.status_code in (400, 409)
    assert Case.objects.get(pk=case.pk).wizard_state == state_before  # nothing overwritten

    assert a1.post(f"/adviseur/zaken/{case.pk}/verwijderen/").status_code == 302
    assert not AdvisorCase.objects.filter(case_id=case.pk).exists()  # the union let go
    kept = Case.objects.get(pk=case.pk)  # the member's case is still there
    # the answers are untouched; only the advisor is no longer the contact person
    assert kept.wizard_state["step_data"] == state_before["step_data"]
    assert kept.sharing == ""
    assert member.get(f"/vragen/{case.pk}/talked/").status_code == 200
    assert AuditEvent.objects.filter(case_id=case.pk, action=AuditEvent.Action.DELETED).exists()
    assert a1.get(f"/adviseur/zaken/{case.pk}/").status_code == 404
