from django.urls import path

from decision_aid.advisors import share_views

app_name = "share"
urlpatterns = [
    path("<uuid:case_id>/code/", share_views.StartView.as_view(), name="start"),
    path("<uuid:case_id>/stoppen/", share_views.StopView.as_view(), name="stop"),
    path("<uuid:case_id>/houden/", share_views.KeepView.as_view(), name="keep"),
    path("<uuid:case_id>/versie/", share_views.VersionView.as_view(), name="version"),
]
