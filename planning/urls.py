from django.urls import path

from planning import views

app_name = "planning"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("years/<str:year>/", views.dashboard, name="dashboard_year"),
]
