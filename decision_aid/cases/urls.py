from django.urls import path
from django.utils.translation import gettext_lazy as _

from decision_aid.cases import views

app_name = "cases"
urlpatterns = [
    path(_("resume/"), views.ResumeView.as_view(), name="resume"),
    path("<uuid:case_id>/verwijderen/", views.DeleteView.as_view(), name="delete"),
    path("<uuid:case_id>/antwoorden.json", views.CaseFileDownloadView.as_view(), name="case_file"),
    path(
        "<uuid:case_id>/hervatcode.txt", views.ResumeCodeDownloadView.as_view(), name="resume_code"
    ),
    path(
        "<uuid:case_id>/bijlage/<int:attachment_id>/",
        views.AttachmentDownloadView.as_view(),
        name="attachment",
    ),
]
