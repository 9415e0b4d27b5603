"""Meeting series, meetings, agenda items and papers, attendance, minutes and meeting actions."""

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.access import NotFound, Purpose
from core.errors import ServiceError
from core.history import history_rows
from core.middleware import private_response
from core.views import run_service
from governance import access, documents, meeting_notices, selectors, services
from governance.forms import (
    ATTENDANCE_CHOICES,
    AgendaItemForm,
    ApproveMinutesForm,
    MeetingActionForm,
    MeetingForm,
    SeriesForm,
)
from governance.models import PAPER_TYPES, Meeting, MeetingSeries, MinutesState
from governance.my_actions import owner_label
from partnership import access as partnership_access
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership
from publishing.storage import private_file_response


def _list_url(partnership: Partnership) -> str:
    return reverse("governance:series_list", kwargs={"partnership": partnership.slug})


def series_url(series: MeetingSeries) -> str:
    return reverse("governance:series", kwargs={"partnership": series.partnership.slug, "pk": series.pk})


def meeting_url(meeting: Meeting) -> str:
    return reverse(
        "governance:meeting", kwargs={"partnership": meeting.series.partnership.slug, "pk": meeting.pk}
    )


def meeting_crumbs(meeting: Meeting, label: str) -> list[dict[str, str]]:
    """Breadcrumbs of a page under a meeting: meetings, the series, the meeting, then `label`."""
    series = meeting.series
    return _crumbs(
        series.partnership,
        (series.name, series_url(series)),
        (str(meeting), meeting_url(meeting)),
        (label, ""),
    )


def _crumbs(partnership: Partnership, *items: tuple[str, str]) -> list[dict[str, str]]:
    return [{"label": "Meetings", "url": _list_url(partnership)}] + [
        {"label": label, "url": url} for label, url in items
    ]


@login_required
def series_list(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    return render(
        request,
        "governance/series_list.html",
        {
            "partnership": team,
            "series_list": selectors.series_list(request.user, team),
            "upcoming": selectors.upcoming_meetings(request.user, team),
            "is_coordinator": partnership_access.is_coordinator(request.user, team),
            "page_title": "Meetings",
        },
    )


def _series_form(
    request: HttpRequest, team: Partnership, initial: dict[str, Any] | None = None
) -> SeriesForm:
    return SeriesForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        organisations=list(selectors.partnership_organisations(team)),
        people=selectors.partnership_people(team),
    )


def _series_fields(form: SeriesForm, team: Partnership) -> services.SeriesFields:
    data = form.cleaned_data
    people = {m.user_id: m.user for m in selectors.partnership_people(team)}
    organisations = {o.pk: o for o in selectors.partnership_organisations(team)}
    return services.SeriesFields(
        name=data["name"],
        purpose=data["purpose"],
        cadence=data["cadence"],
        chair=people.get(data["chair"]) if data["chair"] else None,
        chair_name=data["chair_name"],
        confidentiality=data["confidentiality"],
        case_review=data["case_review"],
        prefill_agenda=data["prefill_agenda"],
        member_organisations=[organisations[pk] for pk in data["member_organisations"]],
        members=[people[pk] for pk in data["members"]],
    )


@login_required
def series_create(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    form = _series_form(request, team)
    if request.method == "POST" and form.is_valid():
        series, ok = run_service(
            form,
            services.meeting_series_create,
            actor=request.user,
            partnership=team,
            fields=_series_fields(form, team),
        )
        if ok and series is not None:
            messages.success(request, f"Added the {series.name}.")
            return redirect(series_url(series))
    return render(
        request,
        "governance/series_form.html",
        {
            "partnership": team,
            "form": form,
            "page_title": "Add a meeting series",
            "cancel_url": _list_url(team),
            "breadcrumbs": _crumbs(team, ("Add a meeting series", "")),
        },
    )


@login_required
def series_detail(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    series = selectors.access_series(request.user, partnership, pk)
    return render(
        request,
        "governance/series_detail.html",
        {
            "partnership": series.partnership,
            "series": series,
            "meetings": selectors.series_meetings(series),
            "organisations": selectors.series_member_organisations(series),
            "members": selectors.series_members(series),
            "can_manage": access.can_manage_series(request.user, series),
            "history": history_rows(series),
            "page_title": series.name,
            "breadcrumbs": _crumbs(series.partnership, (series.name, "")),
        },
    )


@login_required
def series_edit(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    series = selectors.access_series(request.user, partnership, pk, for_=Purpose.MANAGE)
    team = series.partnership
    initial = SeriesForm.initial_for(
        series,
        [o.pk for o in selectors.series_member_organisations(series)],
        [getattr(u, "pk") for u in selectors.series_members(series)],  # noqa: B009
    )
    form = _series_form(request, team, initial)
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form,
            services.meeting_series_edit,
            actor=request.user,
            series=series,
            fields=_series_fields(form, team),
        )
        if ok:
            messages.success(request, f"Saved the {series.name}.")
            return redirect(series_url(series))
    return render(
        request,
        "governance/series_form.html",
        {
            "partnership": team,
            "series": series,
            "form": form,
            "page_title": f"Edit the {series.name}",
            "cancel_url": series_url(series),
            "breadcrumbs": _crumbs(team, (series.name, series_url(series)), ("Edit", "")),
        },
    )


def _meeting_fields(form: MeetingForm) -> services.MeetingFields:
    data = form.cleaned_data
    return services.MeetingFields(
        starts_at=form.starts_at(),
        duration_minutes=data["duration_minutes"],
        place=data["place"],
        online_link=data["online_link"],
    )


@login_required
def meeting_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    series = selectors.access_series(request.user, partnership, pk, for_=Purpose.MANAGE)
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if not series.prefill_agenda:
        del form.fields["prefill"]
    if request.method == "POST" and form.is_valid():
        agenda = (
            selectors.prefilled_agenda(request.user, series, timezone.localdate())
            if form.cleaned_data.get("prefill")
            else []
        )
        meeting, ok = run_service(
            form,
            services.meeting_create,
            actor=request.user,
            series=series,
            fields=_meeting_fields(form),
            agenda=agenda,
        )
        if ok and meeting is not None:
            messages.success(request, f"Added the meeting of {meeting.local_start:%-d %B %Y}.")
            return redirect(meeting_url(meeting))
    return render(
        request,
        "governance/meeting_form.html",
        {
            "partnership": series.partnership,
            "series": series,
            "form": form,
            "page_title": f"Add a meeting of the {series.name}",
            "cancel_url": series_url(series),
            "breadcrumbs": _crumbs(
                series.partnership, (series.name, series_url(series)), ("Add a meeting", "")
            ),
        },
    )


@login_required
def meeting_edit(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk, for_=Purpose.MANAGE)
    start = meeting.local_start
    form = MeetingForm(
        request.POST if request.method == "POST" else None,
        initial={
            "date": start.date(),
            "time": f"{start:%H:%M}",
            "duration_minutes": meeting.duration_minutes,
            "place": meeting.place,
            "online_link": meeting.online_link,
        },
    )
    del form.fields["prefill"]
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.meeting_edit, actor=request.user, meeting=meeting, fields=_meeting_fields(form)
        )
        if ok:
            messages.success(request, "Saved the meeting.")
            return redirect(meeting_url(meeting))
    series = meeting.series
    return render(
        request,
        "governance/meeting_form.html",
        {
            "partnership": series.partnership,
            "series": series,
            "meeting": meeting,
            "form": form,
            "page_title": f"Edit the meeting of {start:%-d %B %Y}",
            "cancel_url": meeting_url(meeting),
            "breadcrumbs": meeting_crumbs(meeting, "Edit"),
        },
    )


@login_required
def meeting_detail(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk)
    page = selectors.meeting_page(meeting)
    today = timezone.localdate()
    series = meeting.series
    can_manage = access.can_manage_series(request.user, series)
    approve_form = ApproveMinutesForm(meetings=page.later_meetings) if can_manage else None
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "partnership": series.partnership,
            "series": series,
            "meeting": meeting,
            "page": page,
            "actions": [
                (a, owner_label(a), a.is_overdue(today), access.can_mark_done(request.user, a))
                for a in page.actions
            ],
            "can_manage": can_manage,
            "approve_form": approve_form,
            "documents": meeting.minutes_state == MinutesState.APPROVED and not series.is_confidential,
            "history": history_rows(meeting),
            "notices": meeting_notices.notices_for(request.user, meeting),
            "page_title": str(meeting),
            "breadcrumbs": _crumbs(
                series.partnership,
                (series.name, series_url(series)),
                (f"{meeting.local_start:%-d %B %Y}", ""),
            ),
        },
    )


@login_required
def agenda_item_form(
    request: HttpRequest, partnership: str, pk: int, item: int | None = None
) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk, for_=Purpose.MANAGE)
    found = (
        selectors.agenda_item(request.user, meeting, item, for_=Purpose.MANAGE) if item is not None else None
    )
    initial = (
        {"title": found.title, "link": found.link, "minutes": found.minutes, "decisions": found.decisions}
        if found is not None
        else None
    )
    form = AgendaItemForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
    )
    if found is None or not found.paper:
        del form.fields["remove_paper"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _, ok = run_service(
            form,
            services.agenda_item_save,
            actor=request.user,
            meeting=meeting,
            item=found,
            title=data["title"],
            link=data["link"],
            paper=data["paper"] or None,
            remove_paper=data.get("remove_paper", False),
            minutes=data["minutes"],
            decisions=data["decisions"],
        )
        if ok:
            messages.success(request, "Saved the agenda item.")
            return redirect(meeting_url(meeting))
    series = meeting.series
    title = "Add an agenda item" if found is None else f"Edit agenda item: {found.title}"
    return render(
        request,
        "governance/agenda_item_form.html",
        {
            "partnership": series.partnership,
            "meeting": meeting,
            "item": found,
            "form": form,
            "approved": meeting.minutes_state == MinutesState.APPROVED,
            "page_title": title,
            "cancel_url": meeting_url(meeting),
            "breadcrumbs": meeting_crumbs(meeting, title),
        },
    )


@login_required
def agenda_item_delete(request: HttpRequest, partnership: str, pk: int, item: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk, for_=Purpose.MANAGE)
    found = selectors.agenda_item(request.user, meeting, item, for_=Purpose.MANAGE)
    error = ""
    if request.method == "POST":
        try:
            run_service(None, services.agenda_item_delete, actor=request.user, item=found)
        except ServiceError as problem:
            error = str(problem)
        else:
            messages.success(request, f"Deleted the agenda item “{found.title}”.")
            return redirect(meeting_url(meeting))
    return render(
        request,
        "governance/agenda_item_delete.html",
        {
            "partnership": meeting.series.partnership,
            "meeting": meeting,
            "item": found,
            "error": error,
            "page_title": f"Delete the agenda item “{found.title}”?",
            "cancel_url": meeting_url(meeting),
        },
    )


@login_required
def paper_file(request: HttpRequest, partnership: str, pk: int, item: int) -> HttpResponseBase:
    """An agenda item's paper, to those who may see the meeting only (never cached)."""
    meeting = selectors.access_meeting(request.user, partnership, pk)
    found = selectors.agenda_item(request.user, meeting, item)
    name = found.paper.name or ""
    if not name or not found.paper.storage.exists(name):
        raise NotFound("The paper's file is missing.")
    suffix = Path(name).suffix.lower()
    response = private_file_response(found.paper, filename=f"paper-{found.pk}{suffix}")
    response["Content-Type"] = PAPER_TYPES.get(suffix, "application/octet-stream")
    response["Content-Disposition"] = response["Content-Disposition"].replace("inline;", "attachment;")
    return response


@login_required
def attendance(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk, for_=Purpose.MANAGE)
    series = meeting.series
    organisations = selectors.series_member_organisations(series) or list(
        selectors.partnership_organisations(series.partnership)
    )
    recorded = selectors.attendance_by_organisation(meeting)
    error = ""
    if request.method == "POST":
        rows = [
            (o, request.POST.get(f"status-{o.pk}", ""), request.POST.get(f"substitute-{o.pk}", "")[:120])
            for o in organisations
        ]
        try:
            run_service(None, services.attendance_record, actor=request.user, meeting=meeting, rows=rows)
        except ServiceError as problem:
            error = str(problem)
            values = {o.pk: (status, substitute) for o, status, substitute in rows}
        else:
            messages.success(request, "Saved the attendance.")
            return redirect(meeting_url(meeting))
    else:
        values = {
            o.pk: (recorded[o.pk].status, recorded[o.pk].substitute_name) if o.pk in recorded else ("", "")
            for o in organisations
        }
    return render(
        request,
        "governance/attendance_form.html",
        {
            "partnership": series.partnership,
            "meeting": meeting,
            "rows": [(o, values[o.pk][0], values[o.pk][1]) for o in organisations],
            "choices": ATTENDANCE_CHOICES,
            "error": error,
            "page_title": f"Attendance: {meeting}",
            "cancel_url": meeting_url(meeting),
        },
    )


@login_required
def meeting_action_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk, for_=Purpose.MANAGE)
    team = meeting.series.partnership
    organisations = list(selectors.partnership_organisations(team))
    people = selectors.partnership_people(team)
    form = MeetingActionForm(
        request.POST if request.method == "POST" else None, organisations=organisations, people=people
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_id = {o.pk: o for o in organisations}
        person = (
            {m.user_id: m.user for m in people}.get(data["owner_person"]) if data["owner_person"] else None
        )
        _, ok = run_service(
            form,
            services.meeting_action_create,
            actor=request.user,
            meeting=meeting,
            text=data["text"],
            owner_organisation=by_id[data["owner_organisation"]],
            owner_person=person,
            due_date=data["due_date"],
        )
        if ok:
            messages.success(request, "Added the action.")
            return redirect(meeting_url(meeting) + "#actions")
    return render(
        request,
        "governance/meeting_action_form.html",
        {
            "partnership": team,
            "meeting": meeting,
            "form": form,
            "page_title": "Add a meeting action",
            "cancel_url": meeting_url(meeting),
        },
    )


@login_required
@require_POST
def meeting_action_done(request: HttpRequest, partnership: str, pk: int, action: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk)
    found = selectors.meeting_action(request.user, meeting, action, for_=Purpose.REPORT)
    done = request.POST.get("done") == "1"
    run_service(None, services.meeting_action_set_done, actor=request.user, action=found, done=done)
    messages.success(request, f"Marked “{found.text}” as {'done' if done else 'not done'}.")
    target = request.POST.get("next", "")
    if target == "my-actions":
        return redirect(reverse("planning:my_actions", kwargs={"partnership": partnership}))
    return redirect(meeting_url(meeting) + f"#action-{found.pk}")


@login_required
@require_POST
def minutes_approve(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk, for_=Purpose.MANAGE)
    page = selectors.meeting_page(meeting)
    form = ApproveMinutesForm(request.POST, meetings=page.later_meetings)
    if form.is_valid():
        later = {m.pk: m for m in page.later_meetings}[form.cleaned_data["approved_at"]]
        try:
            run_service(
                None, services.minutes_approve, actor=request.user, meeting=meeting, approved_at=later
            )
        except ServiceError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(
                request, f"Recorded the minutes as approved at the meeting of {later.local_start:%-d %B %Y}."
            )
    else:
        messages.error(request, "Choose the later meeting that approved the minutes.")
    return redirect(meeting_url(meeting) + "#minutes")


def _approved_minutes(request: HttpRequest, partnership: str, pk: int) -> "documents.Minutes":
    """Approved minutes of an open series only: draft or confidential minutes are never downloaded."""
    meeting = selectors.access_meeting(request.user, partnership, pk)
    if meeting.minutes_state != MinutesState.APPROVED or meeting.series.is_confidential:
        raise NotFound("No approved minutes.")
    page = selectors.meeting_page(meeting)
    return documents.Minutes(
        meeting=meeting,
        items=page.items,
        attendance=page.attendance,
        actions=[(a, owner_label(a)) for a in page.actions],
    )


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)


@login_required
def minutes_pdf(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    minutes = _approved_minutes(request, partnership, pk)
    return _download(documents.minutes_pdf(minutes), "application/pdf", f"minutes-{pk}.pdf")


@login_required
def minutes_docx(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    minutes = _approved_minutes(request, partnership, pk)
    return _download(documents.minutes_docx(minutes), PAPER_TYPES[".docx"], f"minutes-{pk}.docx")
