"""Anonymous counts and the "Did this advice help?" answers.

Nothing here can be joined back to a case: no case id, no time finer than a day, no IP address,
user agent, cookie or session. What is counted, and why it is not personal data:
docs/privacy.md.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from decision_aid.cases import crypto


class Channel(models.TextChoices):
    PUBLIC = "public", _("Public")
    ADVISOR = "advisor", _("Union advisors")


class DailyCount(models.Model):
    """How often one thing happened on one day, in one language, for one role and channel.

    ``organisation`` is the advisor organisation of an advisor's count (0 for public counts): a
    lead sees their own organisation's counts only. Incremented with one
    ``INSERT ... ON CONFLICT DO UPDATE`` per request (insight.counters.flush)."""

    day = models.DateField()
    language = models.CharField(max_length=2)
    role = models.CharField(max_length=16, blank=True)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    organisation = models.IntegerField(default=0)
    metric = models.CharField(max_length=32)
    key = models.CharField(max_length=64, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "role", "channel", "organisation", "metric", "key"],
                name="daily_count_once",
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "day"], name="daily_count_org_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.metric}:{self.key} {self.count}"


class Feedback(models.Model):
    """A short text given with "Did this advice help?". No link to a case and no time of day;
    the text is encrypted with the app key and deleted after CASE_RETENTION_DAYS
    (manage.py purge_expired). The taps themselves are counted in DailyCount."""

    class Place(models.TextChoices):
        ADVICE = "advice", _("Advice page")
        SHEET = "sheet", _("Sending sheet")

    class Answer(models.TextChoices):
        YES = "yes", pgettext_lazy("answer", "Yes")
        SOMEWHAT = "somewhat", _("A bit")
        NO = "no", pgettext_lazy("answer", "No")

    day = models.DateField(db_index=True)
    language = models.CharField(max_length=2)
    role = models.CharField(max_length=16, blank=True)
    place = models.CharField(max_length=8, choices=Place.choices)
    answer = models.CharField(max_length=8, choices=Answer.choices)
    text_enc = models.BinaryField()

    class Meta:
        ordering = ["-day", "-id"]

    def __str__(self) -> str:
        return f"{self.day} {self.place} {self.answer}"

    @property
    def text(self) -> str:
        return crypto.decrypt(bytes(self.text_enc)).decode()
