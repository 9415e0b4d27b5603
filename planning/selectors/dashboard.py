"""Reads behind the dashboard and documents: status counts, missing and recent updates."""

from collections import OrderedDict
from dataclasses import dataclass, field

from planning.models import Action, PlanYear, Priority, Update
from planning.selectors.actions import priorities, with_current_status
from planning.selectors.years import statuses

NO_STATUS = "No status recorded"


@dataclass
class PriorityStatusCounts:
    priority: Priority
    counts: "OrderedDict[str, int]" = field(default_factory=OrderedDict)
    total: int = 0


def status_counts(
    plan_year: PlanYear,
) -> tuple[list[str], list[PriorityStatusCounts], "OrderedDict[str, int]"]:
    """Per priority, how many actions are in each status, "No status recorded" included.

    Returns (column names, one row per priority, totals per column).
    """
    vocabulary = list(statuses(plan_year.partnership))
    names = [s.name for s in vocabulary] + [NO_STATUS]
    by_id = {s.pk: s.name for s in vocabulary}
    rows: dict[int, PriorityStatusCounts] = OrderedDict()
    for priority in priorities(plan_year):
        rows[priority.pk] = PriorityStatusCounts(priority, OrderedDict((n, 0) for n in names))
    totals: OrderedDict[str, int] = OrderedDict((n, 0) for n in names)
    actions = with_current_status(Action.objects.filter(plan_year=plan_year).order_by())  # no join to sort
    for action in actions.values("priority_id", "current_status_id"):  # type: ignore[misc]
        name = by_id.get(action["current_status_id"], NO_STATUS)
        row = rows[action["priority_id"]]
        row.counts[name] += 1
        row.total += 1
        totals[name] += 1
    return names, list(rows.values()), totals


def recent_updates(plan_year: PlanYear, limit: int = 10) -> list[Update]:
    """The year's latest updates: their ids first (an index-friendly sort of one table), then only
    those rows with their action, period, status and author."""
    ids = list(
        Update.objects.filter(action__plan_year=plan_year)
        .order_by("-modified", "-pk")
        .values_list("pk", flat=True)[:limit]
    )
    found = Update.objects.filter(pk__in=ids).select_related("action", "period", "status", "author")
    by_id = {update.pk: update for update in found}
    return [by_id[pk] for pk in ids if pk in by_id]
