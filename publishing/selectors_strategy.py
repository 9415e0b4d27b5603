"""Reads of strategy documents and their published versions.

Signed-in pages read through the doors and visibility querysets of `publishing.access`. The
`published_*` functions are the public exception (the pages under /p/): they read only *published*
versions of strategies, for anyone, as `publishing.selectors` does for plans.
"""

from collections.abc import Iterable

from django.http import Http404

from core.actors import Actor
from planning.models import PlanYear, Strategy
from publishing import access
from publishing.models import PlanPublication, StrategyPublication, StrategyWithdrawal
from publishing.selectors import Withdrawn, withdrawn_notice

_FILES = ("html", "pdf", "docx")


# --- Public pages (no sign-in): only what has been published ----------------------------------


def published_strategy_versions(partnership_slug: str, span: str) -> list[StrategyPublication]:
    """Public: every published version of a strategy (withdrawn ones too), newest first; 404 when none."""
    years = Strategy.span_of_slug(span)
    if years is None:
        raise Http404("No published strategy.")
    versions = list(
        StrategyPublication.objects.filter(
            partnership__slug=partnership_slug, strategy__start_year=years[0], strategy__end_year=years[1]
        )
        .defer(*_FILES)
        .select_related("strategy", "partnership", "withdrawal")
        .order_by("-number")
    )
    if not versions:
        raise Http404("No published strategy.")
    return versions


def published_strategies(partnership_slug: str) -> list[Strategy]:
    """Public: the partnership's strategies with at least one published version, newest first."""
    ids = StrategyPublication.objects.filter(partnership__slug=partnership_slug).values("strategy_id")
    return list(Strategy.objects.filter(pk__in=ids).order_by("-start_year"))


def published_strategy_version(
    partnership_slug: str, span: str, number: int | None = None
) -> StrategyPublication:
    """Public: the numbered version, or the newest version not withdrawn, of a strategy.

    404 when there is no such version; `Withdrawn` (410) when it, or every version, was withdrawn.
    """
    versions = published_strategy_versions(partnership_slug, span)
    if number is not None:
        versions = [v for v in versions if v.number == number]
        if not versions:
            raise Http404("No such version.")
    standing = next((v for v in versions if v.withdrawal_or_none is None), None)
    if standing is None:
        last = max((v.withdrawal_or_none for v in versions), key=lambda w: w.withdrawn_at)
        raise Withdrawn(withdrawn_notice(last, "This version" if number is not None else "This strategy"))
    return StrategyPublication.objects.select_related("strategy", "partnership").get(pk=standing.pk)


def published_plan_year_ids(plan_years: Iterable[PlanYear]) -> set[int]:
    """Which of these plan years have a published plan version that is not withdrawn."""
    return set(
        PlanPublication.objects.filter(plan_year__in=list(plan_years), withdrawal__isnull=True).values_list(
            "plan_year_id", flat=True
        )
    )


# --- Signed-in pages --------------------------------------------------------------------------


def strategy_publications(actor: Actor, strategy: Strategy) -> list[StrategyPublication]:
    """Every published version of the strategy, newest first, without the stored files."""
    return list(
        access.strategy_publications_visible_to(actor)
        .filter(strategy=strategy)
        .defer(*_FILES)
        .select_related("published_by")
        .order_by("-number")
    )


def strategy_withdrawals(actor: Actor, strategy: Strategy) -> dict[int, StrategyWithdrawal]:
    """The withdrawals of the strategy's versions, by version id."""
    found = (
        access.strategy_withdrawals_visible_to(actor)
        .filter(publication__strategy=strategy)
        .select_related("withdrawn_by")
    )
    return {w.publication_id: w for w in found}


def strategy_publication(actor: Actor, strategy: Strategy, number: int) -> StrategyPublication:
    """One version of the strategy by its number, through the door (NotFound otherwise)."""
    found = (
        access.strategy_publications_visible_to(actor)
        .filter(strategy=strategy, number=number)
        .values_list("pk", flat=True)
        .first()
    )
    return access.access_strategy_publication_by_id(actor, found, strategy=strategy)
