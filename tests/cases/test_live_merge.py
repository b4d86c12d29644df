"""Two people saving one case: only what each changed is written, the later save of the same
answer wins, each answer is stamped with who changed it (decision_aid/casefile/live.py)."""

from __future__ import annotations

import pytest

from decision_aid.casefile import live


def state(step: str = "talked", **pages: dict) -> dict:
    return {"step": step, "step_data": pages, "step_files": {}, "extra_data": {}}


BASE = state(talked={"talked-talked": ["yes"]}, wage={"wage-wage": ["paid"]})


@pytest.mark.parametrize(
    ("mine", "theirs", "expected_pages", "written"),
    [
        # nobody else saved: mine is stored
        (
            state(talked={"talked-talked": ["no"]}, wage={"wage-wage": ["paid"]}),
            BASE,
            {"talked": {"talked-talked": ["no"]}, "wage": {"wage-wage": ["paid"]}},
            ["talked"],
        ),
        # the other side changed "wage" meanwhile: mine (talked) does not put the old wage back
        (
            state(talked={"talked-talked": ["no"]}, wage={"wage-wage": ["paid"]}),
            state(talked={"talked-talked": ["yes"]}, wage={"wage-wage": ["stopped"]}),
            {"talked": {"talked-talked": ["no"]}, "wage": {"wage-wage": ["stopped"]}},
            ["talked"],
        ),
        # both changed "talked": the later save (mine) wins
        (
            state(talked={"talked-talked": ["no"]}, wage={"wage-wage": ["paid"]}),
            state(talked={"talked-talked": ["unknown"]}, wage={"wage-wage": ["paid"]}),
            {"talked": {"talked-talked": ["no"]}, "wage": {"wage-wage": ["paid"]}},
            ["talked"],
        ),
        # a removed answer (all boxes unticked) is removed
        (
            state(talked={}, wage={"wage-wage": ["paid"]}),
            BASE,
            {"talked": {}, "wage": {"wage-wage": ["paid"]}},
            ["talked"],
        ),
        # a page answered without answers (the check page) is kept as answered
        (
            state(talked={"talked-talked": ["yes"]}, wage={"wage-wage": ["paid"]}, review={}),
            BASE,
            {"talked": {"talked-talked": ["yes"]}, "wage": {"wage-wage": ["paid"]}, "review": {}},
            [],
        ),
    ],
)
def test_merge(mine, theirs, expected_pages, written):
    merged, names = live.merge(BASE, mine, theirs, by=live.MEMBER, revision=7, at="10:52")
    assert merged["step_data"] == expected_pages
    assert names == written
    for name in written:
        assert merged["extra_data"][live.CHANGES][name] == {
            "by": "member",
            "rev": 7,
            "at": "10:52",
        }


def test_an_answer_shown_unchanged_is_kept_from_the_other_side():
    """The member's page is posted again unchanged (keep): the advisor's newer answer stays."""
    theirs = state(talked={"talked-talked": ["no"]}, wage={"wage-wage": ["paid"]})
    base = state(talked={"talked-talked": ["no"]}, wage={"wage-wage": ["paid"]})
    mine_from_page = state(talked={"talked-talked": ["yes"]}, wage={"wage-wage": ["paid"]})
    merged, names = live.merge(
        base,
        mine_from_page,
        theirs,
        by=live.MEMBER,
        revision=3,
        at="10:00",
        keep=frozenset({("talked", "talked-talked")}),
    )
    assert merged["step_data"]["talked"] == {"talked-talked": ["no"]}
    assert names == []


def test_where_the_person_is_stays_theirs_and_last_changes_are_by_side():
    theirs = state("wage", talked={"talked-talked": ["yes"]})
    theirs["extra_data"][live.CHANGES] = {"wage": {"by": "advisor", "rev": 2, "at": "10:01"}}
    mine = state("talked", talked={"talked-talked": ["no"]})
    merged, _ = live.merge(
        state("talked", talked={"talked-talked": ["yes"]}),
        mine,
        theirs,
        by=live.MEMBER,
        revision=3,
        at="10:02",
    )
    assert merged["step"] == "wage"  # the member did not move: the stored step stays
    assert list(live.last_changes(merged, by=live.ADVISOR)) == ["wage"]
    assert list(live.last_changes(merged, by=live.MEMBER)) == ["talked"]
