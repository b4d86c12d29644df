"""What the wizard (or a case file) learned about a case.

Plain Python, no Django: the routing rules read these frozen dataclasses. ``None`` always
means "unknown / weet ik niet"; the engine treats it as a valid answer and says what to find
out. Field names mirror the JSON case file (docs/case-file.schema.json).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Role(StrEnum):
    EMPLOYEE = "employee"
    EMPLOYER = "employer"
    ADVISOR = "advisor"  # a union advisor acting for an employee member


class Employment(StrEnum):
    PERMANENT = "permanent"
    TEMPORARY = "temporary"
    SELF_EMPLOYED = "self_employed"
    NONE = "none"


class Dispute(StrEnum):
    FITNESS_OWN_WORK = "fitness_own_work"
    SUITABLE_WORK = "suitable_work"
    SUITABLE_WORK_AVAILABLE = "suitable_work_available"
    EMPLOYER_EFFORTS = "employer_efforts"
    EMPLOYEE_EFFORTS = "employee_efforts"
    WAGE_STOPPED = "wage_stopped"
    MEDICAL_ADVICE_DOUBT = "medical_advice_doubt"
    RELATIONSHIP = "relationship"
    DOCTOR_CONDUCT = "doctor_conduct"  # how the bedrijfsarts behaved: complaints procedure [AQ]
    PMO_DOUBT = "pmo_doubt"  # doubt about a periodic medical examination (PMO/PAGO): 003


class OpinionAuthor(StrEnum):
    BEDRIJFSARTS = "bedrijfsarts"
    PMO = "pmo"
    OTHER = "other"


class Relationship(StrEnum):
    GOOD = "good"
    STRAINED = "strained"
    BROKEN = "broken"


class Mediation(StrEnum):
    NOT_TRIED = "not_tried"
    ONGOING = "ongoing"
    FAILED = "failed"
    #: The other side refused mediation. It is voluntary, so it is not proposed again
    #: (domain §2: "Not: ... a party refuses").
    REFUSED = "refused"


class ExpertOpinionState(StrEnum):
    NONE = "none"
    REQUESTED = "requested"
    FOR_REQUESTER = "for_requester"
    AGAINST_REQUESTER = "against_requester"


class Wage(StrEnum):
    PAID = "paid"
    CUT = "cut"  # paid less than the contract or CAO says (domain §10)
    REFUSED = "refused"  # pay refused for another reason, e.g. "UWV pays" (domain §10)
    WITHHELD = "withheld"  # opgeschort (suspended, BW 7:629 lid 6)
    STOPPED = "stopped"  # loonstop (BW 7:629 lid 3)
    ENDED = "ended"  # pay duty ended (e.g. past 104 weeks, contract ended)


class Language(StrEnum):
    NL = "nl"
    EN = "en"


@dataclass(frozen=True)
class FirstOpinion:
    present: bool | None = None
    date: date | None = None
    author: OpinionAuthor | None = None


@dataclass(frozen=True)
class Situation:
    employment: Employment | None = None
    contract_end: date | None = None
    sick_since: date | None = None
    still_sick: bool | None = None
    #: Declared fit ("hersteld gemeld") by the bedrijfsarts or the employer while the employee
    #: disagrees. Not in version-1 files written before it existed: missing means unknown.
    declared_fit: bool | None = None
    disputes: frozenset[Dispute] = frozenset()
    first_opinion: FirstOpinion = field(default_factory=FirstOpinion)
    talked: bool | None = None
    relationship: Relationship | None = None
    mediation: Mediation | None = None
    expert_opinion: ExpertOpinionState | None = None
    wage: Wage | None = None
    employer_passive: bool | None = None
    union_member: bool | None = None
    legal_insurance: bool | None = None
    cao_expert: bool | None = None
    #: UWV extended the pay duty after week 104 with a wage sanction (loonsanctie, 004 §3).
    wage_sanction: bool | None = None
    #: Date of UWV's wage-sanction decision: the 6-week objection term runs from it (Awb 6:7).
    sanction_decided_on: date | None = None
    #: The employer disputes that the employee is unfit for work (BW 7:629a lid 2).
    unfitness_disputed: bool | None = None
    #: The sickness is caused by pregnancy or childbirth (ZW art. 29a).
    pregnancy_related: bool | None = None
    #: The employer is eigenrisicodrager for the Ziektewet (domain §10).
    erd: bool | None = None


@dataclass(frozen=True)
class Party:
    name: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    contact: str = ""  # contact person, e.g. at the employer (the wizard fills it)


@dataclass(frozen=True)
class Parties:
    """Details only the documents need; the routing rules never read them."""

    employee: Party = field(default_factory=Party)
    employer: Party = field(default_factory=Party)
    bedrijfsarts: Party = field(default_factory=Party)
    advisor: Party = field(default_factory=Party)
    own_view: str = ""
    #: What a letter's recipient needs (date of birth, job title, ...), as (name, value) pairs.
    letter: tuple[tuple[str, str], ...] = ()
    #: The own words per letter kind, as (kind, text) pairs: a letter never shows another's.
    own_words: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Case:
    as_of: date
    role: Role
    situation: Situation
    language: Language = Language.NL
    version: int = 2
    parties: Parties | None = None
