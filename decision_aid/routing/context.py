"""Facts derived once from a Case, so each rule condition stays a one-line predicate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from .advice import ExpertQuestion, Requester, Route
from .facts import (
    Case,
    Dispute,
    Employment,
    ExpertOpinionState,
    Mediation,
    OpinionAuthor,
    Relationship,
    Role,
    Situation,
    Wage,
)
from .timeline import current_week
from .weeks import (
    MAX_SICK_WEEKS,
    MAX_WAGE_SANCTION_WEEKS,
    OBJECTION_WEEKS,
    PLAN_EXPERT_OPINION_WEEKS,
)

#: Which dispute leads to which expert-opinion question. 004 §10, 001 vragen, 003 deskundige.
DISPUTE_QUESTION: dict[Dispute, ExpertQuestion] = {
    Dispute.FITNESS_OWN_WORK: ExpertQuestion.FITNESS_OWN_WORK,
    Dispute.SUITABLE_WORK: ExpertQuestion.SUITABLE_WORK,
    Dispute.SUITABLE_WORK_AVAILABLE: ExpertQuestion.SUITABLE_WORK_AVAILABLE,
    Dispute.EMPLOYER_EFFORTS: ExpertQuestion.EMPLOYER_EFFORTS,
    Dispute.EMPLOYEE_EFFORTS: ExpertQuestion.EMPLOYEE_EFFORTS,
}


@dataclass(frozen=True)
class QuestionRule:
    """Who may ask an expert-opinion question, and when (docs/routing.md, domain.md §3)."""

    question: ExpertQuestion
    askers: frozenset[Requester]
    needs_wage_dispute: bool
    sources: tuple[str, ...]


_BOTH = frozenset({Requester.EMPLOYEE, Requester.EMPLOYER})

QUESTION_RULES: tuple[QuestionRule, ...] = (
    QuestionRule(
        ExpertQuestion.FITNESS_OWN_WORK,
        _BOTH,
        needs_wage_dispute=True,
        sources=("domain §3 [vvaa]", "004 §10", "BW 7:629a lid 1"),
    ),
    QuestionRule(
        ExpertQuestion.SUITABLE_WORK,
        _BOTH,
        needs_wage_dispute=False,
        sources=("001 vragen", "004 §10", "004 §8"),
    ),
    QuestionRule(
        ExpertQuestion.SUITABLE_WORK_AVAILABLE,
        _BOTH,
        needs_wage_dispute=False,
        sources=("001 vragen", "004 §10"),
    ),
    QuestionRule(
        ExpertQuestion.EMPLOYER_EFFORTS,
        _BOTH,
        needs_wage_dispute=False,
        sources=("000 wie", "001 vragen", "004 §10"),
    ),
    QuestionRule(
        ExpertQuestion.EMPLOYEE_EFFORTS,
        _BOTH,
        needs_wage_dispute=False,
        sources=("000 wie", "001 werkgever", "004 §3"),
    ),
)

QUESTION_RULE = {q.question: q for q in QUESTION_RULES}

OPINION_IN_HAND = frozenset(
    {ExpertOpinionState.FOR_REQUESTER, ExpertOpinionState.AGAINST_REQUESTER}
)
NO_OPINION = frozenset({ExpertOpinionState.NONE, None})


@dataclass(frozen=True)
class Facts:
    """A Case plus what follows from it. ``primary`` is set once the primary rule has fired."""

    case: Case
    week: int | None
    primary: Route | None = None
    advised: frozenset[Route] = frozenset()  # primary + alternatives advised so far

    @classmethod
    def of(cls, case: Case) -> Facts:
        return cls(case=case, week=current_week(case.situation.sick_since, case.as_of))

    # --- plain facts -------------------------------------------------------------------------
    @property
    def s(self) -> Situation:
        return self.case.situation

    @property
    def requester(self) -> Requester:
        """An advisor acts for the employee, who stays the requester."""
        return Requester.EMPLOYER if self.case.role is Role.EMPLOYER else Requester.EMPLOYEE

    @property
    def employee_side(self) -> bool:
        return self.requester is Requester.EMPLOYEE

    @property
    def employer_side(self) -> bool:
        return self.requester is Requester.EMPLOYER

    def disputes(self, *which: Dispute) -> bool:
        """True when any of ``which`` is in dispute."""
        return any(d in self.s.disputes for d in which)

    # --- derived -----------------------------------------------------------------------------
    @property
    def no_employer(self) -> bool:
        return self.s.employment in (Employment.SELF_EMPLOYED, Employment.NONE)

    @property
    def contract_ended(self) -> bool:
        end = self.s.contract_end
        return (
            self.s.employment is Employment.TEMPORARY and end is not None and end <= self.case.as_of
        )

    @property
    def contract_ending(self) -> bool:
        end = self.s.contract_end
        return (
            self.s.employment is Employment.TEMPORARY and end is not None and end > self.case.as_of
        )

    @property
    def declared_fit(self) -> bool:
        """Declared fit ("hersteld gemeld") while the employee disagrees: a dispute about
        fitness for own work, not the end of the case (domain §3; 004 §10)."""
        return self.s.declared_fit is True

    @property
    def not_sick_undisputed(self) -> bool:
        """Answered "not sick" and nobody says there is a fitness dispute."""
        return self.s.still_sick is False and not self.declared_fit

    @property
    def in_wage_sanction(self) -> bool:
        """Past week 104 with the pay duty extended by a loonsanctie (at most 52 weeks, 004 §3)."""
        return (
            self.s.wage_sanction is True
            and self.week is not None
            and MAX_SICK_WEEKS < self.week <= MAX_SICK_WEEKS + MAX_WAGE_SANCTION_WEEKS
        )

    @property
    def past_104_weeks(self) -> bool:
        """Past the pay period: after week 104, or after a wage sanction's last week."""
        return self.week is not None and self.week > MAX_SICK_WEEKS and not self.in_wage_sanction

    @property
    def wage_problem(self) -> bool:
        """Pay withheld (BW 7:629 lid 6) or stopped (lid 3), as a fact or as the dispute; or
        cut or refused while the employer disputes the sickness itself (then a fitness matter
        for an expert opinion, BW 7:629a lid 1)."""
        return (
            self.s.wage in (Wage.WITHHELD, Wage.STOPPED)
            or self.disputes(Dispute.WAGE_STOPPED)
            or (self.pay_short and self.s.unfitness_disputed is True)
        )

    @property
    def pay_short(self) -> bool:
        """Paid less than the contract or CAO says, or refused for another reason (domain §10)."""
        return self.s.wage in (Wage.CUT, Wage.REFUSED)

    @property
    def pay_at_stake(self) -> bool:
        """Any money dispute: stopped, suspended, cut or refused."""
        return self.wage_problem or self.pay_short

    @property
    def pay_only_dispute(self) -> bool:
        """Only the pay is disputed, not the unfitness: cut or refused, the employer does not
        dispute the sickness, and no fitness or work question is open. A plain wage claim: no
        expert opinion needed (BW 7:629a lid 2; domain §10)."""
        other = self.s.disputes - {Dispute.WAGE_STOPPED, Dispute.RELATIONSHIP}
        return (
            self.pay_short
            and self.s.unfitness_disputed is not True
            and not self.declared_fit
            and not other
        )

    @property
    def pregnancy(self) -> bool:
        return self.s.pregnancy_related is True

    @property
    def sanction_decided(self) -> bool:
        """UWV imposed a wage sanction: a decision the employer can object to (Awb 6:7)."""
        return self.s.wage_sanction is True or self.s.sanction_decided_on is not None

    @property
    def objection_open(self) -> bool:
        """The 6 weeks to object to the sanction decision (Awb 6:7) still run, or the decision
        came around the WIA check (date not given, not yet past week 104 + 6)."""
        decided = self.s.sanction_decided_on
        if decided is not None:
            return (self.case.as_of - decided) <= timedelta(weeks=OBJECTION_WEEKS)
        return self.s.wage_sanction is True and (
            self.week is None or self.week <= MAX_SICK_WEEKS + OBJECTION_WEEKS
        )

    @property
    def mediation_refused(self) -> bool:
        return self.s.mediation is Mediation.REFUSED

    @property
    def wage_suspended_only(self) -> bool:
        """Pay suspended (opschorting, lid 6), not stopped: doing what was asked ends it [O]."""
        return self.s.wage is Wage.WITHHELD

    @property
    def wage_stopped_no_income(self) -> bool:
        """Pay stopped (or said to be) and not merely suspended or cut: the urgent route."""
        return self.wage_problem and not self.wage_suspended_only and self.s.wage is not Wage.CUT

    @property
    def no_income(self) -> bool:
        """No pay coming in: stopped, or refused (for example "UWV pays") even when only the pay
        is disputed; then a kort geding is the fast route (domain §10; domain §5 [M])."""
        return self.wage_stopped_no_income or self.s.wage is Wage.REFUSED

    @property
    def medical_doubt(self) -> bool:
        return self.disputes(Dispute.MEDICAL_ADVICE_DOUBT) or self.pmo_doubt

    @property
    def pmo_doubt(self) -> bool:
        """Doubt about a periodic medical examination (PMO/PAGO): a second-opinion matter (003)."""
        return self.disputes(Dispute.PMO_DOUBT) or (
            self.disputes(Dispute.MEDICAL_ADVICE_DOUBT)
            and self.s.first_opinion.author is OpinionAuthor.PMO
        )

    @property
    def conduct_complaint(self) -> bool:
        """A complaint about how the bedrijfsarts behaved (not the advice): [AQ]."""
        return self.disputes(Dispute.DOCTOR_CONDUCT)

    @property
    def only_conduct_complaint(self) -> bool:
        """The complaint is the whole dispute: no other subject, no pay problem."""
        return self.s.disputes == frozenset({Dispute.DOCTOR_CONDUCT}) and not self.wage_problem

    @property
    def fitness_disputed(self) -> bool:
        return (
            self.disputes(Dispute.FITNESS_OWN_WORK)
            or self.declared_fit
            or (self.pay_short and self.s.unfitness_disputed is True)
        )

    @property
    def expert_may_come_after_104(self) -> bool:
        """An expert opinion asked now may arrive after week 104 (planned on 8 weeks, [I])."""
        return (
            self.week is not None
            and self.week <= MAX_SICK_WEEKS
            and self.week + PLAN_EXPERT_OPINION_WEEKS > MAX_SICK_WEEKS
        )

    @property
    def contract_ends_before_expert_opinion(self) -> bool:
        """A temporary contract ends within the time an expert opinion may take (8 weeks)."""
        end = self.s.contract_end
        return (
            self.contract_ending
            and end is not None
            and (end - self.case.as_of).days <= PLAN_EXPERT_OPINION_WEEKS * 7
        )

    @property
    def relationship_problem(self) -> bool:
        return self.disputes(Dispute.RELATIONSHIP) or self.s.relationship is Relationship.BROKEN

    @property
    def can_talk(self) -> bool:
        """Talking is still possible: relationship not broken and mediation not failed."""
        return self.s.relationship is not Relationship.BROKEN and self.s.mediation not in (
            Mediation.FAILED,
            Mediation.REFUSED,
        )

    @property
    def talked(self) -> bool:
        return self.s.talked is True

    @property
    def opinion(self) -> ExpertOpinionState | None:
        return self.s.expert_opinion

    @property
    def conflict_or_procedure(self) -> bool:
        """A conflict or legal procedure: a bedrijfsarts may refuse a second opinion [AP]."""
        return (
            self.s.relationship is Relationship.BROKEN
            or self.s.mediation in (Mediation.FAILED, Mediation.REFUSED)
            or self.pay_at_stake
        )

    @property
    def fitness_blocked(self) -> bool:
        """The own-work question is in dispute but may not be asked: no wage dispute."""
        return self.fitness_disputed and not self.wage_problem

    @property
    def questions(self) -> tuple[ExpertQuestion, ...]:
        """The expert-opinion questions this requester may ask now, in a fixed order."""
        wanted = {DISPUTE_QUESTION[d] for d in self.s.disputes if d in DISPUTE_QUESTION}
        if self.declared_fit or (self.pay_short and self.s.unfitness_disputed is True):
            wanted.add(ExpertQuestion.FITNESS_OWN_WORK)  # declared fit, employee disagrees
        if self.employee_side and self.s.employer_passive is True:
            wanted.add(ExpertQuestion.EMPLOYER_EFFORTS)  # 004 §10: a wholly passive employer
        if self.wage_stopped_no_income and not wanted:
            # A wage stop is about fitness (doubt about the doctor's "fit" advice) or about
            # cooperation: domain.md §3 "Typical situation" column. A suspension (lid 6) gets
            # no question of its own: doing what was asked ends it [O].
            wanted.add(
                ExpertQuestion.FITNESS_OWN_WORK
                if self.medical_doubt
                else ExpertQuestion.EMPLOYEE_EFFORTS
            )
        return tuple(
            rule.question
            for rule in QUESTION_RULES
            if rule.question in wanted
            and self.requester in rule.askers
            and (self.wage_problem or not rule.needs_wage_dispute)
        )
