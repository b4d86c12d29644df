"""A large caseload: pages, counts, search and the audit log in SQL, a fixed number of queries
per page, and the organisation boundary through search and paging.

Runs on SQLite and, with DATABASE_URL, on PostgreSQL (CI)."""

from __future__ import annotations

import importlib
import re
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from decision_aid.advisors import blind_index, listing
from decision_aid.advisors.models import Advisor, AdvisorCase, AuditEvent, MemberNameWord
from decision_aid.advisors.services import index_member_name, rebuild_name_index
from decision_aid.cases import crypto
from decision_aid.cases.models import Case
from decision_aid.cases.services import case_create
from tests.advisors.conftest import client_for

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 30)


def add_case(
    advisor: Advisor,
    name: str,
    *,
    reference: str = "",
    deadline: date | None = TODAY,
    status: str = "open",
) -> AdvisorCase:
    """A case as the intake stores it (its own data key; the name and deadline encrypted with
    it, the name's blind index), without the intake."""
    row = AdvisorCase(
        case=case_create(language="nl"),
        organisation_id=advisor.organisation_id,
        advisor=advisor,
        reference=reference,
        member_name_digest=blind_index.name_digest(name),
        status=status,
    )
    row.set_member_name(name)
    row.set_deadline(deadline, "expert_opinion")
    row.save()
    index_member_name(row, name)
    return row


def add_cases(advisor: Advisor, n: int, *, start: int = 0) -> list[AdvisorCase]:
    """n cases; deadlines repeat (ties are broken by id) and every seventh has none."""
    return [
        add_case(
            advisor,
            f"Lid{i} Jansen",
            reference=f"R-{i:04d}",
            deadline=None if i % 7 == 0 else TODAY + timedelta(days=i % 5),
            status=["open", "open", "handed_over", "closed"][i % 4],
        )
        for i in range(start, start + n)
    ]


def links(html: str, rel: str) -> str | None:
    match = re.search(rf'<a href="([^"]+)" rel="{rel}"', html)
    return match[1].replace("&amp;", "&") if match else None


def case_links(html: str) -> list[str]:
    return re.findall(r'href="/adviseur/zaken/([0-9a-f-]{36})/"', html)


def walk(client, url: str) -> list[str]:
    """Every case id on every page, following "Next page" from `url`."""
    seen: list[str] = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        seen += case_links(html)
        url = links(html, "next")
    return seen


def list_order(cases: list[AdvisorCase]) -> list[str]:
    """The list's order: next deadline first, ties by id, cases without a deadline last."""
    ordered = sorted(cases, key=lambda c: (c.next_deadline is None, c.next_deadline or TODAY, c.id))
    return [str(c.case_id) for c in ordered]


# --- pages -----------------------------------------------------------------------------------


def test_list_opens_on_my_open_cases_with_counts_per_status(advisors):
    mine = add_cases(advisors["a1"], 12)
    add_cases(advisors["a2"], 3)
    html = client_for(advisors["a1"]).get("/adviseur/").content.decode()
    open_mine = [c for c in mine if c.status == "open"]
    assert sorted(case_links(html)) == sorted(str(c.case_id) for c in open_mine)
    # Counts over all of my cases per status, from SQL: 12 cases -> 6 open, 3 + 3.
    assert "Open: 6" in html and "Overgedragen aan het lid: 3" in html and "Afgesloten: 3" in html
    assert "Alle: 12" in html


def test_each_row_shows_its_notes_count_from_the_page_query(advisors):
    from decision_aid.advisors.services import note_add

    first, second = add_cases(advisors["a1"], 2, start=1)
    for text in ("Belt maandag terug.", "Stukken ontvangen."):
        note_add(advisor=advisors["a1"], advisor_case=first, text=text)
    html = client_for(advisors["a1"]).get("/adviseur/?status=").content.decode()
    assert html.count("2 notities") == 1 and "notitie<" not in html


def test_rows_show_name_reference_deadline_and_status_escaped(advisors):
    """The rows are printed from prepared values (advisor_tables.py): what a member or advisor
    typed comes out as text, never as markup, and a past deadline says it is late."""
    late = add_case(
        advisors["a1"],
        'Anna <b onclick="x()">Jansen</b>',
        reference="R&D <1>",
        deadline=timezone.localdate() - timedelta(days=3),
    )
    html = client_for(advisors["lead"]).get("/adviseur/?scope=all&status=").content.decode()
    row = html[html.index(f'href="/adviseur/zaken/{late.case_id}/"') :].split("</tr>")[0]
    assert "Anna &lt;b onclick=&quot;x()&quot;&gt;Jansen&lt;/b&gt;</a>" in row
    assert "<br>R&amp;D &lt;1&gt;<br>Adviseur: a1</td>" in row
    exact = timezone.localdate() - timedelta(days=3)  # the exact date, not only its week
    assert exact.strftime("%d-%m-%Y") + ' <strong class="late">(te laat)</strong>' in row
    assert "<td>Open</td>" in row


def test_paging_visits_every_case_once_in_deadline_order(advisors):
    cases = add_cases(advisors["a1"], listing.PAGE_SIZE * 2 + 20)
    client = client_for(advisors["a1"])
    first = client.get("/adviseur/?status=").content.decode()
    assert len(case_links(first)) == listing.PAGE_SIZE
    assert links(first, "first") is None  # already on the first page
    seen = walk(client, "/adviseur/?status=")
    assert seen == list_order(cases)  # each once, in order, the undated ones last
    second = client.get(links(first, "next")).content.decode()
    assert links(second, "first").startswith("/adviseur/?")


def test_a_page_starting_inside_the_cases_without_deadline(advisors):
    cases = [add_case(advisors["a1"], f"Lid {i}", deadline=None) for i in range(60)]
    client = client_for(advisors["a1"])
    assert walk(client, "/adviseur/") == list_order(cases)


@pytest.mark.parametrize("after", ["rubbish", "20261399.5", "-.x", "1" * 40])
def test_a_malformed_cursor_shows_the_first_page(advisors, after):
    add_cases(advisors["a1"], 3)
    response = client_for(advisors["a1"]).get(f"/adviseur/?status=&after={after}")
    assert response.status_code == 200
    assert len(case_links(response.content.decode())) == 3


def test_lead_chooses_between_own_cases_and_the_whole_organisation(advisors):
    a1_cases = add_cases(advisors["a1"], 4)
    own = add_case(advisors["lead"], "Eigen Zaak")
    add_cases(advisors["b1"], 2)
    client = client_for(advisors["lead"])
    assert case_links(client.get("/adviseur/?status=").content.decode()) == [str(own.case_id)]
    everything = walk(client, "/adviseur/?scope=all&status=")
    assert sorted(everything) == sorted(str(c.case_id) for c in [*a1_cases, own])


def test_counts_follow_every_way_a_case_changes(advisors):
    from decision_aid.advisors.models import CaseCount
    from decision_aid.cases.services import case_delete

    def counts_match() -> None:
        for advisor in advisors.values():
            for scope in ("mine", "all"):
                actual = dict.fromkeys(AdvisorCase.Status.values, 0)
                for status in listing.scoped_cases(advisor, scope=scope).values_list(
                    "status", flat=True
                ):
                    actual[status] += 1
                assert listing.status_counts(advisor, scope=scope) == actual

    cases = add_cases(advisors["a1"], 9) + add_cases(advisors["b1"], 2)
    counts_match()
    client = client_for(advisors["a1"])
    client.post(f"/adviseur/zaken/{cases[0].case_id}/", {"status": "closed"})  # the case page
    AdvisorCase.objects.filter(id=cases[1].id).update(status="handed_over", advisor=advisors["a2"])
    case_delete(case=cases[2].case)  # the cascade from the case, as when it expires
    Case.objects.filter(id=cases[3].case_id).delete()
    cases[4].save()  # a save that changes nothing counted
    counts_match()
    assert listing.status_counts(advisors["lead"], scope="all")["closed"] >= 1
    assert CaseCount.objects.filter(n__lt=0).count() == 0


# --- search ----------------------------------------------------------------------------------


def test_blind_index_normalises_and_hides_the_name():
    assert blind_index.normalise("  Zoë  van ’t Hart-Yılmaz ") == "zoe van t hart yilmaz"
    assert blind_index.name_digest("ZOË van 't hart-yilmaz") == blind_index.name_digest(
        "Zoë van ’t Hart-Yılmaz"
    )
    assert blind_index.name_digest("") == ""
    digests = blind_index.word_digests("Fatma Yılmaz")
    assert len(digests) == 2 and all(len(d) == blind_index.DIGEST_LENGTH for d in digests)
    assert blind_index.name_digest("Yılmaz") not in blind_index.word_digests("Yılmaz")


def test_a_name_of_many_words_stores_and_searches_a_bounded_index():
    """A 200-character "name" of 66 two-letter words stored about 9,000 pair hashes (every two
    words) and a search of it made 66 look-ups; the longest eight words count, so a real name
    is whole and a hostile one costs what an eight-word name costs."""
    many = " ".join(a + b for a in "bcdfghjklmnp" for b in "aeiou")[:200]
    assert len(blind_index.words(many)) == blind_index.MAX_WORDS
    assert len(blind_index.query_groups(many)) == blind_index.MAX_WORDS
    eight = " ".join(blind_index.words(many))
    assert blind_index.pair_digests(many) == blind_index.pair_digests(eight)
    assert len(blind_index.pair_digests(many)) < 1_500
    real = "Maria José van den Berg-de Vries"  # seven words: every one counts
    assert len(blind_index.words(real)) == 7


def test_blind_index_depends_on_its_own_key(settings):
    before = blind_index.name_digest("Fatma Yılmaz")
    settings.SEARCH_INDEX_KEY = "another-key"
    assert blind_index.name_digest("Fatma Yılmaz") != before


def test_search_finds_names_by_whole_words_and_references_by_part(advisors):
    fatma = add_case(advisors["a1"], "Fatma Yılmaz", reference="FNV-2026-0042")
    add_case(advisors["a1"], "Fatma de Vries", reference="FNV-2026-0043")
    add_cases(advisors["a1"], 20)
    client = client_for(advisors["a1"])

    def found(q: str) -> list[str]:
        return case_links(client.get("/adviseur/", {"q": q, "status": ""}).content.decode())

    assert found("yilmaz") == [str(fatma.case_id)]  # case and the dotless ı do not matter
    assert found("YILMAZ fatma") == [str(fatma.case_id)]  # every word, in any order
    assert found("Fatma Yılmaz") == [str(fatma.case_id)]
    assert len(found("Fatma")) == 2
    assert found("0042") == [str(fatma.case_id)]  # the reference: any part of it
    assert found("42") == []  # under 3 characters: only a reference that is exactly that
    add_case(advisors["a1"], "Kort Kenmerk", reference="K7")
    assert len(found("k7")) == 1
    assert found("Yilm") == [str(fatma.case_id)]  # a word's beginning of 3 letters or more
    assert found("Fatma Jansen") == []


def test_search_forgives_one_typo_and_finds_word_beginnings_and_sounds(advisors):
    """ "Bakkr" and "Jans" found nothing and offered a new intake, inviting a duplicate case.
    Still through keyed hashes only (no name stored or decrypted to search)."""
    anouk = add_case(advisors["a1"], "Anouk Bakker")
    piet = add_case(advisors["a1"], "Piet Janssen")
    jan = add_case(advisors["a1"], "Jan Meijer")
    henk = add_case(advisors["a1"], "Henk Schmidt")
    add_case(advisors["a1"], "Fatma Yılmaz")
    sanne = add_case(advisors["a1"], "Sanne Visser")
    client = client_for(advisors["a1"])

    def found(q: str) -> set[str]:
        return set(case_links(client.get("/adviseur/", {"q": q, "status": ""}).content.decode()))

    def ids(*rows: AdvisorCase) -> set[str]:
        return {str(r.case_id) for r in rows}

    # one letter missing, wrong or extra
    for typo in ("Bakkr", "Baker", "Bakkar", "Bakkerr", "Bkker"):
        assert found(typo) == ids(anouk), typo
    # beginnings of three letters or more
    assert found("Jans") == ids(piet)
    assert found("Jan") == ids(piet, jan)
    assert found("Ja") == set()  # two letters match nothing but a whole word
    # the Dutch sound of a name
    assert found("Meyer") == ids(jan) and found("Jansen") == ids(piet)
    assert found("Smid") == ids(henk)
    # every typed word must still match, in any order
    assert found("bakkr anouk") == ids(anouk)
    assert found("Bakkr Piet") == set()
    assert found("Visscher") == ids(sanne)  # "sch" sounds as "s"
    # two words, each forgiven as alone (the pair index, then every word checked)
    assert found("Xnouk Bakker") == ids(anouk) and found("nouk bakker") == ids(anouk)
    assert found("Meyer Jan") == ids(jan) and found("Smid Henk") == ids(henk)
    assert found("Jans Piet") == ids(piet) and found("Sanne Visscher") == ids(sanne)
    # two typed words may both find one word of the name
    assert found("Jan Janssen") == ids(piet) and found("Jan Jansen Piet") == ids(piet)
    assert found("Jan Meyer Piet") == set()
    # not so forgiving that unrelated names come up
    assert (
        found("Pieters") == set() and found("Bekkers") == set() and found("Yılmaz Sanne") == set()
    )
    stored = MemberNameWord.objects.values_list("digest", flat=True)
    assert all(re.fullmatch(r"[0-9a-f]{32}", d) for d in stored)


def test_the_forgiving_index_is_rebuilt_for_names_stored_before_it(advisors):
    anouk = add_case(advisors["a1"], "Anouk Bakker")
    # as stored before: whole words only
    MemberNameWord.objects.all().delete()
    MemberNameWord.objects.bulk_create(
        MemberNameWord(advisor_case=anouk, organisation_id=anouk.organisation_id, digest=d)
        for d in blind_index.word_digests("Anouk Bakker")
    )
    client = client_for(advisors["a1"])
    assert case_links(client.get("/adviseur/?q=Bakkr").content.decode()) == []
    importlib.import_module("decision_aid.advisors.migrations.0012_forgiving_name_index").fill(
        apps, None
    )
    assert case_links(client.get("/adviseur/?q=Bakkr").content.decode()) == [str(anouk.case_id)]


def typed_forms(word: str) -> set[str]:
    """What an advisor may type for a word: it whole, its beginnings, one letter left out,
    changed or added anywhere (the first letters too)."""
    forms = {word} | {word[:k] for k in range(3, len(word))}
    for i in range(len(word) + 1):
        forms |= {
            word[:i] + word[i + 1 :],
            word[:i] + "x" + word[i + 1 :],
            word[:i] + "e" + word[i:],
        }
    return {form for form in forms if form}


@pytest.mark.parametrize(
    "name", ["Anna Jansen", "Sanne Visser", "Jan Meijer", "Henk Schmidt", "Fatma van den Berg"]
)
def test_two_typed_words_are_found_through_the_pair_index_whenever_they_match(name):
    """The pair index only narrows what the word hashes then check, so it must hold every
    case the words find: for every two words of the name (one word twice too) and every way
    of typing them, the name's pairs meet the typed pairs whenever the words match."""
    stored, pairs = set(blind_index.index_digests(name)), set(blind_index.pair_digests(name))
    checked = 0
    for first in blind_index.words(name):
        for second in blind_index.words(name):
            for typed_first in typed_forms(first):
                for typed_second in typed_forms(second):
                    query = f"{typed_first} {typed_second}"
                    groups = blind_index.query_groups(query)
                    if len(groups) == 2 and all(stored.intersection(g) for g in groups):
                        assert pairs.intersection(blind_index.query_pairs(query)), query
                        checked += 1
    assert checked > 100
    # and it narrows: a name without both words shares no pair with them
    assert not pairs.intersection(blind_index.query_pairs("Mohamed Bakker"))


def test_the_pair_index_is_filled_for_names_stored_before_it(advisors):
    """Two typed words are looked up in the pair index; a name stored before it is found by
    two words once the data migration has filled it."""
    from decision_aid.advisors.models import MemberNamePair

    anouk = add_case(advisors["a1"], "Anouk Bakker")
    MemberNamePair.objects.all().delete()
    client = client_for(advisors["a1"])
    assert case_links(client.get("/adviseur/?q=Anouk+Bakkr").content.decode()) == []
    importlib.import_module("decision_aid.advisors.migrations.0013_name_pair_index").fill(
        apps, None
    )
    html = client.get("/adviseur/?q=Anouk+Bakkr").content.decode()
    assert case_links(html) == [str(anouk.case_id)]


def test_search_never_decrypts_the_caseload(advisors, monkeypatch):
    add_case(advisors["a1"], "Fatma Yılmaz")
    add_cases(advisors["a1"], 60)
    calls = []
    real = crypto.decrypt
    monkeypatch.setattr(crypto, "decrypt", lambda token: calls.append(1) or real(token))
    html = client_for(advisors["a1"]).get("/adviseur/?q=Yılmaz&status=").content.decode()
    assert "Fatma Yılmaz" in html
    assert len(calls) == 1  # only the one name shown on the page


def test_names_are_stored_only_encrypted_and_as_hashes(advisors):
    row = add_case(advisors["a1"], "Fatma Yılmaz")
    stored = [row.member_name_digest, *MemberNameWord.objects.values_list("digest", flat=True)]
    assert all(re.fullmatch(r"[0-9a-f]{32}", d) for d in stored)
    assert not any("fatma" in d or "yilmaz" in d for d in stored)


def test_changing_the_key_needs_a_rebuild_of_the_index(advisors, settings):
    fatma = add_case(advisors["a1"], "Fatma Yılmaz")
    client = client_for(advisors["a1"])
    settings.SEARCH_INDEX_KEY = "a-new-key-for-the-index-" + "k" * 20
    assert case_links(client.get("/adviseur/?q=Yılmaz").content.decode()) == []
    assert rebuild_name_index() == 1
    assert case_links(client.get("/adviseur/?q=Yılmaz").content.decode()) == [str(fatma.case_id)]


def test_data_migration_fills_the_index_of_names_stored_before_it(advisors):
    row = add_case(advisors["a1"], "Fatma Yılmaz")
    # As names were stored then: encrypted with the app key (migration 0008 moved them).
    AdvisorCase.objects.update(
        member_name_digest="", member_name_enc=crypto.encrypt("Fatma Yılmaz".encode())
    )
    MemberNameWord.objects.all().delete()
    migration = importlib.import_module(
        "decision_aid.advisors.migrations.0003_fill_member_name_blind_index"
    )
    migration.fill(apps, None)
    importlib.import_module(
        "decision_aid.advisors.migrations.0009_names_notes_deadline_under_the_case_key"
    ).under_the_case_key(apps, None)
    row.refresh_from_db()
    assert row.member_name_digest == blind_index.name_digest("Fatma Yılmaz")
    assert MemberNameWord.objects.filter(advisor_case=row).count() == 2
    html = client_for(advisors["a1"]).get("/adviseur/?q=yilmaz").content.decode()
    assert case_links(html) == [str(row.case_id)]


def test_data_migration_moves_names_notes_and_deadlines_under_the_case_key(advisors):
    """Rows stored before migration 0009: name and note under the app key, the exact deadline
    plain. Afterwards: all under the case's own key, only the week plain, the list unchanged."""
    from decision_aid.advisors.models import CaseNote

    row = add_case(advisors["a1"], "Fatma Yılmaz", deadline=None)
    thursday = date(2026, 12, 3)
    AdvisorCase.objects.filter(pk=row.pk).update(
        member_name_enc=crypto.encrypt("Fatma Yılmaz".encode()), next_deadline=thursday
    )
    CaseNote.objects.create(
        advisor_case=row, author=advisors["a1"], text_enc=crypto.encrypt(b"Belde om 9 uur.")
    )
    importlib.import_module(
        "decision_aid.advisors.migrations.0009_names_notes_deadline_under_the_case_key"
    ).under_the_case_key(apps, None)
    row = AdvisorCase.objects.select_related("case").get(pk=row.pk)
    assert row.member_name == "Fatma Yılmaz"
    assert row.notes.get().text == "Belde om 9 uur."
    assert row.deadline == (thursday, "")
    assert row.next_deadline == date(2026, 11, 30)  # its Monday
    app_key = crypto._box()
    for token in (row.member_name_enc, row.notes.get().text_enc, row.next_deadline_enc):
        with pytest.raises(crypto.InvalidToken):
            app_key.decrypt(bytes(token))
    html = client_for(advisors["a1"]).get("/adviseur/").content.decode()
    assert "Fatma Yılmaz" in html and "03-12-2026" in html


def test_saving_an_intake_indexes_the_name_and_a_change_replaces_it(advisors, saved_case):
    client = client_for(advisors["a1"])
    assert case_links(client.get("/adviseur/?q=Yılmaz").content.decode()) == [saved_case]
    from tests.advisors.conftest import INTAKE

    changed = {**INTAKE, "member_name": "Fatma Kaya", "save": "1"}
    assert client.post(f"/adviseur/zaken/{saved_case}/wijzigen/", changed).status_code == 302
    assert case_links(client.get("/adviseur/?q=Yılmaz").content.decode()) == []
    assert case_links(client.get("/adviseur/?q=kaya").content.decode()) == [saved_case]


# --- the organisation boundary through search and paging --------------------------------------


def test_search_and_paging_stay_inside_what_the_advisor_may_see(advisors):
    mine = add_case(advisors["a1"], "Fatma Yılmaz", reference="FNV-1")
    colleague = add_case(advisors["a2"], "Fatma Yılmaz", reference="FNV-2")
    other_org = add_case(advisors["b1"], "Fatma Yılmaz", reference="FNV-3")
    add_cases(advisors["a2"], 70)
    a1 = client_for(advisors["a1"])
    for url in (
        "/adviseur/?q=Yılmaz&status=",
        "/adviseur/?q=Yılmaz&scope=all&status=",
        "/adviseur/?q=FNV&status=",
    ):
        assert case_links(a1.get(url).content.decode()) == [str(mine.case_id)]
    # A cursor taken from a colleague's list does not open it: still only one's own cases.
    a2_first = client_for(advisors["a2"]).get("/adviseur/?status=").content.decode()
    assert set(walk(a1, links(a2_first, "next").replace("status=&", "status=&scope=all&"))) <= {
        str(mine.case_id)
    }
    lead = client_for(advisors["lead"])
    found = case_links(lead.get("/adviseur/?q=Yılmaz&scope=all&status=").content.decode())
    assert sorted(found) == sorted([str(mine.case_id), str(colleague.case_id)])
    b1 = client_for(advisors["b1"])
    assert case_links(b1.get("/adviseur/?q=Yılmaz&status=").content.decode()) == [
        str(other_org.case_id)
    ]


# --- the audit log ---------------------------------------------------------------------------


def log_events(advisor: Advisor, n: int, *, action: str = "viewed", reference: str = "") -> None:
    AuditEvent.objects.bulk_create(
        AuditEvent(
            organisation_id=advisor.organisation_id,
            actor_id=advisor.user_id,
            case_id=uuid.uuid4(),
            reference=reference or f"R-{i}",
            action=action,
        )
        for i in range(n)
    )


def audit_rows(html: str) -> int:
    return html.count("<tr><td>")


def test_audit_log_pages_newest_first_and_filters_in_sql(advisors):
    log_events(advisors["a1"], listing.AUDIT_PAGE_SIZE + 30)
    log_events(advisors["a2"], 5, action="exported", reference="FNV-9")
    log_events(advisors["b1"], 40)
    lead = client_for(advisors["lead"])
    first = lead.get("/adviseur/audit/").content.decode()
    assert audit_rows(first) == listing.AUDIT_PAGE_SIZE
    assert "FNV-9" in first  # the newest first
    second = lead.get(links(first, "next")).content.decode()
    assert audit_rows(second) == 35 and links(second, "next") is None
    assert "<td>a1</td>" in first and "<td>a2</td>" in first
    assert "<td>b1</td>" not in first + second  # never another organisation's events
    a2 = advisors["a2"].user_id
    only_a2 = lead.get(f"/adviseur/audit/?advisor={a2}").content.decode()
    assert audit_rows(only_a2) == 5
    assert audit_rows(lead.get("/adviseur/audit/?action=exported").content.decode()) == 5
    assert audit_rows(lead.get("/adviseur/audit/?case=FNV-9").content.decode()) == 5
    one = AuditEvent.objects.filter(actor=advisors["a1"].user).first()
    assert audit_rows(lead.get(f"/adviseur/audit/?case={one.case_id}").content.decode()) == 1
    # An advisor of another organisation as filter is ignored, not a way in.
    b1 = advisors["b1"].user_id
    ignored = lead.get(f"/adviseur/audit/?advisor={b1}").content.decode()
    assert "<td>b1</td>" not in ignored and "<td>a1</td>" in ignored
    assert lead.get("/adviseur/audit/?after=nonsense&action=bogus").status_code == 200


def test_audit_rows_show_the_time_in_the_netherlands_and_escape_what_was_typed(advisors):
    log_events(advisors["a1"], 1, action="exported", reference="<R&D>")
    AuditEvent.objects.update(at=datetime(2026, 7, 1, 10, 30, 5, tzinfo=UTC))
    html = client_for(advisors["lead"]).get("/adviseur/audit/").content.decode()
    # 10:30 UTC is 12:30 in summer time in Amsterdam.
    assert "<tr><td>01-07-2026 12:30:05</td><td>a1</td><td>geëxporteerd</td>" in html
    assert "<td>&lt;R&amp;D&gt;</td></tr>" in html


# --- a fixed number of queries per page ------------------------------------------------------


def queries_for(client, url: str) -> int:
    client.get(url)  # warm: the session and the language are settled
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# The most queries each page may make, whatever the caseload: session, the user with their
# advisor and organisation (one query, advisors.backends.AdvisorBackend), then the list: counts,
# and one query for the page's rows (in list order from the cursor on, with their notes count).
# A search asks instead once for the references and once for the names, after a look-up of
# the matching cases in the name index (at most NAME_MATCH_IDS: listing.py says why): one for
# a word, two for several (the pair index, then the found cases' word hashes). The audit log:
# the organisation's advisors and one page of events.
# the list pages: +1 for "deleted by the member" lately (one indexed read of the audit log)
PAGES = {
    "/adviseur/?scope=all&status=": 5,
    "/adviseur/?scope=all&status=open": 5,
    "/adviseur/?scope=all&status=&q=Jansen": 7,
    "/adviseur/?scope=all&status=&q=Lid7+Jansen": 8,
    "/adviseur/?scope=all&status=&q=R-00": 8,
    "/adviseur/audit/": 4,
}


@pytest.mark.parametrize("url", PAGES)
def test_queries_per_page_do_not_grow_with_the_caseload(advisors, url):
    lead = client_for(advisors["lead"])
    add_cases(advisors["a1"], 1)
    log_events(advisors["a1"], 1)
    with_one = queries_for(lead, url)
    add_cases(advisors["a1"], 199, start=1)
    log_events(advisors["a1"], 199)
    with_200 = queries_for(lead, url)
    assert with_one == with_200 <= PAGES[url]


def test_next_page_costs_the_same_queries_as_the_first(advisors):
    add_cases(advisors["a1"], 200)
    lead = client_for(advisors["lead"])
    first_url = "/adviseur/?scope=all&status="
    html = lead.get(first_url).content.decode()
    assert queries_for(lead, links(html, "next")) == queries_for(lead, first_url)


def test_a_search_of_several_words_pages_through_every_match_once(advisors):
    """Several words are intersected in SQL under the page's cursor: every case with all the
    words comes once, in list order, across the cases with and without a deadline."""
    anna_jansen = [
        add_case(
            advisors["a1"],
            "Anna Jansen" if i % 2 else "Jansen, Anna",
            deadline=None if i % 7 == 0 else TODAY + timedelta(days=i % 9),
        )
        for i in range(listing.PAGE_SIZE + 15)
    ]
    add_cases(advisors["a1"], 30)  # Jansen, not Anna
    for i in range(10):
        add_case(advisors["a1"], f"Anna de Vries{i}")  # Anna, not Jansen
    client = client_for(advisors["a1"])
    seen = walk(client, "/adviseur/?q=anna+JANSEN&status=")
    assert seen == list_order(anna_jansen)


def test_admin_case_list_makes_no_query_per_row(advisors, settings):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("beheer", password="x" * 20)
    client = client_for(advisors["a1"])
    client.force_login(admin)
    add_cases(advisors["a1"], 1)
    with_one = queries_for(client, "/beheer/advisors/advisorcase/")
    add_cases(advisors["a2"], 20, start=1)
    assert queries_for(client, "/beheer/advisors/advisorcase/") == with_one


def test_a_session_from_before_the_advisor_backend_still_reaches_the_list(advisors):
    """Sessions signed in through the plain ModelBackend (before AdvisorBackend) keep working:
    the advisor and organisation are then read in the view, as before."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    add_cases(advisors["a1"], 2)
    old = Client()
    old.force_login(advisors["lead"].user, backend="django.contrib.auth.backends.ModelBackend")
    html = old.get("/adviseur/?scope=all&status=").content.decode()
    assert "FNV Utrecht" in html and html.count('href="/adviseur/zaken/') == 2
    # a signed-in user who is no advisor still gets 404, through either backend
    nobody = get_user_model().objects.create_user("nobody", password="x" * 16)
    for backend in (
        "decision_aid.advisors.backends.AdvisorBackend",
        "django.contrib.auth.backends.ModelBackend",
    ):
        client = Client()
        client.force_login(nobody, backend=backend)
        assert client.get("/adviseur/").status_code == 404


def test_a_common_word_is_tested_in_the_page_query(advisors, settings, monkeypatch):
    """Past NAME_MATCH_IDS matching cases the page query tests the word itself (walking the
    list in order): the same rows as through the handed-over ids."""
    from decision_aid.advisors import listing

    add_cases(advisors["a1"], 30)
    client = client_for(advisors["a1"])
    url = "/adviseur/?q=Jansen&status="
    two = "/adviseur/?q=Jansen+Lid7&status="
    by_ids = case_links(client.get(url).content.decode())
    two_by_ids = case_links(client.get(two).content.decode())
    monkeypatch.setattr(listing, "NAME_MATCH_IDS", 5)
    assert case_links(client.get(url).content.decode()) == by_ids and len(by_ids) == 30
    # "Lid7", and one typo away: "Lid3" (one wrong), "Lid17" (one more): the same either way
    assert case_links(client.get(two).content.decode()) == two_by_ids
    lid7 = str(AdvisorCase.objects.get(reference="R-0007").case_id)
    assert lid7 in two_by_ids and len(two_by_ids) == 12
