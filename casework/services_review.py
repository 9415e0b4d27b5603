"""Writes of the case-review meeting (ADR 0031): per-case minutes become a note of the case and
actions become tasks of it, each linked to the meeting by a `CaseReviewEntry` kept in case work."""

import datetime
from typing import Any

from django.db import transaction

from casework import services
from casework.models import Case, CaseReviewEntry, Confidentiality
from core.access import NotFound
from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from governance.access import access_meeting_by_id
from governance.models import Meeting
from partnership.models import Organisation


def _check_meeting(actor: Actor, meeting: Meeting, case: Case) -> Meeting:
    try:
        meeting = access_meeting_by_id(actor, meeting.pk)
    except NotFound as error:
        raise AccessDenied("You cannot record minutes for this meeting.") from error
    if not meeting.series.case_review or meeting.series.partnership_id != case.partnership_id:
        raise ServiceError("This meeting does not review this partnership's cases.")
    return meeting


@transaction.atomic
def case_review_record(
    *,
    actor: Actor,
    meeting: Meeting,
    case: Case,
    minutes: str = "",
    confidentiality: str = Confidentiality.CASE_MEMBERS,
    action: str = "",
    owner_organisation: Organisation | None = None,
    due_on: datetime.date | None = None,
    owner: Any = None,
) -> list[CaseReviewEntry]:
    """Record the meeting's minutes for a case, an action, or both (at least one)."""
    meeting = _check_meeting(actor, meeting, case)
    minutes, action = minutes.strip(), action.strip()
    if not minutes and not action:
        raise ServiceError("Enter the minutes for this case, an action, or both.")
    entries = []
    if minutes:
        note = services.note_add(actor=actor, case=case, text=minutes, confidentiality=confidentiality)
        entries.append(save_as(CaseReviewEntry(meeting=meeting, case=note.case, note=note), actor))
    if action:
        if owner_organisation is None or due_on is None:
            raise ServiceError("Choose who owns the action and enter when it is due.")
        task = services.task_add(
            actor=actor,
            case=case,
            title=action,
            owner_organisation=owner_organisation,
            due_on=due_on,
            owner=owner,
        )
        entries.append(save_as(CaseReviewEntry(meeting=meeting, case=task.case, task=task), actor))
    return entries
