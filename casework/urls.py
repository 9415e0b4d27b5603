from django.urls import path

from casework import area
from casework.views import cases, prompts, protection, records, reviews, settings, totals

app_name = "casework"
urlpatterns = [
    path("", cases.cases, name="cases"),
    path("export.csv", cases.cases_export, name="cases_export"),
    path("new/", cases.case_create, name="case_create"),
    path("<int:pk>/", cases.case_detail, name="case"),
    path("<int:pk>/edit/", cases.case_edit, name="case_edit"),
    path("<int:pk>/people/new/", records.person_add, name="person_add"),
    path("<int:pk>/people/link/", records.person_link, name="person_link"),
    path("<int:pk>/risk/", records.risk_assess, name="risk_assess"),
    path("<int:pk>/incidents/new/", records.incident_add, name="incident_add"),
    path("<int:pk>/tasks/new/", records.task_add, name="task_add"),
    path("<int:pk>/tasks/<int:task>/done/", records.task_done, name="task_done"),
    path("<int:pk>/notes/new/", records.note_add, name="note_add"),
    path("<int:pk>/documents/new/", records.document_add, name="document_add"),
    path("<int:pk>/documents/<int:document>/", records.document_file, name="document_file"),
    path("<int:pk>/access/new/", records.grant_add, name="grant_add"),
    path("<int:pk>/enforcement/new/", records.enforcement_add, name="enforcement_add"),
    path("<int:pk>/case-review-explained/", prompts.review_explained, name="review_explained"),
    path("settings/", settings.settings, name="settings"),
    path("settings/types/new/", settings.case_type_edit, name="case_type_add"),
    path("settings/types/<int:pk>/", settings.case_type_edit, name="case_type_edit"),
    path("retention/", protection.retention, name="retention"),
    path("retention/<int:pk>/", protection.retention_case, name="retention_case"),
    path("people/<int:pk>/subject-access.<str:fmt>", protection.subject_access, name="subject_access"),
    path("people/duplicates/", cases.duplicates, name="duplicates"),
    path("people/<int:pk>/merge/<int:other>/", cases.person_merge, name="person_merge"),
    path("people/<int:pk>/", cases.person_detail, name="person"),
    path("people/<int:pk>/edit/", cases.person_edit, name="person_edit"),
    *area.url_patterns(),  # pages other apps add to case work (casework.area)
    path("reviews/<int:meeting>/", reviews.review_agenda, name="review_agenda"),
    path("reviews/<int:meeting>/cases/<int:pk>/", reviews.review_record, name="review_record"),
    path("totals/<slug:year>/", totals.totals, name="totals"),
    path("totals/<slug:year>/download.<str:fmt>", totals.totals_download, name="totals_download"),
]
