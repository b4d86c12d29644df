from django.urls import path

from decision_aid.insight import views

app_name = "insight"
urlpatterns = [
    path("", views.FeedbackView.as_view(), name="feedback"),
    path("bedankt/", views.ThanksView.as_view(), name="thanks"),
]
