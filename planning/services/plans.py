"""Priorities and actions: create, edit, reorder and delete (coordinators)."""

import datetime
import hashlib
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max

from core.actors import Actor
from core.errors import AccessDenied, ConflictError, ServiceError
from core.history import delete_as, save_as
from partnership.models import Organisation
from planning import access
from planning.models import (
    Action,
    ActionOwner,
    Approach,
    OwnerRole,
    Place,
    PlanYear,
    Priority,
    SubTheme,
    Theme,
)
from planning.services._common import _clean_lines, _move, _require_coordinator


@transaction.atomic
def priority_create(
    *,
    plan_year: PlanYear,
    title: str,
    actor: Actor,
    description: str = "",
    sub_themes: Sequence[str] = (),
    carried_from: Priority | None = None,
    themes: Sequence[Theme] = (),
    places: Sequence[Place] = (),
) -> Priority:
    _require_coordinator(actor, plan_year.partnership)
    order = (plan_year.priorities.aggregate(m=Max("order"))["m"] or 0) + 1
    priority = save_as(
        Priority(
            plan_year=plan_year,
            title=title.strip(),
            description=description,
            order=order,
            carried_from=carried_from,
        ),
        actor,
    )
    for index, name in enumerate(sub_themes, start=1):
        save_as(SubTheme(priority=priority, name=name.strip(), order=index), actor)
    tags_set(priority, themes=themes, places=places, actor=actor)
    return priority


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
    actor: Actor,
    target: str = "",
    due_date: datetime.date | None = None,
    carried_from: Action | None = None,
    has_lead: bool = True,
    approach: Approach | None = None,
    themes: Sequence[Theme] = (),
    places: Sequence[Place] = (),
) -> Action:
    """An action with its owners in order; each owner is (organisation, name as written here).

    The first owner leads unless `has_lead` is False (the lead is "To be confirmed"); the others
    support. An action may start with no owner at all (its lead to be confirmed)."""
    _require_coordinator(actor, plan_year.partnership)
    if priority.plan_year_id != plan_year.pk:
        raise ServiceError("The priority belongs to another plan year.")
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
            approach=_approach_of(priority, approach),
        ),
        actor,
    )
    _set_owners(action, owners, actor, has_lead=has_lead)
    tags_set(action, themes=themes, places=places, actor=actor)
    return action


def _approach_of(priority: Priority, approach: Approach | None) -> Approach | None:
    if approach is not None and approach.priority_id != priority.pk:
        raise ServiceError(f"“{approach.title}” is an approach of another priority.")
    return approach


def tags_set(
    instance: Action | Priority,
    *,
    themes: Sequence[Theme] | None,
    places: Sequence[Place] | None,
    actor: Actor,
) -> None:
    """Tag a priority or action with the partnership's themes and places (None leaves them)."""
    partnership_id = instance.plan_year.partnership_id
    for tags in (themes or [], places or []):
        for tag in tags:
            if tag.partnership_id != partnership_id:
                raise ServiceError(f"“{tag}” belongs to another partnership.")
    instance._history_user = actor  # type: ignore[union-attr]  # simple_history's m2m rows
    if themes is not None:
        instance.themes.set(themes)
    if places is not None:
        instance.places.set(places)


def _set_owners(
    action: Action, owners: Sequence[tuple[Organisation, str]], actor: Actor, *, has_lead: bool = True
) -> None:
    seen: set[int] = set()
    for existing in list(action.owners.all()):
        delete_as(existing, actor)
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
                role=OwnerRole.LEAD if has_lead and len(seen) == 1 else OwnerRole.SUPPORTING,
            ),
            actor,
        )


@transaction.atomic
def action_edit(
    *,
    action: Action,
    expected_version: int,
    actor: Actor,
    owners: Sequence[tuple[Organisation, str]] | None = None,
    has_lead: bool = True,
    themes: Sequence[Theme] | None = None,
    places: Sequence[Place] | None = None,
    **fields: Any,
) -> Action:
    """Edit an action unless someone saved a newer version since the editor loaded it.

    `owners` (when given) replace the owners in order; the first leads unless `has_lead` is False."""
    if not access.can_manage_plan(actor, action.plan_year):
        raise AccessDenied("Only the partnership coordinator can edit actions.")
    current = Action.objects.select_for_update().get(pk=action.pk)
    if current.version != expected_version:
        raise ConflictError("Someone else changed this action while you were editing it.", current)
    for name, value in fields.items():
        setattr(current, name, value)
    moved = "priority" in fields and "approach" not in fields
    if moved and current.approach is not None and current.approach.priority_id != current.priority_id:
        current.approach = None  # moved to another priority: the old approach does not apply
    _approach_of(current.priority, current.approach)
    current.version += 1  # row locked above; an F() would break the history copy
    save_as(current, actor)
    current.refresh_from_db()
    if owners is not None:
        _set_owners(current, owners, actor, has_lead=has_lead)
    tags_set(current, themes=themes, places=places, actor=actor)
    return current


def priority_fingerprint(priority: Priority) -> str:
    """A short digest of what the priority form edits: an editor's copy is stale when it differs."""
    themes = [t.name for t in priority.sub_themes.order_by("order", "pk")]
    text = "\x1f".join([priority.title, priority.description, *themes])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@transaction.atomic
def priority_edit(
    *,
    priority: Priority,
    actor: Actor,
    title: str,
    description: str = "",
    sub_themes: Sequence[str] = (),
    expected_fingerprint: str | None = None,
    themes: Sequence[Theme] | None = None,
    places: Sequence[Place] | None = None,
) -> Priority:
    """Change a priority's title, description and ordered sub-themes (kept rows keep their history).

    expected_fingerprint is priority_fingerprint() of the version the editor loaded: when someone
    has changed the priority since, nothing is saved and ConflictError carries the newer version.
    """
    _require_coordinator(actor, priority.plan_year.partnership)
    if not title.strip():
        raise ServiceError("Enter the priority's title.")
    priority = Priority.objects.select_for_update().get(pk=priority.pk)
    if expected_fingerprint is not None and priority_fingerprint(priority) != expected_fingerprint:
        raise ConflictError("Someone else changed this priority while you were editing it.", priority)
    priority.title, priority.description = title.strip(), description
    save_as(priority, actor)
    names = _clean_lines(sub_themes)
    existing = list(priority.sub_themes.order_by("order", "pk"))
    for index, name in enumerate(names, start=1):
        if index <= len(existing):
            theme = existing[index - 1]
            if (theme.name, theme.order) != (name, index):
                theme.name, theme.order = name, index
                save_as(theme, actor)
        else:
            save_as(SubTheme(priority=priority, name=name, order=index), actor)
    for theme in existing[len(names) :]:
        delete_as(theme, actor)
    tags_set(priority, themes=themes, places=places, actor=actor)
    return priority


@transaction.atomic
def priority_delete(*, priority: Priority, actor: Actor) -> None:
    _require_coordinator(actor, priority.plan_year.partnership)
    count = priority.actions.count()
    if count:
        raise ServiceError(
            f"“{priority.title}” still has {count} action{'s' if count != 1 else ''}: "
            "delete them or move them to another priority first."
        )
    for theme in list(priority.sub_themes.all()):
        delete_as(theme, actor)
    delete_as(priority, actor)


@transaction.atomic
def priority_move(*, priority: Priority, direction: str, actor: Actor) -> None:
    _require_coordinator(actor, priority.plan_year.partnership)
    siblings = list(priority.plan_year.priorities.select_for_update().order_by("order", "pk"))
    _move(siblings, priority, direction, actor)


@transaction.atomic
def action_delete(*, action: Action, actor: Actor) -> None:
    """Delete an action with its owners and updates, each deletion kept in history."""
    if not access.can_manage_plan(actor, action.plan_year):
        raise AccessDenied("Only the partnership coordinator can delete actions.")
    for update in list(action.updates.all()):
        delete_as(update, actor)
    for owner in list(action.owners.all()):
        delete_as(owner, actor)
    delete_as(action, actor)


@transaction.atomic
def action_move(*, action: Action, direction: str, actor: Actor) -> None:
    """Move an action up or down within its priority (its version is not raised)."""
    if not access.can_manage_plan(actor, action.plan_year):
        raise AccessDenied("Only the partnership coordinator can reorder actions.")
    siblings = list(
        action.plan_year.actions.select_for_update()
        .filter(priority=action.priority_id)
        .order_by("order", "pk")
    )
    _move(siblings, action, direction, actor)


@transaction.atomic
def plan_year_actions_delete(*, plan_year: PlanYear, actor: Actor) -> int:
    """Delete every action of a plan year with its owners and updates (an import that replaces)."""
    _require_coordinator(actor, plan_year.partnership)
    actions = list(plan_year.actions.all())
    for action in actions:
        action_delete(action=action, actor=actor)
    return len(actions)
