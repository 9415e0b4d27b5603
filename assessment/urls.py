from django.urls import path

from assessment.views import analysis, assessment, changes, downloads, indicators, maps, scoring, summary

app_name = "assessment"
urlpatterns = [
    path("", analysis.index, name="index"),
    path("analysis/", analysis.analysis, name="analysis"),
    path("map/", maps.crime_map, name="map"),
    path("map.svg", maps.crime_map_download, {"fmt": "svg"}, name="map_svg"),
    path("map.png", maps.crime_map_download, {"fmt": "png"}, name="map_png"),
    path("analysis/tables/<slug:key>.<str:fmt>", downloads.table, name="analysis_table"),
    path("analysis/charts/<slug:key>.<str:fmt>", downloads.chart, name="analysis_chart"),
    path("indicators/", indicators.indicators, name="indicators"),
    path("indicators/add/", indicators.indicator_add, name="indicator_add"),
    path("indicators/<int:measure_id>/", changes.indicator_edit, name="indicator_edit"),
    path("indicators/<int:measure_id>/delete/", changes.indicator_delete, name="indicator_delete"),
    path("new/", assessment.create, name="create"),
    path("<str:slug>/", assessment.detail, name="detail"),
    path("<str:slug>/edit/", assessment.edit, name="edit"),
    path("<str:slug>/document.pdf", assessment.document_pdf, name="pdf"),
    path("<str:slug>/document.docx", assessment.document_docx, name="docx"),
    path("<str:slug>/community/add/", assessment.community_add, name="community_add"),
    path("<str:slug>/community/<int:view_id>/", changes.community_edit, name="community_edit"),
    path("<str:slug>/community/<int:view_id>/delete/", changes.community_delete, name="community_delete"),
    path("<str:slug>/scoring/", scoring.scoring, name="scoring"),
    path("<str:slug>/public-summary/", summary.summary, name="summary"),
    path(
        "<str:slug>/public-summary/<int:number>/withdraw/",
        summary.summary_withdraw_view,
        name="summary_withdraw",
    ),
    path("<str:slug>/scoring/issues/add/", scoring.issue_add, name="issue_add"),
    path("<str:slug>/scoring/issues/<int:issue_id>/", changes.issue_edit, name="issue_edit"),
    path("<str:slug>/scoring/issues/<int:issue_id>/delete/", changes.issue_delete, name="issue_delete"),
    path("<str:slug>/scoring/issues/<int:issue_id>/score/", scoring.score, name="score"),
    path("<str:slug>/scoring/criteria/add/", scoring.criterion_edit, name="criterion_add"),
    path("<str:slug>/scoring/criteria/<int:criterion_id>/", scoring.criterion_edit, name="criterion_edit"),
    path(
        "<str:slug>/scoring/criteria/<int:criterion_id>/delete/",
        changes.criterion_delete,
        name="criterion_delete",
    ),
]
