from django.urls import path

from decision_aid.advisors import views

app_name = "advisors"
urlpatterns = [
    path("", views.CaseListView.as_view(), name="cases"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("tweestaps/", views.TwoFactorView.as_view(), name="two_factor"),
    path(
        "tweestaps/instellen/<str:token>/",
        views.TwoFactorSetupView.as_view(),
        name="two_factor_setup",
    ),
    path("nieuw/", views.IntakeView.as_view(), name="intake"),
    path("advies/", views.AdvicePreviewView.as_view(), name="advice_preview"),
    path("importeren/", views.ImportView.as_view(), name="import"),
    path("audit/", views.AuditView.as_view(), name="audit"),
    path("inzicht/", views.UsageView.as_view(), name="usage"),
    path("inzicht/csv/", views.UsageCsvView.as_view(), name="usage_csv"),
    path("samen/", views.ShareOpenView.as_view(), name="share_open"),
    path("zaken/<uuid:case_id>/samen/", views.LiveView.as_view(), name="live"),
    path(
        "zaken/<uuid:case_id>/samen/versie/", views.LiveVersionView.as_view(), name="live_version"
    ),
    path("zaken/<uuid:case_id>/", views.CaseDetailView.as_view(), name="case"),
    path("zaken/<uuid:case_id>/wijzigen/", views.IntakeView.as_view(), name="change"),
    path("zaken/<uuid:case_id>/pdf/", views.LetterView.as_view(), name="pdf"),
    path(
        "zaken/<uuid:case_id>/brief/<slug:doc>/pdf/",
        views.LetterView.as_view(),
        name="letter_pdf",
    ),
    path(
        "zaken/<uuid:case_id>/brief/<slug:doc>/word/",
        views.LetterDocxView.as_view(),
        name="letter_docx",
    ),
    path(
        "zaken/<uuid:case_id>/bijlagen/",
        views.AttachmentsRedirectView.as_view(),
        name="attachments",
    ),
    path("zaken/<uuid:case_id>/export.json", views.ExportView.as_view(), name="export"),
    path("zaken/<uuid:case_id>/verwijderen/", views.DeleteView.as_view(), name="delete"),
]
