"""Plan years and their reporting periods: creation, state, the open period, dates."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from core.actors import Actor
from core.errors import ServiceError
from core.history import save_as
from partnership.models import Partnership
from planning.models import (
    Action,
    OwnerLayout,
    PeriodCode,
    PlanYear,
    PlanYearState,
    ReportingPeriod,
)
from planning.services._common import _require_coordinator
from planning.services.rounds import update_round_open

UNREVIEWED_SHOWN = 10


class UnreviewedActions(ServiceError):
    """Closing a plan year whose actions lack a year-end update needs a confirmation; `actions`
    lists them (the message names the first few)."""

    def __init__(self, plan_year: PlanYear, actions: list[Action]) -> None:
        names = "; ".join(f"“{a.text[:80]}”" for a in actions[:UNREVIEWED_SHOWN])
        more = f" and {len(actions) - UNREVIEWED_SHOWN} more" if len(actions) > UNREVIEWED_SHOWN else ""
        super().__init__(
            f"{len(actions)} action{'s' if len(actions) != 1 else ''} of {plan_year.label} "
            f"{'have' if len(actions) != 1 else 'has'} no year-end update: {names}{more}. "
            "Confirm to close the year anyway."
        )
        self.actions = actions


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
def plan_year_create(
    *, partnership: Partnership, slug: str, actor: Actor, state: str = PlanYearState.DRAFT
) -> PlanYear:
    """A plan year with its five reporting periods (Q1–Q4 and year-end)."""
    _require_coordinator(actor, partnership)
    if partnership.plan_years.filter(slug=slug).exists():
        raise ServiceError(f"{partnership.name} already has a plan year {slug}.")
    start, end = PlanYear.dates_for_slug(slug)
    if PlanYear.slug_for_start(start.year) != slug:
        raise ServiceError(f"{slug!r} is not a plan year: use the form 2020-21.")
    plan_year = save_as(
        PlanYear(partnership=partnership, slug=slug, start_date=start, end_date=end, state=state),
        actor,
    )
    for period in default_periods(start):
        save_as(ReportingPeriod(plan_year=plan_year, **period), actor)
    return plan_year


@transaction.atomic
def plan_year_set_open_periods(
    *,
    plan_year: PlanYear,
    periods: Sequence[ReportingPeriod],
    actor: Actor,
    round_due_date: datetime.date | None = None,
) -> list[ReportingPeriod]:
    """Open exactly these reporting periods for updates (none closes them all); returns them.

    Several may be open at once, e.g. Q4 and the year-end review. Each change is in the period's
    history. Opening a period opens its update round (`update_round_open`), due on
    `round_due_date` when given; a `round_due_date` also moves the due date of the rounds of
    periods that stay open."""
    _require_coordinator(actor, plan_year.partnership)
    if any(period.plan_year_id != plan_year.pk for period in periods):
        raise ServiceError("That reporting period belongs to another plan year.")
    wanted = {period.pk for period in periods}
    if wanted and plan_year.state == PlanYearState.CLOSED:
        raise ServiceError(f"{plan_year.label} is closed: make it live again before opening a period.")
    opened = []
    for period in ReportingPeriod.objects.filter(plan_year=plan_year).order_by("order"):
        newly_open = period.pk in wanted and not period.is_open
        if period.is_open != (period.pk in wanted):
            period.is_open = period.pk in wanted
            save_as(period, actor)
        if newly_open or (period.is_open and round_due_date is not None):
            # a due date given for a period already open moves its round's due date (or opens
            # the round of a period opened before rounds existed)
            period.plan_year = plan_year
            update_round_open(actor=actor, period=period, due_date=round_due_date)
        if period.is_open:
            opened.append(period)
    if hasattr(plan_year, "_prefetched_objects_cache"):
        plan_year._prefetched_objects_cache.pop("periods", None)
    return opened


def plan_year_open_period(
    *, plan_year: PlanYear, period: ReportingPeriod | None, actor: Actor
) -> list[ReportingPeriod]:
    """Open this one reporting period and close the others (None closes them all)."""
    return plan_year_set_open_periods(plan_year=plan_year, periods=[period] if period else [], actor=actor)


@transaction.atomic
def plan_year_set_current(*, plan_year: PlanYear, actor: Actor) -> None:
    partnership = plan_year.partnership
    _require_coordinator(actor, partnership)
    partnership.current_plan_year = plan_year
    save_as(partnership, actor)


PLAN_YEAR_STATE_CHANGES = {
    PlanYearState.DRAFT: {PlanYearState.LIVE},
    PlanYearState.LIVE: {PlanYearState.DRAFT, PlanYearState.CLOSED},
    PlanYearState.CLOSED: {PlanYearState.LIVE},
}


def unreviewed_actions(plan_year: PlanYear) -> list[Action]:
    """The plan year's actions without an update for its year-end review, in plan order."""
    return list(
        Action.objects.filter(plan_year=plan_year)
        .exclude(updates__period__code=PeriodCode.YEAR_END)
        .order_by("priority__order", "priority__pk", "order", "pk")
    )


@transaction.atomic
def plan_year_set_owner_layout(*, plan_year: PlanYear, layout: str, actor: Actor) -> PlanYear:
    """How the year's spreadsheets (and plan documents) show owners: one Owner/lead agency column,
    or Lead and Supporting. Only the presentation changes; each action keeps its lead and partners."""
    _require_coordinator(actor, plan_year.partnership)
    if layout not in OwnerLayout.values:
        raise ServiceError(
            f"Choose an owner layout: {', '.join(str(label) for label in OwnerLayout.labels)}."
        )
    if layout != plan_year.owner_layout:
        plan_year.owner_layout = layout
        save_as(plan_year, actor)
    return plan_year


@transaction.atomic
def plan_year_set_state(
    *, plan_year: PlanYear, state: str, actor: Actor, confirmed: bool = False
) -> PlanYear:
    """Draft → live → closed (a live year can go back to draft, a closed one can be reopened).

    Closing a year also closes its reporting period. Closing a year with actions that have no
    year-end update raises UnreviewedActions (listing them) unless `confirmed`.
    """
    _require_coordinator(actor, plan_year.partnership)
    if state == plan_year.state:
        return plan_year
    if state not in PlanYearState.values:
        raise ServiceError(f"Choose draft, live or closed, not {state!r}.")
    if state not in PLAN_YEAR_STATE_CHANGES[PlanYearState(plan_year.state)]:
        raise ServiceError(
            f"A {plan_year.get_state_display().lower()} plan year cannot become "
            f"{PlanYearState(state).label.lower()}."
        )
    if state == PlanYearState.CLOSED and not confirmed:
        missing = unreviewed_actions(plan_year)
        if missing:
            raise UnreviewedActions(plan_year, missing)
    if state == PlanYearState.CLOSED:
        plan_year_set_open_periods(plan_year=plan_year, periods=[], actor=actor)
    plan_year.state = state
    save_as(plan_year, actor)
    return plan_year


@transaction.atomic
def plan_year_create_next(*, partnership: Partnership, actor: Actor) -> PlanYear:
    """A draft plan year after the partnership's latest one (or this year's when it has none)."""
    _require_coordinator(actor, partnership)
    latest = partnership.plan_years.order_by("-start_date").first()
    if latest is not None:
        start_year = latest.start_date.year + 1
    else:
        today = datetime.date.today()
        start_year = today.year if today.month >= 4 else today.year - 1
    return plan_year_create(partnership=partnership, slug=PlanYear.slug_for_start(start_year), actor=actor)


@transaction.atomic
def plan_year_set_up(*, partnership: Partnership, start_year: int, actor: Actor) -> PlanYear:
    """A new partnership's first plan year (from 1 April of `start_year`), with its five reporting
    periods, made the current year."""
    _require_coordinator(actor, partnership)
    if not 2000 <= start_year <= 2100:
        raise ServiceError(f"Enter the year the plan year starts in, like 2021, not {start_year}.")
    plan_year = plan_year_create(
        partnership=partnership, slug=PlanYear.slug_for_start(start_year), actor=actor
    )
    plan_year_set_current(plan_year=plan_year, actor=actor)
    return plan_year


@transaction.atomic
def reporting_period_edit(
    *,
    period: ReportingPeriod,
    actor: Actor,
    start_date: datetime.date,
    end_date: datetime.date,
    due_date: datetime.date,
) -> ReportingPeriod:
    _require_coordinator(actor, period.plan_year.partnership)
    if end_date < start_date:
        raise ServiceError("The end date must be the same as or after the start date.")
    if due_date < start_date:
        raise ServiceError("The due date must be the same as or after the start date.")
    period.start_date, period.end_date, period.due_date = start_date, end_date, due_date
    save_as(period, actor)
    return period
