"""Advice that holds in the hard cases. One table per point of the issue; each row
names the source it is written from in its id (shown by pytest) and checks what a person reads.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from decision_aid.routing import advice_to_dict, advise
from decision_aid.routing.advice import Advice, ExpertBody, ExpertQuestion, Route
from decision_aid.routing.facts import (
    Dispute,
    Employment,
    ExpertOpinionState,
    FirstOpinion,
    OpinionAuthor,
    Relationship,
    Role,
    Wage,
)
from decision_aid.routing.ruleset import RULES_FINGERPRINT, RULES_VERSION, fingerprint

from .helpers import AS_OF, Scenario, check, make_case, weeks_ago

D = Dispute
E, R, A = Role.EMPLOYEE, Role.EMPLOYER, Role.ADVISOR
Q = ExpertQuestion


def texts(advice: Advice) -> list[str]:
    """Every text the person reads (English msgids rendered), reasons to timeline."""
    data = advice_to_dict(advice)
    out = [
        r["text"] for block in (data["primary"], *data["alternatives"]) for r in block["reasons"]
    ]
    out += [r["text"] for block in data["not_recommended"] for r in block["reasons"]]
    out += data["next_steps"] + data["to_find_out"]
    out += [c["item"] + ": " + c["text"] for c in data["costs"]]
    out += [m["label"] for m in data["timeline"]["milestones"]]
    if data["out_of_scope"]:
        out += [data["out_of_scope"]["reason"], *data["out_of_scope"]["refer_to"]]
    return out


def ids(table: list[Scenario]) -> list[str]:
    return [s.name for s in table]


# --- 1. "Not sick any more" is the core dispute, not the end of it ----------------------------
DECLARED_FIT = [
    Scenario(
        "employee declared fit, disagrees, pay stopped: expert opinion on own work "
        "[domain §3 vvaa; 004 §10]",
        E,
        {"still_sick": False, "declared_fit": True, "wage": Wage.STOPPED, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("declared_fit_dispute", "domain §3 [vvaa]", "004 §10", "wage_urgent_court"),
        questions=(Q.FITNESS_OWN_WORK,),
    ),
    Scenario(
        "employer: employee declared fit disagrees, pay stopped: expert opinion backs it "
        "[domain §3 vvaa; 000 rechter]",
        R,
        {"still_sick": False, "declared_fit": True, "wage": Wage.STOPPED},
        Route.EXPERT_OPINION,
        mentions=("employer_wage_expert", "declared_fit_dispute"),
        questions=(Q.FITNESS_OWN_WORK,),
    ),
    Scenario(
        "advisor: member declared fit, pay still paid: second opinion now, expert opinion when "
        "pay stops [domain §3 vvaa; Arbobesluit 2.14d]",
        A,
        {"still_sick": False, "declared_fit": True, "wage": Wage.PAID, "talked": True},
        Route.SECOND_OPINION,
        mentions=("second_opinion_fitness", "declared_fit_wage_employee", "declared_fit_dispute"),
        not_recommended=(Route.EXPERT_OPINION,),
    ),
    Scenario(
        "employer: employee declared fit, pay paid: in scope, what stopping pay would need "
        "[000 rechter; 004 §10]",
        R,
        {"still_sick": False, "declared_fit": True, "wage": Wage.PAID},
        Route.TALK,
        mentions=("declared_fit_wage_employer", "declared_fit_dispute"),
    ),
    Scenario(
        "employee really back at work, nobody disputes it: out of scope with a referral [004 §1]",
        E,
        {"still_sick": False, "declared_fit": False, "disputes": {D.RELATIONSHIP}},
        Route.OUT_OF_SCOPE,
        mentions=("scope_not_sick",),
        absent=("find_out_declared_fit",),
    ),
    Scenario(
        "employer: employee back at work, no dispute: out of scope [004 §1]",
        R,
        {"still_sick": False, "declared_fit": False},
        Route.OUT_OF_SCOPE,
        mentions=("scope_not_sick",),
    ),
    Scenario(
        "version-1 file: 'not sick', declared fit unknown: asks it, says the aid may help "
        "[004 §10]",
        E,
        {"still_sick": False},
        Route.OUT_OF_SCOPE,
        mentions=("find_out_declared_fit", "004 §10"),
    ),
]


@pytest.mark.parametrize("scenario", DECLARED_FIT, ids=ids(DECLARED_FIT))
def test_declared_fit(scenario: Scenario) -> None:
    advice = check(scenario)
    if scenario.situation.get("declared_fit"):
        assert advice.out_of_scope is None
        assert any("hersteld gemeld" in t for t in texts(advice))


# --- 2. A loonsanctie keeps the case in scope --------------------------------------------------
SANCTION = [
    Scenario(
        "employee week 110 under a wage sanction: in scope, employer still pays [004 §3]",
        E,
        {
            "sick_since": weeks_ago(109),
            "wage_sanction": True,
            "disputes": {D.EMPLOYER_EFFORTS},
            "talked": True,
        },
        Route.EXPERT_OPINION,
        mentions=("wage_sanction_running", "wage_sanction_steps", "004 §3"),
        absent=("scope_past_104_weeks",),
    ),
    Scenario(
        "employer week 120 under a wage sanction, doing little: in scope, repair ends it sooner "
        "[004 §3]",
        R,
        {"sick_since": weeks_ago(119), "wage_sanction": True, "employer_passive": True},
        Route.TALK,
        mentions=("wage_sanction_running", "wage_sanction_steps", "passive_employer_employer"),
        absent=("scope_past_104_weeks",),
    ),
    Scenario(
        "week 110, sanction unknown: out of scope, but asks about the sanction [004 §3]",
        E,
        {"sick_since": weeks_ago(109), "wage_sanction": None},
        Route.OUT_OF_SCOPE,
        mentions=("scope_past_104_weeks", "find_out_wage_sanction"),
    ),
    Scenario(
        "week 160: a sanction lasts at most 52 weeks, so past it [004 §3]",
        R,
        {"sick_since": weeks_ago(159), "wage_sanction": True},
        Route.OUT_OF_SCOPE,
        mentions=("scope_past_104_weeks",),
    ),
]


@pytest.mark.parametrize("scenario", SANCTION, ids=ids(SANCTION))
def test_wage_sanction(scenario: Scenario) -> None:
    advice = check(scenario)
    if advice.out_of_scope is None:
        shown = " ".join(texts(advice))
        assert "The duty to pay has not ended" in shown
        assert "WIA benefit for people who cannot fully work" not in shown  # no WIA referral
        assert "end_of_wage_sanction" in {m.key for m in advice.timeline.milestones}


# --- 3. Wage stopped, no income: the urgent route in the advice itself ------------------------
URGENT = [
    Scenario(
        "employee, pay stopped, no expert opinion: kort geding needs none [domain §5 M; "
        "BW 7:629a lid 2]",
        E,
        {"wage": Wage.STOPPED, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("wage_urgent_court", "wage_urgent_steps", "domain §5 [M]", "BW 7:629a lid 2"),
        alternatives=(Route.LEGAL_ADVICE,),
        not_recommended=(Route.COURT,),
    ),
    Scenario(
        "advisor: pay stopped, expert opinion requested: legal help and the urgent route "
        "[domain §5 M; 002 juridisch]",
        A,
        {
            "disputes": {D.WAGE_STOPPED},
            "wage": None,
            "expert_opinion": ExpertOpinionState.REQUESTED,
        },
        Route.LEGAL_ADVICE,
        mentions=("wage_urgent_court", "wage_urgent_steps_opinion_asked"),
        absent=("wage_urgent_steps",),  # the opinion is asked: do not say "ask for it"
        not_recommended=(Route.COURT,),
    ),
    Scenario(
        "employee, pay stopped, opinion against: legal advice, the urgent route still shown "
        "[BW 7:629a lid 2]",
        E,
        {"wage": Wage.STOPPED, "expert_opinion": ExpertOpinionState.AGAINST_REQUESTER},
        Route.LEGAL_ADVICE,
        mentions=("wage_urgent_court", "wage_urgent_steps_opinion_asked"),
        absent=("wage_urgent_steps",),
    ),
]


@pytest.mark.parametrize("scenario", URGENT, ids=ids(URGENT))
def test_wage_stopped_no_income_reads_more_than_court_not_advised(scenario: Scenario) -> None:
    advice = check(scenario)
    (court,) = [b for b in advice.not_recommended if b.route is Route.COURT]
    assert len(court.reasons) >= 2  # not only "court: not advised now"
    shown = " ".join(texts(advice))
    assert "kort geding" in shown and "legal advisor today" in shown


# --- 4. Durations as the sources give them -----------------------------------------------------
@pytest.mark.parametrize(
    "role",
    [E, R],
    ids=["employee [domain §3 B, I, H]", "employer [domain §3 B, I, H]"],
)
def test_expert_opinion_duration_planned_on_the_upper_end(role: Role) -> None:
    disputes = {D.EMPLOYEE_EFFORTS} if role is R else {D.SUITABLE_WORK}
    advice = advise(make_case(role, disputes=disputes, talked=True))
    assert advice.primary.route is Route.EXPERT_OPINION
    (duration,) = [c for c in advice.costs if c.item.msgid == "How long it takes"]
    text = duration.amount.render()
    assert "2 to 4 weeks" in text and "4 to 8 weeks" in text and "backlog" in text
    assert "Plan every deadline on 8 weeks" in text
    assert {"domain §3 [B]", "domain §3 [I]", "domain §3 [H]"} <= set(duration.sources)


# --- 5. Deadlines that are about to pass, as advice -------------------------------------------
DEADLINES = [
    Scenario(
        "employee week 90: apply for WIA by week 93, late costs pay [domain §6 Y; BW 7:629 lid 3]",
        E,
        {"sick_since": weeks_ago(89), "disputes": {D.SUITABLE_WORK}, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("wia_apply_by_93", "domain §6 [Y]", "BW 7:629 lid 3"),
        absent=("wia_apply_overdue", "expert_after_104"),
    ),
    Scenario(
        "employer week 96: WIA application overdue [domain §6 Y]",
        R,
        {"sick_since": weeks_ago(95), "disputes": {D.EMPLOYEE_EFFORTS}},
        Route.TALK,
        mentions=("wia_apply_overdue",),
        absent=("wia_apply_by_93",),
    ),
    Scenario(
        "employee week 100: an expert opinion comes after week 104, own view into the "
        "re-integratieverslag now [004 §4; 004 noot 5]",
        E,
        {"sick_since": weeks_ago(99), "disputes": {D.EMPLOYER_EFFORTS}, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("expert_after_104", "004 §4", "004 noot 5"),
    ),
    Scenario(
        "employer week 98: the same warning [004 §4-5]",
        R,
        {"sick_since": weeks_ago(97), "disputes": {D.EMPLOYEE_EFFORTS}, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("expert_after_104",),
    ),
    Scenario(
        "employee week 95, expert opinion already asked: no warning to ask one [004 §4]",
        E,
        {
            "sick_since": weeks_ago(94),
            "disputes": {D.EMPLOYER_EFFORTS},
            "expert_opinion": ExpertOpinionState.REQUESTED,
        },
        Route.TALK,
        absent=("expert_after_104", "expert_pending_near_104"),
    ),
    Scenario(
        "advisor week 101, expert opinion asked and pending: own view into the report now "
        "[004 §4; 004 noot 5; domain §3 I]",
        A,
        {
            "sick_since": weeks_ago(100),
            "disputes": {D.SUITABLE_WORK},
            "expert_opinion": ExpertOpinionState.REQUESTED,
        },
        Route.TALK,
        mentions=("expert_pending_near_104", "004 noot 5"),
        absent=("expert_after_104",),
    ),
    Scenario(
        "employer week 99, expert opinion pending: the same [004 §4-5]",
        R,
        {
            "sick_since": weeks_ago(98),
            "disputes": {D.EMPLOYEE_EFFORTS},
            "expert_opinion": ExpertOpinionState.REQUESTED,
        },
        Route.TALK,
        mentions=("expert_pending_near_104",),
    ),
    Scenario(
        "employee, temporary contract ends in 5 weeks: ask before the end date [domain §2 A]",
        E,
        {
            "employment": Employment.TEMPORARY,
            "contract_end": weeks_ago(-5),
            "disputes": {D.SUITABLE_WORK},
            "talked": True,
        },
        Route.EXPERT_OPINION,
        mentions=("contract_end_before_opinion", "domain §2 [A]"),
    ),
    Scenario(
        "employer, temporary contract ends in 3 weeks: ask before the end date [domain §2 A]",
        R,
        {
            "employment": Employment.TEMPORARY,
            "contract_end": weeks_ago(-3),
            "disputes": {D.EMPLOYEE_EFFORTS},
            "talked": True,
        },
        Route.EXPERT_OPINION,
        mentions=("contract_end_before_opinion",),
    ),
    Scenario(
        "temporary contract ends in 12 weeks: more than the 8 weeks to plan on [domain §3 I]",
        E,
        {
            "employment": Employment.TEMPORARY,
            "contract_end": weeks_ago(-12),
            "disputes": {D.SUITABLE_WORK},
            "talked": True,
        },
        Route.EXPERT_OPINION,
        absent=("contract_end_before_opinion",),
    ),
]


@pytest.mark.parametrize("scenario", DEADLINES, ids=ids(DEADLINES))
def test_deadlines_about_to_pass(scenario: Scenario) -> None:
    check(scenario)


def test_wia_step_says_week_93_and_what_late_costs() -> None:
    advice = advise(make_case(sick_since=weeks_ago(88)))  # week 89
    (step,) = [t.render() for t in advice.next_steps if "WIA" in t.render()]
    assert "by week 93" in step and "stop the pay" in step


# --- 6. A complaint about how the bedrijfsarts behaved -----------------------------------------
COMPLAINT = [
    Scenario(
        "employee: the bedrijfsarts did not examine, was rude: complaints procedure "
        "[domain §4 AQ; domain §2 T]",
        E,
        {"disputes": {D.DOCTOR_CONDUCT}},
        Route.COMPLAINT,
        mentions=("complaint_conduct", "complaint_steps", "domain §4 [AQ]"),
        not_recommended=(Route.SECOND_OPINION,),
        absent=("second_opinion_doubt",),
    ),
    Scenario(
        "employer: complaint about the bedrijfsarts' conduct: complaints procedure [domain §4 AQ]",
        R,
        {"disputes": {D.DOCTOR_CONDUCT}},
        Route.COMPLAINT,
        mentions=("complaint_conduct",),
    ),
    Scenario(
        "employee: conduct complaint next to a suitable-work dispute: complaint as an "
        "alternative [domain §4 AQ]",
        E,
        {"disputes": {D.DOCTOR_CONDUCT, D.SUITABLE_WORK}},
        Route.TALK,
        mentions=("complaint_alongside",),
        alternatives=(Route.COMPLAINT,),
    ),
    Scenario(
        "employee: conduct and doubt about the advice: second opinion stays possible "
        "[Arbobesluit 2.14d; domain §4 AQ]",
        E,
        {"disputes": {D.DOCTOR_CONDUCT, D.MEDICAL_ADVICE_DOUBT}, "talked": True},
        Route.SECOND_OPINION,
        alternatives=(Route.COMPLAINT,),
        absent=("complaint_not_second_opinion",),
    ),
]


@pytest.mark.parametrize("scenario", COMPLAINT, ids=ids(COMPLAINT))
def test_complaint_about_conduct(scenario: Scenario) -> None:
    advice = check(scenario)
    assert any(d.kind is Route.COMPLAINT for d in advice.documents)


# --- 7. Doubt about a periodic medical examination (PMO/PAGO) ----------------------------------
PMO = [
    Scenario(
        "employee doubts a PMO: second opinion, not a talk [003 pmo]",
        E,
        {"disputes": {D.PMO_DOUBT}},
        Route.SECOND_OPINION,
        mentions=("second_opinion_pmo", "pmo_second_opinion_explained", "003 pmo"),
        absent=("talk_first",),
    ),
    Scenario(
        "employee doubts the advice and it was a PMO: second opinion [003 pmo]",
        E,
        {
            "disputes": {D.MEDICAL_ADVICE_DOUBT},
            "first_opinion": FirstOpinion(True, weeks_ago(3), OpinionAuthor.PMO),
        },
        Route.SECOND_OPINION,
        mentions=("second_opinion_pmo",),
        absent=("talk_first",),
    ),
    Scenario(
        "employer doubts a PMO: the second opinion is the employee's; ask the bedrijfsarts "
        "[003 werknemer; 003 pmo]",
        R,
        {"disputes": {D.PMO_DOUBT}},
        Route.TALK,
        mentions=("employer_pmo", "second_opinion_employee_only"),
        not_recommended=(Route.SECOND_OPINION,),
        absent=("talk_first",),
    ),
]


@pytest.mark.parametrize("scenario", PMO, ids=ids(PMO))
def test_pmo_doubt(scenario: Scenario) -> None:
    advice = check(scenario)
    assert "PMO" in advice.primary.reasons[0].text.render()  # its own label, every text


# --- 8. A CAO with its own expert --------------------------------------------------------------
CAO = [
    Scenario(
        "employee, pay stopped, CAO expert: the CAO's expert everywhere [BW 7:629a lid 7; 001 cao]",
        E,
        {"wage": Wage.STOPPED, "cao_expert": True, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("expert_opinion_cao", "expert_opinion_how_cao"),
        absent=("expert_opinion_how_employee",),
    ),
    Scenario(
        "employer, employee does not cooperate, CAO expert [BW 7:629a lid 7; 004 §10]",
        R,
        {"disputes": {D.EMPLOYEE_EFFORTS}, "cao_expert": True, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("expert_opinion_cao", "employer_addresses_employee"),
        absent=("expert_opinion_how_employer",),
    ),
    Scenario(
        "employee declared fit, pay paid, CAO expert: second opinion text names the CAO's "
        "expert [BW 7:629a lid 7]",
        E,
        {"still_sick": False, "declared_fit": True, "cao_expert": True, "talked": True},
        Route.SECOND_OPINION,
    ),
    Scenario(
        "employer doubts the advice, CAO expert [BW 7:629a lid 7; 003 werknemer]",
        R,
        {"disputes": {D.MEDICAL_ADVICE_DOUBT}, "cao_expert": True, "talked": True},
        Route.TALK,
        mentions=("second_opinion_employee_only",),
    ),
]


def names_uwv_as_expert(text: str) -> bool:
    """A text about the expert opinion (or the expert's question) that names UWV alone."""
    about_expert = "expert" in text.lower() or "judge your question" in text
    return "UWV" in text and about_expert and "CAO" not in text


@pytest.mark.parametrize("scenario", CAO, ids=ids(CAO))
def test_cao_expert_is_named_never_uwv_alone(scenario: Scenario) -> None:
    advice = check(scenario)
    assert not [t for t in texts(advice) if names_uwv_as_expert(t)]
    if Route.EXPERT_OPINION in advice.all_routes():
        assert advice.expert_body is ExpertBody.CAO


# --- 9. Wage suspended under 7:629 lid 6 -------------------------------------------------------
SUSPENDED = [
    Scenario(
        "employee, pay suspended for missed appointments: do what was asked, no paid expert "
        "opinion first [BW 7:629 lid 6; domain §5 O]",
        E,
        {"wage": Wage.WITHHELD, "talked": True},
        Route.TALK,
        mentions=("wage_suspended_comply", "wage_suspended_steps", "domain §5 [O]"),
        questions=(),
        absent=("wage_expert_first", "wage_urgent_court"),
    ),
    Scenario(
        "employer suspended pay: tell the employee in writing, pay once done [domain §5 O]",
        R,
        {"wage": Wage.WITHHELD},
        Route.TALK,
        mentions=("employer_suspension", "wage_withheld_explained"),
        questions=(),
        absent=("employer_wage_expert",),
    ),
    Scenario(
        "employee, pay suspended and fitness disputed: that question keeps the expert opinion "
        "[BW 7:629a lid 1]",
        E,
        {"wage": Wage.WITHHELD, "disputes": {D.FITNESS_OWN_WORK}},
        Route.EXPERT_OPINION,
        questions=(Q.FITNESS_OWN_WORK,),
    ),
    Scenario(
        "employee, pay stopped (lid 3), no dispute: the cooperation question stays "
        "[domain §3; BW 7:629 lid 3]",
        E,
        {"wage": Wage.STOPPED},
        Route.EXPERT_OPINION,
        questions=(Q.EMPLOYEE_EFFORTS,),
    ),
]


@pytest.mark.parametrize("scenario", SUSPENDED, ids=ids(SUSPENDED))
def test_wage_suspended(scenario: Scenario) -> None:
    check(scenario)


# --- 10. Amounts with their year ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("as_of", "role", "check_note"),
    [
        (AS_OF, E, False),
        (date(2026, 11, 30), E, True),
        (date(2026, 11, 30), R, True),
    ],
    ids=[
        "employee 2024: fee of 2024 [domain §3 D]",
        "employee 2026: 2024 fee, check it [domain §3 D; domain §9]",
        "employer 2026: 2024 fee, check it [domain §3 D]",
    ],
)
def test_every_fee_shows_its_year(as_of: date, role: Role, check_note: bool) -> None:
    disputes = {D.EMPLOYEE_EFFORTS} if role is R else {D.SUITABLE_WORK}
    since = as_of - timedelta(weeks=20)
    case = make_case(role, as_of=as_of, sick_since=since, disputes=disputes, talked=True)
    data = advice_to_dict(advise(case))
    fees = [c for c in data["costs"] if "€" in c["amount"]]
    assert fees
    for fee in fees:
        assert fee["year"] == 2024 and f"amount for {fee['year']}" in fee["text"]
        assert fee["check_current"] is check_note
        assert ("check the current amount" in fee["text"]) is check_note
        assert fee["sources"]


def test_court_costs_show_2023_toevoeging_and_2024_griffierecht_as_to_check() -> None:
    # domain §7 [AE] (2023) and [AG] (2024); the 2025/2026 amounts could not be verified
    case = make_case(wage=Wage.STOPPED, expert_opinion=ExpertOpinionState.FOR_REQUESTER)
    costs = {c["item"]: c for c in advice_to_dict(advise(case))["costs"]}
    toevoeging = costs["Lawyer paid in part by the state (toevoeging)"]
    assert toevoeging["year"] == 2023 and "check the current amount" in toevoeging["text"]
    griffie = costs["Court fee (griffierecht) for a private person"]
    assert griffie["year"] == 2024 and "check the current amount" not in griffie["text"]


# --- 11. Smaller: self-employed -----------------------------------------------------------------
# The wording ("the Ziektewet only for those who insured themselves"); the seeds and
# domain.md say nothing on it (docs/routing.md, "could not be sourced"). The rule cites 004 §1-2.
SELF_EMPLOYED = [
    Scenario(
        "self-employed employee: Ziektewet only if insured with UWV [004 §2]",
        E,
        {"employment": Employment.SELF_EMPLOYED},
        Route.OUT_OF_SCOPE,
        mentions=("scope_self_employed",),
    ),
    Scenario(
        "advisor for a self-employed member: the same [004 §2]",
        A,
        {"employment": Employment.SELF_EMPLOYED, "disputes": {D.SUITABLE_WORK}},
        Route.OUT_OF_SCOPE,
        mentions=("scope_self_employed",),
    ),
    Scenario(
        "no employer at all: the plain Ziektewet referral [004 §1]",
        E,
        {"employment": Employment.NONE},
        Route.OUT_OF_SCOPE,
        mentions=("scope_no_employer",),
        absent=("scope_self_employed",),
    ),
]


@pytest.mark.parametrize("scenario", SELF_EMPLOYED, ids=ids(SELF_EMPLOYED))
def test_self_employed_hears_ziektewet_only_if_insured_themselves(scenario: Scenario) -> None:
    advice = check(scenario)
    assert advice.out_of_scope is not None
    refer = " ".join(t.render() for t in advice.out_of_scope.refer_to)
    insured = scenario.situation["employment"] is Employment.SELF_EMPLOYED
    assert ("voluntary sickness insurance" in refer) is insured
    assert "Juridisch Loket" in refer


# --- the rule-set stamp -------------------------------------------------------------------------
def test_every_advice_says_which_rule_set_made_it() -> None:
    data = advice_to_dict(advise(make_case(relationship=Relationship.BROKEN)))
    assert data["rule_set"] == {"version": RULES_VERSION, "sources_date": "2026-11-30"}


def test_changing_the_rules_needs_a_new_version() -> None:
    assert fingerprint() == RULES_FINGERPRINT, (
        "The rules changed: bump RULES_VERSION in decision_aid/routing/ruleset.py, set "
        f"RULES_FINGERPRINT = {fingerprint()!r} and note the change in docs/routing.md."
    )
