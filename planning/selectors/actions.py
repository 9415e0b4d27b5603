"""Reads of priorities, actions and updates: the action plan, its search, one action, its update."""

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    prefetch_related_objects,
)

from core.access import Purpose, audit_search
from core.actors import Actor
from core.audit import audit_record
from core.models import AuditEventType
from partnership.models import Organisation, Partnership
from planning.access import (
    access_action_by_id,
    access_priority_by_id,
    access_update_by_id,
    actions_visible_to,
    places_visible_to,
    themes_visible_to,
)
from planning.models import (
    Action,
    ActionOwner,
    Approach,
    Measure,
    MeasureKind,
    OwnerRole,
    PlanYear,
    Priority,
    ReportingPeriod,
    Status,
    StatusMeaning,
    Theme,
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
    """Annotate `current_status_id`: the status of the update for the latest period that has one,
    and `latest_update_id`: the update for the latest period.

    The subqueries name the action's plan year on the period (always true: `action_update_record`
    refuses a period of another year) so PostgreSQL joins the year's few periods, not every
    period of every partnership for each action (41 ms for 300 actions with 30 partnerships)."""
    mine = {"action": OuterRef("pk"), "period__plan_year_id": OuterRef("plan_year_id")}
    latest = (
        Update.objects.filter(**mine, status__isnull=False).order_by("-period__order").values("status_id")[:1]
    )
    latest_update = Update.objects.filter(**mine).order_by("-period__order").values("pk")[:1]
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
    plan_year: PlanYear | None = None,
    theme_id: int | None = None,
    place_id: int | None = None,
    overdue_on: datetime.date | None = None,
) -> QuerySet[Action]:
    """Narrow `actions`; with `plan_year` (the year they all belong to) the text search reads only
    that year's updates whatever plan PostgreSQL picks (it may hash the EXISTS below over every
    update of every partnership: 7 ms with 3 partnerships, growing with the database).

    `overdue_on` keeps the actions past their due date on that day and not completed
    (`planning.reporting.is_overdue`); it and the status filters need `with_current_status`."""
    if priority_id:
        actions = actions.filter(priority_id=priority_id)
    # The owner, tag and text filters test to-many rows with EXISTS, so no action repeats and no
    # DISTINCT is needed (DISTINCT over the status subqueries was the text filter's cost).
    if organisation_id:
        actions = actions.filter(
            Exists(ActionOwner.objects.filter(action=OuterRef("pk"), organisation_id=organisation_id))
        )
    if theme_id:
        actions = actions.filter(
            Exists(Action.themes.through.objects.filter(action_id=OuterRef("pk"), theme_id=theme_id))
        )
    if place_id:
        actions = actions.filter(
            Exists(Action.places.through.objects.filter(action_id=OuterRef("pk"), place_id=place_id))
        )
    if overdue_on is not None:
        completed = Status.objects.filter(pk=OuterRef("current_status_id"), meaning=StatusMeaning.COMPLETED)
        actions = actions.filter(due_date__lt=overdue_on).exclude(Exists(completed))
    if no_status:
        actions = actions.filter(Q(current_status_id__isnull=True))  # annotated by with_current_status
    elif status_id:
        actions = actions.filter(Q(current_status_id=status_id))
    if text:
        actions = actions.filter(
            Q(text__icontains=text)
            | Q(target__icontains=text)
            | Exists(
                Update.objects.filter(
                    action=OuterRef("pk"),
                    narrative__icontains=text,
                    **({"action__plan_year": plan_year} if plan_year is not None else {}),
                )
            )
        )
    return actions


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
    theme_id: int | None = None,
    place_id: int | None = None,
    overdue_on: datetime.date | None = None,
) -> QuerySet[Action]:
    """The plan year's actions the actor may see, filtered, every update loaded; writes one
    `searched` event."""
    filters = _filters(
        priority_id, organisation_id, status_id, no_status, text, theme_id, place_id, overdue_on
    )
    return _searched(actor, plan_year, page, _in_plan_order, filters)


PAGE_SIZE = 50  # actions a page of the action plan list (ADR 0014)


def action_list_search(
    actor: Actor,
    plan_year: PlanYear,
    *,
    priority_id: int | None = None,
    organisation_id: int | None = None,
    status_id: int | None = None,
    no_status: bool = False,
    text: str = "",
    theme_id: int | None = None,
    place_id: int | None = None,
    overdue_on: datetime.date | None = None,
) -> list[Action]:
    """Every action of the list (all pages) with what a row shows: see `action_list_page`."""
    filters = _filters(
        priority_id, organisation_id, status_id, no_status, text, theme_id, place_id, overdue_on
    )
    entries = _list_entries(actor, plan_year, filters)
    return _list_rows(plan_year, [pk for pk, _ in entries], entries_priority_flags(entries), {})


@dataclass
class ListSection:
    """A priority as one page of the list shows it: its rows on this page (possibly none), whether
    it began on an earlier page, and whether it is the year's first or last priority (move buttons)."""

    priority: Priority
    rows: list[Action]
    continued: bool
    first: bool
    last: bool


@dataclass
class ListPage:
    page: Page[tuple[int, int]]
    sections: list[ListSection]

    @property
    def total(self) -> int:
        return int(self.page.paginator.count)


def action_list_page(
    actor: Actor,
    plan_year: PlanYear,
    *,
    priorities: list[Priority],
    statuses: Iterable[Status] = (),
    page: int | str | None = 1,
    filtered: bool = False,
    per_page: int = PAGE_SIZE,
    priority_id: int | None = None,
    organisation_id: int | None = None,
    status_id: int | None = None,
    no_status: bool = False,
    text: str = "",
    theme_id: int | None = None,
    place_id: int | None = None,
    overdue_on: datetime.date | None = None,
) -> ListPage:
    """One page of the action plan list, grouped under the year's `priorities` (in order).

    One query finds the matching actions' ids in plan order (the count and the page come from it),
    then only the page's actions are read, with what a row shows: `owner_names`, `owner_roles`
    ((name, is lead) in order), `latest` (the
    update for the latest period, with its period), `status_now` (the status of the latest update
    that has one, from `statuses` when given), `position` (1-based within its priority) and
    `first_in_priority`/`last_in_priority` (over the whole list, not the page). A fixed number of
    queries whatever the plan's size; one `searched` event. Unfiltered, a priority without actions
    is shown on the page where it falls in plan order; filtered, only priorities with rows are shown.
    """
    filters = _filters(
        priority_id, organisation_id, status_id, no_status, text, theme_id, place_id, overdue_on
    )
    entries = _list_entries(actor, plan_year, filters)
    paged = Paginator(entries, per_page).get_page(page)
    flags = entries_priority_flags(entries)
    rows = _list_rows(plan_year, [pk for pk, _ in paged.object_list], flags, {s.pk: s for s in statuses})
    by_priority: dict[int, list[Action]] = {}
    for row in rows:
        by_priority.setdefault(row.priority_id, []).append(row)
    # Where each priority starts in the whole list (plan order), for the empty and continued ones.
    counts = Counter(priority_pk for _, priority_pk in entries)
    starts: dict[int, int] = {}
    for index, (_, priority_pk) in enumerate(entries):
        starts.setdefault(priority_pk, index)
    low = (paged.number - 1) * per_page
    high = low + per_page
    sections = []
    position = 0  # where the next priority would start: after the actions of those before it
    for n, priority in enumerate(priorities):
        own = by_priority.get(priority.pk, [])
        count = counts[priority.pk]
        start = starts.get(priority.pk, position)
        position = start + count
        if own:
            shown = True
        elif filtered or count:
            shown = False
        else:  # an empty priority: on the page its place falls on (the last page past the end)
            shown = low <= start < high or (start >= len(entries) and not paged.has_next())
        if shown:
            sections.append(
                ListSection(
                    priority=priority,
                    rows=own,
                    continued=start < low,
                    first=n == 0,
                    last=n == len(priorities) - 1,
                )
            )
    return ListPage(page=paged, sections=sections)


def _filters(
    priority_id: int | None,
    organisation_id: int | None,
    status_id: int | None,
    no_status: bool,
    text: str,
    theme_id: int | None = None,
    place_id: int | None = None,
    overdue_on: datetime.date | None = None,
) -> dict[str, Any]:
    return {
        "priority_id": priority_id,
        "organisation_id": organisation_id,
        "status_id": status_id,
        "no_status": no_status,
        "text": text,
        "theme_id": theme_id,
        "place_id": place_id,
        "overdue_on": overdue_on,
    }


def _list_entries(actor: Actor, plan_year: PlanYear, filters: dict[str, Any]) -> list[tuple[int, int]]:
    """(action id, priority id) of every matching action in plan order; one `searched` event."""

    def ordered(actions: QuerySet[Action]) -> QuerySet[Action]:
        # only these filter on the current status
        if filters["status_id"] or filters["no_status"] or filters["overdue_on"]:
            actions = with_current_status(actions)
        return actions.order_by("priority__order", "priority__pk", "order", "pk")

    searched = _searched(actor, plan_year, "action plan", ordered, filters)
    return [(pk, priority_pk) for pk, priority_pk in searched.values_list("pk", "priority_id")]


def entries_priority_flags(entries: list[tuple[int, int]]) -> dict[int, tuple[int, bool, bool]]:
    """Per action id: (position in its priority from 1, first in its priority, last in it)."""
    flags = {}
    position = 0
    for index, (pk, priority_pk) in enumerate(entries):
        first = index == 0 or entries[index - 1][1] != priority_pk
        last = index == len(entries) - 1 or entries[index + 1][1] != priority_pk
        position = 1 if first else position + 1
        flags[pk] = (position, first, last)
    return flags


def _list_rows(
    plan_year: PlanYear, ids: list[int], flags: dict[int, tuple[int, bool, bool]], statuses: dict[int, Status]
) -> list[Action]:
    """The actions `ids` in that order with what a list row shows, in four queries (five when a
    status is not in `statuses`): the actions, their owners' names, their updates' periods and
    statuses (the latest and the current status are picked here, cheaper than building the
    `with_current_status` subqueries), and the text of each action's latest update."""
    if not ids:
        return []
    found = {a.pk: a for a in Action.objects.filter(pk__in=ids)}
    actions = [found[pk] for pk in ids if pk in found]
    owners: dict[int, list[tuple[str, bool]]] = {}
    for action_id, written, name, role in (
        ActionOwner.objects.filter(action_id__in=ids)
        .order_by("action_id", "order", "pk")
        .values_list("action_id", "name_as_written", "organisation__name", "role")
    ):
        owners.setdefault(action_id, []).append((written or name, role == OwnerRole.LEAD))
    latest: dict[int, tuple[int, int]] = {}  # action id: (period order, update id)
    status_of: dict[int, tuple[int, int]] = {}  # action id: (period order, status id)
    for action_id, update_id, status_id, order in Update.objects.filter(
        action_id__in=ids, period__plan_year=plan_year
    ).values_list("action_id", "pk", "status_id", "period__order"):
        if action_id not in latest or order > latest[action_id][0]:
            latest[action_id] = (order, update_id)
        if status_id is not None and (action_id not in status_of or order > status_of[action_id][0]):
            status_of[action_id] = (order, status_id)
    update_ids = [update_id for _, update_id in latest.values()]
    updates = (
        {u.pk: u for u in Update.objects.filter(pk__in=update_ids).select_related("period")}
        if update_ids
        else {}
    )
    missing = {status_id for _, status_id in status_of.values()} - set(statuses)
    if missing:
        statuses = {**statuses, **{s.pk: s for s in Status.objects.filter(pk__in=missing)}}
    for action in actions:
        action.owner_roles = owners.get(action.pk, [])  # type: ignore[attr-defined]
        action.owner_names = [name for name, _ in action.owner_roles]  # type: ignore[attr-defined]
        update = latest.get(action.pk)
        action.latest = updates.get(update[1]) if update else None  # type: ignore[attr-defined]
        status = status_of.get(action.pk)
        action.status_now = statuses.get(status[1]) if status else None  # type: ignore[attr-defined]
        action.position, action.first_in_priority, action.last_in_priority = flags[action.pk]  # type: ignore[attr-defined]
    return actions


def _searched(
    actor: Actor,
    plan_year: PlanYear,
    page: str,
    ordered: Callable[[QuerySet[Action]], QuerySet[Action]],
    filters: dict[str, Any],
) -> QuerySet[Action]:
    overdue = filters.get("overdue_on")
    audit_search(
        actor,
        Action,
        partnership=plan_year.partnership,
        filters={
            "page": page,
            "plan_year": plan_year.slug,
            **filters,
            "overdue_on": overdue.isoformat() if overdue else None,
        },
    )
    visible = actions_visible_to(actor).filter(plan_year=plan_year)
    return filter_actions(ordered(visible), plan_year=plan_year, **filters)


def audit_export(actor: Actor, plan_year: PlanYear, file_format: str, *, theme: Theme | None = None) -> None:
    """One `exported` event for a download of the action plan (web page or command), naming the
    cross-cutting theme when only its actions were exported."""
    detail: dict[str, Any] = {"plan_year": plan_year.slug, "format": file_format}
    if theme is not None:
        detail["theme"] = theme.name
    audit_record(
        actor=actor,
        event=AuditEventType.EXPORTED,
        partnership=plan_year.partnership,
        object_type=Action._meta.label_lower,
        detail=detail,
    )


def action_page(
    actor: Actor, plan_year: PlanYear, action_id: object, *, for_: Purpose = Purpose.VIEW
) -> Action:
    """One action of the plan year through its door (one `viewed` event), owners and updates loaded."""
    return action_details(access_action_by_id(actor, action_id, for_=for_, plan_year=plan_year))


def action_opened(actor: Actor, plan_year: PlanYear, action_id: object) -> Action:
    """One action of the plan year through its door (one `viewed` event), nothing more loaded:
    the action page loads its details only when its content is not cached (`action_details`)."""
    return access_action_by_id(actor, action_id, for_=Purpose.VIEW, plan_year=plan_year)


def action_details(action: Action) -> Action:
    """Load what the action page shows of an action opened through its door."""
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


def filter_tags(
    actor: Actor, partnership: Partnership
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The partnership's cross-cutting themes (in order) and places (by name) as (id, name), for the
    list's filters: one query (a UNION), so the list's query budget does not grow with the tags."""
    themes = (
        themes_visible_to(actor)
        .filter(partnership=partnership)
        .order_by()
        .annotate(tag=Value(0), sort=F("order"))
        .values_list("tag", "sort", "name", "pk")
    )
    places = (
        places_visible_to(actor)
        .filter(partnership=partnership)
        .order_by()
        .annotate(tag=Value(1), sort=Value(0))
        .values_list("tag", "sort", "name", "pk")
    )
    rows = sorted(themes.union(places, all=True))
    return (
        [(pk, name) for tag, _, name, pk in rows if tag == 0],
        [(pk, name) for tag, _, name, pk in rows if tag == 1],
    )


def approaches_for_year(plan_year: PlanYear) -> QuerySet[Approach]:
    """Every approach of the plan year's priorities (the caller opened the year through its door)."""
    return Approach.objects.filter(priority__plan_year=plan_year).select_related("priority")


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
    """Organisations owning at least one action of the plan year, by name (the list's filter).

    Starts from the partnership's organisations (an owner always belongs to the action's
    partnership: `services.plans._set_owners` checks it) and tests each with EXISTS: no DISTINCT, no
    hash over every partnership's organisations."""
    owns = ActionOwner.objects.filter(organisation=OuterRef("pk"), action__plan_year=plan_year)
    return (
        Organisation.objects.filter(partnership_id=plan_year.partnership_id)
        .filter(Exists(owns))
        .order_by("name")
    )


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
