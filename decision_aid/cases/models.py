"""A case: the wizard's answers, the case file, and the attached first opinion.

Health and dispute data (AVG art. 9): answers and files are encrypted at rest (crypto.py), every
case has an expiry date, and deleting a case deletes its files on disk too (services.py).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import DatabaseError, models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from decision_aid.cases import crypto


def _attachment_path(instance: Attachment, filename: str) -> str:
    # A random name: nothing of the user's file name reaches the disk.
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}.bin"


class CaseGone(Http404):
    """The case was deleted ("delete everything", or expiry) while a request of the same
    person was still working on it: that request ends with the 404 page, not a 500."""


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(db_index=True)
    language = models.CharField(max_length=2, default="nl")
    # HMAC of the resume code, for look-up; the code itself only encrypted (to show its owner).
    resume_digest = models.CharField(max_length=64, unique=True)
    resume_code_enc = models.BinaryField()
    # The wizard's stored pages (formtools storage data) and the case file, both encrypted.
    wizard_state_enc = models.BinaryField(null=True)
    case_file_enc = models.BinaryField(null=True)
    finished = models.BooleanField(default=False)
    # Whether this case's first letter download was counted (the anonymous count of
    # the time from start to first letter counts each case once). Deleted with the case.
    letter_counted = models.BooleanField(default=False)
    # Goes up by one whenever an answer changes or sharing starts or stops: the live call's
    # cheap "anything new?" check reads only this number (advisors.sharing).
    revision = models.PositiveIntegerField(default=0)
    # Whether the member shares this case with an advisor right now ('', 'code': a share code
    # waits, 'live': an advisor follows, 'kept': kept with the union after the call). Read with
    # the case, so a case that is not shared costs no extra query on any page.
    sharing = models.CharField(max_length=8, blank=True, default="")

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return str(self.id)

    def save(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().save(*args, **kwargs)
        except DatabaseError as error:
            # Django's own error for update_fields when no row matched: the row was deleted
            # by another request meanwhile, so there is nothing left to save to
            if kwargs.get("update_fields") and "did not affect any rows" in str(error):
                raise CaseGone from None
            raise

    def box(self) -> crypto.DataBox:
        """This case's data key, unwrapped (one query, then kept on the instance)."""
        box = self.__dict__.get("_box")
        if box is None:
            try:
                wrapped = (
                    DataKey.objects.filter(case_id=self.pk, attachment__isnull=True)
                    .values_list("key_enc", flat=True)
                    .get()
                )
            except DataKey.DoesNotExist:
                raise CaseGone from None  # deleted after this request read the case row
            box = self.__dict__["_box"] = crypto.DataBox(crypto.unwrap_key(bytes(wrapped)))
        return box

    @property
    def resume_code(self) -> str:
        return self.box().decrypt(self.resume_code_enc).decode()

    @property
    def wizard_state(self) -> dict[str, Any] | None:
        return self.box().decrypt_json(self.wizard_state_enc)

    @property
    def case_file(self) -> dict[str, Any]:
        return self.box().decrypt_json(self.case_file_enc, default={})


class Attachment(models.Model):
    """One attached document (the first opinion, or an expert opinion), stored as PDF pages
    (encrypted)."""

    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF")
        IMAGE = "image", _("Photo")
        TEXT = "text", _("Typed text")

    class Role(models.TextChoices):
        FIRST_OPINION = "first_opinion", _("Advice of the company doctor (first opinion)")
        EXPERT_OPINION = "expert_opinion", _("Expert opinion (deskundigenoordeel)")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    # What the pages are: the first opinion, or (for a wage claim) the expert opinion.
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.FIRST_OPINION)
    file = models.FileField(upload_to=_attachment_path)
    page_count = models.PositiveIntegerField()
    size = models.PositiveIntegerField(help_text="Size of the upload as received, in bytes.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.pk}"

    def read_pdf(self) -> bytes:
        """The attachment's PDF pages, decrypted with the upload's own data key."""
        wrapped = DataKey.objects.filter(attachment_id=self.pk).values_list("key_enc", flat=True)
        box = crypto.DataBox(crypto.unwrap_key(bytes(wrapped.get())))
        with self.file.open("rb") as fh:
            return box.decrypt(fh.read())


class DataKey(models.Model):
    """The data key of one case (attachment empty) or one upload, wrapped by the app key.

    Kept apart from the data it opens, in a small table that is rewritten (VACUUM FULL on
    PostgreSQL) after a deletion: deleted keys then exist in no file of the database, and the
    deleted case's leftover bytes cannot be decrypted, not even with the app key
    (cases.services.erase_deleted_keys, docs/decisions/0007-crypto-shredding.md)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="data_keys")
    attachment = models.OneToOneField(
        Attachment, on_delete=models.CASCADE, null=True, blank=True, related_name="data_key"
    )
    key_enc = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(attachment__isnull=True),
                name="one_data_key_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"key of {self.case_id}/{self.attachment_id or '-'}"


class ThrottleCounter(models.Model):
    """One limit's count in one time window (cases.throttle). ``name`` holds the limit and a
    client address or case id; rows are deleted once their window has ended."""

    name = models.CharField(max_length=200)
    slot = models.BigIntegerField(help_text="Window number: seconds since 1970 // window length.")
    ends_at = models.BigIntegerField(help_text="When the window ends, in seconds since 1970.")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "slot"], name="throttle_one_row_per_window")
        ]
        indexes = [models.Index(fields=["ends_at"], name="throttle_ends_at")]

    def __str__(self) -> str:
        return f"{self.name}@{self.slot}: {self.count}"
