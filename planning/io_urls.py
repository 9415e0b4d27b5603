"""Action plan import and export pages (CSV and XLSX)."""

app_name = "planning_io"
urlpatterns: list = []
