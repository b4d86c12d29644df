"""Forms of the document pages: adding the first opinion as files, or as typed text.

The forms only take the input; checking and converting a file is ``attachments.normalize_upload``
(the same code the command line uses), called by the view once per file.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from decision_aid.cases.models import Attachment
from decision_aid.documents.attachments import MB, Limits

ACCEPT = (
    "application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png,image/heic,image/heif,.heic,.heif"
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One or more files in one field (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        # An empty file is refused by attachments.normalize_upload, with the file's name.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(d, initial) for d in data if d]
            if not files:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return files
        return [single(data, initial)]


class AttachmentForm(forms.Form):
    file = MultipleFileField(
        label=_("The advice as PDF files or photos"),
        error_messages={"required": _("Choose a file first.")},
    )
    role = forms.ChoiceField(
        label=_("What is it?"),
        choices=Attachment.Role.choices,
        initial=Attachment.Role.FIRST_OPINION,
        required=False,
        widget=forms.RadioSelect,
        # not "for a wage claim": most people have no wage claim (phone review)
        help_text=_(
            "Most people add only the advice of the company doctor. Do you already have an "
            "expert opinion (deskundigenoordeel) from UWV? Add it too, and choose that here."
        ),
    )

    def clean_role(self) -> str:
        return self.cleaned_data.get("role") or Attachment.Role.FIRST_OPINION

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits = Limits.from_settings()
        self.fields["file"].help_text = _(
            "PDF, or photos of the letter (JPEG, PNG or HEIC from an iPhone). You can choose "
            "several files: at most %(files)d, %(mb)d MB each and %(total)d MB together."
        ) % {
            "files": limits.max_files,
            "mb": limits.max_bytes // MB,
            "total": limits.max_total_bytes // MB,
        }


class TypedTextForm(forms.Form):
    text = forms.CharField(
        label=_("Or type the text of the advice"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Type the text of the advice first.")},
        strip=True,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits = Limits.from_settings()
        self.fields["text"].max_length = limits.max_text_chars
        self.fields["text"].help_text = _(
            "No file at hand? Type what the company doctor wrote. We add it as an enclosure, "
            "marked as typed by you."
        )
        self.fields["text"].error_messages["max_length"] = _(
            "Use at most %(limit_value)d characters (you used %(show_value)d)."
        )
        self.fields["text"].validators.append(
            forms.fields.validators.MaxLengthValidator(limits.max_text_chars)
        )


class OwnWordsForm(forms.Form):
    """The own words of one letter (the hint of what belongs in it is shown beside it)."""

    text = forms.CharField(
        label=_("Your own words for this letter"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=3000,
        strip=True,
        error_messages={
            "max_length": _("Use at most %(limit_value)d characters (you used %(show_value)d).")
        },
    )
