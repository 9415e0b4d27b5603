"""The status vocabulary (measures: planning.services.measures)."""

from django.db import transaction
from django.db.models import Max

from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from partnership.models import Partnership
from planning.models import (
    DEFAULT_STATUSES,
    Status,
    StatusMeaning,
)
from planning.services._common import _move, _require_coordinator


@transaction.atomic
def statuses_seed(*, partnership: Partnership, actor: Actor) -> list[Status]:
    """Give a partnership the default status vocabulary when it has none yet."""
    _require_coordinator(actor, partnership)
    if partnership.statuses.exists():
        return list(partnership.statuses.all())
    return [
        save_as(
            Status(partnership=partnership, name=name, colour=colour, meaning=meaning, order=index), actor
        )
        for index, (name, colour, meaning) in enumerate(DEFAULT_STATUSES)
    ]


@transaction.atomic
def status_save(
    *,
    partnership: Partnership,
    actor: Actor,
    name: str,
    colour: str,
    meaning: str | None = None,
    is_active: bool = True,
    status: Status | None = None,
) -> Status:
    """Add a status to the vocabulary, or rename, recolour, deactivate or reactivate one."""
    _require_coordinator(actor, partnership)
    name = name.strip()
    if not name:
        raise ServiceError("Enter the status's name.")
    clash = partnership.statuses.filter(name__iexact=name)
    if status is not None:
        if status.partnership_id != partnership.pk:
            raise AccessDenied("That status belongs to another partnership.")
        clash = clash.exclude(pk=status.pk)
    if clash.exists():
        raise ServiceError(f"There is already a status called “{name}”.")
    if status is None:
        order = (partnership.statuses.aggregate(m=Max("order"))["m"] or 0) + 1
        status = Status(partnership=partnership, order=order)
    if meaning is not None:
        if meaning not in StatusMeaning.values:
            raise ServiceError("Choose what the status means.")
        status.meaning = meaning
    status.name, status.colour, status.is_active = name, colour, is_active
    save_as(status, actor)
    return status


@transaction.atomic
def status_move(*, status: Status, direction: str, actor: Actor) -> None:
    _require_coordinator(actor, status.partnership)
    siblings = list(status.partnership.statuses.select_for_update().order_by("order", "name"))
    _move(siblings, status, direction, actor)
