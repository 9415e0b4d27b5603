from django.urls import path

from projects.views import funding, projects, records

app_name = "projects"

P = "projects/<int:pk>/"

urlpatterns = [
    path("projects/", projects.project_list, name="list"),
    path("projects/summary.<str:fmt>", projects.project_summary_download, name="summary_download"),
    path("projects/new/", projects.project_create, name="project_create"),
    path("projects/settings/", projects.funding_settings, name="settings"),
    path(P, projects.project_detail, name="project"),
    path(P + "edit/", projects.project_edit, name="project_edit"),
    path(P + "status/", records.project_status, name="project_status"),
    path(P + "allocate/", records.allocation_create, name="allocation_create"),
    path(P + "spend/", records.spend_create, name="spend_create"),
    path(P + "spend/<int:spend_id>/evidence/", records.spend_evidence, name="spend_evidence"),
    path(P + "outputs/new/", records.output_create, name="output_create"),
    path(P + "outputs/<int:output_id>/values/new/", records.output_value_create, name="output_value_create"),
    path(P + "monitoring/new/", records.note_create, name="note_create"),
    path(P + "evaluation/", records.evaluation_edit, name="evaluation"),
    path(P + "evaluation/approve/", records.evaluation_approve, name="evaluation_approve"),
    path(P + "quotes/new/", records.quote_create, name="quote_create"),
    path(P + "quotes/<int:quote_id>/approve/", records.quote_approve, name="quote_approve"),
    path(P + "photos/new/", records.photo_create, name="photo_create"),
    path(P + "photos/<int:photo_id>/", records.photo_image, name="photo"),
    path(P + "photos/<int:photo_id>/approve/", records.photo_approve, name="photo_approve"),
    path("funding/", funding.pot_list, name="pots"),
    path("funding/new/", funding.pot_create, name="pot_create"),
    path("funding/<int:pk>/", funding.pot_detail, name="pot"),
    path("funding/<int:pk>/edit/", funding.pot_edit, name="pot_edit"),
    path("funding/<int:pk>/publish/", funding.pot_publish, name="pot_publish"),
    path("funding/<int:pk>/return.<str:fmt>", funding.pot_return, name="pot_return"),
    path("funding/years/<str:year>/return.<str:fmt>", funding.year_return, name="year_return"),
]
