"""Reads of plan years, actions and updates. Restricted records come only through these doors."""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from partnership.models import Partnership
from partnership.selectors import partnership_for_user
from planning.models import Action, ActionOwner, PlanYear, Priority, Status, Update

NO_STATUS = "No status recorded"


def plan_years(partnership: Partnership) -> QuerySet[PlanYear]:
    return partnership.plan_years.order_by("-start_date")


def plan_year_for_user(user, partnership_slug: str, year_slug: str | None = None) -> PlanYear:  # type: ignore[no-untyped-def]
    """The plan year of a partnership the user belongs to; the current one when no slug is given."""
    partnership = partnership_for_user(user, partnership_slug)
    return plan_year_of(partnership, year_slug)


def plan_year_of(partnership: Partnership, year_slug: str | None = None) -> PlanYear:
    if year_slug is None:
        plan_year = partnership.current_plan_year or plan_years(partnership).first()
    else:
        plan_year = partnership.plan_years.filter(slug=year_slug).first()
    if plan_year is None:
        raise Http404("No such plan year.")
    plan_year.partnership = partnership
    return plan_year


def with_current_status(actions: QuerySet[Action]) -> QuerySet[Action]:
    """Annotate `current_status_id`: the status of the update for the latest period that has one."""
    latest = (
        Update.objects.filter(action=OuterRef("pk"), status__isnull=False)
        .order_by("-period__order")
        .values("status_id")[:1]
    )
    latest_update = Update.objects.filter(action=OuterRef("pk")).order_by("-period__order").values("pk")[:1]
    return actions.annotate(current_status_id=Subquery(latest), latest_update_id=Subquery(latest_update))


def actions_for_year(plan_year: PlanYear) -> QuerySet[Action]:
    """All actions of a plan year, in plan order, with owners, priority and updates loaded."""
    return with_current_status(
        plan_year.actions.select_related("priority", "plan_year__partnership").prefetch_related(
            Prefetch("owners", queryset=ActionOwner.objects.select_related("organisation")),
            Prefetch(
                "updates",
                queryset=Update.objects.select_related("period", "status", "author").order_by(
                    "period__order"
                ),
            ),
        )
    ).order_by("priority__order", "priority__pk", "order", "pk")


def filter_actions(
    actions: QuerySet[Action],
    *,
    priority_id: int | None = None,
    organisation_id: int | None = None,
    status_id: int | None = None,
    no_status: bool = False,
    text: str = "",
) -> QuerySet[Action]:
    if priority_id:
        actions = actions.filter(priority_id=priority_id)
    if organisation_id:
        actions = actions.filter(owners__organisation_id=organisation_id)
    if no_status:
        actions = actions.filter(current_status_id__isnull=True)
    elif status_id:
        actions = actions.filter(current_status_id=status_id)
    if text:
        actions = actions.filter(
            Q(text__icontains=text) | Q(updates__narrative__icontains=text) | Q(target__icontains=text)
        )
    return actions.distinct()


def action_for_user(user, plan_year: PlanYear, action_id: int) -> Action:  # type: ignore[no-untyped-def]
    """An action of a plan year the user can see (the plan year came through plan_year_for_user)."""
    action = actions_for_year(plan_year).filter(pk=action_id).first()
    if action is None:
        raise Http404("No such action.")
    return action


def statuses(partnership: Partnership, *, active_only: bool = False) -> QuerySet[Status]:
    qs = partnership.statuses.all()
    return qs.filter(is_active=True) if active_only else qs


def latest_update(action: Action) -> Update | None:
    """The update for the latest reporting period (prefetched updates are used when present)."""
    updates = list(action.updates.all())
    return max(updates, key=lambda u: u.period.order) if updates else None


def current_status(action: Action) -> Status | None:
    """The status of the update for the latest reporting period that has one."""
    with_status = [u for u in action.updates.all() if u.status_id is not None]
    return max(with_status, key=lambda u: u.period.order).status if with_status else None


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
    names = [s.name for s in statuses(plan_year.partnership)] + [NO_STATUS]
    by_id = {s.pk: s.name for s in statuses(plan_year.partnership)}
    rows: dict[int, PriorityStatusCounts] = OrderedDict()
    for priority in plan_year.priorities.order_by("order", "pk"):
        rows[priority.pk] = PriorityStatusCounts(priority, OrderedDict((n, 0) for n in names))
    totals: OrderedDict[str, int] = OrderedDict((n, 0) for n in names)
    for action in with_current_status(plan_year.actions.all()).values("priority_id", "current_status_id"):
        name = by_id.get(action["current_status_id"], NO_STATUS)
        row = rows[action["priority_id"]]
        row.counts[name] += 1
        row.total += 1
        totals[name] += 1
    return names, list(rows.values()), totals
