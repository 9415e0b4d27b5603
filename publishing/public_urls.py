"""Public URLs, mounted at /p/: no sign-in, published versions only."""

from django.urls import path

from publishing.views import public as views

app_name = "public"
urlpatterns = [
    path("<slug:partnership>/", views.partnership_plans, name="partnership"),
    path("<slug:partnership>/plan/<str:year>/", views.plan, name="plan"),
    path("<slug:partnership>/plan/<str:year>/plan.pdf", views.plan_file, {"kind": "pdf"}, name="plan_pdf"),
    path("<slug:partnership>/plan/<str:year>/plan.docx", views.plan_file, {"kind": "docx"}, name="plan_docx"),
    path("<slug:partnership>/plan/<str:year>/versions/<int:number>/", views.plan, name="version"),
    path(
        "<slug:partnership>/plan/<str:year>/versions/<int:number>/plan.pdf",
        views.plan_file,
        {"kind": "pdf"},
        name="version_pdf",
    ),
    path(
        "<slug:partnership>/plan/<str:year>/versions/<int:number>/plan.docx",
        views.plan_file,
        {"kind": "docx"},
        name="version_docx",
    ),
]
