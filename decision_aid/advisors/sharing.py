"""Together on the call: a member shares a case with a union advisor, live.

- The member asks for a share code: 6 characters without look-alikes, valid 30 minutes, opens
  the case once. Stored like a resume code (keyed hash + encrypted with the case's key); it is
  random on its own, so reading it aloud says nothing about the resume code.
- The advisor types it in the advisor area: the case gets an AdvisorCase in the advisor's
  organisation (the same model as an intake, so access.py stays the one boundary), a LiveShare
  and an audit entry. Wrong codes are counted per client and overall, like resume codes.
- Both sides then write answers through cases.services.case_merge_state (answer by answer,
  the later save wins) and watch the case's revision number (docs/decisions/0008).
- "Stop met delen" deletes the share and the advisor case it made: the advisor gets 404 at once.
  "Keep with the union" ends the live part; the case stays in the advisor's caseload.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest
from django.utils import timezone

from decision_aid.advisors.models import Advisor, AdvisorCase, AuditEvent, LiveShare, ShareCode
from decision_aid.advisors.services import audit_log
from decision_aid.casefile import live
from decision_aid.cases import crypto, throttle
from decision_aid.cases.access import CaseState, case_state, union_role
from decision_aid.cases.limits import CodeGuesses
from decision_aid.cases.models import Case
from decision_aid.cases.services import case_bump_revision, case_delete, erase_deleted_keys

# No look-alikes when read aloud or typed: no 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V.
SHARE_ALPHABET = "ACDEFGHJKMNPRTWXY34679"
SHARE_LENGTH = 6
SHARE_MINUTES = 30
_LOOKALIKES = str.maketrans({"O": "0", "Q": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "B": "8"})


def code_new() -> str:
    return "".join(secrets.choice(SHARE_ALPHABET) for _ in range(SHARE_LENGTH))


def code_normalize(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _digest(code: str) -> str:
    return crypto.digest("share:" + code)


# Every wrong share code tried on the site, counted for ever (one row, never purged): a code
# remembers the count when it was made, so it can tell how many guesses it has met.
_WRONG_TOTAL = "share-wrong-total"
_FOREVER = throttle.Rate(1, 10**12)


def _wrong_total() -> int:
    return throttle.count(_WRONG_TOTAL, _FOREVER)


def _unworn(now: datetime) -> dict[str, Any]:
    """The filter for a waiting code that has met fewer than SHARE_GUESSES_PER_CODE wrong
    codes (the per-case limit: however many addresses and accounts guess, any one member's
    code faces at most that many guesses, about 1 in 100,000 chances at the default)."""
    return {
        "used_at__isnull": True,
        "expires_at__gt": now,
        "wrong_before__gt": _wrong_total() - settings.SHARE_GUESSES_PER_CODE,
    }


# --- the member's side --------------------------------------------------------------------
def share_code_create(*, case: Case, now: datetime | None = None) -> str:
    """A fresh code for this case (any older waiting code stops working)."""
    now = now or timezone.now()
    ShareCode.objects.filter(case=case, used_at__isnull=True).delete()
    for _attempt in range(5):
        code = code_new()
        try:
            with transaction.atomic():
                ShareCode.objects.create(
                    case=case,
                    digest=_digest(code),
                    code_enc=case.box().encrypt(code.encode()),
                    expires_at=now + timedelta(minutes=SHARE_MINUTES),
                    wrong_before=_wrong_total(),
                )
        except IntegrityError:  # the same code waits for another case: draw again
            continue
        if case.sharing != "live":
            Case.objects.filter(pk=case.pk).update(sharing="code")
            case.sharing = "code"
        return code
    raise RuntimeError("no free share code")  # 22^6 codes: never in practice


def share_start(*, case: Case) -> None:
    """The member's "Together with my advisor": a fresh code, unless pressed wildly (a few codes
    per case and hour are plenty for a call)."""
    if throttle.hit(f"share-new:{case.pk}", throttle.Rate(10, 3600)) <= 10:
        share_code_create(case=case)


@dataclass(frozen=True)
class ShareStatus:
    """What the member's panel shows."""

    state: str  # "", "code", "live", "kept"
    code: str = ""
    code_until: datetime | None = None
    organisation: str = ""
    share: LiveShare | None = None


def share_status(case: Case, *, now: datetime | None = None) -> ShareStatus:
    """One query when the case is shared or a code waits; none otherwise."""
    if not case.sharing:
        return ShareStatus("")
    if case.sharing in (LiveShare.State.LIVE, LiveShare.State.KEPT):
        share = (
            LiveShare.objects.select_related("advisor_case__organisation")
            .filter(case_id=case.pk)
            .first()
        )
        if share is not None:
            return ShareStatus(
                share.state, organisation=share.advisor_case.organisation.name, share=share
            )
        return ShareStatus("")
    waiting = (
        ShareCode.objects.filter(case_id=case.pk, **_unworn(now or timezone.now()))
        .order_by("-created_at")
        .first()
    )
    if waiting is None:
        return ShareStatus("")
    return ShareStatus(
        "code", code=case.box().decrypt(waiting.code_enc).decode(), code_until=waiting.expires_at
    )


@transaction.atomic
def share_stop(*, case: Case) -> None:
    """The member stops sharing: the advisor's access ends now (404 on their next request)."""
    _lock(case.pk)  # an advisor's save in flight (still_live) ends first, or sees it stopped
    ShareCode.objects.filter(case=case).delete()
    share = LiveShare.objects.select_related("advisor_case").filter(case=case).first()
    if share is not None:
        advisor_case = share.advisor_case
        audit_log(
            advisor=share.advisor, advisor_case=advisor_case, action=AuditEvent.Action.SHARE_STOPPED
        )
        share.delete()
        if share.made_advisor_case:
            advisor_case.delete()  # its notes go with it: the member took the case back
    Case.objects.filter(pk=case.pk).update(sharing="")
    case.sharing = ""
    _set_contact(case, None)
    case_bump_revision(case_id=case.pk)


@transaction.atomic
def share_keep(*, case: Case) -> None:
    """After the call the member keeps the case with the union: the advisor keeps it in the
    caseload (no longer live), the member keeps the resume code."""
    _lock(case.pk)
    share = LiveShare.objects.select_related("advisor_case").filter(case=case).first()
    if share is None:
        return
    share.state = LiveShare.State.KEPT
    share.save(update_fields=["state"])
    audit_log(
        advisor=share.advisor, advisor_case=share.advisor_case, action=AuditEvent.Action.SHARE_KEPT
    )
    Case.objects.filter(pk=case.pk).update(sharing=LiveShare.State.KEPT)
    case.sharing = LiveShare.State.KEPT
    case_bump_revision(case_id=case.pk)


def _contact_name(advisor: Advisor) -> str:
    user = advisor.user
    name = user.get_full_name() or user.get_username()
    return f"{name}, {advisor.organisation.name}"


def _set_contact(case: Case, name: str | None) -> None:
    """The advisor as contact person in the member's letters while the case is shared (the
    member stays the requester); removed again when the member stops sharing. Kept with the
    member's encrypted pages (wizard.views reads it when it builds the case file)."""
    case.refresh_from_db(fields=["wizard_state_enc", "case_file_enc", "finished"])
    state = case.wizard_state
    fields = []
    if state is not None:
        extra = dict(state.get("extra_data") or {})
        if name:
            extra[live.CONTACT] = name
        else:
            extra.pop(live.CONTACT, None)
        state["extra_data"] = extra
        case.wizard_state_enc = case.box().encrypt_json(state)
        fields.append("wizard_state_enc")
    if not name and case.finished:
        case_file = case.case_file
        parties = case_file.get("parties") or {}
        if case_file.get("role") != "advisor" and parties.pop("advisor", None) is not None:
            case.case_file_enc = case.box().encrypt_json(case_file)
            fields.append("case_file_enc")
    if fields:
        case.save(update_fields=fields)


# --- the advisor's side -------------------------------------------------------------------
class ShareRefused(Exception):
    """The code did not open a case; ``reason`` is 'client', 'attack' or 'wrong'."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


SHARE_GUESSES = CodeGuesses(
    "share",
    "SHARE_RATE_PER_CLIENT",
    "SHARE_RATE_PER_CLIENT_UNDER_ATTACK",
    "SHARE_RATE_OVERALL",
    per_account="SHARE_RATE_PER_ACCOUNT",
)


def _share_wrong() -> None:
    SHARE_GUESSES.wrong()
    throttle.hit(_WRONG_TOTAL, _FOREVER)


def share_open(*, request: HttpRequest, advisor: Advisor, code: str) -> AdvisorCase:
    """The advisor's side of the code: the member's case in the advisor's organisation."""
    account = str(advisor.user_id)
    if reason := SHARE_GUESSES.attempt(request, account=account):
        raise ShareRefused(reason)
    normalized = code_normalize(code).translate(_LOOKALIKES)
    if len(normalized) != SHARE_LENGTH:
        _share_wrong()
        raise ShareRefused("wrong")
    now = timezone.now()
    with transaction.atomic():
        # Single use: only one request can turn an unused, unexpired code into a used one.
        used = ShareCode.objects.filter(digest=_digest(normalized), **_unworn(now)).update(
            used_at=now
        )
        share_code = ShareCode.objects.filter(digest=_digest(normalized)).first() if used else None
        case = (
            Case.objects.select_for_update()
            .filter(pk=share_code.case_id, expires_at__gt=now)
            .first()
            if share_code
            else None
        )
        existing = AdvisorCase.objects.filter(case=case).first() if case else None
        if case is None or (existing and not _may_see(advisor, existing)):
            # Another organisation already has this case, or a colleague has it (kept with the
            # union after an earlier call) and this advisor is not the lead: the code opens
            # nothing here. (The colleague's case was made live for an advisor who then got a
            # 404 on it, while the colleague, not on the call, could follow and edit it.)
            case = None
        if case is not None:
            advisor_case = existing or _advisor_case_for(case, advisor)
            LiveShare.objects.filter(case=case).delete()
            LiveShare.objects.create(
                case=case,
                advisor_case=advisor_case,
                advisor=advisor,
                made_advisor_case=existing is None,
            )
            Case.objects.filter(pk=case.pk).update(sharing=LiveShare.State.LIVE)
            _set_contact(case, _contact_name(advisor))
            case_bump_revision(case_id=case.pk)
            audit_log(
                advisor=advisor, advisor_case=advisor_case, action=AuditEvent.Action.SHARE_OPENED
            )
    if case is None:
        _share_wrong()
        raise ShareRefused("wrong")
    SHARE_GUESSES.right(request, account=account)
    return advisor_case


def _may_see(advisor: Advisor, advisor_case: AdvisorCase) -> bool:
    """The organisation boundary of the access policy (cases.access.union_role)."""
    return (
        union_role(
            organisation_id=advisor.organisation_id,
            advisor_id=advisor.pk,
            is_lead=advisor.is_lead,
            case_organisation_id=advisor_case.organisation_id,
            case_advisor_id=advisor_case.advisor_id,
        )
        is not None
    )


def _advisor_case_for(case: Case, advisor: Advisor) -> AdvisorCase:
    """The member's case in the advisor's organisation, named as the member typed it (if so)."""
    from decision_aid.advisors.services import member_name_set

    details = ((case.wizard_state or {}).get("step_data") or {}).get("details") or {}
    name = str((details.get("details-requester_name") or [""])[0])
    advisor_case = AdvisorCase(case=case, organisation_id=advisor.organisation_id, advisor=advisor)
    member_name_set(advisor_case=advisor_case, name=name)
    return advisor_case


def _lock(case_id: Any) -> None:
    """The case row locked until the transaction ends: the member's stop and keep and the
    advisor's writes during the call take it first, so they happen one after the other."""
    list(Case.objects.select_for_update().filter(pk=case_id).values_list("pk", flat=True))


@contextmanager
def still_live(advisor_case: AdvisorCase) -> Iterator[None]:
    """An advisor's write during the call (answers, the member's name, a call note): in one
    transaction with the case locked, and only while the share is still live for this advisor
    case. A save that crossed the member's "Stop met delen" wrote into the member's case after
    sharing had ended (or was a 500 on the deleted advisor case); now it is a 404."""
    with transaction.atomic():
        _lock(advisor_case.case_id)
        if not LiveShare.objects.filter(
            case_id=advisor_case.case_id,
            advisor_case_id=advisor_case.pk,
            state=LiveShare.State.LIVE,
        ).exists():
            raise Http404
        yield


def shared_live(advisor_case: AdvisorCase) -> bool:
    """The member shares this case live right now: then its answers change only through the
    call's merge (the live view), never by rebuilding the case from the intake, and only the
    member deletes it. The intake's save replaced the member's answers wholesale (their role
    and every answer the intake does not ask were lost) and "Delete" removed the member's own
    case during the call."""
    return advisor_case.case.sharing == LiveShare.State.LIVE


def kept_for_member(advisor_case: AdvisorCase) -> bool:
    """The member kept this case with the union after a call ("Klaar met bellen: zaak bij de
    vakbond houden"): the answers and the case stay the member's (resume code and all). The
    intake may not rebuild them (it would drop every answer it does not ask and make the
    advisor the requester), and the union's "Delete" lets go of the case instead of deleting
    the member's own (`release_kept`). Also while a new share code of the member waits."""
    return case_state(advisor_case.case) == CaseState.KEPT


def union_remove(*, advisor: Advisor, advisor_case: AdvisorCase) -> str:
    """The union's "Delete" / "Remove from our cases", decided under the case's row lock on
    the state as it is then: "live" (refused: only the member deletes during a call),
    "released" (a case the member kept: the union lets go of its copy), or "deleted" (the
    union's own intake). Decided on the state read before the click, a share that went live or
    was kept in between lost the member's case."""
    with transaction.atomic():
        _lock(advisor_case.case_id)
        case = Case.objects.filter(pk=advisor_case.case_id).first()
        if case is None or not AdvisorCase.objects.filter(pk=advisor_case.pk).exists():
            raise Http404
        advisor_case.case = case
        state = case_state(case)
        if state == CaseState.LIVE:
            return "live"
        if state == CaseState.KEPT:
            release_kept(advisor=advisor, advisor_case=advisor_case)
            return "released"
        audit_log(advisor=advisor, advisor_case=advisor_case, action=AuditEvent.Action.DELETED)
        case_delete(case=case, erase=False)
    erase_deleted_keys()  # after the commit: the rewrite cannot see rows deleted inside it
    return "deleted"


@transaction.atomic
def release_kept(*, advisor: Advisor, advisor_case: AdvisorCase) -> None:
    """The union lets go of a case the member kept with it: its copy (the advisor case with
    its notes) is deleted and the audit log says so; the member's case, answers and resume
    code stay, no longer shared."""
    case = advisor_case.case
    _lock(case.pk)
    audit_log(advisor=advisor, advisor_case=advisor_case, action=AuditEvent.Action.DELETED)
    ShareCode.objects.filter(case=case).delete()
    LiveShare.objects.filter(case=case).delete()
    advisor_case.delete()
    Case.objects.filter(pk=case.pk).update(sharing="")
    case.sharing = ""
    _set_contact(case, None)
    case_bump_revision(case_id=case.pk)


def live_share_for(advisor_case: AdvisorCase) -> LiveShare | None:
    return LiveShare.objects.filter(case_id=advisor_case.case_id).first()


def version(case_id: Any) -> tuple[int, str] | None:
    """The cheap check: (revision, sharing) of a case, one indexed read of two columns."""
    row = (
        Case.objects.filter(pk=case_id, expires_at__gt=timezone.now())
        .values_list("revision", "sharing")
        .first()
    )
    return (int(row[0]), str(row[1])) if row else None
