"""Strategies over several plan years: create, change, delete, and the plan years that belong to them.

Coordinators only. A strategy's span is whole plan years (start_year = the start of its first year,
end_year = the end of its last); a partnership's strategies never overlap; a plan year belongs only
to a strategy whose span contains it.
"""

from django.db import transaction
from django.db.models import ProtectedError

from core.actors import Actor
from core.errors import ServiceError
from core.history import delete_as, save_as
from partnership.models import Partnership
from planning.models import STRATEGY_MAX_YEARS, PlanYear, Strategy
from planning.services._common import _require_coordinator
from planning.services.years import plan_year_create


def _check_span(partnership: Partnership, start_year: int, end_year: int, strategy: Strategy | None) -> None:
    if not 2000 <= start_year <= 2100:
        raise ServiceError(
            f"Enter the year the strategy's first plan year starts in, like 2021, not {start_year}."
        )
    if end_year <= start_year:
        raise ServiceError(
            f"The end year must come after the start year: a strategy from {start_year} ends in "
            f"{start_year + 1} at the earliest (one plan year, {PlanYear.slug_for_start(start_year)})."
        )
    if end_year - start_year > STRATEGY_MAX_YEARS:
        raise ServiceError(f"A strategy covers at most {STRATEGY_MAX_YEARS} plan years.")
    overlapping = Strategy.objects.filter(
        partnership=partnership, start_year__lt=end_year, end_year__gt=start_year
    )
    if strategy is not None:
        overlapping = overlapping.exclude(pk=strategy.pk)
    other = overlapping.order_by("start_year").first()
    if other is not None:
        raise ServiceError(
            f"{start_year}\u2013{end_year} overlaps the {other.title} {other.label}: a partnership's "
            "strategies cannot cover the same plan year. Change the years or the other strategy first."
        )


def _clean_title(title: str) -> str:
    cleaned = title.strip()
    if not cleaned:
        raise ServiceError("Enter the strategy's title, for example “Community Safety Strategy”.")
    return cleaned


@transaction.atomic
def strategy_create(
    *,
    partnership: Partnership,
    title: str,
    start_year: int,
    end_year: int,
    actor: Actor,
    vision: str = "",
    narrative: str = "",
    plan_years: bool = False,
) -> Strategy:
    """A new strategy. With `plan_years`, the plan years of its span join it: those the partnership
    has (and that belong to no other strategy), and the missing ones created as drafts."""
    _require_coordinator(actor, partnership)
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    _check_span(partnership, start_year, end_year, None)
    strategy = save_as(
        Strategy(
            partnership=partnership,
            title=_clean_title(title),
            vision=vision,
            narrative=narrative,
            start_year=start_year,
            end_year=end_year,
        ),
        actor,
    )
    if plan_years:
        existing = {y.slug: y for y in PlanYear.objects.filter(partnership=partnership)}
        for slug in strategy.plan_year_slugs:
            year = existing.get(slug) or plan_year_create(partnership=partnership, slug=slug, actor=actor)
            plan_year_set_strategy(plan_year=year, strategy=strategy, actor=actor)
    return strategy


@transaction.atomic
def strategy_edit(
    *,
    strategy: Strategy,
    actor: Actor,
    title: str,
    start_year: int,
    end_year: int,
    vision: str = "",
    narrative: str = "",
) -> Strategy:
    """Change a strategy; its span must still contain every plan year that belongs to it."""
    _require_coordinator(actor, strategy.partnership)
    Partnership.objects.select_for_update().filter(pk=strategy.partnership_id).first()
    _check_span(strategy.partnership, start_year, end_year, strategy)
    proposed = Strategy(start_year=start_year, end_year=end_year)
    outside = [y.label for y in strategy_years(strategy) if not proposed.covers(y)]
    if outside:
        raise ServiceError(
            f"Plan year{'s' if len(outside) > 1 else ''} {', '.join(outside)} belong{'' if len(outside) > 1 else 's'} "
            f"to this strategy and would fall outside {start_year}\u2013{end_year}. "
            "Take them out of the strategy first (Plan year settings)."
        )
    values = {
        "title": _clean_title(title),
        "vision": vision,
        "narrative": narrative,
        "start_year": start_year,
        "end_year": end_year,
    }
    if any(getattr(strategy, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(strategy, name, value)
        save_as(strategy, actor)
    return strategy


def strategy_years(strategy: Strategy) -> list[PlanYear]:
    """The plan years that belong to the strategy, oldest first."""
    return list(PlanYear.objects.filter(strategy=strategy).order_by("start_date"))


@transaction.atomic
def strategy_delete(*, strategy: Strategy, actor: Actor) -> None:
    """Delete a strategy that has no plan years and was never published."""
    _require_coordinator(actor, strategy.partnership)
    years = strategy_years(strategy)
    if years:
        raise ServiceError(
            f"Plan years {', '.join(y.label for y in years)} belong to the {strategy}: take them out of "
            "the strategy first (Plan year settings)."
        )
    try:
        with transaction.atomic():
            delete_as(strategy, actor)
    except ProtectedError:
        raise ServiceError(
            f"The {strategy} has been published: published strategies are kept. Withdraw its versions "
            "if they should no longer be public."
        ) from None


@transaction.atomic
def plan_year_set_strategy(*, plan_year: PlanYear, strategy: Strategy | None, actor: Actor) -> PlanYear:
    """Make the plan year part of `strategy` (None: of no strategy). Its documents then name it."""
    _require_coordinator(actor, plan_year.partnership)
    if strategy is not None:
        if strategy.partnership_id != plan_year.partnership_id:
            raise ServiceError("That strategy belongs to another partnership.")
        if not strategy.covers(plan_year):
            raise ServiceError(
                f"The {strategy} covers plan years {strategy.start_year}/"
                f"{(strategy.start_year + 1) % 100:02d} to {strategy.end_year - 1}/{strategy.end_year % 100:02d}, "
                f"not {plan_year.label}."
            )
    # The stored value decides (the caller's copy of the year may be older than the database's).
    stored = (
        PlanYear.objects.select_for_update().filter(pk=plan_year.pk).values_list("strategy_id", flat=True)
    )
    plan_year.strategy_id = stored.first()
    if plan_year.strategy_id != (strategy.pk if strategy else None):
        plan_year.strategy = strategy
        save_as(plan_year, actor, update_fields=["strategy"])
    return plan_year
