from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.urls import include, path
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from decision_aid.advisors import urls as advisor_urls
from decision_aid.insight import lead_views


class AidAdminSite(OTPAdminSite):
    """The admin asks for the second factor exactly when advisors must use one. Read per
    request, not when this module is imported: which test imported the URLs first used to
    decide whether the admin asked for it."""

    def has_permission(self, request):
        # the second step is checked where every other sign-in checks it (cases.access)
        from decision_aid.cases.access import second_factor_done

        return AdminSite.has_permission(self, request) and second_factor_done(request.user)

    def login(self, request, extra_context=None):
        # depends on a setting only, so the same for every request in one process
        self.login_form = (
            OTPAdminAuthenticationForm if settings.ADVISOR_REQUIRE_2FA else AdminAuthenticationForm
        )
        return super().login(request, extra_context)

    def get_urls(self):
        from decision_aid.insight import views as insight_views

        return [
            path("inzicht/", self.admin_view(insight_views.staff_page), name="insight"),
            path("inzicht/csv/", self.admin_view(insight_views.staff_csv), name="insight_csv"),
            *super().get_urls(),
        ]


admin.site.__class__ = AidAdminSite

urlpatterns = i18n_patterns(
    path("", include("decision_aid.pages.urls")),
    path("vragen/", include("decision_aid.wizard.urls")),
    path("brief/", include("decision_aid.documents.urls")),
    path("zaak/", include("decision_aid.cases.urls")),
    path("samen/", include("decision_aid.advisors.share_urls")),
    path(
        "adviseur/",
        include((advisor_urls.urlpatterns + lead_views.advisor_urlpatterns, advisor_urls.app_name)),
    ),
    path("reactie/", include("decision_aid.insight.urls")),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)

handler400 = "decision_aid.pages.views.error_400"
handler404 = "decision_aid.pages.views.error_404"
handler500 = "decision_aid.pages.views.error_500"
