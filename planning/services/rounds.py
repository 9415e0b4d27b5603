"""Opening update rounds (with their reporting periods) and sending their round notices."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.actors import Actor, person_id
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from partnership import access as partnership_access
from partnership.services.messages import messages_deliver_after_commit
from planning import rounds
from planning.models import ReportingPeriod, UpdateRound
from planning.round_messages import round_notices
from planning.selectors import rounds as round_selectors


def update_round_open(
    *,
    actor: Actor,
    period: ReportingPeriod,
    due_date: datetime.date | None = None,
    today: datetime.date | None = None,
) -> UpdateRound:
    """Open the period's round (or keep the one it has), due on `due_date` when given, else the
    period's due date, or 14 days from today when that has passed. Every active lead officer of
    an owner organisation gets one round notice once the transaction commits (a re-opening sends
    only to those who have not had one)."""
    plan_year = period.plan_year
    if not partnership_access.is_coordinator(actor, plan_year.partnership):
        raise AccessDenied("Only the partnership's coordinators can open an update round.")
    today = today or timezone.localdate()
    try:
        due = rounds.opening_due_date(period.due_date, due_date, today)
    except rounds.PastDueDate as error:
        raise ServiceError(
            f"The round's due date {due_date:%d/%m/%Y} has passed: choose today or a later date."
        ) from error
    with transaction.atomic():
        found = round_selectors.round_of(period)
        if found is None:
            found = save_as(
                UpdateRound(
                    period=period,
                    due_date=due,
                    opened_on=today,
                    opened_by_id=person_id(actor) or None,
                ),
                actor,
            )
        elif due_date is not None and (found.due_date, found.opened_on) != (due, min(found.opened_on, today)):
            found.due_date, found.opened_on = due, min(found.opened_on, today)
            save_as(found, actor)
        found.period = period
        messages_deliver_after_commit(actor=actor, outgoing=round_notices(found))
    return found
