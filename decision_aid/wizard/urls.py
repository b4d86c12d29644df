from django.urls import path

from decision_aid.wizard.calendar import calendar_view
from decision_aid.wizard.summary import summary_view
from decision_aid.wizard.views import IntakeWizard

app_name = "wizard"
intake = IntakeWizard.as_view(url_name="wizard:step", done_step_name="klaar")
urlpatterns = [
    # A new case: the first page. The case is created when the first answer is stored.
    path("", intake, {"step": "role"}, name="start"),
    path("<uuid:case_id>/", intake, name="case"),
    path("<uuid:case_id>/samenvatting/", summary_view, name="summary"),
    path("<uuid:case_id>/agenda.ics", calendar_view, name="calendar"),
    path("<uuid:case_id>/<slug:step>/", intake, name="step"),
]
