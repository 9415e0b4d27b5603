"""Roll forward: copy chosen priorities and actions into the next plan year."""

import unicodedata
from collections.abc import Mapping, Sequence

from django.db import transaction

from core.actors import Actor
from core.errors import ServiceError
from planning.models import Approach, PlanYear, PlanYearState, Priority
from planning.services._common import _require_coordinator
from planning.services.plans import action_create, priority_create
from planning.services.structure import approach_save
from planning.services.years import plan_year_create

NEW_PRIORITY = None  # a source priority mapped to None becomes a new priority of the target year


def priority_key(title: str) -> str:
    """A title reduced to its letters and digits, lower case: "Domestic Abuse – including stalking"
    and "domestic abuse including stalking" have the same key (case, punctuation, spacing and
    every kind of dash are ignored)."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def priority_match_loose(candidates: Sequence[Priority], title: str) -> Priority | None:
    """The first candidate whose title has the same key as `title` (see priority_key)."""
    wanted = priority_key(title)
    return next((p for p in candidates if wanted and priority_key(p.title) == wanted), None)


def _target_year(source: PlanYear, actor: Actor, target_slug: str | None) -> PlanYear:
    partnership = source.partnership
    target_slug = target_slug or PlanYear.slug_for_start(source.start_date.year + 1)
    if target_slug == source.slug:
        raise ServiceError("Choose another plan year to roll forward into.")
    target = partnership.plan_years.filter(slug=target_slug).first()
    if target is None:
        return plan_year_create(partnership=partnership, slug=target_slug, actor=actor)
    if target.state == PlanYearState.CLOSED:
        raise ServiceError(f"{target.label} is closed and cannot receive actions.")
    return target


@transaction.atomic
def plan_year_roll_forward(
    *,
    source: PlanYear,
    actor: Actor,
    priority_ids: Sequence[int],
    action_ids: Sequence[int],
    target_slug: str | None = None,
    priority_targets: Mapping[int, int | None] | None = None,
) -> PlanYear:
    """Copy chosen priorities and actions into the next plan year, linked back.

    The next year is created as a draft when missing. Each source priority goes into the target
    priority `priority_targets` names for it (None: a new priority); without a choice, into the
    target's priority with the same title (ignoring case, punctuation, spacing and dash kinds), else
    a new one. Running it twice duplicates nothing; an action already carried forward is not copied
    again.
    """
    _require_coordinator(actor, source.partnership)
    target = _target_year(source, actor, target_slug)
    chosen = priority_targets or {}
    existing = list(target.priorities.all())
    by_pk = {p.pk: p for p in existing}
    if unknown := {pk for pk in chosen.values() if pk is not None and pk not in by_pk}:
        raise ServiceError(f"Priority {sorted(unknown)[0]} is not a priority of {target.label}.")
    chosen_actions = list(source.actions.filter(pk__in=action_ids).select_related("priority"))
    wanted_priorities = set(priority_ids) | {a.priority_id for a in chosen_actions}
    mapping: dict[int, Priority] = {}
    for priority in source.priorities.filter(pk__in=wanted_priorities).prefetch_related("sub_themes"):
        if priority.pk in chosen:
            target_pk = chosen[priority.pk]
            match = by_pk[target_pk] if target_pk is not None else None
        else:
            match = priority_match_loose(existing, priority.title)
        if match is None:
            match = priority_create(
                plan_year=target,
                title=priority.title,
                description=priority.description,
                actor=actor,
                sub_themes=[s.name for s in priority.sub_themes.all()],
                carried_from=priority,
                themes=list(priority.themes.all()),
                places=list(priority.places.all()),
            )
            existing.append(match)
        mapping[priority.pk] = match
    for action in chosen_actions:
        if target.actions.filter(carried_from=action).exists():
            continue
        found = sorted(action.owners.select_related("organisation"), key=lambda o: (not o.is_lead, o.order))
        into = mapping[action.priority_id]
        action_create(
            plan_year=target,
            priority=into,
            text=action.text,
            owners=[(o.organisation, o.display_name) for o in found],
            has_lead=any(o.is_lead for o in found),
            target=action.target,
            actor=actor,
            carried_from=action,
            approach=_approach_in(into, action.approach, actor),
            themes=list(action.themes.all()),
            places=list(action.places.all()),
        )
    return target


def _approach_in(priority: Priority, approach: Approach | None, actor: Actor) -> Approach | None:
    """The target priority's approach of the same title (created when missing), or None."""
    if approach is None:
        return None
    for existing in priority.approaches.all():
        if existing.title.casefold() == approach.title.casefold():
            return existing
    return approach_save(
        priority=priority, actor=actor, title=approach.title, description=approach.description
    )
