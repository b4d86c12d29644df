from django.urls import path, re_path

from decision_aid.wizard.views import IntakeWizard

app_name = "wizard"
intake = IntakeWizard.as_view(url_name="wizard:step", done_step_name="klaar")
urlpatterns = [
    re_path(r"^(?P<step>[a-z_]+)/$", intake, name="step"),
    path("", intake, name="start"),
]
