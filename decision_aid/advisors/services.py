"""Advisor services: save a case from the intake, notes, audit. Views call these."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from decision_aid.advisors import blind_index
from decision_aid.advisors.models import (
    Advisor,
    AdvisorCase,
    AuditEvent,
    CaseNote,
    MemberNamePair,
    MemberNameWord,
    case_box,
    case_key,
)
from decision_aid.casefile.answers import case_file_to_wizard_state
from decision_aid.cases.services import case_create, case_finish, case_save_state
from decision_aid.routing import advise
from decision_aid.routing.casefile import load_case


def audit_log(*, advisor: Advisor, advisor_case: AdvisorCase, action: str) -> None:
    AuditEvent.objects.create(
        organisation_id=advisor.organisation_id,
        actor_id=advisor.user_id,
        case_id=advisor_case.case_id,
        reference=advisor_case.reference,
        action=action,
    )


def _next_deadline(case_file: dict[str, Any]) -> tuple[Any, str]:
    """The first milestone not yet past (or late), as a date, for sorting the case list."""
    case = load_case(case_file)
    timeline = advise(case).timeline
    since = case.situation.sick_since
    if since is None:
        return None, ""
    for milestone in timeline.milestones:
        if milestone.status != "past" or milestone.late:
            due = since + timedelta(weeks=milestone.week - 1)
            return due, milestone.key
    return None, ""


@transaction.atomic
def advisor_case_save(
    *,
    advisor: Advisor,
    case_file: dict[str, Any],
    reference: str,
    existing: AdvisorCase | None = None,
) -> AdvisorCase:
    """Create or update the case behind an intake. The member can continue it in the public
    wizard with the resume code: the stored pages are rebuilt from the case file."""
    case = existing.case if existing else case_create(language=case_file.get("language", "nl"))
    case_save_state(case=case, state=case_file_to_wizard_state(case_file), language=case.language)
    case_finish(case=case, case_file=case_file)
    deadline, label = _next_deadline(case_file)
    member = (case_file.get("parties") or {}).get("employee", {}).get("name", "")
    advisor_case = existing or AdvisorCase(
        case=case, organisation=advisor.organisation, advisor=advisor
    )
    advisor_case.reference = reference
    advisor_case.set_deadline(deadline, label)
    member_name_set(advisor_case=advisor_case, name=member)
    audit_log(
        advisor=advisor,
        advisor_case=advisor_case,
        action=AuditEvent.Action.CHANGED if existing else AuditEvent.Action.CREATED,
    )
    return advisor_case


def member_name_set(*, advisor_case: AdvisorCase, name: str) -> None:
    """The member's name on the union's copy, the one place it is set: encrypted with the
    case's own key (erased with it, docs/decisions/0007), its keyed hash for exact search and
    the word hashes of the blind index (decision 0006). Saves the advisor case with whatever
    else the caller set on it (new or not)."""
    name = name[:200]
    advisor_case.set_member_name(name)
    advisor_case.member_name_digest = blind_index.name_digest(name)
    advisor_case.save()
    index_member_name(advisor_case, name)


def advisor_case_set_status(*, advisor: Advisor, advisor_case: AdvisorCase, status: str) -> None:
    advisor_case.status = status
    advisor_case.save(update_fields=["status", "updated_at"])
    audit_log(advisor=advisor, advisor_case=advisor_case, action=AuditEvent.Action.CHANGED)


def record_member_deletion(*, case: Any, **_kwargs: Any) -> None:
    """The member deletes a case the union also holds (kept after a call, shared now, or an
    intake the member resumed): the union's copy and its notes are encrypted with the case's
    key and go with it (docs/privacy.md). The audit log and the advisor's caseload say so,
    without content: the reference, the advisor and the time."""
    advisor_case = AdvisorCase.objects.select_related("advisor").filter(case_id=case.pk).first()
    if advisor_case is not None:
        audit_log(
            advisor=advisor_case.advisor,
            advisor_case=advisor_case,
            action=AuditEvent.Action.MEMBER_DELETED,
        )


def member_deletions(advisor: Advisor, *, days: int = 30) -> list[AuditEvent]:
    """The advisor's cases the member deleted lately, newest first (for the caseload)."""
    since = timezone.now() - timedelta(days=days)
    return list(
        AuditEvent.objects.filter(
            organisation_id=advisor.organisation_id,
            actor_id=advisor.user_id,
            action=AuditEvent.Action.MEMBER_DELETED,
            at__gte=since,
        ).order_by("-at")[:10]
    )


def note_add(
    *, advisor: Advisor, advisor_case: AdvisorCase, text: str, during_call: bool = False
) -> CaseNote:
    note = CaseNote.objects.create(
        advisor_case=advisor_case,
        author=advisor,
        text_enc=advisor_case.case.box().encrypt(text.encode()),
        during_call=during_call,
    )
    advisor_case.save(update_fields=["updated_at"])
    audit_log(advisor=advisor, advisor_case=advisor_case, action=AuditEvent.Action.CHANGED)
    return note


def index_member_name(advisor_case: AdvisorCase, name: str) -> None:
    """The name's search hashes (words and pairs of words) beside the encrypted name
    (blind_index.py), replacing old ones."""
    MemberNameWord.objects.filter(advisor_case=advisor_case).delete()
    MemberNameWord.objects.bulk_create(
        MemberNameWord(
            advisor_case=advisor_case, organisation_id=advisor_case.organisation_id, digest=d
        )
        for d in blind_index.index_digests(name)
    )
    MemberNamePair.objects.filter(advisor_case=advisor_case).delete()
    MemberNamePair.objects.bulk_create(
        MemberNamePair(
            advisor_case=advisor_case, organisation_id=advisor_case.organisation_id, digest=d
        )
        for d in blind_index.pair_digests(name)
    )


def rebuild_name_index(*, chunk: int = 2000, words: bool = True, pairs: bool = True) -> int:
    """Recompute every stored name's blind index (after changing DJANGO_SEARCH_INDEX_KEY).
    Decrypts each name once, here, in chunks; returns the number of cases. A data migration
    fills only the part it adds (the pair table does not exist before migration 0013)."""
    done, last = 0, 0
    rows = (
        AdvisorCase.objects.order_by("id")
        .only("id", "organisation_id", "member_name_enc")
        .annotate(case_key_enc=case_key())
    )
    while batch := list(rows.filter(id__gt=last)[:chunk]):
        last = batch[-1].id
        names = {
            row.id: case_box(row.case_key_enc).decrypt(row.member_name_enc).decode()
            if row.member_name_enc
            else ""
            for row in batch
        }
        with transaction.atomic():
            for advisor_case in batch:
                advisor_case.member_name_digest = blind_index.name_digest(names[advisor_case.id])
            AdvisorCase.objects.bulk_update(batch, ["member_name_digest"])
            for wanted, model, digests in (
                (words, MemberNameWord, blind_index.index_digests),
                (pairs, MemberNamePair, blind_index.pair_digests),
            ):
                if not wanted:
                    continue
                model.objects.filter(advisor_case__in=batch).delete()
                model.objects.bulk_create(
                    model(
                        advisor_case=advisor_case,
                        organisation_id=advisor_case.organisation_id,
                        digest=d,
                    )
                    for advisor_case in batch
                    for d in digests(names[advisor_case.id])
                )
        done += len(batch)
    return done
