"""Deleting meeting series and meetings, and changing or deleting meeting actions (ADR 0023).

Like governance.services: access through `governance.access`, one transaction, saved and deleted
with `core.history` so history and the audit log name the actor. What is part of the record stays:
a series with meetings, a meeting whose minutes were approved (or that approved another's minutes,
or is the evidence of a calendar item), and the actions of approved minutes are never deleted.
"""

import datetime

from django.db import transaction

from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from governance import access
from governance.models import (
    AgendaItem,
    Attendance,
    Duty,
    Meeting,
    MeetingAction,
    MeetingSeries,
    MinutesState,
)
from governance.services import check_action_owner
from partnership.models import Organisation


def _require_manager(actor: Actor, series: MeetingSeries) -> None:
    if not access.can_manage_series(actor, series):
        raise AccessDenied("Only the partnership coordinator can change this meeting series.")


def _day(meeting: Meeting) -> str:
    return f"{meeting.local_start.day} {meeting.local_start:%B %Y}"


def series_delete_problem(series: MeetingSeries) -> str:
    """Why the series cannot be deleted ("" when it can): its meetings are part of the record."""
    count = Meeting.objects.filter(series=series).count()
    if count:
        return (
            f"The {series.name} has {count} meeting{'s' if count != 1 else ''}: a series with meetings "
            "cannot be deleted. Delete its meetings first (those whose minutes are approved stay), "
            "or keep the series."
        )
    return ""


@transaction.atomic
def meeting_series_delete(*, actor: Actor, series: MeetingSeries) -> None:
    _require_manager(actor, series)
    MeetingSeries.objects.select_for_update().filter(pk=series.pk).first()
    problem = series_delete_problem(series)
    if problem:
        raise ServiceError(problem)
    delete_as(series, actor)


def meeting_delete_problem(meeting: Meeting) -> str:
    """Why the meeting cannot be deleted ("" when it can)."""
    if meeting.minutes_state == MinutesState.APPROVED:
        return "The minutes of this meeting have been approved: the meeting is part of the record and cannot be deleted."
    approved = Meeting.objects.filter(minutes_approved_at=meeting).order_by("starts_at").first()
    if approved is not None:
        return (
            f"This meeting approved the minutes of the meeting of {_day(approved)}: "
            "it is part of the record and cannot be deleted."
        )
    duty = Duty.objects.filter(evidence_meeting=meeting).order_by("pk").first()
    if duty is not None:
        return (
            f"This meeting is the evidence that “{duty.title}” was done: reopen that item of the "
            "calendar first, or keep the meeting."
        )
    return ""


@transaction.atomic
def meeting_delete(*, actor: Actor, meeting: Meeting) -> None:
    """Delete a meeting with its agenda items (and papers), attendance and actions."""
    _require_manager(actor, meeting.series)
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    problem = meeting_delete_problem(current)
    if problem:
        raise ServiceError(problem)
    storage = AgendaItem._meta.get_field("paper").storage
    papers = []
    for item in AgendaItem.objects.filter(meeting=meeting):
        if item.paper:
            papers.append(item.paper.name)
        delete_as(item, actor)
    for record in Attendance.objects.filter(meeting=meeting):
        delete_as(record, actor)
    for action in MeetingAction.objects.filter(meeting=meeting):
        delete_as(action, actor)
    delete_as(meeting, actor)
    for name in papers:
        transaction.on_commit(lambda name=name: storage.delete(name))  # type: ignore[misc]


@transaction.atomic
def meeting_action_edit(
    *,
    actor: Actor,
    action: MeetingAction,
    text: str,
    owner_organisation: Organisation,
    owner_person: object | None = None,
    due_date: datetime.date,
) -> MeetingAction:
    """Change an action's text, owner and due date. Once the meeting's minutes are approved its text
    stays as minuted; a new owner or date (agreed later) can still be recorded."""
    meeting = action.meeting
    _require_manager(actor, meeting.series)
    cleaned = (text or "").strip()[:500]
    if not cleaned:
        raise ServiceError("Enter the action, for example “Circulate the draft plan”.")
    if meeting.minutes_state == MinutesState.APPROVED and cleaned != action.text:
        raise ServiceError(
            "The minutes of this meeting have been approved: the action's wording stays as minuted. "
            "Its owner and due date can still change."
        )
    check_action_owner(meeting, owner_organisation, owner_person, due_date)
    action.text = cleaned
    action.owner_organisation = owner_organisation
    action.owner_person = owner_person  # type: ignore[assignment]
    action.due_date = due_date
    return save_as(action, actor)


def meeting_action_delete_problem(action: MeetingAction) -> str:
    if action.meeting.minutes_state == MinutesState.APPROVED:
        return "The minutes of this meeting have been approved: their actions are part of the record and cannot be deleted."
    return ""


@transaction.atomic
def meeting_action_delete(*, actor: Actor, action: MeetingAction) -> None:
    _require_manager(actor, action.meeting.series)
    problem = meeting_action_delete_problem(action)
    if problem:
        raise ServiceError(problem)
    delete_as(action, actor)
