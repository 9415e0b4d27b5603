"""Public URLs, mounted at /p/: no sign-in, published versions only."""

from django.urls import path

from publishing.views import public as views
from publishing.views import strategies as strategy_views

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
    # Strategies over several plan years
    path("<slug:partnership>/strategy/<str:span>/", strategy_views.public_strategy, name="strategy"),
    path(
        "<slug:partnership>/strategy/<str:span>/strategy.pdf",
        strategy_views.public_strategy_file,
        {"kind": "pdf"},
        name="strategy_pdf",
    ),
    path(
        "<slug:partnership>/strategy/<str:span>/strategy.docx",
        strategy_views.public_strategy_file,
        {"kind": "docx"},
        name="strategy_docx",
    ),
    path(
        "<slug:partnership>/strategy/<str:span>/versions/",
        strategy_views.public_strategy_versions,
        name="strategy_versions",
    ),
    path(
        "<slug:partnership>/strategy/<str:span>/versions/<int:number>/",
        strategy_views.public_strategy,
        name="strategy_version",
    ),
    path(
        "<slug:partnership>/strategy/<str:span>/versions/<int:number>/strategy.pdf",
        strategy_views.public_strategy_file,
        {"kind": "pdf"},
        name="strategy_version_pdf",
    ),
    path(
        "<slug:partnership>/strategy/<str:span>/versions/<int:number>/strategy.docx",
        strategy_views.public_strategy_file,
        {"kind": "docx"},
        name="strategy_version_docx",
    ),
]
