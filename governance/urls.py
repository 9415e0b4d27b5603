from django.urls import path

from governance.views import calendar, duties, meetings, meetings_edit, records

app_name = "governance"
M = "meetings/<int:pk>/"
urlpatterns = [
    path("meetings/", meetings.series_list, name="series_list"),
    path("meetings/series/new/", meetings.series_create, name="series_create"),
    path("meetings/series/<int:pk>/", meetings.series_detail, name="series"),
    path("meetings/series/<int:pk>/edit/", meetings.series_edit, name="series_edit"),
    path("meetings/series/<int:pk>/delete/", meetings_edit.series_delete, name="series_delete"),
    path("meetings/series/<int:pk>/new/", meetings.meeting_create, name="meeting_create"),
    path(M, meetings.meeting_detail, name="meeting"),
    path(f"{M}edit/", meetings.meeting_edit, name="meeting_edit"),
    path(f"{M}delete/", meetings_edit.meeting_delete, name="meeting_delete"),
    path(f"{M}meeting.ics", calendar.meeting_ics, name="meeting_ics"),
    path(f"{M}items/new/", meetings.agenda_item_form, name="agenda_item_create"),
    path(f"{M}items/<int:item>/edit/", meetings.agenda_item_form, name="agenda_item_edit"),
    path(f"{M}items/<int:item>/delete/", meetings.agenda_item_delete, name="agenda_item_delete"),
    path(f"{M}items/<int:item>/paper/", meetings.paper_file, name="paper"),
    path(f"{M}attendance/", meetings.attendance, name="attendance"),
    path(f"{M}actions/new/", meetings.meeting_action_create, name="meeting_action_create"),
    path(f"{M}actions/<int:action>/edit/", meetings_edit.meeting_action_edit, name="meeting_action_edit"),
    path(
        f"{M}actions/<int:action>/delete/", meetings_edit.meeting_action_delete, name="meeting_action_delete"
    ),
    path(f"{M}actions/<int:action>/done/", meetings.meeting_action_done, name="meeting_action_done"),
    path(f"{M}minutes/approve/", meetings.minutes_approve, name="minutes_approve"),
    path(f"{M}minutes.pdf", meetings.minutes_pdf, name="minutes_pdf"),
    path(f"{M}minutes.docx", meetings.minutes_docx, name="minutes_docx"),
    path("calendar/", duties.calendar, name="calendar_current"),
    path("calendar/<str:year>/", duties.calendar, name="calendar"),
    path("calendar/<str:year>/set-up/", duties.calendar_set_up, name="calendar_set_up"),
    path("calendar/<str:year>/recipient/", duties.recipient, name="plan_recipient"),
    path("calendar/<str:year>/new/", duties.duty_form, name="duty_create"),
    path("calendar/<str:year>/<int:pk>/edit/", duties.duty_form, name="duty_edit"),
    path("calendar/<str:year>/<int:pk>/done/", duties.duty_done, name="duty_done"),
    path("plan-sent/<str:year>/", duties.plan_sent, name="plan_sent"),
    path("engagement/", records.engagements, name="engagements"),
    path("engagement/new/", records.engagement_form, name="engagement_create"),
    path("engagement/<int:pk>/edit/", records.engagement_form, name="engagement_edit"),
    path("engagement/<int:pk>/publish/", records.engagement_publish, name="engagement_publish"),
    path("equality-impact/", records.eias, name="eias"),
    path("equality-impact/new/", records.eia_form, name="eia_create"),
    path("equality-impact/<int:pk>/", records.eia_detail, name="eia"),
    path("equality-impact/<int:pk>/edit/", records.eia_form, name="eia_edit"),
]
