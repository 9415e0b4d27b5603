"""Meeting actions in their owners' My actions (the planning app's `other_actions` registry)."""

import datetime

from django.urls import reverse

from core.actors import Actor
from governance import selectors
from partnership.models import Partnership
from planning import other_actions


def owner_label(action: object) -> str:
    organisation = getattr(action, "owner_organisation")  # noqa: B009
    person = getattr(action, "owner_person")  # noqa: B009
    if person is None:
        return organisation.name
    return f"{organisation.name} ({person.get_full_name() or person.get_username()})"


def meeting_actions(
    actor: Actor, partnership: Partnership, today: datetime.date
) -> list[other_actions.OtherAction]:
    rows = []
    for action in selectors.my_meeting_actions(actor, partnership):
        meeting = action.meeting
        rows.append(
            other_actions.OtherAction(
                text=action.text,
                url=reverse("governance:meeting", kwargs={"partnership": partnership.slug, "pk": meeting.pk})
                + f"#action-{action.pk}",
                origin=str(meeting),
                owner=owner_label(action),
                due_date=action.due_date,
                done=action.is_done,
                overdue=action.is_overdue(today),
                is_example=action.is_example,
            )
        )
    return rows


def register_source() -> None:
    other_actions.register("governance.meeting_actions", "Meeting actions", meeting_actions)
