"""Reads of plan years, their reporting periods, the status vocabulary and key figures."""

from django.core.management.base import CommandError
from django.db.models import QuerySet

from core.access import NotFound, Purpose
from core.actors import Actor
from partnership.access import partnerships_visible_to
from partnership.models import Organisation, Partnership
from planning.access import (
    access_measure_by_id,
    access_plan_year,
    access_reporting_period_by_id,
    plan_years_visible_to,
    statuses_visible_to,
)
from planning.models import Measure, MeasureKind, PlanYear, ReportingPeriod, Status


def plan_years(partnership: Partnership) -> QuerySet[PlanYear]:
    """The plan years of a partnership the caller already opened through its door, newest first."""
    return PlanYear.objects.filter(partnership=partnership).order_by("-start_date")


def plan_year_with_slug(plan_year: PlanYear, slug: str) -> PlanYear | None:
    """Another plan year of the same partnership, by slug (or None)."""
    return plan_years(plan_year.partnership).filter(slug=slug).first()


def plan_year_for_command(
    actor: Actor, partnership_slug: str, year_slug: str, *, for_: Purpose = Purpose.VIEW
) -> PlanYear:
    """For management commands: the plan year, or a CommandError naming what exists.

    Reads through the visibility querysets, so `--as USERNAME` sees only that person's partnerships
    (the system actor sees every partnership); `for_=Purpose.MANAGE` asks for a coordinator.
    """
    visible = partnerships_visible_to(actor)
    partnership = visible.filter(slug=partnership_slug).first()
    if partnership is None:
        known = ", ".join(visible.order_by("slug").values_list("slug", flat=True)) or "none"
        raise CommandError(
            f"There is no partnership {partnership_slug!r} you can use. Partnerships: {known}."
        )
    if (
        for_ != Purpose.VIEW
        and not partnerships_visible_to(actor, for_=for_).filter(pk=partnership.pk).exists()
    ):
        raise CommandError(f"--as: only a coordinator of {partnership.name} can do this.")
    plan_year = plan_years_visible_to(actor).filter(partnership=partnership, slug=year_slug).first()
    if plan_year is None:
        known = ", ".join(plan_years(partnership).values_list("slug", flat=True)) or "none yet"
        raise CommandError(
            f"{partnership.name} has no plan year {year_slug!r}. Its plan years: {known} (use the form 2020-21)."
        )
    plan_year.partnership = partnership
    return plan_year


def plan_year_or_none(actor: Actor, partnership_slug: str, year_slug: str) -> PlanYear | None:
    """The plan year when the actor may see it, None otherwise (for a year picker's redirect)."""
    try:
        return access_plan_year(actor, partnership_slug, year_slug)
    except NotFound:
        return None


def periods(plan_year: PlanYear) -> QuerySet[ReportingPeriod]:
    return ReportingPeriod.objects.filter(plan_year=plan_year).order_by("order")


def period_by_code(plan_year: PlanYear, code: str | None) -> ReportingPeriod | None:
    """A reporting period of an opened plan year by its code (None for no code or an unknown one)."""
    return periods(plan_year).filter(code=code).first() if code else None


def access_period_by_code(
    actor: Actor, plan_year: PlanYear, code: str, *, for_: Purpose = Purpose.VIEW
) -> ReportingPeriod:
    """One reporting period of the plan year for `for_`, through its door; NotFound otherwise."""
    period = period_by_code(plan_year, code)
    if period is None:
        raise NotFound("No such reporting period.")
    return access_reporting_period_by_id(actor, period.pk, for_=for_, plan_year=plan_year)


def statuses(partnership: Partnership, *, active_only: bool = False) -> QuerySet[Status]:
    qs = Status.objects.filter(partnership=partnership).order_by("order", "name")
    return qs.filter(is_active=True) if active_only else qs


def statuses_for(actor: Actor, partnership: Partnership, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Status]:
    """The partnership's statuses through the visibility queryset (for lists and form choices)."""
    return statuses_visible_to(actor, for_=for_).filter(partnership=partnership).order_by("order", "name")


def organisations_of(partnership: Partnership) -> QuerySet[Organisation]:
    """The partnership's organisations by name (owner and source choices of planning forms)."""
    return Organisation.objects.filter(partnership=partnership).order_by("name")


def key_figures(partnership: Partnership) -> list[tuple[PlanYear | None, list[Measure]]]:
    """The partnership's key figures grouped by plan year, latest year first, then undated ones."""
    measures = Measure.objects.filter(partnership=partnership, kind=MeasureKind.KEY_FIGURE).select_related(
        "plan_year", "source_organisation"
    )
    groups: dict[int | None, list[Measure]] = {}
    years: dict[int | None, PlanYear | None] = {None: None}
    for measure in measures.order_by("order", "pk"):
        groups.setdefault(measure.plan_year_id, []).append(measure)
        years[measure.plan_year_id] = measure.plan_year
    ordered = sorted(groups, key=lambda pk: (pk is None, -_start(years[pk])))
    return [(years[pk], groups[pk]) for pk in ordered]


def _start(plan_year: PlanYear | None) -> int:
    return plan_year.start_date.toordinal() if plan_year else 0


def access_key_figure(
    actor: Actor, partnership: Partnership, measure_id: object, *, for_: Purpose = Purpose.MANAGE
) -> Measure:
    """One of the partnership's key figures (not a figure of an update), through the door."""
    measure = access_measure_by_id(actor, measure_id, for_=for_, partnership=partnership)
    if measure.kind != MeasureKind.KEY_FIGURE:
        raise NotFound("No such figure.")
    return measure
