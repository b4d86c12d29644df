from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "decision_aid.cases"
    label = "cases"
