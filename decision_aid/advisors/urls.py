from django.urls import path

from decision_aid.advisors.views import caseload, intake, live_call, signin

# The lead's counts page joins these under the same namespace (decision_aid/urls.py).
app_name = "advisors"
urlpatterns = [
    path("", caseload.CaseListView.as_view(), name="cases"),
    path("inloggen/", signin.LoginView.as_view(), name="login"),
    path("uitloggen/", signin.LogoutView.as_view(), name="logout"),
    path("tweestaps/", signin.TwoFactorView.as_view(), name="two_factor"),
    path(
        "tweestaps/instellen/<str:token>/",
        signin.TwoFactorSetupView.as_view(),
        name="two_factor_setup",
    ),
    path("nieuw/", intake.IntakeView.as_view(), name="intake"),
    path("advies/", intake.AdvicePreviewView.as_view(), name="advice_preview"),
    path("importeren/", caseload.ImportView.as_view(), name="import"),
    path("audit/", caseload.AuditView.as_view(), name="audit"),
    path("samen/", live_call.ShareOpenView.as_view(), name="share_open"),
    path("zaken/<uuid:case_id>/samen/", live_call.LiveView.as_view(), name="live"),
    path(
        "zaken/<uuid:case_id>/samen/versie/",
        live_call.LiveVersionView.as_view(),
        name="live_version",
    ),
    path("zaken/<uuid:case_id>/", caseload.CaseDetailView.as_view(), name="case"),
    path("zaken/<uuid:case_id>/wijzigen/", intake.IntakeView.as_view(), name="change"),
    path("zaken/<uuid:case_id>/pdf/", caseload.LetterView.as_view(), name="pdf"),
    path(
        "zaken/<uuid:case_id>/brief/<slug:doc>/pdf/",
        caseload.LetterView.as_view(),
        name="letter_pdf",
    ),
    path(
        "zaken/<uuid:case_id>/brief/<slug:doc>/word/",
        caseload.LetterDocxView.as_view(),
        name="letter_docx",
    ),
    path(
        "zaken/<uuid:case_id>/bijlagen/",
        caseload.AttachmentsRedirectView.as_view(),
        name="attachments",
    ),
    path("zaken/<uuid:case_id>/export.json", caseload.ExportView.as_view(), name="export"),
    path("zaken/<uuid:case_id>/verwijderen/", caseload.DeleteView.as_view(), name="delete"),
]
