from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ResumeForm(forms.Form):
    code = forms.CharField(
        label=_("Your resume code"),
        max_length=20,
        help_text=_("12 letters and numbers, for example K7QM-4RTX-9ZPB. Capitals do not matter."),
        error_messages={"required": _("Enter your resume code.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class CaseFileUploadForm(forms.Form):
    case_file = forms.FileField(
        label=_("The file with your answers"),
        # plain words for the person; the name's ending helps to find it among the downloads
        help_text=_("The file you downloaded from this aid earlier. Its name ends in .json."),
        error_messages={"required": _("Choose a file first.")},
        widget=forms.ClearableFileInput(attrs={"accept": "application/json,.json"}),
    )
