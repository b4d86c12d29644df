from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "decision_aid.pages"
    label = "pages"
