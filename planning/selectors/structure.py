"""Reads of themes, places, approaches and outcomes (through their visibility querysets)."""

from django.db.models import Prefetch, QuerySet

from core.access import Purpose
from core.actors import Actor
from partnership.models import Partnership
from planning.access import (
    access_approach_by_id,
    access_outcome_by_id,
    access_place_by_id,
    access_theme_by_id,
    approaches_visible_to,
    outcomes_visible_to,
    places_visible_to,
    themes_visible_to,
)
from planning.models import Action, ActionOwner, Approach, Outcome, Place, PlanYear, Priority, Theme


def themes(actor: Actor, partnership: Partnership) -> QuerySet[Theme]:
    return themes_visible_to(actor).filter(partnership=partnership).order_by("order", "name")


def places(actor: Actor, partnership: Partnership) -> QuerySet[Place]:
    return places_visible_to(actor).filter(partnership=partnership).order_by("name")


def approaches(actor: Actor, plan_year: PlanYear) -> QuerySet[Approach]:
    """Every approach of the plan year's priorities, in plan order."""
    return (
        approaches_visible_to(actor)
        .filter(priority__plan_year=plan_year)
        .select_related("priority")
        .order_by("priority__order", "priority__pk", "order", "pk")
    )


def outcomes(actor: Actor, priority: Priority) -> list[Outcome]:
    return list(
        outcomes_visible_to(actor)
        .filter(priority=priority)
        .select_related("approach")
        .order_by("order", "pk")
    )


def theme_for(actor: Actor, partnership: Partnership, pk: object, *, for_: Purpose = Purpose.VIEW) -> Theme:
    return access_theme_by_id(actor, pk, for_=for_, partnership=partnership)


def place_for(actor: Actor, partnership: Partnership, pk: object, *, for_: Purpose = Purpose.VIEW) -> Place:
    return access_place_by_id(actor, pk, for_=for_, partnership=partnership)


def approach_for(actor: Actor, priority: Priority, pk: object, *, for_: Purpose = Purpose.VIEW) -> Approach:
    return access_approach_by_id(actor, pk, for_=for_, priority=priority)


def outcome_for(actor: Actor, priority: Priority, pk: object, *, for_: Purpose = Purpose.VIEW) -> Outcome:
    return access_outcome_by_id(actor, pk, for_=for_, priority=priority)


def priority_structure(priority: Priority) -> list[tuple[Approach | None, list[Action], list[Outcome]]]:
    """The priority's actions and outcomes under each approach in order, then those under none
    (the caller opened the priority through its door)."""
    owners = ActionOwner.objects.select_related("organisation").order_by("order", "pk")
    actions = list(
        Action.objects.filter(priority=priority)
        .prefetch_related(Prefetch("owners", queryset=owners), "themes", "places")
        .order_by("order", "pk")
    )
    found = list(Outcome.objects.filter(priority=priority).order_by("order", "pk"))
    groups: list[tuple[Approach | None, list[Action], list[Outcome]]] = [
        (
            approach,
            [a for a in actions if a.approach_id == approach.pk],
            [o for o in found if o.approach_id == approach.pk],
        )
        for approach in Approach.objects.filter(priority=priority).order_by("order", "pk")
    ]
    loose = ([a for a in actions if a.approach_id is None], [o for o in found if o.approach_id is None])
    if loose[0] or loose[1] or not groups:
        groups.append((None, *loose))
    return groups


def tags_of(instance: Action | Priority) -> tuple[list[Theme], list[Place]]:
    """The themes and places a priority or action (opened through its door) is tagged with."""
    return list(instance.themes.all()), list(instance.places.all())
