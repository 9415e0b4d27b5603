"""Reads of plan years, actions and updates. Restricted records come only through these doors."""

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Model, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from core.history import history_rows
from partnership import access as partnership_access
from partnership.models import Organisation, Partnership
from partnership.selectors import partnership_for_user
from planning import access
from planning.models import (
    Action,
    ActionOwner,
    Measure,
    MeasureKind,
    PlanYear,
    Priority,
    ReportingPeriod,
    Status,
    Update,
)

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
                queryset=Update.objects.select_related("period", "status", "author")
                .prefetch_related("measures")
                .order_by("period__order"),
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


# --- Pages of the planning app --------------------------------------------------------------


def plan_year_for_coordinator(user, partnership_slug: str, year_slug: str | None = None) -> PlanYear:  # type: ignore[no-untyped-def]
    """As plan_year_for_user, but 404 unless the user coordinates the partnership."""
    plan_year = plan_year_for_user(user, partnership_slug, year_slug)
    if not access.can_manage_plan(user, plan_year):
        raise Http404("No such page.")
    return plan_year


def priorities_for_year(plan_year: PlanYear) -> QuerySet[Priority]:
    return (
        plan_year.priorities.prefetch_related("sub_themes")
        .annotate(action_count=Count("actions"))
        .order_by("order", "pk")
    )


def priority_for_coordinator(user, plan_year: PlanYear, priority_id: int) -> Priority:  # type: ignore[no-untyped-def]
    priority = priorities_for_year(plan_year).filter(pk=priority_id).first()
    if priority is None or not access.can_manage_plan(user, plan_year):
        raise Http404("No such priority.")
    return priority


def action_for_coordinator(user, plan_year: PlanYear, action_id: int) -> Action:  # type: ignore[no-untyped-def]
    action = action_for_user(user, plan_year, action_id)
    if not access.can_manage_plan(user, plan_year):
        raise Http404("No such page.")
    return action


def action_for_reporting(user, plan_year: PlanYear, action_id: int) -> Action:  # type: ignore[no-untyped-def]
    """An action the user may report on now (open period, their organisation's action); else 404."""
    action = action_for_user(user, plan_year, action_id)
    if not access.can_report_on(user, action):
        raise Http404("No such page.")
    return action


def update_for_period(action: Action, period: ReportingPeriod | None) -> Update | None:
    if period is None:
        return None
    return next((u for u in action.updates.all() if u.period_id == period.pk), None)


def missing_updates(plan_year: PlanYear) -> list[tuple[Organisation, list[Action]]]:
    """Actions with no update for the open period, under each owner organisation (by name)."""
    if plan_year.open_period_id is None:
        return []
    actions = (
        plan_year.actions.exclude(updates__period_id=plan_year.open_period_id)
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


def periods(plan_year: PlanYear) -> QuerySet[ReportingPeriod]:
    return plan_year.periods.order_by("order")


def period_for_coordinator(user, plan_year: PlanYear, code: str) -> ReportingPeriod:  # type: ignore[no-untyped-def]
    period = plan_year.periods.filter(code=code).first()
    if period is None or not access.can_manage_plan(user, plan_year):
        raise Http404("No such reporting period.")
    return period


def status_for_coordinator(user, partnership: Partnership, status_id: int) -> Status:  # type: ignore[no-untyped-def]
    status = partnership.statuses.filter(pk=status_id).first()
    if status is None or not partnership_access.is_coordinator(user, partnership):
        raise Http404("No such status.")
    return status


def key_figures(partnership: Partnership) -> list[tuple[PlanYear | None, list[Measure]]]:
    """The partnership's key figures grouped by plan year, latest year first, then undated ones."""
    measures = partnership.measures.filter(kind=MeasureKind.KEY_FIGURE).select_related(
        "plan_year", "source_organisation"
    )
    groups: dict[int | None, list[Measure]] = {}
    years: dict[int | None, PlanYear | None] = {None: None}
    for measure in measures.order_by("order", "pk"):
        groups.setdefault(measure.plan_year_id, []).append(measure)
        years[measure.plan_year_id] = measure.plan_year
    ordered = sorted(
        groups, key=lambda pk: (pk is None, -(years[pk].start_date.toordinal() if years[pk] else 0))
    )
    return [(years[pk], groups[pk]) for pk in ordered]


def measure_for_coordinator(user, partnership: Partnership, measure_id: int) -> Measure:  # type: ignore[no-untyped-def]
    measure = partnership.measures.filter(pk=measure_id, kind=MeasureKind.KEY_FIGURE).first()
    if measure is None or not partnership_access.is_coordinator(user, partnership):
        raise Http404("No such figure.")
    return measure


HIDDEN_HISTORY_FIELDS = {"version", "modified", "created", "order"}


def record_history(instance: Model, limit: int = 50) -> list[dict[str, Any]]:
    """history_rows with related records named instead of numbered and bookkeeping fields hidden."""
    by_label = {str(getattr(f, "verbose_name", f.name)).capitalize(): f for f in instance._meta.fields}
    rows = history_rows(instance, limit)
    for row in rows:
        changes = []
        for change in row["changes"]:
            model_field = by_label.get(change["field"])
            if model_field is not None and model_field.name in HIDDEN_HISTORY_FIELDS:
                continue
            if model_field is not None and model_field.is_relation and model_field.related_model:
                related = model_field.related_model._base_manager  # type: ignore[union-attr]
                for key in ("old", "new"):
                    if change[key] is not None:
                        change[key] = str(related.filter(pk=change[key]).first() or "(deleted)")
            changes.append(change)
        row["changes"] = changes
    return rows


def owner_history(action: Action) -> list[dict[str, Any]]:
    """Owners added to and removed from an action: who, when, which organisation."""
    records = (
        ActionOwner.history.filter(action_id=action.pk)  # type: ignore[attr-defined]
        .exclude(history_type="~")
        .select_related("history_user", "organisation")
        .order_by("-history_date")
    )
    return [
        {
            "date": r.history_date,
            "user": r.history_user,
            "type": "Owner added" if r.history_type == "+" else "Owner removed",
            "name": r.name_as_written or r.organisation.name,
        }
        for r in records[:100]
    ]
