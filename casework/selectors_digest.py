"""Reads for the weekly case-work digest (`casework.digest`): who receives it, and the count each
may be told (tasks in the cases they can see, through the visibility queryset)."""

import datetime

from django.db.models import QuerySet

from casework import access
from partnership.models import Grant, Membership, Partnership


def csu_coordinators() -> QuerySet[Membership]:
    """Active memberships holding the CSU coordinator role, in every partnership."""
    return (
        Membership.objects.filter(is_active=True, user__is_active=True, grants__grant=Grant.CSU_COORDINATOR)
        .select_related("user", "partnership")
        .order_by("partnership_id", "pk")
    )


def overdue_task_count(recipient: object, partnership: Partnership, today: datetime.date) -> int:
    return (
        access.tasks_visible_to(recipient)
        .filter(case__partnership=partnership, done_on__isnull=True, due_on__lt=today)
        .count()
    )
