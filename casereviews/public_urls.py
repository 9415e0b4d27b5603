"""Public URLs, mounted at /p/: the application form and the published figures, no sign-in."""

from django.urls import path

from casereviews.views import public as views

app_name = "casereviews_public"
urlpatterns = [
    path("<slug:partnership>/asb-case-review/apply/", views.apply, name="apply"),
    path("<slug:partnership>/asb-case-review/apply/received/<str:token>/", views.received, name="received"),
    path("<slug:partnership>/asb-case-reviews/", views.figures, name="figures"),
]
