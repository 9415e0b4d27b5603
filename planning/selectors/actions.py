"""Reads of priorities, actions and updates: the action plan, its search, one action, its update."""

from collections.abc import Callable

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, prefetch_related_objects

from core.access import Purpose, audit_search
from core.actors import Actor
from core.audit import audit_record
from core.models import AuditEventType
from partnership.models import Organisation
from planning.access import (
    access_action_by_id,
    access_priority_by_id,
    access_update_by_id,
    actions_visible_to,
)
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

DETAILS = (
    Prefetch("owners", queryset=ActionOwner.objects.select_related("organisation")),
    Prefetch(
        "updates",
        queryset=Update.objects.select_related("period", "status", "author")
        .prefetch_related("measures")
        .order_by("period__order"),
    ),
)


def with_current_status(actions: QuerySet[Action]) -> QuerySet[Action]:
    """Annotate `current_status_id`: the status of the update for the latest period that has one."""
    latest = (
        Update.objects.filter(action=OuterRef("pk"), status__isnull=False)
        .order_by("-period__order")
        .values("status_id")[:1]
    )
    latest_update = Update.objects.filter(action=OuterRef("pk")).order_by("-period__order").values("pk")[:1]
    return actions.annotate(current_status_id=Subquery(latest), latest_update_id=Subquery(latest_update))


def _in_plan_order(actions: QuerySet[Action]) -> QuerySet[Action]:
    return with_current_status(
        actions.select_related("priority", "plan_year__partnership").prefetch_related(*DETAILS)
    ).order_by("priority__order", "priority__pk", "order", "pk")


def actions_for_year(plan_year: PlanYear) -> QuerySet[Action]:
    """All actions of a plan year the caller opened through its door, in plan order, with owners,
    priority and updates loaded (documents and exports of the whole plan)."""
    return _in_plan_order(Action.objects.filter(plan_year=plan_year))


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
        actions = actions.filter(Q(current_status_id__isnull=True))  # annotated by with_current_status
    elif status_id:
        actions = actions.filter(Q(current_status_id=status_id))
    if text:
        actions = actions.filter(
            Q(text__icontains=text) | Q(updates__narrative__icontains=text) | Q(target__icontains=text)
        )
    # Only the owner and text filters join to-many rows that can repeat an action.
    return actions.distinct() if organisation_id or text else actions


def action_search(
    actor: Actor,
    plan_year: PlanYear,
    *,
    page: str = "action plan",
    priority_id: int | None = None,
    organisation_id: int | None = None,
    status_id: int | None = None,
    no_status: bool = False,
    text: str = "",
) -> QuerySet[Action]:
    """The plan year's actions the actor may see, filtered, every update loaded; writes one
    `searched` event."""
    return _searched(
        actor, plan_year, page, _in_plan_order, priority_id, organisation_id, status_id, no_status, text
    )


def action_list_search(
    actor: Actor,
    plan_year: PlanYear,
    *,
    priority_id: int | None = None,
    organisation_id: int | None = None,
    status_id: int | None = None,
    no_status: bool = False,
    text: str = "",
) -> list[Action]:
    """The action plan list: like `action_search`, but only what a row shows is loaded: owners,
    `latest` (the update for the latest period, with its period) and `status_now` (the status of
    the latest update that has one), in a fixed number of queries whatever the plan's size."""
    actions = list(
        _searched(
            actor,
            plan_year,
            "action plan",
            _list_order,
            priority_id,
            organisation_id,
            status_id,
            no_status,
            text,
        )
    )
    update_ids = {a.latest_update_id for a in actions} - {None}  # type: ignore[attr-defined]
    status_ids = {a.current_status_id for a in actions} - {None}  # type: ignore[attr-defined]
    updates = Update.objects.filter(pk__in=update_ids).select_related("period")
    latest = {u.pk: u for u in updates} if update_ids else {}
    by_status = {s.pk: s for s in Status.objects.filter(pk__in=status_ids)} if status_ids else {}
    for action in actions:
        action.latest = latest.get(action.latest_update_id)  # type: ignore[attr-defined]
        action.status_now = by_status.get(action.current_status_id)  # type: ignore[attr-defined]
    return actions


def _list_order(actions: QuerySet[Action]) -> QuerySet[Action]:
    return with_current_status(actions.prefetch_related(DETAILS[0])).order_by(
        "priority__order", "priority__pk", "order", "pk"
    )


def _searched(
    actor: Actor,
    plan_year: PlanYear,
    page: str,
    ordered: Callable[[QuerySet[Action]], QuerySet[Action]],
    priority_id: int | None,
    organisation_id: int | None,
    status_id: int | None,
    no_status: bool,
    text: str,
) -> QuerySet[Action]:
    filters = {
        "priority_id": priority_id,
        "organisation_id": organisation_id,
        "status_id": status_id,
        "no_status": no_status,
        "text": text,
    }
    audit_search(
        actor,
        Action,
        partnership=plan_year.partnership,
        filters={"page": page, "plan_year": plan_year.slug, **filters},
    )
    visible = actions_visible_to(actor).filter(plan_year=plan_year)
    return filter_actions(
        ordered(visible),
        priority_id=priority_id,
        organisation_id=organisation_id,
        status_id=status_id,
        no_status=no_status,
        text=text,
    )


def audit_export(actor: Actor, plan_year: PlanYear, file_format: str) -> None:
    """One `exported` event for a download of the whole action plan (web page or command)."""
    audit_record(
        actor=actor,
        event=AuditEventType.EXPORTED,
        partnership=plan_year.partnership,
        object_type=Action._meta.label_lower,
        detail={"plan_year": plan_year.slug, "format": file_format},
    )


def action_page(
    actor: Actor, plan_year: PlanYear, action_id: object, *, for_: Purpose = Purpose.VIEW
) -> Action:
    """One action of the plan year through its door (one `viewed` event), owners and updates loaded."""
    action = access_action_by_id(actor, action_id, for_=for_, plan_year=plan_year)
    prefetch_related_objects([action], *DETAILS)
    return action


def update_form_target(
    actor: Actor, plan_year: PlanYear, action_id: object, period: ReportingPeriod
) -> tuple[Action, Update | None]:
    """The action the actor may report on now and its update for the period, if any.

    Writes one `viewed` event: for the update shown, or for the action when there is none yet.
    """
    action = access_action_by_id(actor, action_id, for_=Purpose.REPORT, plan_year=plan_year, audit=False)
    prefetch_related_objects([action], DETAILS[0])
    existing = Update.objects.filter(action=action, period=period).values_list("pk", flat=True)
    update_id = existing.first()
    if update_id is None:
        audit_record(
            actor=actor,
            event=AuditEventType.VIEWED,
            partnership=plan_year.partnership,
            obj=action,
            purpose=str(Purpose.REPORT),
        )
        return action, None
    return action, access_update_by_id(actor, update_id, for_=Purpose.REPORT, action=action)


def action_updates(action: Action) -> list[Update]:
    """The action's updates in period order (prefetched ones are used)."""
    return sorted(action.updates.all(), key=lambda u: u.period.order)


def update_count(action: Action) -> int:
    return Update.objects.filter(action=action).count()


def action_count(plan_year: PlanYear) -> int:
    return Action.objects.filter(plan_year=plan_year).count()


def action_owners(action: Action) -> list[ActionOwner]:
    return list(action.owners.all())


def action_owner_names(action: Action) -> list[str]:
    """The owners as this action names them, in order (prefetched owners are used)."""
    return [owner.display_name for owner in action.owners.all()]


def update_figures(update: Update) -> list[Measure]:
    """The figures reported in an update, in order."""
    return [m for m in update.measures.all() if m.kind == MeasureKind.UPDATE_FIGURE]


def latest_update(action: Action) -> Update | None:
    """The update for the latest reporting period (prefetched updates are used when present)."""
    updates = list(action.updates.all())
    return max(updates, key=lambda u: u.period.order) if updates else None


def current_status(action: Action) -> Status | None:
    """The status of the update for the latest reporting period that has one."""
    with_status = [u for u in action.updates.all() if u.status_id is not None]
    return max(with_status, key=lambda u: u.period.order).status if with_status else None


def status_is_example(action: Action, status: Status) -> bool:
    """Whether the action's current status comes from example data made up for the demo."""
    return any(u.is_example and u.status_id == status.pk for u in action.updates.all())


def update_for_period(action: Action, period: ReportingPeriod | None) -> Update | None:
    if period is None:
        return None
    return next((u for u in action.updates.all() if u.period_id == period.pk), None)


def priorities(plan_year: PlanYear) -> QuerySet[Priority]:
    """A plan year's priorities in order (the year was opened through its door)."""
    return Priority.objects.filter(plan_year=plan_year).order_by("order", "pk")


def priorities_for_year(plan_year: PlanYear) -> QuerySet[Priority]:
    return priorities(plan_year).prefetch_related("sub_themes").annotate(action_count=Count("actions"))


def priority_page(
    actor: Actor, plan_year: PlanYear, priority_id: object, *, for_: Purpose = Purpose.MANAGE
) -> Priority:
    """One priority of the plan year through its door, with its action count."""
    priority = access_priority_by_id(actor, priority_id, for_=for_, plan_year=plan_year)
    priority.action_count = Action.objects.filter(priority=priority).count()  # type: ignore[attr-defined]
    return priority


def sub_theme_names(priority: Priority) -> list[str]:
    return [theme.name for theme in priority.sub_themes.order_by("order", "pk")]


def owner_organisations(plan_year: PlanYear) -> QuerySet[Organisation]:
    """Organisations owning at least one action of the plan year, by name (the list's filter)."""
    return Organisation.objects.filter(owned_actions__action__plan_year=plan_year).distinct().order_by("name")


def carried_actions(target: PlanYear, source: PlanYear) -> list[Action]:
    """Actions of `target` carried forward from `source`."""
    return list(
        actions_for_year(target).filter(carried_from__plan_year=source).select_related("carried_from")
    )


def carried_priority_count(target: PlanYear, source: PlanYear) -> int:
    return Priority.objects.filter(plan_year=target, carried_from__plan_year=source).count()


def action_ids(plan_year: PlanYear | None) -> set[int]:
    if plan_year is None:
        return set()
    return set(Action.objects.filter(plan_year=plan_year).values_list("pk", flat=True))


def actions_with_priorities(plan_year: PlanYear) -> QuerySet[Priority]:
    """Priorities with their actions loaded, in order (the roll forward page)."""
    return priorities_for_year(plan_year).prefetch_related("actions")


def owner_history(action: Action) -> list[dict[str, object]]:
    """Owners added to and removed from an action: who, when, which organisation."""
    records = (
        ActionOwner.history.filter(action_id=action.pk)
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
            "changes": [],
        }
        for r in records[:100]
    ]
