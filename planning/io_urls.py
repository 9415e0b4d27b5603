"""Action plan import and export pages (CSV and XLSX)."""

from django.urls import path

from planning.views import io as io_views

app_name = "planning_io"
urlpatterns: list = [
    path("actions/files/", io_views.index, name="index_current"),
    path("years/<str:year>/actions/files/", io_views.index, name="index"),
    path("years/<str:year>/actions/export.csv", io_views.export_csv, name="export_csv"),
    path("years/<str:year>/actions/export.xlsx", io_views.export_xlsx, name="export_xlsx"),
    path("years/<str:year>/actions/import/", io_views.import_upload, name="import"),
    path("years/<str:year>/actions/import/confirm/", io_views.import_confirm, name="import_confirm"),
]
