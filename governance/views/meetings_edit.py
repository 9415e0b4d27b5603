"""Deleting meeting series and meetings; changing and deleting meeting actions (confirmation pages
that work without JavaScript: GET asks, POST deletes)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.access import Purpose
from core.errors import ServiceError
from core.views import run_service
from governance import selectors, services_edit
from governance.forms import MeetingActionForm
from governance.views.meetings import _crumbs, _list_url, meeting_crumbs, meeting_url, series_url


def _confirm(
    request: HttpRequest,
    *,
    delete: Callable[[], Any],
    done: str,
    next_url: str,
    problem: str,
    context: dict[str, Any],
) -> HttpResponse:
    """The confirmation page (GET), or the deletion (POST) and back to `next_url`."""
    error = ""
    if request.method == "POST":
        try:
            run_service(None, lambda: delete())
        except ServiceError as failure:
            error = str(failure)
        else:
            messages.success(request, done)
            return redirect(next_url)
    return render(request, "governance/confirm_delete.html", {**context, "problem": problem, "error": error})


@login_required
def series_delete(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    series = selectors.access_series(request.user, partnership, pk, for_=Purpose.MANAGE)
    team = series.partnership
    return _confirm(
        request,
        delete=lambda: services_edit.meeting_series_delete(actor=request.user, series=series),
        done=f"Deleted the {series.name}.",
        next_url=_list_url(team),
        problem=services_edit.series_delete_problem(series),
        context={
            "partnership": team,
            "caption": team.name,
            "page_title": f"Delete the {series.name}?",
            "details": ["The series has no meetings. Its purpose, members and settings are deleted."],
            "button": "Delete the series",
            "cancel_url": series_url(series),
            "breadcrumbs": _crumbs(team, (series.name, series_url(series)), ("Delete", "")),
        },
    )


@login_required
def meeting_delete(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk, for_=Purpose.MANAGE)
    series = meeting.series
    page = selectors.meeting_page(meeting)
    parts = [
        f"{len(page.items)} agenda item{'s' if len(page.items) != 1 else ''} (with their papers and minutes)",
        f"the attendance of {len(page.attendance)} organisation{'s' if len(page.attendance) != 1 else ''}",
        f"{len(page.actions)} action{'s' if len(page.actions) != 1 else ''}",
    ]
    return _confirm(
        request,
        delete=lambda: services_edit.meeting_delete(actor=request.user, meeting=meeting),
        done=f"Deleted the meeting of {meeting.local_start:%-d %B %Y}.",
        next_url=series_url(series),
        problem=services_edit.meeting_delete_problem(meeting),
        context={
            "partnership": series.partnership,
            "caption": series.name,
            "page_title": f"Delete the meeting of {meeting.local_start:%-d %B %Y}?",
            "details": [f"Deleted with it: {', '.join(parts[:2])} and {parts[2]}. This cannot be undone."],
            "button": "Delete the meeting",
            "cancel_url": meeting_url(meeting),
            "breadcrumbs": meeting_crumbs(meeting, "Delete"),
        },
    )


@login_required
def meeting_action_edit(request: HttpRequest, partnership: str, pk: int, action: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk, for_=Purpose.MANAGE)
    found = selectors.meeting_action(request.user, meeting, action, for_=Purpose.MANAGE)
    team = meeting.series.partnership
    organisations = list(selectors.partnership_organisations(team))
    people = selectors.partnership_people(team)
    initial = {
        "text": found.text,
        "owner_organisation": found.owner_organisation_id,
        "owner_person": found.owner_person_id,
        "due_date": found.due_date,
    }
    form = MeetingActionForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        organisations=organisations,
        people=people,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = (
            {m.user_id: m.user for m in people}.get(data["owner_person"]) if data["owner_person"] else None
        )
        _, ok = run_service(
            form,
            services_edit.meeting_action_edit,
            actor=request.user,
            action=found,
            text=data["text"],
            owner_organisation={o.pk: o for o in organisations}[data["owner_organisation"]],
            owner_person=person,
            due_date=data["due_date"],
        )
        if ok:
            messages.success(request, "Saved the action.")
            return redirect(meeting_url(meeting) + f"#action-{found.pk}")
    return render(
        request,
        "governance/meeting_action_form.html",
        {
            "partnership": team,
            "meeting": meeting,
            "form": form,
            "page_title": "Change a meeting action",
            "cancel_url": meeting_url(meeting) + f"#action-{found.pk}",
        },
    )


@login_required
def meeting_action_delete(request: HttpRequest, partnership: str, pk: int, action: int) -> HttpResponse:
    meeting = selectors.access_meeting(request.user, partnership, pk, for_=Purpose.MANAGE)
    found = selectors.meeting_action(request.user, meeting, action, for_=Purpose.MANAGE)
    series = meeting.series
    return _confirm(
        request,
        delete=lambda: services_edit.meeting_action_delete(actor=request.user, action=found),
        done=f"Deleted the action “{found.text}”.",
        next_url=meeting_url(meeting) + "#actions",
        problem=services_edit.meeting_action_delete_problem(found),
        context={
            "partnership": series.partnership,
            "caption": str(meeting),
            "page_title": f"Delete the action “{found.text}”?",
            "details": ["It no longer shows in its owner's My actions."],
            "button": "Delete the action",
            "cancel_url": meeting_url(meeting) + f"#action-{found.pk}",
        },
    )
