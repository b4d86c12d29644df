"""Who may do what with a case: the one access policy.

Every view that shows or changes a case asks this module for its action. Each side works in its
own room:

- The member: the browser session that made or resumed the case (``selectors.owns_case``).
  The member's pages (``/vragen/<case>/``, ``/brief/<case>/``, ``/zaak/<case>/``,
  ``/samen/<case>/``) are the member's: the resume code, "delete everything", sharing and the
  member's own wizard pages never open for anybody else.
- The union: the advisor the union's copy of the case (its ``AdvisorCase``) is assigned to, and
  the lead of that organisation, once fully signed in (second factor done). They work on the
  advisor pages (``/adviseur/zaken/<case>/``): the case page, notes, the letter, the call page.
  What they may do there depends on whose the answers are (``CaseState``): the union's own
  intake, a case the member shares live, or a case the member kept with the union.
- Everybody else (another member, a colleague who is not the lead, another organisation, staff
  without an advisor account, anonymous): nothing; the case answers 404 as if it did not exist.

Plain rules over a small table (``POLICY``), read by the views, the templates' context and
docs/security.md. This module imports no view and nothing of the advisors app: the union's copy
and the advisor are reached through their relations to ``Case`` and the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest
from django.utils import timezone

from decision_aid.cases.models import Case
from decision_aid.cases.selectors import owns_case


class Role(StrEnum):
    MEMBER = "member"  # this browser session made or resumed the case
    ADVISOR = "advisor"  # the advisor the union's copy is assigned to
    LEAD = "lead"  # the lead of that advisor's organisation


class CaseState(StrEnum):
    """Whose the answers are, as the union sees the case (``Case.sharing``)."""

    OWN = "own"  # the union's own intake (no share): the advisor made it for the member
    CODE = "code"  # a share code waits (the member asked for one)
    LIVE = "live"  # the member shares it live: both change answers, on their own pages
    KEPT = "kept"  # the member kept it with the union after a call: the answers are the member's


class Action(StrEnum):
    # the member's room
    VIEW_ANSWERS = "view_answers"  # summary, the answers file (JSON)
    CHANGE_ANSWERS = "change_answers"  # the wizard's pages
    UPLOAD = "upload"  # add or remove the company doctor's advice
    VIEW_ATTACHMENT = "view_attachment"  # download an added file
    MAKE_LETTER = "make_letter"  # the member's letter pages: draft, preview, PDF, .docx, sheet
    OWN_WORDS = "own_words"  # write the own words of a letter
    RESUME_CODE = "resume_code"  # see or download the resume code
    DELETE_CASE = "delete_case"  # delete everything
    SHARE = "share"  # share code, stop sharing, keep with the union
    # the union's room
    CASE_PAGE = "case_page"  # the advisor's case page, status, export
    NOTES = "notes"  # the union's notes (never in a letter)
    ADVISOR_LETTER = "advisor_letter"  # the letter as PDF and .docx; the member stays requester
    HAND_OVER = "hand_over"  # show the resume code of the union's own intake, to hand over
    REBUILD = "rebuild"  # change the answers through the intake (rebuilds the case)
    CALL = "call"  # the call page: change answers while the member shares live
    REMOVE = "remove"  # delete the union's own case, or let go of a kept one


ALL = frozenset(CaseState)
UNION = frozenset({Role.ADVISOR, Role.LEAD})

# action -> role -> the case states in which that role may do it (a member: in every state)
POLICY: dict[Action, dict[Role, frozenset[CaseState]]] = {
    Action.VIEW_ANSWERS: {Role.MEMBER: ALL},
    Action.CHANGE_ANSWERS: {Role.MEMBER: ALL},
    # the advisor may add the doctor's advice to the union's own intake; a member's case
    # (shared or kept) gets its files from the member
    Action.UPLOAD: {Role.MEMBER: ALL, Role.ADVISOR: {CaseState.OWN}, Role.LEAD: {CaseState.OWN}},
    Action.VIEW_ATTACHMENT: {Role.MEMBER: ALL, Role.ADVISOR: ALL, Role.LEAD: ALL},
    Action.MAKE_LETTER: {Role.MEMBER: ALL},
    Action.OWN_WORDS: {Role.MEMBER: ALL},
    Action.RESUME_CODE: {Role.MEMBER: ALL},
    Action.DELETE_CASE: {Role.MEMBER: ALL},
    Action.SHARE: {Role.MEMBER: ALL},
    Action.CASE_PAGE: {Role.ADVISOR: ALL, Role.LEAD: ALL},
    Action.NOTES: {Role.ADVISOR: ALL, Role.LEAD: ALL},
    Action.ADVISOR_LETTER: {Role.ADVISOR: ALL, Role.LEAD: ALL},
    # a shared case's resume code would outlive "Stop sharing"
    Action.HAND_OVER: {Role.ADVISOR: {CaseState.OWN}, Role.LEAD: {CaseState.OWN}},
    Action.REBUILD: {
        Role.ADVISOR: {CaseState.OWN, CaseState.CODE},
        Role.LEAD: {CaseState.OWN, CaseState.CODE},
    },
    Action.CALL: {Role.ADVISOR: {CaseState.LIVE}, Role.LEAD: {CaseState.LIVE}},
    # during the call only the member deletes; a kept case is let go of, not deleted
    Action.REMOVE: {
        Role.ADVISOR: {CaseState.OWN, CaseState.CODE, CaseState.KEPT},
        Role.LEAD: {CaseState.OWN, CaseState.CODE, CaseState.KEPT},
    },
}

MEMBER_ONLY = frozenset(a for a, roles in POLICY.items() if set(roles) == {Role.MEMBER})


def second_factor_done(user: Any) -> bool:
    """Signed in with both steps, where the second one is required (ADVISOR_REQUIRE_2FA).
    Right after the password step the user has no is_verified() yet: then it is not done."""
    if not settings.ADVISOR_REQUIRE_2FA:
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def union_role(
    *,
    organisation_id: int,
    advisor_id: int,
    is_lead: bool,
    case_organisation_id: int,
    case_advisor_id: int,
) -> Role | None:
    """The organisation boundary for one case: the case's own advisor, or the organisation's
    lead; nobody of another organisation (advisors.access.visible_cases says the same in SQL)."""
    if organisation_id != case_organisation_id:
        return None
    if case_advisor_id == advisor_id:
        return Role.ADVISOR
    return Role.LEAD if is_lead else None


def case_state(case: Case) -> CaseState:
    state = {
        "live": CaseState.LIVE,
        "kept": CaseState.KEPT,
        "code": CaseState.CODE,
    }.get(case.sharing or "", CaseState.OWN)
    if state == CaseState.CODE and _kept_share(case):
        # a member who kept the case with the union asked for a new code to share again:
        # until someone types it the case is still the member's, kept (not the union's own
        # intake, which the union may rebuild or delete)
        return CaseState.KEPT
    return state


def _kept_share(case: Case) -> bool:
    try:
        return case.live_share.state == CaseState.KEPT  # type: ignore[attr-defined]
    except ObjectDoesNotExist:
        return False


@dataclass(frozen=True)
class Access:
    """What one requester may do with one case."""

    case: Case
    roles: frozenset[Role]

    @property
    def state(self) -> CaseState:
        return case_state(self.case)

    def allows(self, action: Action) -> bool:
        allowed = POLICY[action]
        return any(self.state in allowed.get(role, ()) for role in self.roles)

    @property
    def is_member(self) -> bool:
        return Role.MEMBER in self.roles


def _union_role(request: HttpRequest, case: Case) -> Role | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not second_factor_done(user):
        return None
    try:
        advisor = user.advisor
        union_case = case.advisor_case
    except ObjectDoesNotExist:
        return None
    return union_role(
        organisation_id=advisor.organisation_id,
        advisor_id=advisor.pk,
        is_lead=advisor.is_lead,
        case_organisation_id=union_case.organisation_id,
        case_advisor_id=union_case.advisor_id,
    )


def access_for(request: HttpRequest, case: Case) -> Access:
    roles = set()
    if owns_case(request, case.pk):
        roles.add(Role.MEMBER)
    if role := _union_role(request, case):
        roles.add(role)
    return Access(case=case, roles=frozenset(roles))


def live_case(case_id: Any) -> Case | None:
    return Case.objects.filter(pk=case_id, expires_at__gt=timezone.now()).first()


def case_for(request: HttpRequest, case_id: Any, action: Action) -> Case:
    """The case if this requester may do ``action`` with it, else 404 (as if it did not exist:
    a refusal says nothing about whether the case is there)."""
    case = live_case(case_id)
    if case is None or not access_for(request, case).allows(action):
        raise Http404
    return case


def may(request: HttpRequest, case_id: Any, action: Action) -> bool:
    case = live_case(case_id)
    return case is not None and access_for(request, case).allows(action)
