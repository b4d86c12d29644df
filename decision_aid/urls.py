from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

urlpatterns = i18n_patterns(
    path("", include("decision_aid.pages.urls")),
    path("vragen/", include("decision_aid.wizard.urls")),
    path("brief/", include("decision_aid.documents.urls")),
    path("zaak/", include("decision_aid.cases.urls")),
    prefix_default_language=False,
)

handler404 = "decision_aid.pages.views.error_404"
handler500 = "decision_aid.pages.views.error_500"
