"""Words that fit the person: after "Ik ben de werknemer" the questions say
"u" and "uw werkgever"; an employer reads "uw werknemer" and employer examples. The forms keep
the neutral wording (used by advisors and before the role is known); this overrides a page's
title, its fields' labels and hints, and answer labels, by role.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

# role -> step -> {"title", "help", "choices": {value: label}}
WORDING: dict[str, dict[str, dict[str, Any]]] = {
    "employee": {
        "employment": {"title": _("What kind of work contract do you have?")},
        "contract_end": {"title": _("When does your temporary contract end?")},
        "still_sick": {
            "title": _("Are you sick now?"),
            "help": _(
                "Sick means: you reported sick to your employer and are not (fully) back at "
                "work. Were you declared fit, but you do not agree? Choose the second answer: "
                "this aid can help with that."
            ),
            "choices": {
                "yes": _("Yes, I am sick"),
                "declared_fit": _(
                    "The company doctor or my employer says I am fit again (hersteld gemeld), "
                    "but I do not agree"
                ),
                "no": _("No, I am back at work and nobody disputes that"),
            },
        },
        "sick_since": {"title": _("Since when have you been sick?")},
        "wage_sanction": {"title": _("Has UWV given your employer a wage sanction (loonsanctie)?")},
        "disputes": {
            "choices": {
                "fitness_own_work": _("Whether I can do my own work"),
                "employer_efforts": _("Whether my employer does enough for my return to work"),
                "employee_efforts": _("Whether I do enough for my return to work"),
            },
        },
        "talked": {
            "help": _("A real conversation with your employer or the company doctor about this."),
            "required": _("Choose whether you have already talked with your employer."),
        },
        "relationship": {"help": _("How you and your employer get on now.")},
        "wage": {
            "title": _("Is your wage still being paid?"),
            "help": _(
                "During sickness your employer usually pays at least 70 percent of your wage."
            ),
            "choices": {
                "cut": _("Partly: less than my contract or the cao says"),
                "refused": _("No, my employer refuses for another reason (for example: UWV pays)"),
                "withheld": _("It is held back until I do something (suspended)"),
                "stopped": _("No, my employer stopped paying (wage stop)"),
                "ended": _("No, my employer no longer has to pay (for example the contract ended)"),
            },
        },
        "money": {
            "help": _(
                "For example: your employer says you can work. If nobody disputes that you are "
                "sick, you can claim your pay without an expert opinion (deskundigenoordeel) "
                "from UWV."
            ),
            "fields": {
                "unfitness_disputed": _("Does your employer dispute that you are sick?"),
                "pregnancy_related": _("Is your sickness caused by pregnancy or childbirth?"),
            },
            "field_help": {
                "pregnancy_related": _(
                    "Only answer if it matters for your pay: then your employer keeps paying "
                    "you and can get a benefit from UWV for it. We ask nothing else about your "
                    "health."
                ),
            },
        },
        "sanction_decided_on": {"title": _("When did UWV decide on the wage sanction?")},
        "employer_passive": {
            "title": _("Does your employer do little or nothing to help you back to work?"),
            "required": _("Choose whether your employer does little or nothing."),
        },
        "legal_help": {
            "fields": {"union_member": _("Are you a member of a union (vakbond)?")},
        },
    },
    "employer": {
        "employment": {"title": _("What kind of work contract does your employee have?")},
        "contract_end": {"title": _("When does your employee's temporary contract end?")},
        "still_sick": {
            "title": _("Is your employee sick now?"),
            "help": _(
                "Sick means: reported sick to you and not (fully) back at work. Did the company "
                "doctor declare your employee fit, and your employee does not agree? Choose the "
                "second answer."
            ),
            "choices": {
                "yes": _("Yes, my employee is sick"),
                "declared_fit": _(
                    "The company doctor or we say the employee is fit again (hersteld gemeld), "
                    "but the employee does not agree"
                ),
                "no": _("No, my employee is back at work and nobody disputes that"),
            },
        },
        "sick_since": {"title": _("Since when has your employee been sick?")},
        "wage_sanction": {"title": _("Has UWV given you a wage sanction (loonsanctie)?")},
        "money": {
            "help": _(
                "For example: you think your employee can work. If you do not dispute the "
                "sickness, your employee can claim the pay without an expert opinion "
                "(deskundigenoordeel) from UWV."
            ),
            "fields": {
                "unfitness_disputed": _("Do you dispute that your employee is sick?"),
                "pregnancy_related": _(
                    "Is your employee's sickness caused by pregnancy or childbirth?"
                ),
            },
            "field_help": {
                "pregnancy_related": _(
                    "Only answer if it matters for the pay: then you keep paying your employee "
                    "and can get a benefit from UWV for it. We ask nothing else about your "
                    "employee's health."
                ),
            },
        },
        "disputes": {
            "help": _(
                "Choose everything that applies. For example: your employee turns down work "
                "you offer, or you doubt the company doctor's advice."
            ),
            "choices": {
                "fitness_own_work": _("Whether my employee can do their own work"),
                "employer_efforts": _("Whether we do enough for the return to work"),
                "employee_efforts": _("Whether my employee does enough for the return to work"),
            },
        },
        "talked": {
            "help": _(
                "A real conversation with your employee or the company doctor about this, for "
                "example when you discussed the plan of action (plan van aanpak)."
            ),
        },
        "relationship": {"help": _("How you and your employee get on now.")},
        "cao_expert": {
            "help": _(
                "Some collective labour agreements (cao) name another expert instead of UWV for "
                "an expert opinion. The cao itself says so, or your employers' organisation can "
                "tell you."
            ),
        },
        "wage": {
            "title": _("Do you still pay the wage?"),
            "help": _("During sickness you usually pay at least 70 percent of the wage."),
            "choices": {
                "paid": _("Yes, we pay the wage"),
                "cut": _("Partly: less than the contract or the cao says"),
                "refused": _("No, for another reason (for example: UWV pays)"),
                "withheld": _("We hold it back until the employee does something (suspended)"),
                "stopped": _("No, we stopped paying (wage stop)"),
                "ended": _("No, we no longer have to pay (for example the contract ended)"),
            },
        },
    },
}


# What to do when a question is not answered: names the question, for every role (not "Kies een
# van de antwoorden" on every page).
REQUIRED: dict[str, Any] = {
    "role": _("Choose who you are: employee, employer or union advisor."),
    "employment": _("Choose the kind of work contract."),
    "still_sick": _("Choose whether the employee is sick now."),
    "wage_sanction": _("Choose whether UWV has given a wage sanction."),
    "first_opinion": _("Choose whether there is a written advice from the company doctor."),
    "talked": _("Choose whether you have already talked about the disagreement."),
    "relationship": _("Choose how the working relationship is now."),
    "mediation": _("Choose whether a mediator has been involved."),
    "expert_opinion": _("Choose whether UWV has already given an expert opinion."),
    "wage": _("Choose whether the wage is still being paid."),
    "employer_passive": _("Choose whether the employer does little or nothing."),
    "cao_expert": _("Choose whether the collective agreement names its own expert."),
    "union_member": _("Choose whether the employee is a member of a union."),
    "legal_insurance": _("Choose whether you have legal expenses insurance."),
    "unfitness_disputed": _("Choose whether the employer disputes that the employee is sick."),
}


def apply_wording(form: Any, step: str, role: str | None) -> None:
    """Put the role's words on a wizard form (title, the page's field label and hint, answers)
    and a required-message that names the question."""
    for name, field in form.fields.items():
        if name in REQUIRED:
            field.error_messages = {**field.error_messages, "required": REQUIRED[name]}
    words = WORDING.get(role or "", {}).get(step)
    if not words:
        return
    for name, label in words.get("fields", {}).items():
        if name in form.fields:
            form.fields[name].label = label
    # the hint of a page's other fields ("help" is the first field's)
    for name, text in words.get("field_help", {}).items():
        if name in form.fields:
            form.fields[name].help_text = text
    field = form.fields.get(step) if len(form.fields) == 1 else None
    if field is None and form.fields:
        field = next(iter(form.fields.values()))
    if "title" in words:
        form.title = words["title"]
        if field is not None and len(form.fields) == 1 and field.label == type(form).title:
            field.label = words["title"]
    if "help" in words and field is not None:
        field.help_text = words["help"]
    if "choices" in words and field is not None and hasattr(field, "choices"):
        field.choices = [(v, words["choices"].get(v, label)) for v, label in field.choices]
    if "required" in words and field is not None:
        field.error_messages = {**field.error_messages, "required": words["required"]}
