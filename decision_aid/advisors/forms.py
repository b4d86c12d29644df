"""The advisor's one-page intake: every question of the wizard, keyboard-friendly defaults."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from decision_aid.wizard import choices as c
from decision_aid.wizard.forms import ADDRESS_MAX, OWN_VIEW_MAX, TEXT_MAX, DutchDateField

WEEKS_AGO = re.compile(r"^\s*(\d{1,3})\s*w(eken|eeks|k)?\s*$", re.IGNORECASE)


class WeeksOrDateField(DutchDateField):
    """A date as dd-mm-jjjj, or "30w": 30 weeks ago (fast on the phone with a member)."""

    def to_python(self, value: object) -> date | None:
        if isinstance(value, str) and (match := WEEKS_AGO.match(value)):
            return timezone.localdate() - timedelta(weeks=int(match[1]))
        return super().to_python(value)


class UnknownIfSkippedChoiceField(forms.ChoiceField):
    """A question the advisor may skip: nothing chosen means "I don't know", never a fact
    (a skipped "loon betaald" must not go into a letter as a fact)."""

    def to_python(self, value: object) -> str:
        return super().to_python(value) or c.UNKNOWN


def _radio(label: str, options: list[tuple[str, str]], initial: str | None = None) -> forms.Field:
    """No answer is pre-selected: the intake starts with the facts unanswered. A question that
    has "I don't know" may be skipped (it then means that); one without it must be answered."""
    if any(value == c.UNKNOWN for value, _label in options):
        return UnknownIfSkippedChoiceField(
            label=label, choices=options, widget=forms.RadioSelect, required=False
        )
    return forms.ChoiceField(
        label=label,
        choices=options,
        widget=forms.RadioSelect,
        initial=initial,
        error_messages={"required": _("Choose one of the answers.")},
    )


class IntakeForm(forms.Form):
    member_name = forms.CharField(
        label=_("Name of the member"),
        max_length=TEXT_MAX,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )
    reference = forms.CharField(label=_("Your reference"), max_length=50, required=False)
    sick_since = WeeksOrDateField(
        label=_("First day of sickness"),
        help_text=_("dd-mm-jjjj, or the number of weeks, for example 30w."),
    )
    disputes = forms.MultipleChoiceField(
        label=_("What is the disagreement about?"),
        choices=c.DISPUTE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one subject.")},
    )
    talked = _radio(_("Talked about it yet?"), c.YES_NO_UNKNOWN_CHOICES)
    wage = _radio(_("Wage"), c.WAGE_CHOICES)
    first_opinion = _radio(_("Written advice of the company doctor?"), c.FIRST_OPINION_CHOICES)
    first_opinion_date = DutchDateField(label=_("Date of that advice"), required=False)
    relationship = _radio(_("Working relationship"), c.RELATIONSHIP_CHOICES)
    mediation = _radio(_("Mediator involved?"), c.MEDIATION_CHOICES)
    expert_opinion = _radio(_("Expert opinion of UWV?"), c.EXPERT_OPINION_CHOICES)
    employer_passive = _radio(_("Employer does little or nothing?"), c.YES_NO_UNKNOWN_CHOICES)
    employment = _radio(_("Contract"), c.EMPLOYMENT_CHOICES)
    contract_end = DutchDateField(label=_("End date (temporary contract)"), required=False)
    still_sick = _radio(_("Sick now?"), c.STILL_SICK_CHOICES)
    # Optional: an intake posted without it (older page, another client) means "unknown".
    wage_sanction = _radio(
        _("Wage sanction (loonsanctie) after week 104?"), c.YES_NO_UNKNOWN_CHOICES
    )
    union_member = _radio(_("Member of the union?"), c.YES_NO_UNKNOWN_CHOICES)
    legal_insurance = _radio(_("Legal expenses insurance?"), c.YES_NO_UNKNOWN_CHOICES)
    cao_expert = _radio(_("Does the cao name its own expert?"), c.YES_NO_UNKNOWN_CHOICES)
    # what a money dispute turns on (BW 7:629a lid 2; ZW art. 29a; domain §10), after the
    # questions every intake answers, so the keyboard path stays as short; skipped = unknown
    unfitness_disputed = _radio(
        _("Does the employer dispute that the member is sick?"), c.YES_NO_UNKNOWN_CHOICES
    )
    pregnancy_related = _radio(
        _("Sickness caused by pregnancy or childbirth?"), c.YES_NO_UNKNOWN_CHOICES
    )
    erd = _radio(
        _("Employer pays the Ziektewet benefit itself (eigenrisicodrager)?"),
        c.YES_NO_UNKNOWN_CHOICES,
    )
    member_address = forms.CharField(
        label=_("Address of the member"),
        max_length=ADDRESS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    employer_name = forms.CharField(label=_("Employer"), max_length=TEXT_MAX, required=False)
    bedrijfsarts_name = forms.CharField(
        label=_("Company doctor or arbodienst"), max_length=TEXT_MAX, required=False
    )
    # Not a note: this text goes into the letter as the member's own words, above the member's
    # signature, so it is labelled as such and the member sees it when they share.
    own_view = forms.CharField(
        label=_("The member's own words, for the letter"),
        max_length=OWN_VIEW_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Goes into the letter as the member's own words, above the member's signature. "
            "Type only what the member says and agrees to. Your own notes go under Notes: "
            "they never go into a letter."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages.setdefault("required", _("This field is required."))

    def clean_sick_since(self) -> date:
        value = self.cleaned_data["sick_since"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future. Enter a date up to today."))
        return value

    def answers(self, *, contact_name: str) -> dict[str, Any]:
        """The wizard's answer names, so the same case-file builder serves both intakes."""
        d = dict(self.cleaned_data)
        d.update(
            role="advisor",
            requester_name=d.pop("member_name"),
            requester_address=d.pop("member_address", ""),
            contact_name=contact_name,
        )
        d.pop("reference", None)
        return d


def initial_from_case_file(case_file: dict[str, Any]) -> dict[str, Any]:
    """Form initial values for reopening a case."""
    from decision_aid.casefile.answers import case_file_to_answers

    flat: dict[str, Any] = {}
    for answers in case_file_to_answers(case_file).values():
        flat.update(answers)
    flat["member_name"] = flat.pop("requester_name", "")
    flat["member_address"] = flat.pop("requester_address", "")
    return {k: v for k, v in flat.items() if v not in ("", None)}


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("New note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ShareCodeForm(forms.Form):
    code = forms.CharField(
        label=_("The member's share code"),
        help_text=_("6 letters and digits, as the member reads them out."),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "autofocus": True}
        ),
    )


class CaseFileImportForm(forms.Form):
    case_file = forms.FileField(label=_("Case file (.json)"))
    reference = forms.CharField(label=_("Your reference"), max_length=50, required=False)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
