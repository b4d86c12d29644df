from django.apps import AppConfig


class AdvisorsConfig(AppConfig):
    name = "decision_aid.advisors"
    label = "advisors"
