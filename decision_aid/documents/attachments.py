"""Checking an uploaded first opinion before we keep it, and appending it to a draft.

Every refusal is an ``AttachmentError`` with a message in the user's language; the web form
and the command line show the same message.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class AttachmentError(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(code)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class PdfInfo:
    page_count: int
    size: int


def _read_all(upload: IO[bytes], max_bytes: int) -> bytes:
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise AttachmentError(
            _("This file is larger than %(mb)d MB. Choose a smaller file.")
            % {"mb": max_bytes // (1024 * 1024)},
            "too_large",
        )
    return data


def inspect_pdf(upload: IO[bytes], *, max_bytes: int) -> PdfInfo:
    """Open the upload as a PDF, or raise AttachmentError saying plainly what is wrong."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = _read_all(upload, max_bytes)
    if not data:
        raise AttachmentError(_("This file is empty. Choose the file again."), "empty")
    if not data.lstrip()[:5] == b"%PDF-":
        raise AttachmentError(
            _("This file is not a PDF. Choose a PDF file, or save the letter as PDF first."),
            "not_pdf",
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise AttachmentError(
                _(
                    "This PDF is protected with a password. Save it without a password "
                    "and try again."
                ),
                "encrypted",
            )
        pages = len(reader.pages)
        for page in reader.pages:
            page.mediabox  # noqa: B018 - touching each page proves it can be read
    except AttachmentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        logger.info("Refused a damaged PDF upload: %s", type(exc).__name__)
        raise AttachmentError(
            _("This PDF is damaged and cannot be read. Try to save or download it again."),
            "damaged",
        ) from exc
    if pages == 0:
        raise AttachmentError(_("This PDF has no pages."), "no_pages")
    return PdfInfo(page_count=pages, size=len(data))


def append_pdfs(draft: bytes, attachments: list[bytes]) -> bytes:
    """The draft followed by every attachment's pages, unchanged."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(draft))
    for attachment in attachments:
        writer.append(io.BytesIO(attachment))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
