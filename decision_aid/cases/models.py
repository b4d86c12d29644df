"""A finished intake: the answers the documents need and the uploaded first opinion.

Health and dispute data (AVG art. 9): only what the documents need is kept, every case has
an expiry date, and deleting a case deletes its files on disk too (see services.py).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def _upload_path(instance: "FirstOpinionFile", filename: str) -> str:
    # A random name: nothing of the user's file name reaches the disk.
    return f"first-opinion/{instance.case_id}/{uuid.uuid4().hex}"


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(db_index=True)
    language = models.CharField(max_length=2, default="nl")
    # The JSON case file (docs/case-file.schema.json), as the wizard built it.
    case_file = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return str(self.id)


class FirstOpinionFile(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="first_opinion_files")
    file = models.FileField(upload_to=_upload_path)
    page_count = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.pk}"
