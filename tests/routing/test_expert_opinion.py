"""Expert opinion (deskundigenoordeel): questions, who may ask, CAO expert (004 §10; 001)."""

from __future__ import annotations

import pytest

from decision_aid.routing import advise
from decision_aid.routing.advice import Document, ExpertBody, ExpertQuestion, Route
from decision_aid.routing.context import QUESTION_RULES
from decision_aid.routing.facts import (
    Dispute,
    ExpertOpinionState,
    FirstOpinion,
    Mediation,
    Relationship,
    Role,
    Wage,
)

from .helpers import Scenario, check, make_case, weeks_ago

D, Q = Dispute, ExpertQuestion
SCENARIOS = [
    Scenario(
        "employee, talked, no suitable work in the company",
        Role.EMPLOYEE,
        {"disputes": {D.SUITABLE_WORK_AVAILABLE}, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("expert_opinion_stuck", "004 §10", "expert_opinion_request", "001 per vraag"),
        questions=(Q.SUITABLE_WORK_AVAILABLE,),
        alternatives=(Route.LEGAL_ADVICE,),
    ),
    Scenario(
        "CAO names its own expert",
        Role.EMPLOYEE,
        {"disputes": {D.SUITABLE_WORK}, "talked": True, "cao_expert": True},
        Route.EXPERT_OPINION,
        mentions=("expert_opinion_cao", "BW 7:629a lid 7", "expert_opinion_how_cao"),
        absent=("expert_opinion_how_employee",),
    ),
    Scenario(
        "two questions: two forms",
        Role.EMPLOYEE,
        {"disputes": {D.SUITABLE_WORK, D.EMPLOYER_EFFORTS}, "talked": True},
        Route.EXPERT_OPINION,
        questions=(Q.SUITABLE_WORK, Q.EMPLOYER_EFFORTS),
    ),
    Scenario(
        "fitness for own work without a pay dispute: UWV does not judge it",
        Role.EMPLOYEE,
        {"disputes": {D.FITNESS_OWN_WORK}, "talked": True},
        Route.SECOND_OPINION,
        mentions=("second_opinion_fitness", "fitness_only_in_wage_dispute", "domain §3 [vvaa]"),
        not_recommended=(Route.EXPERT_OPINION,),
    ),
    Scenario(
        "fitness and suitable work without a pay dispute: only the suitable-work question",
        Role.EMPLOYER,
        {"disputes": {D.FITNESS_OWN_WORK, D.SUITABLE_WORK}, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("fitness_only_in_wage_dispute",),
        questions=(Q.SUITABLE_WORK,),
    ),
    Scenario(
        "fitness during a pay dispute: the own-work question",
        Role.EMPLOYER,
        {"disputes": {D.FITNESS_OWN_WORK}, "wage": Wage.STOPPED, "talked": True},
        Route.EXPERT_OPINION,
        questions=(Q.FITNESS_OWN_WORK,),
        absent=("fitness_only_in_wage_dispute",),
    ),
    Scenario(
        "passive employer, talked: expert opinion on the employer's efforts",
        Role.EMPLOYEE,
        {"employer_passive": True, "talked": True},
        Route.EXPERT_OPINION,
        mentions=("passive_employer_employee", "004 §10"),
        questions=(Q.EMPLOYER_EFFORTS,),
    ),
    Scenario(
        "opinion received: talk with it in hand",
        Role.EMPLOYEE,
        {
            "disputes": {D.EMPLOYER_EFFORTS},
            "expert_opinion": ExpertOpinionState.FOR_REQUESTER,
            "talked": True,
        },
        Route.TALK,
        mentions=("opinion_in_hand_talk", "001 na oordeel"),
    ),
    Scenario(
        "opinion requested: agree what to do with it",
        Role.EMPLOYER,
        {"disputes": {D.SUITABLE_WORK}, "expert_opinion": ExpertOpinionState.REQUESTED},
        Route.TALK,
        mentions=("opinion_pending_talk", "001 tip 4"),
    ),
    Scenario(
        "opinion against, relationship broken and mediation failed",
        Role.EMPLOYEE,
        {
            "disputes": {D.SUITABLE_WORK},
            "expert_opinion": ExpertOpinionState.AGAINST_REQUESTER,
            "relationship": Relationship.BROKEN,
            "mediation": Mediation.FAILED,
        },
        Route.LEGAL_ADVICE,
        mentions=("opinion_in_hand_legal",),
    ),
    Scenario(
        "no written advice, week 10: ask for it first",
        Role.EMPLOYEE,
        {
            "disputes": {D.SUITABLE_WORK},
            "talked": True,
            "sick_since": weeks_ago(9),
            "first_opinion": FirstOpinion(False),
        },
        Route.EXPERT_OPINION,
        mentions=("first_opinion_missing", "problem_analysis_late", "001 first opinion"),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_expert_opinion(scenario: Scenario) -> None:
    check(scenario)


def test_one_document_per_question() -> None:
    advice = advise(
        make_case(disputes={D.SUITABLE_WORK, D.EMPLOYER_EFFORTS, D.EMPLOYEE_EFFORTS}, talked=True)
    )
    expert_docs = [d for d in advice.documents if d.kind is Route.EXPERT_OPINION]
    questions = advice.expert_opinion_questions
    assert expert_docs == [Document(Route.EXPERT_OPINION, q) for q in questions]
    assert len(expert_docs) == 3


def test_expert_body() -> None:
    uwv = advise(make_case(disputes={D.SUITABLE_WORK}, talked=True))
    cao = advise(make_case(disputes={D.SUITABLE_WORK}, talked=True, cao_expert=True))
    none = advise(make_case(disputes={D.RELATIONSHIP}))
    assert uwv.expert_body is ExpertBody.UWV
    assert cao.expert_body is ExpertBody.CAO
    assert none.expert_body is None and none.expert_opinion_questions == ()


def test_question_table_both_parties_own_work_only_in_wage_dispute() -> None:
    needs_wage = {r.question for r in QUESTION_RULES if r.needs_wage_dispute}
    assert needs_wage == {Q.FITNESS_OWN_WORK}
    assert all(len(r.askers) == 2 for r in QUESTION_RULES)
    assert {r.question for r in QUESTION_RULES} == set(Q)
