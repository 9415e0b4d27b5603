"""Roll forward: copy chosen priorities and actions into the next plan year."""

from collections.abc import Sequence

from django.db import transaction

from core.actors import Actor
from core.errors import ServiceError
from planning.models import (
    PlanYear,
    PlanYearState,
    Priority,
)
from planning.services._common import _require_coordinator
from planning.services.plans import action_create, priority_create, priority_match
from planning.services.years import plan_year_create


@transaction.atomic
def plan_year_roll_forward(
    *,
    source: PlanYear,
    actor: Actor,
    priority_ids: Sequence[int],
    action_ids: Sequence[int],
    target_slug: str | None = None,
) -> PlanYear:
    """Copy chosen priorities and actions into the next plan year, linked back.

    The next year is created as a draft when missing. Priorities are matched by title, so running
    it twice duplicates nothing; an action already carried forward is not copied again.
    """
    partnership = source.partnership
    _require_coordinator(actor, partnership)
    target_slug = target_slug or PlanYear.slug_for_start(source.start_date.year + 1)
    target = partnership.plan_years.filter(slug=target_slug).first()
    if target is None:
        target = plan_year_create(partnership=partnership, slug=target_slug, actor=actor)
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
                actor=actor,
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
            actor=actor,
            carried_from=action,
        )
    return target
