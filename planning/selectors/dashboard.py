"""Reads behind the dashboard and documents: status counts, missing and recent updates."""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from partnership.models import Organisation
from planning.models import Action, ActionOwner, PlanYear, Priority, Update
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
    actions = with_current_status(Action.objects.filter(plan_year=plan_year))
    for action in actions.values("priority_id", "current_status_id"):  # type: ignore[misc]
        name = by_id.get(action["current_status_id"], NO_STATUS)
        row = rows[action["priority_id"]]
        row.counts[name] += 1
        row.total += 1
        totals[name] += 1
    return names, list(rows.values()), totals


def missing_updates(plan_year: PlanYear) -> list[tuple[Organisation, list[Action]]]:
    """Actions with no update for the open period, under each owner organisation (by name)."""
    if plan_year.open_period_id is None:
        return []
    actions = (
        Action.objects.filter(plan_year=plan_year)
        .exclude(updates__period_id=plan_year.open_period_id)
        .prefetch_related(Prefetch("owners", queryset=ActionOwner.objects.select_related("organisation")))
        .order_by("priority__order", "order", "pk")
    )
    groups: dict[int, tuple[Organisation, list[Action]]] = {}
    for action in actions:
        for owner in action.owners.all():
            groups.setdefault(owner.organisation_id, (owner.organisation, []))[1].append(action)
    return sorted(groups.values(), key=lambda group: group[0].name.lower())


def recent_updates(plan_year: PlanYear, limit: int = 10) -> QuerySet[Update]:
    return (
        Update.objects.filter(action__plan_year=plan_year)
        .select_related("action", "period", "status", "author")
        .order_by("-modified", "-pk")[:limit]
    )
