from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "decision_aid.documents"
    label = "documents"

    def ready(self) -> None:
        from django.core.signals import request_started

        from decision_aid.documents import sandbox

        # A web process starts its upload and render helper on its first request, in the
        # background: the first upload or letter then does not wait for it (sandbox.prestart).
        request_started.connect(sandbox.prestart, dispatch_uid="documents-sandbox-prestart")
