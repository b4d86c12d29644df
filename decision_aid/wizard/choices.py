"""Answer options, as (value, label).

Values are the case file's values (docs/case-file.schema.json).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from decision_aid.casefile.answers import UNKNOWN  # one value for the form and the case file

ROLE_CHOICES = [
    ("employee", _("I am the employee: I am sick")),
    ("employer", _("I am the employer, or I work for the employer (HR, case manager)")),
    ("advisor", _("I am a union advisor, helping a member who is sick")),
]

EMPLOYMENT_CHOICES = [
    ("permanent", _("A permanent contract")),
    ("temporary", _("A temporary contract")),
    ("self_employed", _("No contract: self-employed (zzp)")),
    ("none", _("No employer (for example unemployed)")),
]

YES_NO_CHOICES = [
    ("yes", pgettext_lazy("answer", "Yes")),
    ("no", pgettext_lazy("answer", "No")),
]

YES_NO_UNKNOWN_CHOICES = [*YES_NO_CHOICES, (UNKNOWN, _("I don't know"))]

# Case file: "yes" -> still_sick true; "declared_fit" -> still_sick false + declared_fit true;
# "no" -> still_sick false + declared_fit false (really back at work, nobody disputes it).
STILL_SICK_CHOICES = [
    ("yes", _("Yes, the employee is sick")),
    (
        "declared_fit",
        _(
            "The company doctor or the employer says the employee is fit again (hersteld "
            "gemeld), but the employee does not agree"
        ),
    ),
    ("no", _("No, the employee is back at work and nobody disputes that")),
]

DISPUTE_CHOICES = [
    ("fitness_own_work", _("Whether the employee can do their own work")),
    ("suitable_work", _("Whether the work that was offered is suitable")),
    ("suitable_work_available", _("Whether there is suitable work in the company")),
    ("employer_efforts", _("Whether the employer does enough for re-integration")),
    ("employee_efforts", _("Whether the employee does enough for re-integration")),
    ("wage_stopped", _("The wage was stopped or held back")),
    ("medical_advice_doubt", _("Doubt about the medical advice of the company doctor")),
    ("relationship", _("The working relationship: talking has become difficult")),
    (
        "doctor_conduct",
        _("How the company doctor behaved (for example no examination, rude, privacy breach)"),
    ),
    ("pmo_doubt", _("Doubt about the result of a periodic medical examination (PMO)")),
]

FIRST_OPINION_CHOICES = [
    ("bedrijfsarts", _("Yes, from the company doctor (bedrijfsarts)")),
    ("other", _("Yes, from another doctor or expert")),
    ("pmo", _("Yes, the result of a periodic medical examination (PMO)")),
    ("no", _("No, there is no written advice")),
    (UNKNOWN, _("I don't know")),
]

RELATIONSHIP_CHOICES = [
    ("good", _("Good: we can still talk normally")),
    ("strained", _("Strained: talking is difficult")),
    ("broken", _("Broken: we can no longer talk")),
    (UNKNOWN, _("I don't know")),
]

MEDIATION_CHOICES = [
    ("not_tried", _("No, not yet")),
    ("ongoing", _("Yes, it is going on now")),
    ("failed", _("Yes, but it did not solve the problem")),
    ("refused", _("No: the other side refused it")),
    (UNKNOWN, _("I don't know")),
]

EXPERT_OPINION_CHOICES = [
    ("none", _("No")),
    ("requested", _("It has been requested, we are waiting")),
    ("for_requester", _("Yes, and UWV agreed with me")),
    ("against_requester", _("Yes, but UWV did not agree with me")),
    (UNKNOWN, _("I don't know")),
]

WAGE_CHOICES = [
    ("paid", _("Yes, the wage is paid")),
    ("cut", _("Partly: less than the contract or the cao says")),
    ("refused", _("No, the employer refuses for another reason (for example: UWV pays)")),
    ("withheld", _("It is held back until the employee does something (suspended)")),
    ("stopped", _("No, the employer stopped paying (wage stop)")),
    ("ended", _("No, the employer no longer has to pay (for example the contract ended)")),
    (UNKNOWN, _("I don't know")),
]
