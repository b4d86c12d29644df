"""What one case may hold of uploaded files (count, size, pages) and the refusal people see.

Storage checks these again under the case's row lock when it stores a file (cases.services), and
the upload check (documents.attachments) before it does the expensive work; both import them
from here, so the limits have one home below both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024


class AttachmentError(Exception):
    """A refused file. The message is fixed in the language active when it is raised."""

    def __init__(self, message: Any, code: str) -> None:
        super().__init__(code)
        self.message = str(message)
        self.code = code


@dataclass(frozen=True)
class Limits:
    """What we accept; stated on the upload page. Read from settings (see docs/documents.md)."""

    max_bytes: int = 10 * MB
    max_total_bytes: int = 20 * MB
    max_files: int = 10
    max_pages: int = 60
    max_pixels: int = 50_000_000
    # Memory of one decoded picture (width x height x bytes per pixel as Pillow holds it): the
    # budget that counts, since a 7000 x 7000 RGBA PNG is under the pixel limit yet takes 196 MB.
    max_decoded_bytes: int = 128 * MB
    max_text_chars: int = 20_000

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            max_bytes=settings.FIRST_OPINION_MAX_BYTES,
            max_total_bytes=settings.FIRST_OPINION_MAX_TOTAL_BYTES,
            max_files=settings.FIRST_OPINION_MAX_FILES,
            max_pages=settings.FIRST_OPINION_MAX_PAGES,
            max_pixels=settings.FIRST_OPINION_MAX_PIXELS,
            max_decoded_bytes=settings.FIRST_OPINION_MAX_DECODED_BYTES,
            max_text_chars=settings.FIRST_OPINION_MAX_TEXT_CHARS,
        )


@dataclass(frozen=True)
class Usage:
    """What a case already holds: counted against the limits for the next file."""

    files: int = 0
    bytes: int = 0
    pages: int = 0

    @classmethod
    def of(cls, attachments: Iterable[Any]) -> Usage:
        items = list(attachments)
        return cls(
            files=len(items),
            bytes=sum(a.size for a in items),
            pages=sum(a.page_count for a in items),
        )

    def plus(self, item: Any) -> Usage:
        """With one more checked file (anything with ``size`` and ``page_count``)."""
        return Usage(self.files + 1, self.bytes + item.size, self.pages + item.page_count)


def ensure_room(limits: Limits, usage: Usage, *, size: int, pages: int) -> None:
    """Refuse one more piece (``size`` bytes as received, ``pages`` pages) that would take the
    case over its limits. Called again when storing, under the case's row lock (cases.services
    .attachment_store), so parallel uploads cannot together exceed them."""
    if usage.files >= limits.max_files:
        raise AttachmentError(
            _("You can add at most %(n)d files. Remove a file first.") % {"n": limits.max_files},
            "too_many_files",
        )
    if usage.bytes + size > limits.max_total_bytes:
        raise AttachmentError(
            _(
                "All files together may be at most %(mb)d MB. Remove a file, or choose a "
                "smaller one."
            )
            % {"mb": limits.max_total_bytes // MB},
            "total_too_large",
        )
    if usage.pages + pages > limits.max_pages:
        raise too_many_pages(limits.max_pages)


def too_many_pages(limit: int) -> AttachmentError:
    return AttachmentError(
        _("All files together may have at most %(n)d pages. Remove a file first.") % {"n": limit},
        "too_many_pages",
    )
