"""Forms of the document pages: adding the first opinion."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from decision_aid.documents.attachments import AttachmentError, inspect_pdf


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("The advice as a PDF file"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        error_messages={"required": _("Choose a file first.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A PDF of at most %(mb)d MB. We add its pages to the end of your letter."
        ) % {"mb": settings.FIRST_OPINION_MAX_BYTES // (1024 * 1024)}

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            self.pdf_info = inspect_pdf(upload, max_bytes=settings.FIRST_OPINION_MAX_BYTES)
        except AttachmentError as exc:
            raise forms.ValidationError(exc.message, code=exc.code) from exc
        upload.seek(0)
        return upload
