from django.urls import path

from casereviews.views import applications as views
from casereviews.views import casework_links
from casereviews.views import settings as settings_views

app_name = "casereviews"
A = "<int:pk>/"
urlpatterns = [
    path("", views.applications, name="applications"),
    path("new/", views.application_create, name="application_create"),
    path(A, views.application, name="application"),
    path(f"{A}acknowledge/", views.acknowledge, name="acknowledge"),
    path(f"{A}contact/", views.contact, name="contact"),
    path(f"{A}complaints/new/", views.complaint_create, name="complaint_create"),
    path(f"{A}complaints/link/", casework_links.complaint_link, name="complaint_link"),
    path(f"{A}case-history/", casework_links.case_history, name="case_history"),
    path(f"{A}decision/", views.decision, name="decision"),
    path(f"{A}review/", views.review, name="review"),
    path(f"{A}review/attendees/new/", views.attendee_create, name="attendee_create"),
    path(f"{A}review/recommendations/new/", views.recommendation_create, name="recommendation_create"),
    path(f"{A}requests/new/", views.dissatisfaction_create, name="dissatisfaction_create"),
    path(f"{A}requests/<int:request_id>/", views.dissatisfaction_decide, name="dissatisfaction_decide"),
    path(f"{A}outcome-letter.pdf", views.outcome_letter, {"kind": "pdf"}, name="letter_pdf"),
    path(f"{A}outcome-letter.docx", views.outcome_letter, {"kind": "docx"}, name="letter_docx"),
    path("procedure/", settings_views.procedure, name="procedure"),
    path("procedure/threshold/new/", settings_views.threshold_create, name="threshold_create"),
    path("procedure/routes/new/", settings_views.route_create, name="route_create"),
    path("procedure/routes/<int:route_id>/switch/", settings_views.route_toggle, name="route_toggle"),
    path("figures/", settings_views.figures, name="figures"),
    path("figures/<str:year>/publish/", settings_views.figures_publish, name="figures_publish"),
]
