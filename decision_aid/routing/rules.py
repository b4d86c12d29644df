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
    _("Juridisch Loket: free legal advice, phone %(phone)s"), {"phone": "0900-8020"}
)

# --- 1. primary route: the first rule that holds wins ---------------------------------------
PRIMARY_RULES: tuple[Rule, ...] = (
    # scope
    Rule(
        "scope_no_employer",
        "scope",
        "Self-employed or no employer: out of scope, refer to UWV and Juridisch Loket",
        ("004 §1", "004 §2"),
        lambda f: f.no_employer,
        (
            Primary(
                Route.OUT_OF_SCOPE,
                T(
                    _(
                        "This aid is for people who are sick while they work for an employer. The "
                        "rules for return to work during sickness (Wet verbetering poortwachter) "
                        "are duties of an employer and an employee."
                    )
                ),
                (
                    T(_("UWV: ask whether you can get a sickness benefit (Ziektewet)")),
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
                    )
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
        "Employee no longer sick: out of scope, refer to legal help for other work conflicts",
        ("004 §1", "BW 7:629 lid 1"),
        lambda f: f.s.still_sick is False,
        (
            Primary(
                Route.OUT_OF_SCOPE,
                T(
                    _(
                        "This aid is about disagreements during sickness. The employee is no "
                        "longer sick, so these rules no longer apply."
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
                    )
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
        lambda f: f.employer_side and f.wage_problem and f.opinion in NO_OPINION,
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
                    )
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
                    )
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
            f.employee_side and f.wage_problem and f.opinion is not ExpertOpinionState.FOR_REQUESTER
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
        "Pay stopped (loonstop): explain BW 7:629 lid 3",
        ("BW 7:629 lid 3",),
        lambda f: f.s.wage is Wage.STOPPED,
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
        ("BW 7:629 lid 6",),
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
                    )
                ),
                Route.EXPERT_OPINION,
            ),
            NotRecommended(
                Route.EXPERT_OPINION,
                T(
                    _(
                        "UWV only answers the question 'can the employee do their own work?' when "
                        "there is a dispute about pay."
                    )
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
                    )
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
        lambda f: f.employer_side and f.disputes(Dispute.EMPLOYEE_EFFORTS),
        (
            Because(
                T(
                    _(
                        "If the employee does not cooperate, it is up to you to address this: "
                        "talk, ask for an expert opinion, and if needed withhold pay. If you do "
                        "nothing, UWV can give you a wage sanction (you pay wages for longer)."
                    )
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
    Rule(
        "temporary_contract_ending",
        "scope",
        "Temporary contract still running: same duties until it ends, then UWV takes over",
        ("004 §11",),
        lambda f: f.contract_ending,
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
                    )
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
        lambda f: f.employer_side and f.disputes(Dispute.EMPLOYEE_EFFORTS),
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
                    {"phone": "0900-8020"},
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
                    )
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
                    )
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
        lambda f: f.s.wage is Wage.ENDED and f.primary is not Route.OUT_OF_SCOPE,
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
            and not f.disputes(
                Dispute.FITNESS_OWN_WORK, Dispute.SUITABLE_WORK, Dispute.EMPLOYEE_EFFORTS
            )
        ),
        (
            FindOut(
                T(
                    _(
                        "Why the pay was stopped or withheld. Ask the employer to put it in "
                        "writing. This decides which question you ask UWV."
                    )
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
