from django.urls import path

from crimedata.views import pages as views

app_name = "crimedata"
urlpatterns: list = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("runs/<int:run_id>/", views.run, name="run"),
    path("reference/", views.reference_upload, name="reference"),
    path("reference/<slug:kind>/", views.reference_upload, name="reference_upload"),
]
