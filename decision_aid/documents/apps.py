from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "decision_aid.documents"
    label = "documents"
