"""The routing rules: ordered, named data. Each rule cites the passages it rests on.

Three tables, read top to bottom (docs/routing.md prints them as one table):

1. ``PRIMARY_RULES``: the first rule whose condition holds picks the recommended route.
2. ``ROUTE_RULES``: every rule that holds adds an alternative, a route not recommended, or an
   extra reason. A route keeps the first place it gets (primary, alternative, not recommended).
3. ``DETAIL_RULES``: every rule that holds adds a next step or something to find out.

Source ids ("004 §10", "001 tip 4", "BW 7:629a lid 1", "domain §4 [AP]") are defined in
``decision_aid/content/sources.json``. Conditions read ``Facts`` (context.py); ``None`` in a
fact means "unknown" and never matches ``True`` or ``False``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .advice import Route, Text
from .context import NO_OPINION, OPINION_IN_HAND, Facts
from .facts import (
    Dispute,
    Employment,
    ExpertOpinionState,
    Mediation,
    OpinionAuthor,
    Relationship,
    Wage,
)
from .i18n import gettext_noop as _
from .referral import JURIDISCH_LOKET_PHONE
from .weeks import (
    MAX_SICK_WEEKS,
    MAX_WAGE_SANCTION_WEEKS,
    PLAN_EXPERT_OPINION_WEEKS,
    WIA_APPLY_BY_WEEK,
    WIA_LETTER_WEEK,
)

T = Text


# --- effects -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Primary:
    route: Route
    reason: Text
    refer_to: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Alternative:
    route: Route
    reason: Text


@dataclass(frozen=True)
class NotRecommended:
    route: Route
    reason: Text


@dataclass(frozen=True)
class Because:
    """An extra reason, on ``route`` wherever it is listed (or on the primary if None)."""

    reason: Text
    route: Route | None = None


@dataclass(frozen=True)
class NextStep:
    text: Text
    route: Route | None = None  # only when this route is the primary one


@dataclass(frozen=True)
class FindOut:
    text: Text


Effect = Primary | Alternative | NotRecommended | Because | NextStep | FindOut


@dataclass(frozen=True)
class Rule:
    id: str
    group: str
    what: str  # one line for reviewers (docs/routing.md); not shown to users
    sources: tuple[str, ...]
    when: Callable[[Facts], bool]
    then: tuple[Effect, ...]


# --- small predicates used by several rules ------------------------------------------------
def legal_in_play(f: Facts) -> bool:
    """Legal help is part of what to do now: the primary route, before court, or pay at stake."""
    return f.primary in (Route.LEGAL_ADVICE, Route.COURT) or (
        f.wage_problem and Route.LEGAL_ADVICE in f.advised
    )


def expert_advised(f: Facts) -> bool:
    return Route.EXPERT_OPINION in f.advised


def doubts_doctor(f: Facts) -> bool:
    """Doubt about the bedrijfsarts' medical advice, or an own-work dispute UWV cannot judge."""
    return f.medical_doubt or f.fitness_blocked


LEGAL_HELP = T(
    _(
        "A legal advisor: your union, the Juridisch Loket (free legal advice) or your "
        "legal-expenses insurer"
    )
)
JURIDISCH_LOKET = T(
    _("Juridisch Loket: free legal advice, phone %(phone)s"), {"phone": JURIDISCH_LOKET_PHONE}
)

NOT_FOR_WITHOUT_EMPLOYER = T(
    _(
        "This aid is for people who are sick while they work for an employer. The "
        "rules for return to work during sickness (Wet verbetering poortwachter) "
        "are duties of an employer and an employee."
    )
)

# --- 1. primary route: the first rule that holds wins ---------------------------------------
PRIMARY_RULES: tuple[Rule, ...] = (
    # scope
    Rule(
        "scope_self_employed",
        "scope",
        "Self-employed: out of scope; Ziektewet only for those who insured themselves with UWV; "
        "refer to UWV and Juridisch Loket",
        ("004 §1", "004 §2"),
        lambda f: f.s.employment is Employment.SELF_EMPLOYED,
        (
            Primary(
                Route.OUT_OF_SCOPE,
                NOT_FOR_WITHOUT_EMPLOYER,
                (
                    T(
                        _(
                            "UWV: a self-employed person only gets a sickness benefit (Ziektewet) "
                            "if they took out the voluntary sickness insurance with UWV themselves"
                        )
                    ),
                    T(
                        _(
                            "Your own disability insurance (arbeidsongeschiktheidsverzekering), "
                            "if you have one: check its conditions"
                        )
                    ),
                    JURIDISCH_LOKET,
                ),
            ),
        ),
    ),
    Rule(
        "scope_no_employer",
        "scope",
        "No employer (for example unemployed): out of scope, refer to UWV and Juridisch Loket",
        ("004 §1", "004 §2"),
        lambda f: f.s.employment is Employment.NONE,
        (
            Primary(
                Route.OUT_OF_SCOPE,
                NOT_FOR_WITHOUT_EMPLOYER,
                (
                    T(_("UWV: ask whether you can get a sickness benefit (Ziektewet)")),
                    JURIDISCH_LOKET,
                ),
            ),
        ),
    ),
    Rule(
        "scope_contract_ended_erd",
        "scope",
        "Temporary contract has ended and the employer is eigenrisicodrager for the Ziektewet: it "
        "pays the benefit itself, but may not stop it on its own; UWV decides on fitness",
        ("domain §10 [A]", "004 §11"),
        lambda f: f.contract_ended and f.s.erd is True,
        (
            Primary(
                Route.OUT_OF_SCOPE,
                T(
                    _(
                        "The temporary contract has ended. The former employer carries the "
                        "sickness benefit risk itself (eigenrisicodrager Ziektewet): it pays "
                        "the sickness benefit (ziekengeld), not UWV. It may not stop that "
                        "benefit on its own: UWV decides whether the employee is fit for work, "
                        "and the employee can object to UWV's decision."
                    )
                ),
                (
                    T(
                        _(
                            "UWV: it decides about fitness for work, also when the former "
                            "employer pays the benefit"
                        )
                    ),
                    T(
                        _(
                            "A legal advisor (union, Juridisch Loket or legal-expenses insurer) "
                            "if the benefit is stopped or you disagree with a decision"
                        )
                    ),
                    JURIDISCH_LOKET,
                ),
            ),
        ),
    ),
    Rule(
        "scope_contract_ended",
        "scope",
        "Temporary contract has ended: UWV takes over (Ziektewet, ziekengeld); refer to UWV and "
        "legal help",
        ("004 §11", "domain §2 [A]"),
        lambda f: f.contract_ended,
        (
            Primary(
                Route.OUT_OF_SCOPE,
                T(
                    _(
                        "The temporary contract has ended. UWV now takes over: it may pay a "
                        "sickness benefit (ziekengeld) and it checks whether employer and "
                        "employee did enough for return to work. An expert opinion between "
                        "employer and employee is then usually no longer possible."
                    ),
                    cao=T(
                        _(
                            "The temporary contract has ended. UWV now takes over: it may pay a "
                            "sickness benefit (ziekengeld) and it checks whether employer and "
                            "employee did enough for return to work. An expert opinion between "
                            "employer and employee, from the expert named in your CAO, is then "
                            "usually no longer possible."
                        )
                    ),
                ),
                (
                    T(
                        _(
                            "UWV: sickness benefit (Ziektewet) and help with return to work after "
                            "the contract"
                        )
                    ),
                    T(
                        _(
                            "A legal advisor (union, Juridisch Loket or legal-expenses insurer) "
                            "if pay from before the end of the contract is missing"
                        )
                    ),
                ),
            ),
        ),
    ),
    Rule(
        "scope_not_sick",
        "scope",
        "Really back at work, nobody disputes it (not declared fit against the employee's view): "
        "out of scope, refer to legal help for other work conflicts",
        ("004 §1", "BW 7:629 lid 1"),
        lambda f: f.not_sick_undisputed,
        (
            Primary(
                Route.OUT_OF_SCOPE,
                T(
                    _(
                        "This aid is about disagreements during sickness. The employee is back "
                        "at work and nobody disputes that, so these rules no longer apply. If the "
                        "bedrijfsarts or the employer said the employee is fit while the "
                        "employee does not agree, this aid does apply: change that answer."
                    )
                ),
                (LEGAL_HELP,),
            ),
        ),
    ),
    Rule(
        "scope_past_104_weeks",
        "scope",
        "Sick for more than 104 weeks: pay duty over (unless wage sanction); refer to UWV (WIA) "
        "and legal help",
        ("BW 7:629 lid 1", "004 §3", "004 §1"),
        lambda f: f.past_104_weeks,
        (
            Primary(
                Route.OUT_OF_SCOPE,
                T(
                    _(
                        "The employee has been sick for more than 104 weeks (two years). The duty "
                        "to pay wages during sickness has then ended, unless UWV extended it with "
                        "a wage sanction (loonsanctie) of at most 52 weeks."
                    )
                ),
                (
                    T(
                        _(
                            "UWV: the WIA benefit for people who cannot fully work after two "
                            "years of sickness"
                        )
                    ),
                    LEGAL_HELP,
                ),
            ),
        ),
    ),
    # money first: a pay dispute without a fitness dispute; a wage sanction (domain §10)
    Rule(
        "employer_sanction_objection",
        "money",
        "Employer with a UWV wage sanction: object within 6 weeks of the decision and, at the "
        "same time, repair and ask UWV to shorten it; an expert opinion does neither",
        ("Awb 6:7", "domain §10 [AU]", "004 §3"),
        lambda f: f.employer_side and f.sanction_decided and f.objection_open,
        (
            Primary(
                Route.OBJECTION,
                T(
                    _(
                        "UWV has given you a wage sanction (loonsanctie). Do two things at the "
                        "same time. If you think the decision is wrong, object to it (bezwaar) "
                        "within 6 weeks of its date. And do the missing re-integration work now, "
                        "then ask UWV to shorten the sanction (bekortingsverzoek). A "
                        "deskundigenoordeel does not review or shorten a sanction."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "pay_only_wage_claim",
        "money",
        "Employee: paid less than the contract or CAO says, or pay refused for another reason, "
        "and nobody disputes the unfitness: a plain wage claim; no expert opinion needed",
        ("BW 7:629a lid 2", "domain §10 [L]", "domain §5 [M]", "002 loon"),
        lambda f: f.employee_side and f.pay_only_dispute,
        (
            Primary(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "Nobody disputes that you are sick: the dispute is only about the pay. "
                        "That is a plain claim for wages. An expert opinion is not needed for "
                        "it, because the law asks for one only when the sickness itself is "
                        "disputed. First claim the pay in writing, with a date to pay by. If "
                        "the employer does not pay, get legal help; the last step is the "
                        "kantonrechter (a fast ruling, kort geding, when it is urgent)."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "employer_pay_only",
        "money",
        "Employer: pays less than the contract or CAO says, or refuses pay, and does not dispute "
        "the unfitness: an expert opinion settles nothing; check the contract/CAO with legal help",
        ("BW 7:629a lid 2", "domain §10 [L]", "002 loon"),
        lambda f: f.employer_side and f.pay_only_dispute,
        (
            Primary(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "You do not dispute that your employee is sick: the dispute is only about "
                        "the pay. An expert opinion does not settle that: it does not judge a "
                        "contract or cao term. Check what the contract and the cao say (many cao's"
                        " pay 100 percent in the first year) and pay that, or ask a legal advisor."
                        " The employee can claim the pay at the kantonrechter without an expert "
                        "opinion."
                    )
                ),
            ),
        ),
    ),
    # wage and court (employee side)
    Rule(
        "court_wage_claim",
        "wage_court",
        "Employee: pay withheld/stopped and expert opinion for the employee: wage claim at the "
        "kantonrechter",
        ("000 loon", "001 rechter", "BW 7:629a lid 1"),
        lambda f: (
            f.employee_side and f.wage_problem and f.opinion is ExpertOpinionState.FOR_REQUESTER
        ),
        (
            Primary(
                Route.COURT,
                T(
                    _(
                        "Your pay is withheld or stopped, and you have an expert opinion that "
                        "supports you. With it, you can claim your pay at the kantonrechter (the "
                        "court for work conflicts). This is called a wage claim (loonvordering)."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "wage_opinion_pending",
        "wage_court",
        "Employee: pay withheld/stopped, expert opinion requested: get legal help while waiting",
        ("domain §2 [AN]", "002 juridisch"),
        lambda f: f.employee_side and f.wage_problem and f.opinion is ExpertOpinionState.REQUESTED,
        (
            Primary(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "Your pay is withheld or stopped and you are waiting for the expert "
                        "opinion. Get legal help now, so you are ready to claim your pay when the "
                        "opinion comes."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "wage_opinion_against",
        "wage_court",
        "Employee: pay withheld/stopped, expert opinion against the employee: legal advice before "
        "anything else",
        ("000 rechter", "002 juridisch"),
        lambda f: (
            f.employee_side and f.wage_problem and f.opinion is ExpertOpinionState.AGAINST_REQUESTER
        ),
        (
            Primary(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "The expert opinion does not support you, and a judge gives it a lot of "
                        "weight. Ask a legal advisor whether you still have a case before you do "
                        "anything else."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "wage_suspended_comply",
        "wage_court",
        "Employee: pay only suspended (BW 7:629 lid 6), no other question: doing what was asked "
        "ends it; a paid expert opinion is not the first step",
        ("BW 7:629 lid 6", "domain §5 [O]"),
        lambda f: (
            f.employee_side
            and f.wage_suspended_only
            and f.opinion in NO_OPINION
            and not f.questions
        ),
        (
            Primary(
                Route.TALK,
                T(
                    _(
                        "Your pay is suspended (opgeschort). That is only allowed while you do "
                        "not follow reasonable written rules, for example about giving "
                        "information or going to the bedrijfsarts. Ask the employer in writing "
                        "what exactly you must do, and do it: then the suspension ends and the "
                        "withheld pay must be paid. An expert opinion, which costs money, is not "
                        "the first step."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "wage_expert_first",
        "wage_court",
        "Employee: pay withheld/stopped, no expert opinion yet: expert opinion first (needed for "
        "any wage claim)",
        ("BW 7:629a lid 1", "000 loon", "domain §2 [AN]"),
        lambda f: f.employee_side and f.wage_problem and f.opinion in NO_OPINION,
        (
            Primary(
                Route.EXPERT_OPINION,
                T(
                    _(
                        "Your pay is withheld or stopped. A judge turns down a claim for your pay "
                        "if you did not ask UWV for an expert opinion (deskundigenoordeel) first. "
                        "So ask for one now."
                    ),
                    cao=T(
                        _(
                            "Your pay is withheld or stopped. A judge turns down a claim for your "
                            "pay if you did not ask for an expert opinion (deskundigenoordeel) "
                            "first. Your CAO names its own expert: ask that expert now."
                        )
                    ),
                ),
            ),
        ),
    ),
    # employer side
    Rule(
        "employer_wage_expert",
        "employer",
        "Employer has withheld/stopped pay, no expert opinion: ask one to back the decision",
        ("000 rechter", "003 loonopschorting", "004 §3"),
        lambda f: (
            f.employer_side and f.wage_problem and f.opinion in NO_OPINION and bool(f.questions)
        ),
        (
            Primary(
                Route.EXPERT_OPINION,
                T(
                    _(
                        "You have withheld or stopped the employee's pay. Ask for an expert "
                        "opinion: if the employee goes to court, the judge relies on it more than "
                        "on the company doctor's advice."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "employer_suspension",
        "employer",
        "Employer has only suspended pay (BW 7:629 lid 6), no other question: tell the employee "
        "what to do; pay once it is done",
        ("BW 7:629 lid 6", "domain §5 [O]"),
        lambda f: (
            f.employer_side
            and f.wage_suspended_only
            and f.opinion in NO_OPINION
            and not f.questions
        ),
        (
            Primary(
                Route.TALK,
                T(
                    _(
                        "You have suspended the pay (opschorting). That is only allowed while "
                        "the employee does not follow reasonable written rules, for example "
                        "about giving information. Tell the employee at once and in writing what "
                        "they must do. Once they do it, pay the withheld wage. An expert opinion "
                        "is not needed for this."
                    )
                ),
            ),
        ),
    ),
    # a complaint about the bedrijfsarts' conduct
    Rule(
        "complaint_conduct",
        "complaint",
        "Only a complaint about how the bedrijfsarts behaved: complaints procedure, not a second "
        "opinion",
        ("domain §4 [AQ]", "domain §2 [T]"),
        lambda f: f.only_conduct_complaint,
        (
            Primary(
                Route.COMPLAINT,
                T(
                    _(
                        "Your problem is how the bedrijfsarts acted, for example no examination, "
                        "rude behaviour or a breach of privacy. That is not about the content of "
                        "the medical advice, so a second opinion does not fit. Every bedrijfsarts "
                        "must have a complaints procedure (klachtenprocedure): use it."
                    )
                ),
            ),
        ),
    ),
    # talk and mediation
    Rule(
        "mediation_ongoing",
        "talk_mediation",
        "Mediation is ongoing: continue it",
        ("002 bemiddelaar",),
        lambda f: f.s.mediation is Mediation.ONGOING,
        (
            Primary(
                Route.MEDIATION,
                T(_("Mediation has started. Give it a fair chance before you take other steps.")),
            ),
        ),
    ),
    Rule(
        "mediation_relationship",
        "talk_mediation",
        "The working relationship is the problem (or broken) and mediation not tried: mediation",
        ("002 bemiddelaar", "004 §5", "domain §2 [AJ]"),
        lambda f: f.relationship_problem and f.s.mediation in (Mediation.NOT_TRIED, None),
        (
            Primary(
                Route.MEDIATION,
                T(
                    _(
                        "The working relationship is the problem, or you can no longer talk to "
                        "each other. A mediator (bemiddelaar) is an independent person who helps "
                        "you talk again and find a solution together."
                    )
                ),
            ),
        ),
    ),
    # an expert opinion already asked or given
    Rule(
        "opinion_in_hand_talk",
        "expert_opinion",
        "Expert opinion received and talking still possible: talk with the opinion in hand",
        ("001 na oordeel", "000 actie"),
        lambda f: f.opinion in OPINION_IN_HAND and f.can_talk,
        (
            Primary(
                Route.TALK,
                T(
                    _(
                        "You have the expert opinion. Now ask for a talk with the other side and "
                        "the bedrijfsarts (company doctor), and make new agreements based on it."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "opinion_in_hand_legal",
        "expert_opinion",
        "Expert opinion received but talking no longer possible: legal advice",
        ("000 actie", "002 juridisch"),
        lambda f: f.opinion in OPINION_IN_HAND and not f.can_talk,
        (
            Primary(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "You have the expert opinion, but talking is no longer possible. A legal "
                        "advisor can help you use the opinion to make the other side act."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "opinion_pending_talk",
        "expert_opinion",
        "Expert opinion requested: agree now what both will do with the outcome",
        ("001 tip 4",),
        lambda f: f.opinion is ExpertOpinionState.REQUESTED and f.can_talk,
        (
            Primary(
                Route.TALK,
                T(
                    _(
                        "You have asked for an expert opinion. While you wait, agree with the "
                        "other side what you will both do with the outcome."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "opinion_pending_legal",
        "expert_opinion",
        "Expert opinion requested and talking no longer possible: legal advice",
        ("002 juridisch",),
        lambda f: f.opinion is ExpertOpinionState.REQUESTED and not f.can_talk,
        (
            Primary(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "You are waiting for the expert opinion and talking is no longer "
                        "possible. Get legal advice about the next step."
                    )
                ),
            ),
        ),
    ),
    # a periodic medical examination (PMO/PAGO)
    Rule(
        "second_opinion_pmo",
        "second_opinion",
        "Employee doubts a periodic medical examination (PMO/PAGO), no other question, no "
        "conflict: second opinion, not a talk with the employer",
        ("003 pmo", "Arbobesluit 2.14d"),
        lambda f: (
            f.employee_side and f.pmo_doubt and not f.questions and not f.conflict_or_procedure
        ),
        (
            Primary(
                Route.SECOND_OPINION,
                T(
                    _(
                        "You doubt the result of a periodic medical examination (PMO). A second "
                        "opinion by another bedrijfsarts is meant for exactly this. A talk with "
                        "your employer does not settle doubts about a PMO."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "employer_pmo",
        "employer",
        "Employer doubts a periodic medical examination (PMO/PAGO): second opinion is the "
        "employee's; ask the bedrijfsarts who did the PMO to explain it",
        ("003 pmo", "003 werknemer", "004 §6"),
        lambda f: f.employer_side and f.pmo_doubt and not f.questions,
        (
            Primary(
                Route.TALK,
                T(
                    _(
                        "You doubt the result of a periodic medical examination (PMO). Only the "
                        "employee can ask for a second opinion on a PMO. Ask the bedrijfsarts "
                        "who did the PMO to explain the result."
                    )
                ),
            ),
        ),
    ),
    # the ladder
    Rule(
        "talk_first",
        "talk_mediation",
        "Not talked yet (or unknown) and the relationship allows it: talk first",
        ("002 gesprek", "001 tip 2", "004 §9"),
        lambda f: not f.talked and f.can_talk,
        (
            Primary(
                Route.TALK,
                T(
                    _(
                        "Start with a talk, even if you expect little from it. A good talk with "
                        "the other side or the bedrijfsarts often clears up a lot, and an expert "
                        "opinion may then not be needed."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "employer_doubts_advice",
        "employer",
        "Employer doubts the bedrijfsarts' advice (no expert question open): ask the "
        "bedrijfsarts, not a second opinion",
        ("004 §6", "003 werknemer"),
        lambda f: f.employer_side and f.medical_doubt and not f.questions,
        (
            Primary(
                Route.TALK,
                T(
                    _(
                        "You doubt the bedrijfsarts' advice. Only the employee can ask for a "
                        "second opinion. You can ask the bedrijfsarts to explain the advice, or "
                        "to make a new problem analysis if it does not give you enough insight."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "expert_opinion_stuck",
        "expert_opinion",
        "Talked (or cannot talk) and still a dispute UWV can judge: expert opinion",
        ("004 §10", "001 vragen"),
        lambda f: bool(f.questions) and f.opinion in NO_OPINION,
        (
            Primary(
                Route.EXPERT_OPINION,
                T(
                    _(
                        "You have talked, but you still disagree. An expert opinion "
                        "(deskundigenoordeel) is an independent judgement by UWV on the question "
                        "you disagree about. It helps you get out of the deadlock."
                    ),
                    cao=T(
                        _(
                            "You have talked, but you still disagree. An expert opinion "
                            "(deskundigenoordeel) is an independent judgement on the question you "
                            "disagree about, here by the expert named in your CAO. It helps you "
                            "get out of the deadlock."
                        )
                    ),
                ),
            ),
        ),
    ),
    Rule(
        "second_opinion_doubt",
        "second_opinion",
        "Employee doubts the bedrijfsarts' medical advice, no conflict yet: second opinion",
        ("Arbobesluit 2.14d", "003 twijfel", "003 werknemer"),
        lambda f: f.employee_side and f.medical_doubt and not f.conflict_or_procedure,
        (
            Primary(
                Route.SECOND_OPINION,
                T(
                    _(
                        "You doubt the medical advice of the bedrijfsarts. You have the right to "
                        "a second opinion: another bedrijfsarts, from outside the health service, "
                        "looks at your case and advises your own bedrijfsarts."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "second_opinion_fitness",
        "second_opinion",
        "Employee disputes fitness for own work but pay is not in dispute: UWV cannot judge it; "
        "second opinion",
        ("domain §3 [vvaa]", "Arbobesluit 2.14d"),
        lambda f: f.employee_side and f.fitness_blocked and not f.conflict_or_procedure,
        (
            Primary(
                Route.SECOND_OPINION,
                T(
                    _(
                        "You disagree about whether you can do your own work, and your pay is not "
                        "in dispute. UWV only judges that question in a dispute about pay. A "
                        "second opinion by another bedrijfsarts is the way to check the medical "
                        "advice."
                    ),
                    cao=T(
                        _(
                            "You disagree about whether you can do your own work, and your pay is "
                            "not in dispute. The expert named in your CAO only judges that "
                            "question in a dispute about pay. A second opinion by another "
                            "bedrijfsarts is the way to check the medical advice."
                        )
                    ),
                ),
            ),
        ),
    ),
    Rule(
        "legal_after_mediation",
        "legal_help",
        "Mediation failed: legal advice",
        ("002 juridisch",),
        lambda f: f.s.mediation is Mediation.FAILED,
        (
            Primary(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "Mediation did not solve it. Now it is time to get legal advice about "
                        "your rights and the next step."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "legal_after_refused_mediation",
        "legal_help",
        "The other side refused mediation: it is voluntary, so not proposed again; legal advice",
        ("domain §2 [AK]", "002 juridisch"),
        lambda f: f.mediation_refused and f.relationship_problem,
        (
            Primary(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "The other side refused mediation. Mediation is voluntary, so asking "
                        "again rarely helps. Get legal advice about your rights and the next "
                        "step."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "talk_default",
        "talk_mediation",
        "Anything else: talk again and ask the bedrijfsarts for extra advice",
        ("001 tip 3", "004 §9"),
        lambda f: True,
        (
            Primary(
                Route.TALK,
                T(
                    _(
                        "Talk again with the other side and the bedrijfsarts. Ask the "
                        "bedrijfsarts for extra advice that may shed new light on the case."
                    )
                ),
            ),
        ),
    ),
)

# --- 2. alternatives, routes not recommended, extra reasons ---------------------------------
ROUTE_RULES: tuple[Rule, ...] = (
    # money first (domain §10): these place routes before the rules below can
    Rule(
        "sanction_no_expert_opinion",
        "money",
        "Wage sanction: an expert opinion neither reviews nor shortens it",
        ("domain §10 [AU]", "004 §3"),
        lambda f: f.employer_side and f.sanction_decided,
        (
            NotRecommended(
                Route.EXPERT_OPINION,
                T(
                    _(
                        "An expert opinion on your own efforts does not help now: it does not "
                        "review the sanction and does not shorten it. Objection and a shortening "
                        "request do."
                    )
                ),
            ),
            Alternative(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "A legal advisor for employment law can write or check the objection "
                        "and the shortening request."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "pay_only_no_expert_opinion",
        "money",
        "Pay only in dispute, unfitness not disputed: no expert opinion; kantonrechter possible "
        "without one (BW 7:629a lid 2)",
        ("BW 7:629a lid 2", "domain §10 [L]", "domain §5 [M]"),
        lambda f: f.pay_only_dispute,
        (
            NotRecommended(
                Route.EXPERT_OPINION,
                T(
                    _(
                        "An expert opinion is not needed: nobody disputes that the employee is "
                        "unfit for work, and what the contract or the cao says about pay is no "
                        "question for an expert opinion."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "pay_only_court",
        "money",
        "Employee, pay only in dispute: the kantonrechter after the written claim, without an "
        "expert opinion; kort geding when urgent",
        ("BW 7:629a lid 2", "domain §5 [M]", "002 kantonrechter"),
        lambda f: f.pay_only_dispute and f.employee_side,
        (
            Alternative(
                Route.COURT,
                T(
                    _(
                        "If the pay does not come after the written claim: the kantonrechter. "
                        "No expert opinion is needed when the sickness is not disputed; when "
                        "the money is urgently needed, a lawyer can ask for a fast ruling "
                        "(kort geding)."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "mediation_refused",
        "talk_mediation",
        "The other side refused mediation: not proposed again (voluntary)",
        ("domain §2 [AK]", "002 bemiddelaar"),
        lambda f: f.mediation_refused,
        (
            NotRecommended(
                Route.MEDIATION,
                T(
                    _(
                        "Mediation is not proposed again: the other side refused it, and it "
                        "only works when both take part of their own free will."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "pregnancy_employer_pays",
        "money",
        "Sick through pregnancy or childbirth: the employer keeps paying the wage and can claim a "
        "Ziektewet benefit (100 %) for it; 'UWV pays, so we stop' is wrong",
        ("ZW art. 29a", "domain §10 [AR]"),
        lambda f: f.pregnancy and f.employee_side,
        (
            Because(
                T(
                    _(
                        "The sickness comes from the pregnancy or the birth. Then the employer "
                        "keeps paying the wage. The employer can get a Ziektewet benefit of 100 "
                        "percent of the daily wage from UWV for it, but that does not end its "
                        "duty to pay: 'UWV pays, so we stop paying' is wrong."
                    )
                )
            ),
        ),
    ),
    Rule(
        "pregnancy_employer_side",
        "money",
        "Employer, sickness through pregnancy: keep paying, apply for the ZW benefit yourself",
        ("ZW art. 29a", "domain §10 [AR]"),
        lambda f: f.pregnancy and f.employer_side,
        (
            Because(
                T(
                    _(
                        "The sickness comes from the pregnancy or the birth. You keep paying "
                        "the wage. You can ask UWV for a Ziektewet benefit of 100 percent of the "
                        "daily wage for it, and report the sickness to UWV within 6 weeks; the "
                        "benefit goes to you, the wage to your employee."
                    )
                )
            ),
        ),
    ),
    Rule(
        "opinion_not_binding",
        "expert_opinion",
        "An expert opinion went against the requester: not binding, no objection possible; a "
        "judge weighs it",
        ("domain §3 [E]", "000 rechter"),
        lambda f: f.opinion is ExpertOpinionState.AGAINST_REQUESTER,
        (
            Because(
                T(
                    _(
                        "The expert opinion is advice, not a decision. It does not bind you or "
                        "the other side, and you cannot object to it (no bezwaar). A judge does "
                        "give it a lot of weight; new facts can lead to a new opinion."
                    )
                )
            ),
        ),
    ),
    Rule(
        "opinion_against_employer_repair",
        "employer",
        "Employer, the expert opinion says it has not done enough: make up for it now, or UWV "
        "can extend the pay duty by up to 52 weeks (loonsanctie) when it checks the report",
        ("004 §3", "004 §5", "004 §9"),
        lambda f: (
            f.employer_side
            and f.opinion is ExpertOpinionState.AGAINST_REQUESTER
            and f.disputes(Dispute.EMPLOYER_EFFORTS, Dispute.SUITABLE_WORK_AVAILABLE)
        ),
        (
            Because(
                T(
                    _(
                        "The expert opinion says you have not done enough for the return to "
                        "work. Make up for it now: agree new steps with the employee and the "
                        "company doctor, change the plan of action (plan van aanpak), and if "
                        "there is no work in your company, look for work with another employer "
                        "(track 2). If you do not, UWV can make you pay the wage for up to 52 "
                        "weeks longer (loonsanctie) when it checks the re-integration report."
                    ),
                    # the opinion came from the CAO's expert; the wage sanction stays UWV's
                    cao=T(
                        _(
                            "The expert named in your CAO says you have not done enough for the "
                            "return to work. Make up for it now: agree new steps with the "
                            "employee and the company doctor, change the plan of action (plan "
                            "van aanpak), and if there is no work in your company, look for "
                            "work with another employer (track 2). If you do not, UWV can make "
                            "you pay the wage for up to 52 weeks longer (loonsanctie) when it "
                            "checks the re-integration report."
                        )
                    ),
                )
            ),
        ),
    ),
    # wage and court
    Rule(
        "court_last_resort",
        "wage_court",
        "Court is primary: last resort, get legal advice first",
        ("002 kantonrechter",),
        lambda f: f.primary is Route.COURT,
        (
            Because(
                T(
                    _(
                        "Going to court is a last resort and can harm the relationship with your "
                        "employer for good. Get legal advice before you start."
                    )
                ),
                Route.COURT,
            ),
            Alternative(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "Get legal help first. A legal advisor tells you your chances and helps "
                        "you prepare the claim."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "court_needs_opinion",
        "wage_court",
        "Employee, pay withheld/stopped, no supporting expert opinion: court not recommended",
        ("BW 7:629a lid 1", "000 rechter"),
        lambda f: (
            f.employee_side
            and f.wage_problem
            and f.opinion in (None, ExpertOpinionState.NONE, ExpertOpinionState.REQUESTED)
        ),
        (
            NotRecommended(
                Route.COURT,
                T(
                    _(
                        "Court is not advised now. A judge turns down a claim for sick pay if no "
                        "expert opinion was asked, and gives great weight to what the opinion "
                        "says."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "court_opinion_against",
        "wage_court",
        "Employee, pay withheld/stopped, the expert opinion went against the employee: court not "
        "recommended without legal advice (the judge weighs the opinion)",
        ("000 rechter", "domain §3 [E]"),
        lambda f: (
            f.employee_side and f.wage_problem and f.opinion is ExpertOpinionState.AGAINST_REQUESTER
        ),
        (
            NotRecommended(
                Route.COURT,
                T(
                    _(
                        "Court is not advised now. The expert opinion does not support you, and "
                        "a judge gives it great weight. Only a legal advisor can tell whether "
                        "you still have a case."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "wage_urgent_court",
        "wage_court",
        "Employee, pay stopped (not merely suspended), no supporting expert opinion: the urgent "
        "route (kort geding needs no expert opinion; the other exceptions of 7:629a lid 2)",
        ("domain §5 [M]", "BW 7:629a lid 2"),
        lambda f: (
            f.employee_side and f.no_income and f.opinion is not ExpertOpinionState.FOR_REQUESTER
        ),
        (
            Because(
                T(
                    _(
                        "No income now? Then there is a faster way. A lawyer can ask the court "
                        "for a fast ruling (kort geding); there the judge does not require an "
                        "expert opinion. A judge can also accept a wage claim without one if the "
                        "employer does not dispute that you are unfit for work, or if asking for "
                        "one could not reasonably be expected of you. Get legal help first to see "
                        "if this fits your case."
                    )
                ),
                Route.COURT,
            ),
        ),
    ),
    Rule(
        "wage_legal_help",
        "wage_court",
        "Pay withheld/stopped: legal help alongside the expert opinion",
        ("domain §2 [AN]", "002 juridisch"),
        lambda f: f.wage_problem,
        (
            Alternative(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "Pay is at stake. Get legal advice at the same time, so you know your "
                        "rights."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "wage_stop_explained",
        "wage_court",
        "Pay stopped (loonstop) other than over fitness for own work: explain BW 7:629 lid 3",
        ("BW 7:629 lid 3",),
        # A stop over "fit for own work" (declared fit, or the own-work question in dispute) is
        # no lid-3 sanction: domain.md §3, first row ("Bedrijfsarts says fit, employee
        # disagrees, pay stopped"); lid 3 lists non-cooperation only (domain.md §5).
        lambda f: f.s.wage is Wage.STOPPED and not f.fitness_disputed,
        (
            Because(
                T(
                    _(
                        "A wage stop (loonstop) is only allowed when the employee, without a good "
                        "reason, does not cooperate, for example refuses suitable work or does "
                        "not help with the plan of action. The pay for that time is then lost."
                    )
                )
            ),
        ),
    ),
    Rule(
        "wage_withheld_explained",
        "wage_court",
        "Pay withheld (opschorting): explain BW 7:629 lid 6",
        ("BW 7:629 lid 6", "domain §5 [O]"),
        lambda f: f.s.wage is Wage.WITHHELD,
        (
            Because(
                T(
                    _(
                        "Withholding pay (opschorting) is only allowed while the employee does "
                        "not follow reasonable written rules, for example about giving "
                        "information. The employer must say so at once. Once the employee follows "
                        "the rules, the withheld pay must be paid."
                    )
                )
            ),
        ),
    ),
    Rule(
        "legal_if_still_stuck",
        "legal_help",
        "Expert opinion is primary: legal advice if the opinion does not solve it",
        ("002 juridisch", "000 actie"),
        lambda f: f.primary is Route.EXPERT_OPINION,
        (
            Alternative(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "If the expert opinion does not solve it, a legal advisor can help you "
                        "use it and tell you your rights."
                    )
                ),
            ),
        ),
    ),
    # talk and mediation
    Rule(
        "mediation_when_strained",
        "talk_mediation",
        "Relationship strained or the problem, mediation not tried: mediation as an alternative",
        ("002 bemiddelaar",),
        lambda f: (
            (f.s.relationship is Relationship.STRAINED or f.relationship_problem)
            and f.s.mediation in (Mediation.NOT_TRIED, None)
        ),
        (
            Alternative(
                Route.MEDIATION,
                T(
                    _(
                        "Talking is hard because the relationship is strained or broken. A "
                        "mediator (bemiddelaar) can help you talk again."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "legal_after_failed_mediation",
        "legal_help",
        "Mediation failed: legal advice as an alternative",
        ("002 juridisch",),
        lambda f: f.s.mediation is Mediation.FAILED,
        (
            Alternative(
                Route.LEGAL_ADVICE,
                T(
                    _(
                        "Mediation did not solve it. A legal advisor can tell you your rights and "
                        "the next step."
                    )
                ),
            ),
        ),
    ),
    # expert opinion
    Rule(
        "expert_opinion_next",
        "expert_opinion",
        "A question UWV can judge and no opinion yet: expert opinion as the next step",
        ("004 §10", "001 tip 2"),
        lambda f: bool(f.questions) and f.opinion in NO_OPINION,
        (
            Alternative(
                Route.EXPERT_OPINION,
                T(
                    _(
                        "If you still disagree after that, ask for an expert opinion "
                        "(deskundigenoordeel) on the question you disagree about. Do not let the "
                        "return to work get stuck."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "expert_opinion_cao",
        "expert_opinion",
        "CAO names its own expert: ask that expert instead of UWV",
        ("BW 7:629a lid 7", "004 §10", "001 cao"),
        lambda f: f.s.cao_expert is True,
        (
            Because(
                T(
                    _(
                        "Your CAO (collective labour agreement) names its own expert. Ask that "
                        "expert instead of UWV."
                    )
                ),
                Route.EXPERT_OPINION,
            ),
        ),
    ),
    Rule(
        "expert_opinion_explain",
        "expert_opinion",
        "Expert opinion is primary: it may harden relations; explain it, consider asking together",
        ("001 tip 1", "001 tip 4"),
        lambda f: f.primary is Route.EXPERT_OPINION,
        (
            Because(
                T(
                    _(
                        "Asking for an expert opinion can make the relationship tenser. Explain "
                        "to the other side why you ask for it: it is not a sign of distrust. You "
                        "can also ask for it together."
                    )
                ),
                Route.EXPERT_OPINION,
            ),
        ),
    ),
    Rule(
        "fitness_only_in_wage_dispute",
        "expert_opinion",
        "Fitness for own work disputed but pay not: UWV will not judge that question",
        ("domain §3 [vvaa]", "004 §10"),
        lambda f: f.fitness_blocked,
        (
            Because(
                T(
                    _(
                        "The question 'can the employee do their own work?' is left out: UWV only "
                        "answers it when there is a dispute about pay."
                    ),
                    cao=T(
                        _(
                            "The question 'can the employee do their own work?' is left out: the "
                            "expert named in your CAO only answers it when there is a dispute "
                            "about pay."
                        )
                    ),
                ),
                Route.EXPERT_OPINION,
            ),
            NotRecommended(
                Route.EXPERT_OPINION,
                T(
                    _(
                        "UWV only answers the question 'can the employee do their own work?' when "
                        "there is a dispute about pay."
                    ),
                    cao=T(
                        _(
                            "The expert named in your CAO only answers the question 'can the "
                            "employee do their own work?' when there is a dispute about pay."
                        )
                    ),
                ),
            ),
        ),
    ),
    # second opinion
    Rule(
        "second_opinion_option",
        "second_opinion",
        "Employee doubts the medical advice, no conflict: second opinion as an alternative",
        ("Arbobesluit 2.14d", "003 twijfel"),
        lambda f: f.employee_side and doubts_doctor(f) and not f.conflict_or_procedure,
        (
            Alternative(
                Route.SECOND_OPINION,
                T(
                    _(
                        "You may ask your bedrijfsarts for a second opinion by another "
                        "bedrijfsarts about the medical advice."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "second_opinion_in_conflict",
        "second_opinion",
        "Employee doubts the medical advice during a conflict: second opinion may be refused",
        ("domain §4 [AP]", "Arbobesluit 2.14d"),
        lambda f: f.employee_side and doubts_doctor(f) and f.conflict_or_procedure,
        (
            Alternative(
                Route.SECOND_OPINION,
                T(
                    _(
                        "You may still ask for a second opinion, but the bedrijfsarts may refuse "
                        "it when there is already a conflict or a legal procedure with your "
                        "employer. The bedrijfsarts must then explain why."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "second_opinion_no_substitute",
        "second_opinion",
        "A second opinion is no substitute for an expert opinion",
        ("003 geen vervanger", "003 advies"),
        lambda f: f.employee_side and doubts_doctor(f) and expert_advised(f),
        (
            Because(
                T(
                    _(
                        "A second opinion does not replace an expert opinion. It is only medical "
                        "advice to your own bedrijfsarts, who may ignore it, and a judge does not "
                        "rely on it like an expert opinion."
                    )
                ),
                Route.SECOND_OPINION,
            ),
        ),
    ),
    Rule(
        "second_opinion_keeps_agreements",
        "second_opinion",
        "Asking for a second opinion does not pause re-integration agreements",
        ("domain §4 [AP]",),
        lambda f: f.primary is Route.SECOND_OPINION,
        (
            Because(
                T(
                    _(
                        "While you wait, keep to the agreements about your return to work: asking "
                        "for a second opinion does not pause them."
                    )
                ),
                Route.SECOND_OPINION,
            ),
        ),
    ),
    Rule(
        "second_opinion_employee_only",
        "employer",
        "Employer doubts the advice: second opinion not for the employer; what it can do instead",
        ("003 werknemer", "Arbobesluit 2.14d", "004 §6"),
        lambda f: f.employer_side and (f.medical_doubt or f.disputes(Dispute.FITNESS_OWN_WORK)),
        (
            NotRecommended(
                Route.SECOND_OPINION,
                T(
                    _(
                        "Only the employee can ask for a second opinion. As the employer you can "
                        "ask the bedrijfsarts to explain the advice or to make a new problem "
                        "analysis, or ask UWV for an expert opinion."
                    ),
                    cao=T(
                        _(
                            "Only the employee can ask for a second opinion. As the employer you "
                            "can ask the bedrijfsarts to explain the advice or to make a new "
                            "problem analysis, or ask the expert named in the CAO for an expert "
                            "opinion."
                        )
                    ),
                ),
            ),
        ),
    ),
    # employer side and passive employer
    Rule(
        "employer_addresses_employee",
        "employer",
        "Employer says the employee does not cooperate: the employer must address it (expert "
        "opinion, pay)",
        ("004 §3", "004 §9"),
        # Not once UWV has judged against the employer: a judge relies on that opinion (000
        # rechter), so "address the non-cooperation with pay" is no longer the advice.
        lambda f: (
            f.employer_side
            and f.disputes(Dispute.EMPLOYEE_EFFORTS)
            and f.opinion is not ExpertOpinionState.AGAINST_REQUESTER
        ),
        (
            Because(
                T(
                    _(
                        "If the employee does not cooperate, it is up to you to address this: "
                        "talk, ask for an expert opinion, and if needed withhold pay. If you do "
                        "nothing, UWV can give you a wage sanction (you pay wages for longer)."
                    ),
                    cao=T(
                        _(
                            "If the employee does not cooperate, it is up to you to address this: "
                            "talk, ask the expert named in the CAO for an expert opinion, and if "
                            "needed withhold pay. If you do nothing, UWV can give you a wage "
                            "sanction (you pay wages for longer)."
                        )
                    ),
                )
            ),
        ),
    ),
    Rule(
        "passive_employer_employee",
        "employer",
        "Employee: employer does nothing: call it to account, expert opinion on its efforts if "
        "needed",
        ("004 §10", "004 §9"),
        lambda f: f.employee_side and f.s.employer_passive is True,
        (
            Because(
                T(
                    _(
                        "Your employer should take the lead in your return to work. If it does "
                        "nothing, you may call it to account, and ask for an expert opinion on "
                        "its efforts if needed."
                    )
                )
            ),
        ),
    ),
    Rule(
        "passive_employer_employer",
        "employer",
        "Employer admits doing little: it must take the lead; risk of a wage sanction",
        ("004 §10", "004 §3", "004 §9"),
        lambda f: f.employer_side and f.s.employer_passive is True,
        (
            Because(
                T(
                    _(
                        "As the employer you must take the lead in the return to work. If you do "
                        "too little, UWV can make you pay wages for up to 52 weeks longer (a wage "
                        "sanction, loonsanctie)."
                    )
                )
            ),
        ),
    ),
    # point 1, 2, 6, 7: declared fit, wage sanction, complaint, PMO
    Rule(
        "declared_fit_dispute",
        "scope",
        "Declared fit (hersteld gemeld) while the employee disagrees: a dispute about fitness for "
        "own work, in scope; UWV judges it when pay is at stake",
        ("004 §10", "domain §3 [vvaa]", "BW 7:629a lid 1"),
        lambda f: f.declared_fit,
        (
            Because(
                T(
                    _(
                        "The bedrijfsarts or the employer says the employee is fit again "
                        "(hersteld gemeld), and the employee does not agree. That is a "
                        "disagreement about whether the employee can do their own work, not the "
                        "end of the matter. If the pay stops because of it, UWV judges this "
                        "question in an expert opinion, and a judge needs that opinion for a "
                        "wage claim."
                    ),
                    cao=T(
                        _(
                            "The bedrijfsarts or the employer says the employee is fit again "
                            "(hersteld gemeld), and the employee does not agree. That is a "
                            "disagreement about whether the employee can do their own work, not "
                            "the end of the matter. If the pay stops because of it, the expert "
                            "named in your CAO judges this question in an expert opinion, and a "
                            "judge needs that opinion for a wage claim."
                        )
                    ),
                )
            ),
        ),
    ),
    Rule(
        "wage_sanction_running",
        "scope",
        "Past week 104 with a wage sanction (loonsanctie): pay duty goes on (at most 52 weeks), "
        "the WIA application waits; still in scope",
        ("004 §3", "004 §1"),
        lambda f: f.in_wage_sanction,
        (
            Because(
                T(
                    _(
                        "UWV has given the employer a wage sanction (loonsanctie). The employer "
                        "must keep paying the wage, for at most 52 weeks after week 104, until it "
                        "has done the re-integration work UWV asked for. The duty to pay has not "
                        "ended, and the WIA application waits until then. The duties for return "
                        "to work go on."
                    )
                )
            ),
        ),
    ),
    Rule(
        "complaint_alongside",
        "complaint",
        "A complaint about the bedrijfsarts' conduct next to another dispute: complaints "
        "procedure as an alternative",
        ("domain §4 [AQ]",),
        lambda f: f.conduct_complaint and not f.only_conduct_complaint,
        (
            Alternative(
                Route.COMPLAINT,
                T(
                    _(
                        "You can also complain about how the bedrijfsarts acted, through the "
                        "complaints procedure (klachtenprocedure) of the bedrijfsarts or the "
                        "arbodienst. That is separate from the disagreement itself."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "complaint_not_second_opinion",
        "complaint",
        "Complaint about conduct, no doubt about the medical advice: a second opinion does not fit",
        ("domain §2 [T]", "domain §4 [AQ]"),
        lambda f: f.employee_side and f.conduct_complaint and not doubts_doctor(f),
        (
            NotRecommended(
                Route.SECOND_OPINION,
                T(
                    _(
                        "A second opinion is about the content of the medical advice, not about "
                        "how the bedrijfsarts behaved. For that, use the complaints procedure."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "pmo_second_opinion_explained",
        "second_opinion",
        "PMO doubt: a second opinion covers a PMO; its result goes to the own bedrijfsarts only",
        ("003 pmo", "003 advies"),
        lambda f: f.employee_side and f.primary is Route.SECOND_OPINION and f.pmo_doubt,
        (
            Because(
                T(
                    _(
                        "A second opinion on a PMO can be asked for just like one on advice "
                        "during sickness. The result goes to your own bedrijfsarts, not to your "
                        "employer."
                    )
                ),
                Route.SECOND_OPINION,
            ),
        ),
    ),
    Rule(
        "temporary_contract_ending",
        "scope",
        "Temporary contract still running: same duties until it ends, then UWV takes over",
        ("004 §11",),
        lambda f: f.contract_ending and f.s.erd is not True,
        (
            Because(
                T(
                    _(
                        "The contract is temporary. The same duties for return to work apply "
                        "until it ends. After that UWV takes over and checks what both sides did."
                    )
                )
            ),
        ),
    ),
    Rule(
        "temporary_contract_ending_erd",
        "scope",
        "Temporary contract, employer is eigenrisicodrager Ziektewet: after the end it pays the "
        "benefit itself, but UWV decides on fitness",
        ("004 §11", "domain §10 [A]"),
        lambda f: f.contract_ending and f.s.erd is True,
        (
            Because(
                T(
                    _(
                        "The contract is temporary. The same duties for return to work apply "
                        "until it ends. After that the employer, as eigenrisicodrager for the "
                        "Ziektewet, pays the sickness benefit itself. It may not stop that "
                        "benefit on its own: UWV decides about fitness for work."
                    )
                )
            ),
        ),
    ),
)

# --- 3. next steps and what to find out ----------------------------------------------------
DETAIL_RULES: tuple[Rule, ...] = (
    # talk
    Rule(
        "talk_prepare",
        "talk_mediation",
        "Talk: prepare the issue, own view and proposals; promise nothing on the spot",
        ("002 voorbereiding", "001 tip 2"),
        lambda f: True,
        (
            NextStep(
                T(
                    _(
                        "Before the talk, write down what the problem is, what you want, and your "
                        "own proposals for a solution."
                    )
                ),
                Route.TALK,
            ),
            NextStep(
                T(
                    _(
                        "Do not promise anything during the talk. You may say that you want to "
                        "think about it or get advice first."
                    )
                ),
                Route.TALK,
            ),
        ),
    ),
    Rule(
        "talk_record",
        "talk_mediation",
        "Talk: write down the agreements",
        ("004 §5",),
        lambda f: True,
        (
            NextStep(
                T(_("Write down what you agree, and check later whether it works.")), Route.TALK
            ),
        ),
    ),
    Rule(
        "talk_ask_doctor",
        "talk_mediation",
        "Talk: ask the bedrijfsarts for extra advice",
        ("001 tip 3",),
        lambda f: f.primary is Route.TALK and f.employee_side,
        (
            NextStep(
                T(
                    _(
                        "You can also ask the bedrijfsarts for extra advice, or ask your own "
                        "doctor to contact the bedrijfsarts."
                    )
                ),
                Route.TALK,
            ),
        ),
    ),
    # mediation
    Rule(
        "mediation_choose",
        "talk_mediation",
        "Mediation: propose an independent mediator both trust; bedrijfsarts can advise on it",
        ("002 onafhankelijk", "004 §5"),
        lambda f: True,
        (
            NextStep(
                T(
                    _(
                        "Propose mediation to the other side. Choose a mediator who is "
                        "independent and whom you both trust."
                    )
                ),
                Route.MEDIATION,
            ),
            NextStep(
                T(
                    _(
                        "You can ask the bedrijfsarts whether mediation is a good idea; the "
                        "bedrijfsarts may advise it."
                    )
                ),
                Route.MEDIATION,
            ),
        ),
    ),
    # expert opinion
    Rule(
        "expert_opinion_request",
        "expert_opinion",
        "Expert opinion: one form per question, describe and attach the first opinion, own view "
        "in short words",
        ("001 per vraag", "001 first opinion", "001 tip 4", "domain §3 [B]"),
        lambda f: True,
        (
            NextStep(
                T(_("Fill in one request form for each question you disagree about.")),
                Route.EXPERT_OPINION,
            ),
            NextStep(
                T(
                    _(
                        "Describe the advice of the bedrijfsarts (the first opinion) and attach "
                        "the latest advice."
                    )
                ),
                Route.EXPERT_OPINION,
            ),
            NextStep(
                T(
                    _(
                        "Write your own view briefly and clearly, and why you think so. Ask "
                        "someone to read it before you send it."
                    )
                ),
                Route.EXPERT_OPINION,
            ),
        ),
    ),
    Rule(
        "expert_opinion_how_employee",
        "expert_opinion",
        "Employee asks UWV: form on uwv.nl or by phone",
        ("000 aanvragen",),
        lambda f: f.employee_side and f.s.cao_expert is not True,
        (
            NextStep(
                T(
                    _("Apply with the form on uwv.nl, or call UWV on %(phone)s."),
                    {"phone": "088-898 92 94"},
                ),
                Route.EXPERT_OPINION,
            ),
        ),
    ),
    Rule(
        "expert_opinion_how_employer",
        "expert_opinion",
        "Employer asks UWV: employer portal with eHerkenning",
        ("domain §3 [C]",),
        lambda f: f.employer_side and f.s.cao_expert is not True,
        (
            NextStep(
                T(_("Apply in the UWV employer portal; you log in with eHerkenning.")),
                Route.EXPERT_OPINION,
            ),
        ),
    ),
    Rule(
        "expert_opinion_how_cao",
        "expert_opinion",
        "CAO expert: check the CAO for how to apply",
        ("001 cao",),
        lambda f: f.s.cao_expert is True,
        (
            NextStep(
                T(_("Check the CAO, or ask HR, how to apply to the expert it names.")),
                Route.EXPERT_OPINION,
            ),
        ),
    ),
    Rule(
        "first_opinion_missing",
        "expert_opinion",
        "No written advice from the bedrijfsarts yet: ask for it first (needed for an expert "
        "opinion)",
        ("001 first opinion",),
        lambda f: f.s.first_opinion.present is False and expert_advised(f),
        (
            NextStep(
                T(
                    _(
                        "Ask the bedrijfsarts for the advice in writing first. UWV needs it to "
                        "judge your question."
                    ),
                    cao=T(
                        _(
                            "Ask the bedrijfsarts for the advice in writing first. The expert "
                            "named in your CAO needs it to judge your question."
                        )
                    ),
                ),
            ),
        ),
    ),
    Rule(
        "problem_analysis_late",
        "timeline",
        "Past week 6 without written advice: the problem analysis looks late",
        ("004 §5", "domain §6 [AB]"),
        lambda f: f.s.first_opinion.present is False and f.week is not None and f.week > 6,
        (
            NextStep(
                T(
                    _(
                        "The problem analysis by the bedrijfsarts was due in week 6 and seems to "
                        "be missing. Ask for it."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "first_opinion_not_doctor",
        "expert_opinion",
        "Advice not from a bedrijfsarts: employer and UWV cannot rely on it",
        ("004 §6",),
        lambda f: (
            f.s.first_opinion.author is OpinionAuthor.OTHER and f.primary is not Route.OUT_OF_SCOPE
        ),
        (
            NextStep(
                T(
                    _(
                        "Medical advice must come from a registered bedrijfsarts; otherwise the "
                        "employer and UWV cannot rely on it. Ask the bedrijfsarts for advice."
                    )
                ),
            ),
        ),
    ),
    # second opinion
    Rule(
        "second_opinion_request",
        "second_opinion",
        "Second opinion: ask the own bedrijfsarts; independent doctor; result goes to the own "
        "bedrijfsarts only",
        ("Arbobesluit 2.14d", "003 advies"),
        lambda f: True,
        (
            NextStep(
                T(
                    _(
                        "Ask your own bedrijfsarts for a second opinion. The bedrijfsarts must "
                        "arrange it quickly, unless there are weighty reasons, which must be "
                        "explained to you."
                    )
                ),
                Route.SECOND_OPINION,
            ),
            NextStep(
                T(
                    _(
                        "The second bedrijfsarts works outside your own health service. If "
                        "several are named in the contract, you choose."
                    )
                ),
                Route.SECOND_OPINION,
            ),
            NextStep(
                T(_("The result goes to your own bedrijfsarts, not to your employer.")),
                Route.SECOND_OPINION,
            ),
        ),
    ),
    # employer side
    Rule(
        "employer_pay_lever",
        "employer",
        "Employee does not cooperate: the employer's lever is suspending pay (BW 7:629 lid 6) or "
        "a wage stop (lid 3)",
        ("BW 7:629 lid 6", "BW 7:629 lid 3", "004 §11", "004 §3"),
        # Not against an expert opinion that the employee did enough (000 rechter).
        lambda f: (
            f.employer_side
            and f.disputes(Dispute.EMPLOYEE_EFFORTS)
            and f.opinion is not ExpertOpinionState.AGAINST_REQUESTER
        ),
        (
            NextStep(
                T(
                    _(
                        "If the employee keeps refusing, you may use pay as a lever: withhold pay "
                        "while the employee ignores reasonable written rules (opschorting, BW "
                        "7:629 lid 6), or stop pay for refusing suitable work or the plan of "
                        "action (loonstop, lid 3). Tell the employee at once and in writing."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "employer_ask_doctor",
        "employer",
        "Employer doubts the advice: ask the bedrijfsarts to explain or for a new problem analysis",
        ("004 §6",),
        lambda f: f.employer_side and f.medical_doubt,
        (
            NextStep(
                T(
                    _(
                        "Ask the bedrijfsarts to explain the advice, or to make a new problem "
                        "analysis if it does not give you enough insight."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "employer_take_lead",
        "employer",
        "Passive employer: make and check the plan of action",
        ("domain §6 [W]", "004 §5"),
        lambda f: f.employer_side and f.s.employer_passive is True,
        (
            NextStep(
                T(
                    _(
                        "Make a plan of action with the employee, based on the bedrijfsarts' "
                        "advice, and check it regularly."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "temporary_contract_steps",
        "scope",
        "Temporary contract: re-integration report by the last day; employer may ask UWV to take "
        "part",
        ("004 §11",),
        lambda f: f.contract_ending,
        (
            NextStep(
                T(
                    _(
                        "By the last day of the contract, the employer writes a re-integration "
                        "report together with the employee (if the sickness lasted 6 weeks or "
                        "more). The employer can ask UWV to take part, so a started plan can go "
                        "on after the contract."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "track_two_after_year_one",
        "timeline",
        "After week 52, disputes about (available) work: also look at another employer (track 2)",
        ("004 §5",),
        lambda f: (
            f.week is not None
            and f.week >= 52
            and f.disputes(Dispute.SUITABLE_WORK_AVAILABLE, Dispute.EMPLOYER_EFFORTS)
        ),
        (
            NextStep(
                T(
                    _(
                        "After the first year: if there is no real prospect of work in the own "
                        "company, also look for work with another employer (track 2)."
                    )
                ),
            ),
        ),
    ),
    Rule(
        "suitable_work_widens",
        "expert_opinion",
        "Suitable work: what counts widens as sickness lasts longer",
        ("004 §8", "002 passend"),
        lambda f: f.disputes(Dispute.SUITABLE_WORK),
        (
            NextStep(
                T(
                    _(
                        "Keep in mind: the longer the sickness lasts, the more kinds of work "
                        "count as suitable."
                    )
                ),
            ),
        ),
    ),
    # court
    Rule(
        "court_steps",
        "wage_court",
        "Court: attach the expert opinion; no lawyer required; kort geding when urgent",
        ("000 loon", "domain §7 [AF]", "domain §5 [M]"),
        lambda f: True,
        (
            NextStep(T(_("Get legal advice first (see below).")), Route.COURT),
            NextStep(
                T(_("Add the expert opinion and the bedrijfsarts' advice to your claim.")),
                Route.COURT,
            ),
            NextStep(
                T(
                    _(
                        "You do not need a lawyer at the kantonrechter, but a legal advisor helps "
                        "you prepare."
                    )
                ),
                Route.COURT,
            ),
            NextStep(
                T(
                    _(
                        "If you urgently need the money, a lawyer can ask for a fast ruling (kort "
                        "geding)."
                    )
                ),
                Route.COURT,
            ),
        ),
    ),
    Rule(
        "wage_urgent_steps",
        "wage_court",
        "No income (pay stopped, no expert opinion asked yet): legal help today about a kort "
        "geding; ask the expert opinion at the same time",
        ("domain §5 [M]", "BW 7:629a lid 2", "002 juridisch"),
        # Only while no opinion was asked: the step says "ask for the expert opinion at the
        # same time", and there is one opinion per situation (domain.md §3 [E]).
        # Not when only the pay is disputed: no expert opinion is needed there (7:629a lid 2).
        lambda f: (
            f.employee_side
            and f.no_income
            and f.opinion in (None, ExpertOpinionState.NONE)
            and not f.pay_only_dispute
        ),
        (
            NextStep(
                T(
                    _(
                        "No income now? Contact a legal advisor today (see below) about a fast "
                        "court ruling (kort geding), for which no expert opinion is needed. Ask "
                        "for the expert opinion at the same time: you need it for a normal wage "
                        "claim."
                    )
                )
            ),
        ),
    ),
    Rule(
        "wage_urgent_steps_opinion_asked",
        "wage_court",
        "No income (pay stopped or refused), expert opinion asked or against, or only the pay "
        "disputed: legal help today about a kort geding, without asking for an opinion",
        ("domain §5 [M]", "BW 7:629a lid 2", "002 juridisch", "domain §3 [E]"),
        lambda f: (
            f.employee_side
            and f.no_income
            and (
                f.opinion in (ExpertOpinionState.REQUESTED, ExpertOpinionState.AGAINST_REQUESTER)
                or (f.pay_only_dispute and f.opinion is not ExpertOpinionState.FOR_REQUESTER)
            )
        ),
        (
            NextStep(
                T(
                    _(
                        "No income now? Contact a legal advisor today (see below) about a fast "
                        "court ruling (kort geding), for which no expert opinion is needed."
                    )
                )
            ),
        ),
    ),
    Rule(
        "wage_suspended_steps",
        "wage_court",
        "Pay suspended: get in writing which rule was not followed, do it, keep a copy",
        ("BW 7:629 lid 6", "domain §5 [O]"),
        lambda f: f.wage_suspended_only and f.employee_side,
        (
            NextStep(
                T(
                    _(
                        "Ask the employer to write down which rule you did not follow. Then do "
                        "it (for example make a new appointment with the bedrijfsarts), and keep "
                        "a copy of what you sent."
                    )
                )
            ),
        ),
    ),
    # point 1: declared fit; point 2: wage sanction
    Rule(
        "declared_fit_wage_employee",
        "scope",
        "Employee declared fit, pay not (yet) stopped: if pay stops, ask for an expert opinion on "
        "the own work at once",
        ("domain §3 [vvaa]", "BW 7:629a lid 1", "004 §10"),
        lambda f: f.employee_side and f.declared_fit and not f.wage_problem,
        (
            NextStep(
                T(
                    _(
                        "If the employer stops your pay because you were declared fit, ask UWV "
                        "at once for an expert opinion on whether you can do your own work. A "
                        "judge needs it before you can claim your pay."
                    ),
                    cao=T(
                        _(
                            "If the employer stops your pay because you were declared fit, ask "
                            "the expert named in your CAO at once for an expert opinion on "
                            "whether you can do your own work. A judge needs it before you can "
                            "claim your pay."
                        )
                    ),
                )
            ),
        ),
    ),
    Rule(
        "declared_fit_wage_employer",
        "employer",
        "Employer: employee declared fit and disagrees, pay not stopped: an expert opinion on own "
        "work backs a decision about pay",
        ("000 rechter", "004 §10"),
        lambda f: f.employer_side and f.declared_fit and not f.wage_problem,
        (
            NextStep(
                T(
                    _(
                        "If you stop the pay because the employee was declared fit, ask for an "
                        "expert opinion on whether the employee can do their own work: a judge "
                        "relies on it more than on the bedrijfsarts' advice."
                    )
                )
            ),
        ),
    ),
    Rule(
        "wage_sanction_steps",
        "scope",
        "Wage sanction: read the decision together; it ends sooner once the missing efforts are "
        "made",
        ("004 §3",),
        lambda f: f.in_wage_sanction,
        (
            NextStep(
                T(
                    _(
                        "Read the wage sanction decision (loonsanctiebeslissing) together: it "
                        "says what the employer must still do for the return to work. Once that "
                        "is done, the wage sanction ends sooner."
                    )
                )
            ),
        ),
    ),
    # point 5: deadlines about to pass
    Rule(
        "wia_apply_by_93",
        "timeline",
        "Weeks 88-93: apply for WIA by week 93; a late application may cost pay (7:629 lid 3)",
        ("domain §6 [Y]", "BW 7:629 lid 3"),
        lambda f: f.week is not None and WIA_LETTER_WEEK <= f.week <= WIA_APPLY_BY_WEEK,
        (
            NextStep(
                T(
                    _(
                        "The employee must apply to UWV for a WIA benefit by week %(week)s at "
                        "the latest; UWV sends a letter about it around week 88. If the "
                        "application is late without a good reason, the employer may stop the "
                        "pay for the time it is late."
                    ),
                    {"week": WIA_APPLY_BY_WEEK},
                )
            ),
        ),
    ),
    Rule(
        "wia_apply_overdue",
        "timeline",
        "Weeks 94-104: the WIA application was due by week 93; apply now if not done",
        ("domain §6 [Y]", "BW 7:629 lid 3"),
        lambda f: f.week is not None and WIA_APPLY_BY_WEEK < f.week <= MAX_SICK_WEEKS,
        (
            NextStep(
                T(
                    _(
                        "The WIA application was due by week %(week)s. If it has not been made, "
                        "the employee must apply to UWV now: for the time it is late without a "
                        "good reason, the employer may stop the pay."
                    ),
                    {"week": WIA_APPLY_BY_WEEK},
                )
            ),
        ),
    ),
    Rule(
        "expert_after_104",
        "timeline",
        "Expert opinion advised, none yet, and week + 8 > 104: it will come after week 104; put "
        "the own view in the re-integration report now",
        ("004 §4", "004 noot 5", "domain §3 [I]"),
        lambda f: expert_advised(f) and f.opinion in NO_OPINION and f.expert_may_come_after_104,
        (
            NextStep(
                T(
                    _(
                        "An expert opinion asked now will probably come after week 104: plan on "
                        "up to %(weeks)s weeks. So write the employee's own view in the "
                        "re-integration report (re-integratieverslag) now. The efforts for "
                        "return to work are judged on that report when the WIA application "
                        "comes in."
                    ),
                    {"weeks": PLAN_EXPERT_OPINION_WEEKS},
                )
            ),
        ),
    ),
    Rule(
        "expert_pending_near_104",
        "timeline",
        "Expert opinion requested and week + 8 > 104: it may come after week 104; put the own "
        "view in the re-integration report now",
        ("004 §4", "004 noot 5", "domain §3 [I]"),
        lambda f: f.opinion is ExpertOpinionState.REQUESTED and f.expert_may_come_after_104,
        (
            NextStep(
                T(
                    _(
                        "The expert opinion that was asked for may come after week 104: it can "
                        "take up to %(weeks)s weeks. Do not wait for it: write the employee's own "
                        "view in the re-integration report (re-integratieverslag) now."
                    ),
                    {"weeks": PLAN_EXPERT_OPINION_WEEKS},
                )
            ),
        ),
    ),
    Rule(
        "contract_end_before_opinion",
        "scope",
        "Temporary contract ends within 8 weeks and an expert opinion is advised: request it "
        "before the end date",
        ("domain §2 [A]", "domain §3 [I]"),
        lambda f: (
            f.contract_ends_before_expert_opinion and expert_advised(f) and f.opinion in NO_OPINION
        ),
        (
            NextStep(
                T(
                    _(
                        "The temporary contract ends within %(weeks)s weeks, the time an expert "
                        "opinion may take. Ask for it before the end date: after the employment "
                        "has ended there is no expert opinion between employer and employee any "
                        "more."
                    ),
                    {"weeks": PLAN_EXPERT_OPINION_WEEKS},
                )
            ),
        ),
    ),
    # money first (domain §10): the first written steps
    Rule(
        "pay_only_steps",
        "money",
        "Pay only in dispute: claim in writing with a date to pay by; keep pay slips and the "
        "contract/CAO article",
        ("domain §10", "002 loon"),
        lambda f: f.pay_only_dispute and f.employee_side,
        (
            NextStep(
                T(
                    _(
                        "Claim the pay in writing: say what is missing (how much, over which "
                        "period, and the article of the contract or cao) and ask for payment by "
                        "a date. The letter 'Written claim for the pay' does this. Keep the pay "
                        "slips."
                    )
                )
            ),
        ),
    ),
    Rule(
        "wage_protest_steps",
        "money",
        "Pay stopped or suspended: protest in writing at once and ask for payment by a date",
        ("domain §10", "domain §5 [O]", "BW 7:629 lid 3", "BW 7:629 lid 6"),
        lambda f: f.employee_side and f.wage_problem and not f.pay_only_dispute,
        (
            NextStep(
                T(
                    _(
                        "Protest in writing at once: say that you do not agree with the stop or "
                        "the suspension, that you will do what may reasonably be asked, and ask "
                        "for payment by a date. The letter 'Written claim for the pay' does "
                        "this."
                    )
                )
            ),
        ),
    ),
    Rule(
        "employer_pay_notice",
        "money",
        "Employer stopped or suspended pay: tell the employee at once and in writing, with the "
        "reason and what ends it",
        ("domain §5 [O]", "domain §10", "BW 7:629 lid 6"),
        lambda f: f.employer_side and f.s.wage in (Wage.STOPPED, Wage.WITHHELD),
        (
            NextStep(
                T(
                    _(
                        "Tell the employee at once and in writing: what they did not do, since "
                        "when the pay is stopped or suspended, and what ends it. The letter "
                        "'Notice of a wage stop or suspension' does this. Without it, a judge "
                        "may order you to pay."
                    )
                )
            ),
        ),
    ),
    Rule(
        "sanction_objection_steps",
        "money",
        "Wage sanction: objection within 6 weeks with reasons; at the same time repair and ask to "
        "shorten; UWV decides in about 3 weeks, the sanction ends 6 weeks after",
        ("Awb 6:7", "domain §10 [AU]", "004 §3"),
        lambda f: f.employer_side and f.sanction_decided,
        (
            NextStep(
                T(
                    _(
                        "Objection (bezwaar): send it to UWV within 6 weeks of the date of the "
                        "decision, with your reasons. The letter 'Objection to the wage "
                        "sanction' does this."
                    )
                )
            ),
            NextStep(
                T(
                    _(
                        "At the same time, do the missing re-integration work and ask UWV to "
                        "shorten the sanction (bekortingsverzoek). UWV decides on it in about 3 "
                        "weeks; the sanction then ends 6 weeks after that decision."
                    )
                )
            ),
        ),
    ),
    Rule(
        "contract_end_deadline",
        "scope",
        "Temporary contract still running: its end date is the deadline for everything between "
        "employer and employee (expert opinion request, re-integration report)",
        ("004 §11", "domain §10"),
        lambda f: f.contract_ending,
        (
            NextStep(
                T(
                    _(
                        "The last day of the contract is your deadline: whatever must happen "
                        "between employer and employee (a request for an expert opinion, the "
                        "re-integration report) must be done before then. Put the end date in "
                        "every letter."
                    )
                )
            ),
        ),
    ),
    Rule(
        "plan_of_action_late",
        "timeline",
        "Past week 8 without written advice: the plan of action looks late too",
        ("domain §6 [W]", "004 §5"),
        lambda f: f.week is not None and f.week > 8 and f.s.first_opinion.present is False,
        (
            NextStep(
                T(
                    _(
                        "The plan of action (plan van aanpak) was due in week 8, within 2 weeks "
                        "of the problem analysis. It looks late: make it together as soon as "
                        "the analysis is there."
                    )
                )
            ),
        ),
    ),
    # point 6: complaint
    Rule(
        "complaint_steps",
        "complaint",
        "Complaint: ask for the complaints procedure; write down what happened",
        ("domain §4 [AQ]",),
        lambda f: True,
        (
            NextStep(
                T(
                    _(
                        "Ask the bedrijfsarts or the arbodienst for its complaints procedure "
                        "(klachtenprocedure). Every bedrijfsarts must have one."
                    )
                ),
                Route.COMPLAINT,
            ),
            NextStep(
                T(
                    _(
                        "Write down what happened, when, and who was there. Keep to the facts; "
                        "the draft letter helps you."
                    )
                ),
                Route.COMPLAINT,
            ),
        ),
    ),
    # legal help referral
    Rule(
        "refer_union",
        "legal_help",
        "Legal help, union member: the union",
        ("002 vakbond", "domain §7 [J]"),
        lambda f: legal_in_play(f) and f.employee_side and f.s.union_member is True,
        (
            NextStep(
                T(
                    _(
                        "Ask your union for legal help. Unions help their members with conflicts "
                        "about sickness and work."
                    )
                )
            ),
        ),
    ),
    Rule(
        "refer_insurer",
        "legal_help",
        "Legal help, insured: the legal-expenses insurer",
        ("002 rechtsbijstand",),
        lambda f: legal_in_play(f) and f.s.legal_insurance is True,
        (
            NextStep(
                T(
                    _(
                        "Contact your legal-expenses insurer (rechtsbijstandsverzekering). It can "
                        "give legal advice and help solve the conflict."
                    )
                )
            ),
        ),
    ),
    Rule(
        "refer_juridisch_loket",
        "legal_help",
        "Legal help, employee without union or insurance: Juridisch Loket",
        ("002 juridisch loket", "domain §7 [AC]"),
        lambda f: (
            legal_in_play(f)
            and f.employee_side
            and f.s.union_member is not True
            and f.s.legal_insurance is not True
        ),
        (
            NextStep(
                T(
                    _(
                        "Contact the Juridisch Loket for free legal advice: call %(phone)s or "
                        "visit an office."
                    ),
                    {"phone": JURIDISCH_LOKET_PHONE},
                )
            ),
        ),
    ),
    Rule(
        "refer_employer_advisor",
        "legal_help",
        "Legal help, employer without insurance: a legal advisor for employment law",
        ("002 juridisch",),
        lambda f: legal_in_play(f) and f.employer_side and f.s.legal_insurance is not True,
        (NextStep(T(_("Ask a legal advisor who knows employment law."))),),
    ),
    # to find out (unknown answers)
    Rule(
        "find_out_employment",
        "find_out",
        "Contract type unknown",
        ("004 §2",),
        lambda f: f.s.employment is None,
        (
            FindOut(
                T(
                    _(
                        "What kind of contract the employee has: permanent, temporary, "
                        "self-employed or none. This aid is for employees."
                    )
                )
            ),
        ),
    ),
    Rule(
        "find_out_still_sick",
        "find_out",
        "Still sick unknown",
        ("004 §1",),
        lambda f: f.s.still_sick is None,
        (FindOut(T(_("Whether the employee is still reported sick."))),),
    ),
    Rule(
        "find_out_declared_fit",
        "find_out",
        "Not sick, but unknown whether declared fit against the employee's view",
        ("004 §10", "domain §3 [vvaa]"),
        lambda f: f.s.still_sick is False and f.s.declared_fit is None,
        (
            FindOut(
                T(
                    _(
                        "Whether the bedrijfsarts or the employer declared the employee fit "
                        "(hersteld gemeld) while the employee does not agree. Then this aid does "
                        "help: it is a disagreement about whether the employee can do their own "
                        "work."
                    )
                )
            ),
        ),
    ),
    Rule(
        "find_out_wage_sanction",
        "find_out",
        "Past week 104, unknown whether UWV imposed a wage sanction",
        ("004 §3",),
        lambda f: (
            f.s.wage_sanction is None
            and f.week is not None
            and MAX_SICK_WEEKS < f.week <= MAX_SICK_WEEKS + MAX_WAGE_SANCTION_WEEKS
        ),
        (
            FindOut(
                T(
                    _(
                        "Whether UWV gave the employer a wage sanction (loonsanctie). Then the "
                        "employer still pays, for at most 52 weeks more, the WIA application "
                        "waits, and this aid still applies."
                    )
                )
            ),
        ),
    ),
    Rule(
        "find_out_sanction_date",
        "find_out",
        "Employer with a wage sanction, decision date unknown: the objection term runs from it",
        ("Awb 6:7", "domain §10 [AU]"),
        lambda f: f.employer_side and f.s.wage_sanction is True and f.s.sanction_decided_on is None,
        (
            FindOut(
                T(
                    _(
                        "The date of UWV's decision on the wage sanction: an objection must reach "
                        "UWV within 6 weeks of it."
                    )
                )
            ),
        ),
    ),
    Rule(
        "find_out_sick_since",
        "find_out",
        "First day of sickness unknown (or after the advice date)",
        ("domain §6 [AB]",),
        lambda f: f.week is None,
        (
            FindOut(
                T(_("The first day of sickness. It shows where you are in the two-year period."))
            ),
        ),
    ),
    Rule(
        "find_out_contract_end",
        "find_out",
        "Temporary contract without an end date",
        ("004 §11",),
        lambda f: f.s.employment is Employment.TEMPORARY and f.s.contract_end is None,
        (FindOut(T(_("The end date of the temporary contract. When it ends, UWV takes over."))),),
    ),
    Rule(
        "find_out_first_opinion",
        "find_out",
        "Unknown whether the bedrijfsarts gave written advice",
        ("001 first opinion",),
        lambda f: f.s.first_opinion.present is None,
        (
            FindOut(
                T(
                    _(
                        "Whether the bedrijfsarts has given advice in writing (the first "
                        "opinion). UWV asks for it."
                    ),
                    cao=T(
                        _(
                            "Whether the bedrijfsarts has given advice in writing (the first "
                            "opinion). The expert named in your CAO will want to see it."
                        )
                    ),
                )
            ),
        ),
    ),
    Rule(
        "find_out_first_opinion_date",
        "find_out",
        "Date of the written advice unknown while an expert opinion is advised",
        ("domain §3 [B]",),
        lambda f: (
            f.s.first_opinion.present is True
            and f.s.first_opinion.date is None
            and expert_advised(f)
        ),
        (FindOut(T(_("The date of the bedrijfsarts' advice. The request form asks for it."))),),
    ),
    Rule(
        "find_out_talked",
        "find_out",
        "Unknown whether the parties talked",
        ("002 gesprek",),
        lambda f: f.s.talked is None and f.primary is not Route.OUT_OF_SCOPE,
        (
            FindOut(
                T(
                    _(
                        "Whether the problem has already been discussed with the other side or "
                        "the bedrijfsarts."
                    )
                )
            ),
        ),
    ),
    Rule(
        "find_out_relationship",
        "find_out",
        "Relationship unknown while talk or mediation is advised",
        ("002 bemiddelaar",),
        lambda f: f.s.relationship is None and f.primary in (Route.TALK, Route.MEDIATION),
        (FindOut(T(_("How the working relationship is: can you still talk to each other?"))),),
    ),
    Rule(
        "find_out_mediation",
        "find_out",
        "Unknown whether mediation was tried while the relationship is the problem",
        ("002 juridisch",),
        lambda f: f.s.mediation is None and f.relationship_problem,
        (FindOut(T(_("Whether mediation has already been tried."))),),
    ),
    Rule(
        "find_out_expert_opinion",
        "find_out",
        "Unknown whether an expert opinion was asked",
        ("domain §3 [E]",),
        lambda f: f.s.expert_opinion is None and (f.wage_problem or bool(f.questions)),
        (
            FindOut(
                T(
                    _(
                        "Whether anyone already asked UWV for an expert opinion on this. UWV "
                        "gives one opinion per situation, unless the facts change."
                    ),
                    cao=T(
                        _(
                            "Whether anyone already asked the expert named in your CAO for an "
                            "expert opinion on this."
                        )
                    ),
                )
            ),
        ),
    ),
    Rule(
        "find_out_wage",
        "find_out",
        "Unknown whether pay is still paid",
        ("BW 7:629 lid 1",),
        lambda f: f.s.wage is None and f.primary is not Route.OUT_OF_SCOPE,
        (FindOut(T(_("Whether the wage is still paid. Check the payslip."))),),
    ),
    Rule(
        "find_out_wage_ended",
        "find_out",
        "Pay ended while still in scope: find out why (contract end or 104 weeks means UWV)",
        ("004 §11", "BW 7:629 lid 1"),
        lambda f: (
            f.s.wage is Wage.ENDED
            and f.primary is not Route.OUT_OF_SCOPE
            and not f.in_wage_sanction
        ),
        (
            FindOut(
                T(
                    _(
                        "Why the pay ended. If the contract ended or the two years are over, UWV "
                        "is the place to go (sickness benefit or WIA)."
                    )
                )
            ),
        ),
    ),
    Rule(
        "find_out_wage_reason",
        "find_out",
        "Pay stopped/withheld without a stated dispute: find out why (decides the expert question)",
        ("BW 7:629 lid 3", "BW 7:629 lid 6"),
        lambda f: (
            f.employee_side
            and f.wage_problem
            and not f.declared_fit  # the reason is known: the declared-fit report
            and not f.disputes(
                Dispute.FITNESS_OWN_WORK, Dispute.SUITABLE_WORK, Dispute.EMPLOYEE_EFFORTS
            )
            # no expert question follows from the reason: a plain wage claim (7:629a lid 2),
            # or a suspension, whose own step already asks for the rule in writing (lid 6)
            and not f.pay_only_dispute
            and not f.wage_suspended_only
        ),
        (
            FindOut(
                T(
                    _(
                        "Why the pay was stopped or withheld. Ask the employer to put it in "
                        "writing. This decides which question you ask UWV."
                    ),
                    cao=T(
                        _(
                            "Why the pay was stopped or withheld. Ask the employer to put it in "
                            "writing. This decides which question you ask the expert named in "
                            "your CAO."
                        )
                    ),
                )
            ),
        ),
    ),
    Rule(
        "find_out_union",
        "find_out",
        "Union membership unknown while legal help is advised",
        ("002 vakbond",),
        lambda f: legal_in_play(f) and f.employee_side and f.s.union_member is None,
        (FindOut(T(_("Whether you are a member of a union. Unions help their members."))),),
    ),
    Rule(
        "find_out_insurance",
        "find_out",
        "Legal-expenses insurance unknown while legal help is advised",
        ("002 rechtsbijstand",),
        lambda f: legal_in_play(f) and f.s.legal_insurance is None,
        (
            FindOut(
                T(
                    _(
                        "Whether you have legal-expenses insurance (rechtsbijstandsverzekering). "
                        "Check your insurance papers."
                    )
                )
            ),
        ),
    ),
    Rule(
        "find_out_cao",
        "find_out",
        "Unknown whether the CAO names its own expert while an expert opinion is advised",
        ("001 cao", "BW 7:629a lid 7"),
        lambda f: f.s.cao_expert is None and expert_advised(f),
        (
            FindOut(
                T(
                    _(
                        "Whether your CAO names its own expert for an expert opinion. Ask HR or "
                        "check the CAO."
                    )
                )
            ),
        ),
    ),
)

ALL_RULES: tuple[Rule, ...] = PRIMARY_RULES + ROUTE_RULES + DETAIL_RULES
