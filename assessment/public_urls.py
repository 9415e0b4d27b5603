"""Public URLs, mounted at /p/: published summaries of Strategic Assessments, no sign-in."""

from django.urls import path

from assessment.views import public as views

app_name = "public_assessment"
urlpatterns = [
    path("<slug:partnership>/assessment/<str:slug>/", views.summary, name="summary"),
    path("<slug:partnership>/assessment/<str:slug>/summary.pdf", views.summary_pdf, name="summary_pdf"),
    path("<slug:partnership>/assessment/<str:slug>/versions/<int:number>/", views.summary, name="version"),
    path(
        "<slug:partnership>/assessment/<str:slug>/versions/<int:number>/summary.pdf",
        views.summary_pdf,
        name="version_pdf",
    ),
]
