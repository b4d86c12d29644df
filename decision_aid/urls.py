from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

if settings.ADVISOR_REQUIRE_2FA:
    admin.site.__class__ = OTPAdminSite  # the admin also asks for the second factor

urlpatterns = i18n_patterns(
    path("", include("decision_aid.pages.urls")),
    path("vragen/", include("decision_aid.wizard.urls")),
    path("brief/", include("decision_aid.documents.urls")),
    path("zaak/", include("decision_aid.cases.urls")),
    path("adviseur/", include("decision_aid.advisors.urls")),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)

handler404 = "decision_aid.pages.views.error_404"
handler500 = "decision_aid.pages.views.error_500"
