"""The wizard's forms: one question per page. Forms validate fields; they hold no routing rules.

Every choice question that a person may not know the answer to offers "I don't know"
(value ``unknown``); the engine treats it as a valid answer and says what to find out.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from decision_aid.letters import registry as letters
from decision_aid.wizard import choices as c
from decision_aid.wizard.dates import DATE_MAX_CHARS, impossible_day, parse_date, too_long

DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %m %Y"]
TEXT_MAX = 200
ADDRESS_MAX = 300
OWN_VIEW_MAX = 3000


class DateInput(forms.TextInput):
    """A plain text date (dd-mm-jjjj): fast to type, works with every screen reader."""

    def __init__(self) -> None:
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false", "size": "10"})

    def format_value(self, value: object) -> str | None:
        if isinstance(value, date):
            return value.strftime("%d-%m-%Y")
        return super().format_value(value)


class DutchDateField(forms.DateField):
    """A date as people write it: "4 mei 2026", "4-5-2026", "mei 2026", "30 weken geleden"
    (wizard/dates.py)."""

    widget = DateInput
    default_error_messages = {
        "invalid": _(
            "We could not read this date. Write it for example as 4 mei 2026, 4-5-2026 or mei 2026."
        ),
        "impossible": _(
            "This date does not exist. Check the day and the month (day-month-year, for "
            "example 28-2-2026)."
        ),
        "too_long": _(
            "Write the date in at most %(n)d characters, for example 4 mei 2026 or 30 weken "
            "geleden."
        ),
    }

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def to_python(self, value: object) -> date | None:
        if isinstance(value, date) or value in self.empty_values:
            return super().to_python(value)
        if too_long(str(value)):  # before any parsing (wizard/dates.py)
            raise forms.ValidationError(
                self.error_messages["too_long"], code="too_long", params={"n": DATE_MAX_CHARS}
            )
        parsed = parse_date(str(value), today=timezone.localdate())
        if parsed is None:
            if impossible_day(str(value)):
                raise forms.ValidationError(self.error_messages["impossible"], code="impossible")
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed.value


def _not_in_future(value: date | None) -> None:
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("This date is in the future. Enter a date up to today."))


class WizardForm(forms.Form):
    """Base: every wizard page knows its own title (the question, shown as <h1>). With the
    person's role, the words fit them (wizard/wording.py)."""

    title: str = ""
    intro: str = ""
    template_name_suffix = "question"

    def __init__(self, *args: object, role: str | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.role = role
        if self.prefix:
            from decision_aid.wizard.wording import apply_wording

            apply_wording(self, self.prefix, role)


def choice_form(
    name: str,
    *,
    title: str,
    options: list[tuple[str, str]],
    help_text: str = "",
    intro: str = "",
) -> type[WizardForm]:
    """A one-question page with radio buttons (rendered as fieldset/legend)."""
    field = forms.ChoiceField(
        label=title, choices=options, widget=forms.RadioSelect, help_text=help_text
    )
    field.error_messages["required"] = _("Choose one of the answers.")
    return type(
        f"{name.title().replace('_', '')}Form",
        (WizardForm,),
        {name: field, "title": title, "intro": intro, "__module__": __name__},
    )


RoleForm = choice_form(
    "role",
    title=_("Who are you?"),
    options=c.ROLE_CHOICES,
    help_text=_("We use this to give advice that fits your side of the dispute."),
)

EmploymentForm = choice_form(
    "employment",
    title=_("What kind of work contract is it?"),
    options=c.EMPLOYMENT_CHOICES,
    help_text=_(
        "This aid is about an employee who is sick and has an employer. "
        "The employer then has to pay wages and help with getting back to work."
    ),
)


class ContractEndForm(WizardForm):
    title = _("When does the temporary contract end?")
    contract_end = DutchDateField(
        label=_("End date of the contract"),
        required=False,
        help_text=_("For example 31 December 2026 or 31-12-2026. Leave empty if you do not know."),
    )
    # Who pays the Ziektewet benefit after the contract ends: UWV, or the employer itself as
    # eigenrisicodrager; then UWV still decides about fitness (domain §10).
    erd = forms.ChoiceField(
        label=_("Does the employer pay the sickness benefit (Ziektewet) itself?"),
        choices=c.YES_NO_UNKNOWN_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Some employers carry the Ziektewet risk themselves (eigenrisicodrager). Then they, "
            "not UWV, pay the benefit after the contract ends. Leave empty if you do not know."
        ),
    )


StillSickForm = choice_form(
    "still_sick",
    title=_("Is the employee sick now?"),
    options=c.STILL_SICK_CHOICES,
    help_text=_(
        "Sick means: reported sick to the employer and not (fully) back at work. If the "
        "employee was declared fit against their own view, choose the second answer: this aid "
        "can help with that."
    ),
)


class SickSinceForm(WizardForm):
    title = _("Since when has the employee been sick?")
    sick_since = DutchDateField(
        label=_("First day of sickness"),
        help_text=_(
            "The first day of the sick report, for example 4 May 2026 or 4-5-2026. Only know "
            "the month or the weeks? Write May 2026 or 30 weeks ago. We use it to show where "
            "you are in the two years of re-integration."
        ),
        validators=[_not_in_future],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["sick_since"].error_messages["required"] = _("Enter the first day of sickness.")


class DisputesForm(WizardForm):
    title = _("What is the disagreement about?")
    disputes = forms.MultipleChoiceField(
        label=_("What is the disagreement about?"),
        choices=c.DISPUTE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose everything that applies."),
        error_messages={"required": _("Choose at least one subject.")},
    )


FirstOpinionForm = choice_form(
    "first_opinion",
    title=_("Is there a written advice from the company doctor?"),
    options=c.FIRST_OPINION_CHOICES,
    help_text=_(
        "The company doctor (bedrijfsarts) advises employee and employer about sickness "
        "and work. Their advice is called the first opinion. We attach it to your letter."
    ),
)


WageSanctionForm = choice_form(
    "wage_sanction",
    title=_("Has UWV given the employer a wage sanction (loonsanctie)?"),
    options=c.YES_NO_UNKNOWN_CHOICES,
    help_text=_(
        "After two years of sickness, UWV can make the employer pay wages for up to 52 weeks "
        "longer if it did too little for the return to work. A letter from UWV says so."
    ),
)


class FirstOpinionDateForm(WizardForm):
    title = _("What is the date of that advice?")
    first_opinion_date = DutchDateField(
        label=_("Date of the advice"),
        required=False,
        help_text=_(
            "The date on the letter or report, for example 1 September 2026 or 1-9-2026. "
            "Empty if unknown."
        ),
        validators=[_not_in_future],
    )


TalkedForm = choice_form(
    "talked",
    title=_("Have you talked about the disagreement yet?"),
    options=c.YES_NO_UNKNOWN_CHOICES,
    help_text=_("A real conversation with the employer or the company doctor about this problem."),
)

RelationshipForm = choice_form(
    "relationship",
    title=_("How is the working relationship now?"),
    options=c.RELATIONSHIP_CHOICES,
    help_text=_("The relationship between employee and employer."),
)

MediationForm = choice_form(
    "mediation",
    title=_("Has a mediator been involved?"),
    options=c.MEDIATION_CHOICES,
    help_text=_(
        "A mediator (bemiddelaar) is an independent person who helps both sides "
        "talk and find a solution together."
    ),
)

ExpertOpinionForm = choice_form(
    "expert_opinion",
    title=_("Has UWV already given an expert opinion?"),
    options=c.EXPERT_OPINION_CHOICES,
    help_text=_(
        "An expert opinion (deskundigenoordeel) is an independent judgement by UWV on one "
        "question in the dispute. It is not binding, but judges take it seriously."
    ),
)

WageForm = choice_form(
    "wage",
    title=_("Is the wage still being paid?"),
    options=c.WAGE_CHOICES,
    help_text=_("During sickness the employer usually pays at least 70 percent of the wage."),
)


class MoneyForm(WizardForm):
    """What the money dispute turns on: whether the sickness itself is disputed (BW 7:629a
    lid 2) and whether it comes from a pregnancy (ZW art. 29a)."""

    title = _("About the pay")
    unfitness_disputed = forms.ChoiceField(
        label=_("Does the employer dispute that the employee is sick?"),
        choices=c.YES_NO_UNKNOWN_CHOICES,
        widget=forms.RadioSelect,
        help_text=_(
            "For example: the employer says the employee can work. If nobody disputes the "
            "sickness, a claim for the pay needs no expert opinion."
        ),
    )
    pregnancy_related = forms.ChoiceField(
        label=_("Is the sickness caused by pregnancy or childbirth?"),
        choices=c.YES_NO_UNKNOWN_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Only answer if it matters for the pay: then the employer keeps paying and can get "
            "a benefit from UWV for it. We ask nothing else about health."
        ),
    )


class SanctionDateForm(WizardForm):
    title = _("When did UWV decide on the wage sanction?")
    sanction_decided_on = DutchDateField(
        label=_("Date of UWV's decision"),
        required=False,
        help_text=_(
            "The date on UWV's letter about the wage sanction (loonsanctie). An objection "
            "(bezwaar) must reach UWV within 6 weeks of it. Leave empty if you do not know."
        ),
        validators=[_not_in_future],
    )


EmployerPassiveForm = choice_form(
    "employer_passive",
    title=_("Does the employer do little or nothing to help you back to work?"),
    options=c.YES_NO_UNKNOWN_CHOICES,
    help_text=_(
        "For example: no plan of action (plan van aanpak), no talks, no search for suitable work."
    ),
)


class LegalHelpForm(WizardForm):
    title = _("Where can you get legal help?")
    union_member = forms.ChoiceField(
        label=_("Is the employee a member of a union (vakbond)?"),
        choices=c.YES_NO_UNKNOWN_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the answers.")},
    )
    legal_insurance = forms.ChoiceField(
        label=_("Do you have legal expenses insurance (rechtsbijstandsverzekering)?"),
        choices=c.YES_NO_UNKNOWN_CHOICES,
        widget=forms.RadioSelect,
        help_text=_("Insurance that pays for legal advice and help."),
        error_messages={"required": _("Choose one of the answers.")},
    )


CaoExpertForm = choice_form(
    "cao_expert",
    title=_("Does the collective agreement name its own expert?"),
    options=c.YES_NO_UNKNOWN_CHOICES,
    help_text=_(
        "Some collective labour agreements (cao) name another expert instead of UWV for "
        "an expert opinion. Your employer or union can tell you."
    ),
)


class ReviewForm(WizardForm):
    """Check your answers: no fields, every answer can be changed from this page."""

    title = _("Check your answers")


class AdviceForm(WizardForm):
    title = _("Our advice")


class DetailsForm(WizardForm):
    """Only what the letter needs; labels and fields depend on who is writing."""

    title = _("Details for your letter")
    intro = _("Leave empty what you do not know: it is left out of the letter.")
    # folded under the intro: few readers need the reason, and on a phone it was five lines
    bsn_note = _(
        "We never ask your citizen service number (BSN): the law allows it only where a law "
        "provides for it. The letter to UWV has one line for it; UWV's own form takes it when "
        "you log in with DigiD."
    )
    requester_name = forms.CharField(label=_("Your name"), max_length=TEXT_MAX)
    requester_address = forms.CharField(
        label=_("Your address"),
        max_length=ADDRESS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Street and number, postcode and town."),
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=TEXT_MAX)
    employee_name = forms.CharField(label=_("Name of the employee"), max_length=TEXT_MAX)
    employer_name = forms.CharField(label=_("Name of the employer"), max_length=TEXT_MAX)
    bedrijfsarts_name = forms.CharField(
        label=pgettext_lazy("form label", "Company doctor or occupational health service"),
        max_length=TEXT_MAX,
        required=False,
        help_text=_("Name of the company doctor (bedrijfsarts) or the arbodienst."),
    )
    own_view = forms.CharField(
        label=_("The problem in your own words"),
        max_length=OWN_VIEW_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Short and factual. For example: The company doctor says I can do my own work "
            "for 4 hours a day. I think I can not, because my back pain gets worse after 2 hours. "
            "We use this only in letters to UWV, a doctor or a legal helper, never in a letter "
            "to the employer; you can write other words for each letter later."
        ),
    )

    # Who the employer is, as UWV's form and a letter's address block need it (optional:
    # left out of the letter, never an empty box, when not known).
    employer_address = forms.CharField(
        label=_("Address of the employer"),
        max_length=ADDRESS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Street and number, postcode and town. It is on your payslip."),
    )
    employer_contact = forms.CharField(
        label=_("Contact person at the employer"),
        max_length=TEXT_MAX,
        required=False,
        help_text=_("For example your manager or someone in HR."),
    )
    employer_phone = forms.CharField(
        label=_("Phone number of the employer"), max_length=40, required=False
    )
    employer_email = forms.EmailField(
        label=_("E-mail address of the employer or contact person"),
        max_length=TEXT_MAX,
        required=False,
        error_messages={"invalid": _("Enter an e-mail address like name@example.nl.")},
    )
    payroll_tax_number = forms.CharField(
        label=_("Payroll tax number of the employer (loonheffingennummer)"),
        max_length=20,
        required=False,
        help_text=_(
            "UWV's form asks for it. It is on a payslip: 9 digits, the letter L and 2 digits, "
            "for example 123456789L01. Do not know it? Leave it empty."
        ),
    )
    bedrijfsarts_address = forms.CharField(
        label=_("Address, phone or e-mail of the company doctor"),
        max_length=ADDRESS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("It is on the doctor's letters or e-mails. Do not know it? Leave it empty."),
    )
    gross_wage = forms.CharField(
        label=_("Gross wage per month"),
        max_length=20,
        required=False,
        help_text=_("For a wage claim. It is on your payslip, for example 2,650."),
    )
    letter_language = forms.ChoiceField(
        label=_("Language of the letters"),
        choices=(("nl", _("Dutch (recommended)")), ("en", _("English"))),
        required=False,
        initial="nl",
        widget=forms.RadioSelect,
        help_text=_(
            "UWV, the company doctor and Dutch employers read Dutch. The letters are in Dutch "
            "unless you choose English; the pages stay in your language."
        ),
    )

    # What the letters' recipients need (all optional). Never a BSN.
    requester_phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)
    requester_email = forms.EmailField(
        label=_("E-mail address"),
        max_length=TEXT_MAX,
        required=False,
        error_messages={"invalid": _("Enter an e-mail address like name@example.nl.")},
    )
    birth_date = DutchDateField(
        label=_("Date of birth of the employee"),
        required=False,
        help_text=_("UWV asks for it in a request for an expert opinion. Empty if you prefer."),
        validators=[_not_in_future],
    )
    job_title = forms.CharField(
        label=_("Job title (function)"), max_length=TEXT_MAX, required=False
    )
    contract_hours = forms.CharField(
        label=_("Contract hours per week"),
        max_length=20,
        required=False,
        help_text=_("For example 32."),
    )
    wage_stopped_on = DutchDateField(
        label=_("Date the wage was stopped or held back"),
        required=False,
        help_text=_("Only if the wage was stopped or held back."),
        validators=[_not_in_future],
    )
    dispute_from = DutchDateField(
        label=_("The date the disagreement is about"),
        required=False,
        help_text=_(
            "For example the date from which the company doctor says the employee can do the "
            "own work again."
        ),
    )
    doctor_advice = forms.CharField(
        label=_("What the company doctor's advice says, in one or two sentences"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "UWV asks the request to describe the advice. For example: Can do own work for 4 "
            "hours a day from 1 May. Only what it says about work, no diagnosis."
        ),
    )
    work_offered = forms.CharField(
        label=_("The work that was offered"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only if the disagreement is about offered work: tasks, hours, place."),
    )
    work_refused_on = DutchDateField(
        label=_("Date the offered work was refused"),
        required=False,
        validators=[_not_in_future],
    )

    @classmethod
    def letter_fields(cls, answers: dict[str, Any] | None) -> tuple[str, ...]:
        """The optional letter fields that can reach a letter, given the answers so far (all of
        them when the answers are not known): the sender's phone and e-mail for every letter,
        and what the letter kinds print (each kind says which, letters.registry). On a phone
        the page was 5,100 px of mostly empty fields that did not apply (phone review)."""
        if answers is None:
            return cls.LETTER_FIELDS
        needed = {"requester_phone", "requester_email", *letters.letter_fields(answers)}
        return tuple(name for name in cls.LETTER_FIELDS if name in needed)

    FIELDS_BY_ROLE = {
        "employee": ("requester_name", "requester_address", "employer_name"),
        "employer": ("requester_name", "requester_address", "contact_name", "employee_name"),
        "advisor": ("requester_name", "requester_address", "employer_name", "contact_name"),
    }
    LETTER_FIELDS = (
        "requester_phone",
        "requester_email",
        "payroll_tax_number",
        "birth_date",
        "job_title",
        "contract_hours",
        "wage_stopped_on",
        "dispute_from",
        "doctor_advice",
        "work_offered",
        "work_refused_on",
        "gross_wage",
    )
    #: The employer's own details, asked of an employee or an advisor (the employer fills in
    #: its own as the requester).
    EMPLOYER_FIELDS = ("employer_address", "employer_contact", "employer_phone", "employer_email")

    # The optional details, in groups that are each folded under one line on the page: on a
    # phone the page was 6,500 px of mostly empty boxes, the "Next" button ten screens down.
    # (group, title by role, fields); a field of no group stays open, so a new one is seen.
    FOLDS: tuple[tuple[str, dict[str | None, Any], tuple[str, ...]], ...] = (
        (
            "doctor",
            {None: _("The company doctor")},
            ("bedrijfsarts_name", "bedrijfsarts_address"),
        ),
        (
            "employer",
            {"employee": _("Your employer"), None: _("The employer")},
            (*EMPLOYER_FIELDS, "payroll_tax_number"),
        ),
        (
            "disagreement",
            {None: _("The disagreement")},
            ("doctor_advice", "dispute_from", "wage_stopped_on", "work_offered", "work_refused_on"),
        ),
        (
            # the employer's contact person, before the employee's work
            "reach",
            {"employer": _("Your contact person and organisation")},
            ("requester_phone", "requester_email", "payroll_tax_number"),
        ),
        (
            "work",
            {
                "employee": _("You and your work"),
                "employer": _("Your employee"),
                None: _("The member"),
            },
            (
                "requester_phone",
                "requester_email",
                "birth_date",
                "job_title",
                "contract_hours",
                "gross_wage",
            ),
        ),
        ("language", {None: _("Language of the letters")}, ("letter_language",)),
    )
    #: What a folded group holds, in a few words for its summary line.
    FOLD_WORDS = {
        "bedrijfsarts_name": _("name"),
        "bedrijfsarts_address": _("address, phone or e-mail"),
        "employer_address": _("address"),
        "employer_contact": _("contact person"),
        "employer_phone": _("phone"),
        "employer_email": _("e-mail"),
        "payroll_tax_number": _("payroll tax number"),
        "doctor_advice": _("the advice in short"),
        "dispute_from": _("dates"),
        "wage_stopped_on": _("dates"),
        "work_offered": _("the work offered"),
        "work_refused_on": _("dates"),
        "birth_date": _("date of birth"),
        "job_title": _("job"),
        "contract_hours": _("contract hours"),
        "gross_wage": _("gross wage"),
        "requester_phone": _("phone"),
        "requester_email": _("e-mail"),
    }

    def __init__(
        self,
        *args: object,
        role: str | None = None,
        answers: dict[str, Any] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.role = role
        keep = {
            *self.FIELDS_BY_ROLE.get(role or "employee", ()),
            *(self.EMPLOYER_FIELDS if role != "employer" else ()),
            "bedrijfsarts_name",
            "bedrijfsarts_address",
            "own_view",
            *self.letter_fields(answers),
            "letter_language",
        }
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if role == "employer":
            self.fields["requester_name"].label = _("Name of the employer (organisation)")
            self.fields["requester_address"].label = _("Address of the employer")
            self.fields["contact_name"].help_text = _("You are named as the contact person.")
        elif role == "advisor":
            # The member stays the requester; the advisor is the contact person.
            self.fields["requester_name"].label = _("Name of the member (the employee)")
            self.fields["requester_address"].label = _("Address of the member")
            self.fields["contact_name"].help_text = _(
                "You are named as the contact person; the member stays the requester."
            )
        if role == "employer":
            # the employer's own words go into every letter, also those to the employee
            self.fields["own_view"].help_text = _(
                "Short and factual, without medical details. For example: The company doctor "
                "says my employee can do their own work again from 1 May. My employee does not "
                "agree. We put this in your letters; you can write other words for each letter "
                "later."
            )
        elif "birth_date" in self.fields:
            if role in (None, "employee"):
                self.fields["birth_date"].label = _("Your date of birth")
        if role == "employer":
            self.fields["requester_phone"].label = _("Phone number of the contact person")
            self.fields["requester_email"].label = _("E-mail address of the contact person")
        for field in self.fields.values():
            field.error_messages["required"] = _("This field is required.")
            field.error_messages["max_length"] = _(
                "Use at most %(limit_value)d characters (you used %(show_value)d)."
            )

    def layout(self) -> dict[str, Any]:
        """The page: the fields always shown, then each folded group with its summary line.
        A group is open when one of its fields has a value (other than its default) or an
        error, so nothing typed is hidden and every error can be seen."""
        role = self.role if self.role in ("employee", "employer", "advisor") else "employee"
        placed: set[str] = set()
        folds = []
        for key, titles, names in self.FOLDS:
            # The employer's own details are the requester's: asked openly, or with its contact
            # person ("reach"); the others give the employer's, and their own phone with the work.
            if (key == "employer" and role == "employer") or (
                key == "reach" and role != "employer"
            ):
                continue
            present = [n for n in names if n in self.fields and n not in placed]
            if not present:
                continue
            placed.update(present)
            fields = [self[n] for n in present]
            if key == "language":
                choices = dict(self.fields["letter_language"].choices)
                words = str(choices.get(self["letter_language"].value() or "nl", ""))
            else:
                words = _join(list(dict.fromkeys(str(self.FOLD_WORDS[n]) for n in present)))
            folds.append(
                {
                    "key": key,
                    "title": titles[role] if role in titles else titles[None],
                    "words": words,
                    "fields": fields,
                    "open": any(_filled(f) or f.errors for f in fields),
                }
            )
        shown = [self[n] for n in self.fields if n not in placed]
        return {"shown": shown, "folds": folds}


def _filled(bound: forms.BoundField) -> bool:
    """The field holds something the person typed or chose (not its default)."""
    value = bound.value()
    if value in (None, "", [], ()):
        return False
    initial = bound.field.initial
    return initial is None or str(value) != str(initial)


def _join(words: list[str]) -> str:
    """ "a, b and c" in the page's language."""
    if len(words) < 2:
        return "".join(words)
    return gettext("%(items)s and %(last)s") % {"items": ", ".join(words[:-1]), "last": words[-1]}
