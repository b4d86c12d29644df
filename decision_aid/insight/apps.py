from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "decision_aid.insight"
    label = "insight"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The apps below count and purge through decision_aid.counting and cases.signals, which
        # do not import this app: it plugs itself in here.
        from decision_aid import counting
        from decision_aid.cases.signals import retention_due
        from decision_aid.insight import counters, services

        counting.register_writer(lambda counts: counters.write(counts, language=""))
        retention_due.connect(services.feedback_purge_receiver, dispatch_uid="insight-feedback")
