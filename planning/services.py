"""Writes to plans: keyword-only functions with the acting user, each inside a transaction."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max

from core.errors import AccessDenied, ConflictError, ServiceError
from core.history import delete_as, save_as
from partnership import access as partnership_access
from partnership.models import Organisation, Partnership
from planning import access
from planning.models import (
    DEFAULT_STATUSES,
    Action,
    ActionOwner,
    Measure,
    MeasureKind,
    PeriodCode,
    PlanYear,
    PlanYearState,
    Priority,
    ReportingPeriod,
    Status,
    SubTheme,
    Update,
)


def _last_day(year: int, month: int) -> datetime.date:
    first_next = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - datetime.timedelta(days=1)


def default_periods(start: datetime.date) -> list[dict[str, Any]]:
    """Q1–Q4 by calendar quarter from 1 April, each due on the 15th of the next month;
    the year-end review covers the whole year and is due on 30 April."""
    periods = []
    for index, code in enumerate([PeriodCode.Q1, PeriodCode.Q2, PeriodCode.Q3, PeriodCode.Q4]):
        month = (start.month - 1 + 3 * index) % 12 + 1
        year = start.year + (start.month - 1 + 3 * index) // 12
        end_month = (month + 1) % 12 + 1
        end_year = year + (month + 2 > 12)
        end = _last_day(end_year, end_month)
        due = end + datetime.timedelta(days=15)
        periods.append(
            {
                "code": code,
                "start_date": datetime.date(year, month, 1),
                "end_date": end,
                "due_date": due,
            }
        )
    year_end = _last_day(start.year + 1, 3)
    periods.append(
        {
            "code": PeriodCode.YEAR_END,
            "start_date": start,
            "end_date": year_end,
            "due_date": year_end + datetime.timedelta(days=30),
        }
    )
    return periods


@transaction.atomic
def statuses_seed(*, partnership: Partnership, user: Any) -> list[Status]:
    """Give a partnership the default status vocabulary when it has none yet."""
    if partnership.statuses.exists():
        return list(partnership.statuses.all())
    return [
        save_as(Status(partnership=partnership, name=name, colour=colour, order=index), user)  # type: ignore[misc]
        for index, (name, colour) in enumerate(DEFAULT_STATUSES)
    ]


@transaction.atomic
def plan_year_create(
    *, partnership: Partnership, slug: str, user: Any, state: str = PlanYearState.DRAFT
) -> PlanYear:
    """A plan year with its five reporting periods (Q1–Q4 and year-end)."""
    if partnership.plan_years.filter(slug=slug).exists():
        raise ServiceError(f"{partnership.name} already has a plan year {slug}.")
    start, end = PlanYear.dates_for_slug(slug)
    if PlanYear.slug_for_start(start.year) != slug:
        raise ServiceError(f"{slug!r} is not a plan year: use the form 2020-21.")
    plan_year = save_as(
        PlanYear(partnership=partnership, slug=slug, start_date=start, end_date=end, state=state),
        user,
    )
    for period in default_periods(start):
        save_as(ReportingPeriod(plan_year=plan_year, **period), user)
    return plan_year  # type: ignore[return-value]


@transaction.atomic
def plan_year_open_period(*, plan_year: PlanYear, period: ReportingPeriod | None, user: Any) -> PlanYear:
    """Open one reporting period for updates (None closes them all)."""
    if period is not None and period.plan_year_id != plan_year.pk:
        raise ServiceError("That reporting period belongs to another plan year.")
    plan_year.open_period = period
    save_as(plan_year, user)
    return plan_year


@transaction.atomic
def plan_year_set_current(*, plan_year: PlanYear, user: Any) -> None:
    partnership = plan_year.partnership
    partnership.current_plan_year = plan_year
    save_as(partnership, user)


@transaction.atomic
def priority_create(
    *,
    plan_year: PlanYear,
    title: str,
    user: Any,
    description: str = "",
    sub_themes: Sequence[str] = (),
    carried_from: Priority | None = None,
) -> Priority:
    order = (plan_year.priorities.aggregate(m=Max("order"))["m"] or 0) + 1
    priority = save_as(
        Priority(
            plan_year=plan_year,
            title=title.strip(),
            description=description,
            order=order,
            carried_from=carried_from,
        ),
        user,
    )
    for index, name in enumerate(sub_themes, start=1):
        save_as(SubTheme(priority=priority, name=name.strip(), order=index), user)
    return priority  # type: ignore[return-value]


def priority_match(plan_year: PlanYear, title: str) -> Priority | None:
    """The plan year's priority with this title, ignoring case and surrounding spaces."""
    wanted = title.strip().lower()
    for priority in plan_year.priorities.all():
        if priority.title.strip().lower() == wanted:
            return priority
    return None


@transaction.atomic
def action_create(
    *,
    plan_year: PlanYear,
    priority: Priority,
    text: str,
    owners: Sequence[tuple[Organisation, str]],
    user: Any,
    target: str = "",
    due_date: datetime.date | None = None,
    carried_from: Action | None = None,
) -> Action:
    """An action with its owners in order; each owner is (organisation, name as written here)."""
    if priority.plan_year_id != plan_year.pk:
        raise ServiceError("The priority belongs to another plan year.")
    if not owners:
        raise ServiceError("An action needs at least one owner.")
    order = (plan_year.actions.filter(priority=priority).aggregate(m=Max("order"))["m"] or 0) + 1
    action = save_as(
        Action(
            plan_year=plan_year,
            priority=priority,
            text=text.strip(),
            target=target,
            due_date=due_date,
            order=order,
            carried_from=carried_from,
        ),
        user,
    )
    _set_owners(action, owners, user)  # type: ignore[arg-type]
    return action  # type: ignore[return-value]


def _set_owners(action: Action, owners: Sequence[tuple[Organisation, str]], user: Any) -> None:
    seen: set[int] = set()
    for existing in list(action.owners.all()):
        delete_as(existing, user)
    for index, (organisation, written) in enumerate(owners, start=1):
        if organisation.partnership_id != action.plan_year.partnership_id:
            raise ServiceError(f"{organisation.name} belongs to another partnership.")
        if organisation.pk in seen:
            continue
        seen.add(organisation.pk)
        written = written.strip()
        save_as(
            ActionOwner(
                action=action,
                organisation=organisation,
                order=index,
                name_as_written="" if written == organisation.name else written,
            ),
            user,
        )


@transaction.atomic
def action_edit(
    *,
    action: Action,
    expected_version: int,
    user: Any,
    owners: Sequence[tuple[Organisation, str]] | None = None,
    **fields: Any,
) -> Action:
    """Edit an action unless someone saved a newer version since the editor loaded it."""
    if not access.can_manage_plan(user, action.plan_year):
        raise AccessDenied("Only the partnership coordinator can edit actions.")
    current = Action.objects.select_for_update().get(pk=action.pk)
    if current.version != expected_version:
        raise ConflictError("Someone else changed this action while you were editing it.", current)
    for name, value in fields.items():
        setattr(current, name, value)
    current.version += 1  # row locked above; an F() would break the history copy
    save_as(current, user)
    current.refresh_from_db()
    if owners is not None:
        _set_owners(current, owners, user)
    return current


@transaction.atomic
def action_update_record(
    *,
    action: Action,
    user: Any,
    narrative: str,
    status: Status | None,
    period: ReportingPeriod | None = None,
    expected_version: int | None = None,
    check_access: bool = True,
    is_example: bool = False,
) -> Update:
    """Create or edit the action's update for a period (the open one by default).

    expected_version is the version of the update the author started from (None when they
    started a new one): a mismatch means someone else saved first, and nothing is overwritten.
    """
    plan_year = action.plan_year
    period = period or plan_year.open_period
    if period is None:
        raise ServiceError(f"No reporting period is open for updates in {plan_year.label}.")
    if period.plan_year_id != plan_year.pk:
        raise ServiceError("That reporting period belongs to another plan year.")
    if check_access:
        if not access.can_report_on(user, action):
            raise AccessDenied("You can only update actions your organisation leads.")
        if period.pk != plan_year.open_period_id:
            raise AccessDenied(f"{period.get_code_display()} is not open for updates.")
    if status is not None and status.partnership_id != plan_year.partnership_id:
        raise ServiceError("That status belongs to another partnership.")
    existing = Update.objects.select_for_update().filter(action=action, period=period).first()
    if existing is None:
        if expected_version not in (None, 0):
            raise ConflictError("The update you were editing has been deleted.", None)
        update = Update(
            action=action,
            period=period,
            narrative=narrative,
            status=status,
            author=user,
            is_example=is_example,
        )
        save_as(update, user)
        return update
    if expected_version is not None and existing.version != expected_version:
        raise ConflictError(
            "Someone else saved an update for this period while you were writing yours.", existing
        )
    if expected_version is None and check_access:
        raise ConflictError(
            "An update for this period already exists; review it before changing it.", existing
        )
    existing.narrative = narrative
    existing.status = status
    existing.author = user
    existing.is_example = is_example
    existing.version += 1  # row locked above; an F() would break the history copy
    save_as(existing, user)
    existing.refresh_from_db()
    return existing


@transaction.atomic
def plan_year_roll_forward(
    *,
    source: PlanYear,
    user: Any,
    priority_ids: Sequence[int],
    action_ids: Sequence[int],
    target_slug: str | None = None,
) -> PlanYear:
    """Copy chosen priorities and actions into the next plan year, linked back.

    The next year is created as a draft when missing. Priorities are matched by title, so running
    it twice duplicates nothing; an action already carried forward is not copied again.
    """
    partnership = source.partnership
    target_slug = target_slug or PlanYear.slug_for_start(source.start_date.year + 1)
    target = partnership.plan_years.filter(slug=target_slug).first()
    if target is None:
        target = plan_year_create(partnership=partnership, slug=target_slug, user=user)
    elif target.state == PlanYearState.CLOSED:
        raise ServiceError(f"{target.label} is closed and cannot receive actions.")
    chosen_actions = list(source.actions.filter(pk__in=action_ids).select_related("priority"))
    wanted_priorities = set(priority_ids) | {a.priority_id for a in chosen_actions}
    mapping: dict[int, Priority] = {}
    for priority in source.priorities.filter(pk__in=wanted_priorities).prefetch_related("sub_themes"):
        match = priority_match(target, priority.title)
        if match is None:
            match = priority_create(
                plan_year=target,
                title=priority.title,
                description=priority.description,
                user=user,
                sub_themes=[s.name for s in priority.sub_themes.all()],
                carried_from=priority,
            )
        mapping[priority.pk] = match
    for action in chosen_actions:
        if target.actions.filter(carried_from=action).exists():
            continue
        owners = [(o.organisation, o.display_name) for o in action.owners.select_related("organisation")]
        action_create(
            plan_year=target,
            priority=mapping[action.priority_id],
            text=action.text,
            owners=owners,
            target=action.target,
            user=user,
            carried_from=action,
        )
    return target


# --- Coordinator management of plans, years, statuses and key figures -----------------------


def _require_coordinator(user: Any, partnership: Partnership) -> None:
    if not partnership_access.is_coordinator(user, partnership):
        raise AccessDenied("Only the partnership coordinator can do this.")


def _move(siblings: list[Any], item: Any, direction: str, user: Any) -> None:
    """Swap an item with its neighbour and number the siblings 1, 2, 3… (only changed rows saved)."""
    if direction not in ("up", "down"):
        raise ServiceError("Choose to move up or down.")
    index = [s.pk for s in siblings].index(item.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings, start=1):
        if sibling.order != order:
            sibling.order = order
            save_as(sibling, user, update_fields=["order"])


def _clean_lines(lines: Sequence[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


@transaction.atomic
def priority_edit(
    *, priority: Priority, user: Any, title: str, description: str = "", sub_themes: Sequence[str] = ()
) -> Priority:
    """Change a priority's title, description and ordered sub-themes (kept rows keep their history)."""
    _require_coordinator(user, priority.plan_year.partnership)
    if not title.strip():
        raise ServiceError("Enter the priority's title.")
    priority.title, priority.description = title.strip(), description
    save_as(priority, user)
    names = _clean_lines(sub_themes)
    existing = list(priority.sub_themes.order_by("order", "pk"))
    for index, name in enumerate(names, start=1):
        if index <= len(existing):
            theme = existing[index - 1]
            if (theme.name, theme.order) != (name, index):
                theme.name, theme.order = name, index
                save_as(theme, user)
        else:
            save_as(SubTheme(priority=priority, name=name, order=index), user)
    for theme in existing[len(names) :]:
        delete_as(theme, user)
    return priority


@transaction.atomic
def priority_delete(*, priority: Priority, user: Any) -> None:
    _require_coordinator(user, priority.plan_year.partnership)
    count = priority.actions.count()
    if count:
        raise ServiceError(
            f"“{priority.title}” still has {count} action{'s' if count != 1 else ''}: "
            "delete them or move them to another priority first."
        )
    for theme in list(priority.sub_themes.all()):
        delete_as(theme, user)
    delete_as(priority, user)


@transaction.atomic
def priority_move(*, priority: Priority, direction: str, user: Any) -> None:
    _require_coordinator(user, priority.plan_year.partnership)
    siblings = list(priority.plan_year.priorities.select_for_update().order_by("order", "pk"))
    _move(siblings, priority, direction, user)


@transaction.atomic
def action_delete(*, action: Action, user: Any) -> None:
    """Delete an action with its owners and updates, each deletion kept in history."""
    if not access.can_manage_plan(user, action.plan_year):
        raise AccessDenied("Only the partnership coordinator can delete actions.")
    for update in list(action.updates.all()):
        delete_as(update, user)
    for owner in list(action.owners.all()):
        delete_as(owner, user)
    delete_as(action, user)


@transaction.atomic
def action_move(*, action: Action, direction: str, user: Any) -> None:
    """Move an action up or down within its priority (its version is not raised)."""
    if not access.can_manage_plan(user, action.plan_year):
        raise AccessDenied("Only the partnership coordinator can reorder actions.")
    siblings = list(
        action.plan_year.actions.select_for_update()
        .filter(priority=action.priority_id)
        .order_by("order", "pk")
    )
    _move(siblings, action, direction, user)


PLAN_YEAR_STATE_CHANGES = {
    PlanYearState.DRAFT: {PlanYearState.LIVE},
    PlanYearState.LIVE: {PlanYearState.DRAFT, PlanYearState.CLOSED},
    PlanYearState.CLOSED: {PlanYearState.LIVE},
}


@transaction.atomic
def plan_year_set_state(*, plan_year: PlanYear, state: str, user: Any) -> PlanYear:
    """Draft → live → closed (a live year can go back to draft, a closed one can be reopened).

    Closing a year also closes its reporting period.
    """
    _require_coordinator(user, plan_year.partnership)
    if state == plan_year.state:
        return plan_year
    if state not in PlanYearState.values:
        raise ServiceError(f"Choose draft, live or closed, not {state!r}.")
    if state not in PLAN_YEAR_STATE_CHANGES[PlanYearState(plan_year.state)]:
        raise ServiceError(
            f"A {plan_year.get_state_display().lower()} plan year cannot become "
            f"{PlanYearState(state).label.lower()}."
        )
    plan_year.state = state
    if state == PlanYearState.CLOSED:
        plan_year.open_period = None
    save_as(plan_year, user)
    return plan_year


@transaction.atomic
def plan_year_create_next(*, partnership: Partnership, user: Any) -> PlanYear:
    """A draft plan year after the partnership's latest one (or this year's when it has none)."""
    _require_coordinator(user, partnership)
    latest = partnership.plan_years.order_by("-start_date").first()
    if latest is not None:
        start_year = latest.start_date.year + 1
    else:
        today = datetime.date.today()
        start_year = today.year if today.month >= 4 else today.year - 1
    return plan_year_create(partnership=partnership, slug=PlanYear.slug_for_start(start_year), user=user)


@transaction.atomic
def reporting_period_edit(
    *,
    period: ReportingPeriod,
    user: Any,
    start_date: datetime.date,
    end_date: datetime.date,
    due_date: datetime.date,
) -> ReportingPeriod:
    _require_coordinator(user, period.plan_year.partnership)
    if end_date < start_date:
        raise ServiceError("The end date must be the same as or after the start date.")
    if due_date < start_date:
        raise ServiceError("The due date must be the same as or after the start date.")
    period.start_date, period.end_date, period.due_date = start_date, end_date, due_date
    save_as(period, user)
    return period


@transaction.atomic
def status_save(
    *,
    partnership: Partnership,
    user: Any,
    name: str,
    colour: str,
    is_active: bool = True,
    status: Status | None = None,
) -> Status:
    """Add a status to the vocabulary, or rename, recolour, deactivate or reactivate one."""
    _require_coordinator(user, partnership)
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
    status.name, status.colour, status.is_active = name, colour, is_active
    save_as(status, user)
    return status


@transaction.atomic
def status_move(*, status: Status, direction: str, user: Any) -> None:
    _require_coordinator(user, status.partnership)
    siblings = list(status.partnership.statuses.select_for_update().order_by("order", "name"))
    _move(siblings, status, direction, user)


MEASURE_FIELDS = {
    "plan_year",
    "name",
    "unit",
    "period_label",
    "period_start",
    "period_end",
    "value",
    "value_qualifier",
    "comparison_value",
    "comparison_period_label",
    "stated_change",
    "source_organisation",
    "note",
    "order",
}


@transaction.atomic
def measure_save(
    *, partnership: Partnership, user: Any, measure: Measure | None = None, **fields: Any
) -> Measure:
    """Add or edit one of the partnership's key figures."""
    _require_coordinator(user, partnership)
    unknown = set(fields) - MEASURE_FIELDS
    if unknown:
        raise ServiceError(f"Unknown figure fields: {', '.join(sorted(unknown))}.")
    year, source = fields.get("plan_year"), fields.get("source_organisation")
    if (year and year.partnership_id != partnership.pk) or (
        source and source.partnership_id != partnership.pk
    ):
        raise ServiceError("The plan year and source must belong to this partnership.")
    if measure is None:
        measure = Measure(partnership=partnership, kind=MeasureKind.KEY_FIGURE)
    elif measure.partnership_id != partnership.pk:
        raise AccessDenied("That figure belongs to another partnership.")
    for name, value in fields.items():
        setattr(measure, name, value)
    save_as(measure, user)
    return measure


@transaction.atomic
def measure_delete(*, measure: Measure, user: Any) -> None:
    _require_coordinator(user, measure.partnership)
    delete_as(measure, user)
