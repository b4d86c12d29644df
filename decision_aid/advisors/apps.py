from django.apps import AppConfig


class AdvisorsConfig(AppConfig):
    name = "decision_aid.advisors"
    label = "advisors"

    def ready(self) -> None:
        from decision_aid.advisors.services import record_member_deletion
        from decision_aid.cases.services import member_deletes_case

        member_deletes_case.connect(record_member_deletion, dispatch_uid="member_deletion")
