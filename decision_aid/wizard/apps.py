from django.apps import AppConfig


class WizardConfig(AppConfig):
    name = "decision_aid.wizard"
    label = "wizard"
