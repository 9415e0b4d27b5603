"""Reads of strategies over several plan years (through `planning.access`)."""

from django.core.management.base import CommandError
from django.db.models import QuerySet

from core.access import NotFound, Purpose
from core.actors import Actor
from partnership.access import partnerships_visible_to
from partnership.models import Partnership
from planning.access import access_strategy, access_strategy_by_id, strategies_visible_to
from planning.models import PlanYear, Priority, Strategy

__all__ = [
    "access_strategy",
    "access_strategy_by_id",
    "choosable_strategies",
    "strategies",
    "strategy_for_command",
    "strategy_of",
    "strategy_plan_years",
    "strategy_priorities",
]


def strategies(actor: Actor, partnership: Partnership, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Strategy]:
    """The partnership's strategies the actor may use for `for_`, newest first."""
    return strategies_visible_to(actor, for_=for_).filter(partnership=partnership).order_by("-start_year")


def choosable_strategies(actor: Actor, plan_year: PlanYear) -> list[Strategy]:
    """The strategies (the coordinator's) whose span contains the plan year."""
    start = plan_year.start_date.year
    found = strategies(actor, plan_year.partnership, for_=Purpose.MANAGE).filter(
        start_year__lte=start, end_year__gt=start
    )
    return list(found)


def strategy_plan_years(strategy: Strategy) -> list[PlanYear]:
    """The plan years that belong to a strategy already opened through its door, oldest first."""
    years = list(PlanYear.objects.filter(strategy=strategy).order_by("start_date"))
    for year in years:
        year.partnership = strategy.partnership
    return years


def strategy_priorities(strategy: Strategy) -> dict[int, list[Priority]]:
    """The priorities of the strategy's plan years, by plan year id, in the coordinator's order."""
    found: dict[int, list[Priority]] = {}
    priorities = Priority.objects.filter(plan_year__strategy=strategy).prefetch_related("sub_themes")
    for priority in priorities.order_by("order", "pk"):
        found.setdefault(priority.plan_year_id, []).append(priority)
    return found


def strategy_of(plan_year: PlanYear) -> Strategy | None:
    """The strategy a plan year (already opened through its door) belongs to; no query without one."""
    if plan_year.strategy_id is None:
        return None
    return Strategy.objects.filter(pk=plan_year.strategy_id, partnership=plan_year.partnership_id).first()


def strategy_for_command(
    actor: Actor, partnership_slug: str, span: str, *, for_: Purpose = Purpose.VIEW
) -> Strategy:
    """For management commands: the strategy ("2021-2023"), or a CommandError naming what exists."""
    partnership = partnerships_visible_to(actor).filter(slug=partnership_slug).first()
    if partnership is None:
        raise CommandError(f"No partnership {partnership_slug!r}.")
    try:
        return access_strategy(actor, partnership_slug, span, for_=for_)
    except NotFound:
        spans = ", ".join(s.slug for s in strategies(actor, partnership)) or "none"
        raise CommandError(
            f"{partnership.name} has no strategy {span} that you may use (its strategies: {spans})."
        ) from None
