from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "decision_aid.insight"
    label = "insight"
    default_auto_field = "django.db.models.BigAutoField"
