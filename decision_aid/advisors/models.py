"""Union advisors, their organisations, the cases they prepare, notes and the audit log.

What is plain (not encrypted): the advisor's own reference, the status and the *week* of the
next deadline (its Monday), so the case list can filter, sort and page in SQL. Member names,
notes and the exact next deadline with its milestone are encrypted with the case's own data key
(Case.box(), docs/decisions/0007-crypto-shredding.md), so they are erased with the case's key
and no plain column gives away the sick date (docs/security.md). Beside the name is its blind
index, keyed hashes of the whole name and its words, so a name search runs in SQL
(blind_index.py, docs/decisions/0006-blind-index-for-member-names.md).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from decision_aid.cases import crypto
from decision_aid.cases.models import Case, DataKey


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Advisor(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="advisors"
    )
    is_lead = models.BooleanField(
        _("organisation lead"), default=False, help_text=_("Sees every case of the organisation.")
    )

    class Meta:
        verbose_name = _("advisor")
        verbose_name_plural = _("advisors")

    def __str__(self) -> str:
        return self.user.get_username()


def week_of(day: date | None) -> date | None:
    """The Monday of the (ISO) week of `day`: what is stored in plain for sorting the list."""
    return day - timedelta(days=day.weekday()) if day else None


# Where a case stands in the list: the week of its next deadline, and the cases without one
# after every dated case (as a date no real deadline reaches). Indexed, so that "the cases after
# this one" is a single index range whether the page starts among the dated or undated cases.
NO_DEADLINE = date(9999, 12, 31)
LIST_KEY = Coalesce("next_deadline", Value(NO_DEADLINE))


class AdvisorCase(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        HANDED_OVER = "handed_over", _("Handed over to the member")
        CLOSED = "closed", _("Closed")

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="advisor_case")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="cases")
    advisor = models.ForeignKey(Advisor, on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(_("reference"), max_length=50, blank=True, db_index=True)
    member_name_enc = models.BinaryField()
    # Keyed hash of the normalised whole name (blind_index.name_digest); words: MemberNameWord.
    member_name_digest = models.CharField(max_length=32, blank=True, default="")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    # The Monday of the week of the next deadline, for sorting and paging the list in SQL; the
    # exact date and its milestone only encrypted (next_deadline_enc): the sick date does not
    # follow from the plain columns (docs/security.md, "What the plain columns still tell").
    next_deadline = models.DateField(
        _("week of the next deadline"), null=True, blank=True, db_index=True
    )
    next_deadline_enc = models.BinaryField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [models.F("next_deadline").asc(nulls_last=True), "id"]
        # The case list pages by (LIST_KEY, id) within an organisation or an advisor, with or
        # without a status (listing.py): one index range from the cursor on, the cases without
        # a deadline last. The counts per status come from CaseCount.
        indexes = [
            models.Index("organisation", "status", LIST_KEY, "id", name="ac_org_status_page"),
            models.Index("organisation", LIST_KEY, "id", name="ac_org_page"),
            models.Index("advisor", "status", LIST_KEY, "id", name="ac_advisor_status_page"),
            models.Index("advisor", LIST_KEY, "id", name="ac_advisor_page"),
            models.Index(fields=["organisation", "member_name_digest"], name="ac_org_name"),
        ]

    def __str__(self) -> str:
        return self.reference or str(self.case_id)

    @property
    def member_name(self) -> str:
        if not self.member_name_enc:
            return ""
        return self.case.box().decrypt(self.member_name_enc).decode()

    def set_member_name(self, name: str) -> None:
        self.member_name_enc = self.case.box().encrypt(name.encode())

    @property
    def deadline(self) -> tuple[date | None, str]:
        """The exact next deadline and its milestone key (decrypted)."""
        return open_deadline(self.case.box(), self.next_deadline_enc)

    def set_deadline(self, due: date | None, milestone: str) -> None:
        """The week in plain (for the list's order), the date and milestone encrypted."""
        self.next_deadline = week_of(due)
        self.next_deadline_enc = (
            self.case.box().encrypt_json([due.isoformat(), milestone]) if due else None
        )


class CaseCount(models.Model):
    """How many cases an advisor has per status in an organisation: the counts above the case
    list, read from a few rows instead of counting 100,000 cases on every page view.

    Kept by database triggers on AdvisorCase (migration 0005), so every way a case is made,
    changed or deleted counts, also bulk inserts and the cascade when a case expires."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    advisor = models.ForeignKey(Advisor, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=12)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "advisor", "status"], name="case_count_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.advisor_id} {self.status} {self.n}"


class _NameHash(models.Model):
    """A keyed hash of a member's name, in the case's organisation (blind_index)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=32)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.advisor_case_id} {self.digest[:8]}"  # type: ignore[attr-defined]


class MemberNameWord(_NameHash):
    """One search hash of a member's name: a word, its beginning, a one-letter-out form or
    its sound key (blind_index.index_digests)."""

    advisor_case = models.ForeignKey(
        AdvisorCase, on_delete=models.CASCADE, related_name="name_words"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["advisor_case", "digest"], name="name_word_once")
        ]
        # Covering: a search of several words intersects their cases from this index alone
        # (an index-only scan, listing.name_matches), without reading the table.
        indexes = [
            models.Index(fields=["organisation", "digest", "advisor_case"], name="name_word_cases")
        ]


class MemberNamePair(_NameHash):
    """One pair hash of a member's name: rough forms of two of its words
    (blind_index.pair_digests), so that two typed words are one look-up, however common each
    word is alone."""

    advisor_case = models.ForeignKey(
        AdvisorCase, on_delete=models.CASCADE, related_name="name_pairs"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["advisor_case", "digest"], name="name_pair_once")
        ]
        indexes = [
            models.Index(fields=["organisation", "digest", "advisor_case"], name="name_pair_cases")
        ]


class CaseNote(models.Model):
    advisor_case = models.ForeignKey(AdvisorCase, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(Advisor, on_delete=models.PROTECT)
    text_enc = models.BinaryField()
    # Written during a shared call: shown as a call note; never in a letter.
    during_call = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"note {self.pk}"

    @property
    def text(self) -> str:
        """Decrypted with the case's key (the note's advisor_case is known when the notes come
        from advisor_case.notes: no query per note)."""
        return self.advisor_case.case.box().decrypt(self.text_enc).decode()


# The case's wrapped data key, fetched with each row of a list (one index look-up per row
# returned, after the LIMIT), so that a page of cases needs no query per row for its keys.
def case_key() -> Subquery:
    """Annotate a query of AdvisorCase rows with their case's wrapped data key."""
    return Subquery(
        DataKey.objects.filter(case_id=OuterRef("case_id"), attachment__isnull=True).values(
            "key_enc"
        )[:1],
        output_field=models.BinaryField(),
    )


def case_box(wrapped: bytes) -> crypto.DataBox:
    """A case's data key from its wrapped form (as CASE_KEY gives it)."""
    return crypto.DataBox(crypto.unwrap_key(bytes(wrapped)))


def open_deadline(box: crypto.DataBox, token: bytes | None) -> tuple[date | None, str]:
    if not token:
        return None, ""
    due, milestone = box.decrypt_json(token)
    return date.fromisoformat(due), milestone


class AuditEvent(models.Model):
    """Who did what to which case, when. Never any answer content."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        VIEWED = "viewed", _("viewed")
        CHANGED = "changed", _("changed")
        EXPORTED = "exported", _("exported")
        IMPORTED = "imported", _("imported")
        DOWNLOADED = "downloaded", _("downloaded the PDF")
        DELETED = "deleted", _("deleted")
        SHARE_OPENED = "share_opened", _("opened a shared case")
        SHARE_STOPPED = "share_stopped", _("sharing stopped")
        SHARE_KEPT = "share_kept", _("kept with the union")
        # the member's "delete everything": the union's copy and notes went with the case
        MEMBER_DELETED = "member_deleted", _("deleted by the member")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="audit")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    case_id = models.UUIDField(db_index=True)  # not a key: the event outlives a deleted case
    reference = models.CharField(max_length=50, blank=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        # The audit page pages by (at, id), newest first, filtered by advisor, action or case.
        indexes = [
            models.Index(fields=["organisation", "-at", "-id"], name="audit_org_page"),
            models.Index(fields=["organisation", "actor", "-at", "-id"], name="audit_actor_page"),
            models.Index(fields=["organisation", "action", "-at", "-id"], name="audit_action_page"),
            models.Index(
                fields=["organisation", "reference", "-at", "-id"], name="audit_reference_page"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} {self.action} {self.case_id}"


class ShareCode(models.Model):
    """A short code the member reads aloud to an advisor during a call.

    Stored like a resume code: a keyed hash to find it, and encrypted with the case's own key to
    show it to the member while it waits. Valid 30 minutes, opens the case once."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="share_codes")
    digest = models.CharField(max_length=64, unique=True)
    code_enc = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)
    # Wrong share codes tried on the site (all together) before this one was made; past
    # SHARE_GUESSES_PER_CODE more it stops working (advisors.sharing).
    wrong_before = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"share code of {self.case_id}"


class LiveShare(models.Model):
    """A member shares a case with one advisor: live during the call, or kept with the union
    afterwards. Deleting it (and the advisor case it made) ends the advisor's access."""

    class State(models.TextChoices):
        LIVE = "live", _("Live")
        KEPT = "kept", _("Kept with the union")

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="live_share")
    advisor_case = models.ForeignKey(
        AdvisorCase, on_delete=models.CASCADE, related_name="live_shares"
    )
    advisor = models.ForeignKey(Advisor, on_delete=models.PROTECT, related_name="+")
    # True when the share made the advisor case: stopping deletes it (the union had nothing).
    made_advisor_case = models.BooleanField(default=True)
    state = models.CharField(max_length=4, choices=State.choices, default=State.LIVE)
    started_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.case_id} {self.state}"
