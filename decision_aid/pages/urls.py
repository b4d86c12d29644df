from django.urls import path
from django.utils.translation import gettext_lazy as _

from decision_aid.pages import views

app_name = "pages"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("privacy/"), views.PrivacyView.as_view(), name="privacy"),
    path(_("sources/"), views.SourcesView.as_view(), name="sources"),
    path("sessie/verlengen/", views.extend_session, name="extend_session"),
]
