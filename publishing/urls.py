"""Signed-in plan document pages, under /partnerships/<partnership>/."""

from django.urls import path

from publishing.views import documents as views
from publishing.views import projects as project_views
from publishing.views import strategies as strategy_views

app_name = "publishing"
Y = "plan-documents/<str:year>/"
P = Y + "projects/<int:review>/"
S = "strategy-documents/<str:span>/"
urlpatterns = [
    path("plan-documents/", views.documents, name="documents"),
    path(Y, views.year, name="year"),
    path(Y + "preview/", views.preview, name="preview"),
    path(Y + "draft.pdf", views.draft_file, {"kind": "pdf"}, name="draft_pdf"),
    path(Y + "draft.docx", views.draft_file, {"kind": "docx"}, name="draft_docx"),
    path(Y + "publish/", views.publish, name="publish"),
    path(Y + "versions/<int:number>/withdraw/", views.withdraw, name="withdraw"),
    path(Y + "narrative/", views.narrative, name="narrative"),
    path(Y + "progress.pdf", views.progress, {"kind": "pdf"}, name="progress_pdf"),
    path(Y + "progress.docx", views.progress, {"kind": "docx"}, name="progress_docx"),
    path(Y + "progress.xlsx", views.progress, {"kind": "xlsx"}, name="progress_xlsx"),
    path(Y + "projects/add/", project_views.project_add, name="project_add"),
    path(P, project_views.project, name="project"),
    path(P + "delete/", project_views.project_delete, name="project_delete"),
    path(P + "quotes/", project_views.quote_add, name="quote_add"),
    path(P + "quotes/<int:quote>/delete/", project_views.quote_delete, name="quote_delete"),
    path(P + "photos/", project_views.photo_add, name="photo_add"),
    path(P + "photos/<int:photo>/delete/", project_views.photo_delete, name="photo_delete"),
    path(P + "photos/<int:photo>/file", project_views.photo_file, name="photo_file"),
    # Strategy documents
    path(S, strategy_views.strategy_document, name="strategy_document"),
    path(S + "preview/", strategy_views.strategy_preview, name="strategy_preview"),
    path(S + "draft.pdf", strategy_views.strategy_draft_file, {"kind": "pdf"}, name="strategy_draft_pdf"),
    path(S + "draft.docx", strategy_views.strategy_draft_file, {"kind": "docx"}, name="strategy_draft_docx"),
    path(S + "publish/", strategy_views.strategy_publish, name="strategy_publish"),
    path(S + "versions/<int:number>/withdraw/", strategy_views.strategy_withdraw, name="strategy_withdraw"),
]
