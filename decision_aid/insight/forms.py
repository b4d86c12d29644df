from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from decision_aid.insight.counters import ROLES
from decision_aid.insight.models import Feedback

TEXT_MAX = 500


class FeedbackForm(forms.Form):
    """One tap (the answer is the button pressed), optionally with a short text."""

    place = forms.ChoiceField(choices=Feedback.Place.choices, widget=forms.HiddenInput)
    role = forms.ChoiceField(
        choices=[("", "")] + [(r, r) for r in ROLES], required=False, widget=forms.HiddenInput
    )
    answer = forms.ChoiceField(
        choices=Feedback.Answer.choices,
        error_messages={"required": _("Choose yes, a bit or no.")},
    )
    text = forms.CharField(
        label=_("Anything you want to add?"),
        help_text=_(
            "Do not write names or anything about your health. We keep this text without any "
            "link to your answers, and delete it after 30 days."
        ),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": TEXT_MAX}),
        error_messages={
            "max_length": _(
                "Please keep it shorter: at most %(limit_value)d characters (now %(show_value)d)."
            )
        },
    )
