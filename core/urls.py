from django.urls import path

from core import views

# The home page (`core:home`) lists the person's partnerships: csphub/urls.py adds it to this
# namespace from partnership.views (core imports no domain app).
app_name = "core"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
