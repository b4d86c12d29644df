from django.apps import AppConfig


class WizardConfig(AppConfig):
    name = "decision_aid.wizard"
    label = "wizard"

    def ready(self) -> None:
        from decision_aid.casefile.state import register_state_reader
        from decision_aid.wizard.review import wizard_state_to_case_file

        register_state_reader(wizard_state_to_case_file)
