"""Cross-cutting themes, places, and a priority's approaches and outcomes (coordinators only)."""

import re
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from core.actors import Actor
from core.errors import ServiceError
from core.history import delete_as, save_as
from partnership.models import Partnership
from planning.models import Approach, Outcome, Place, Priority, Theme
from planning.services._common import _require_coordinator

LSOA_CODE = re.compile(r"^[EW]01\d{6}$")


def _unique_name(
    model: type[Theme] | type[Place], partnership: Partnership, name: str, pk: int | None
) -> str:
    name = name.strip()
    if not name:
        raise ServiceError(f"Enter the {model._meta.verbose_name}'s name.")
    clash = model._default_manager.filter(partnership=partnership, name__iexact=name).exclude(pk=pk or 0)
    if clash.exists():
        raise ServiceError(f"There is already a {model._meta.verbose_name} called “{name}”.")
    return name


@transaction.atomic
def theme_save(
    *, partnership: Partnership, actor: Actor, name: str, description: str = "", instance: Theme | None = None
) -> Theme:
    """Create a cross-cutting theme, or change one (names unique in the partnership, any case)."""
    _require_coordinator(actor, partnership)
    theme = instance or Theme(partnership=partnership)
    theme.name = _unique_name(Theme, partnership, name, theme.pk)
    theme.description = description.strip()
    if theme.pk is None:
        theme.order = (Theme.objects.filter(partnership=partnership).aggregate(m=Max("order"))["m"] or 0) + 1
    return save_as(theme, actor)


@transaction.atomic
def theme_delete(*, theme: Theme, actor: Actor) -> None:
    """Delete a theme; the priorities and actions tagged with it lose the tag."""
    _require_coordinator(actor, theme.partnership)
    delete_as(theme, actor)


def lsoa_codes_clean(codes: Sequence[str]) -> list[str]:
    """LSOA codes, upper case, in the order given, each once; an error names every bad one."""
    cleaned: list[str] = []
    bad = []
    for raw in codes:
        code = raw.strip().upper()
        if not code:
            continue
        if not LSOA_CODE.match(code):
            bad.append(raw.strip())
        elif code not in cleaned:
            cleaned.append(code)
    if bad:
        raise ServiceError(
            f"These are not LSOA codes (E01 or W01 and six digits, e.g. E01024385): {', '.join(bad)}."
        )
    return cleaned


@transaction.atomic
def place_save(
    *,
    partnership: Partnership,
    actor: Actor,
    name: str,
    kind: str = "",
    description: str = "",
    lsoa_codes: Sequence[str] = (),
    instance: Place | None = None,
) -> Place:
    """Create or change a place (a ward, town centre, estate…), optionally made of LSOAs."""
    _require_coordinator(actor, partnership)
    place = instance or Place(partnership=partnership)
    place.name = _unique_name(Place, partnership, name, place.pk)
    place.kind = kind.strip()
    place.description = description.strip()
    place.lsoa_codes = lsoa_codes_clean(lsoa_codes)
    return save_as(place, actor)


@transaction.atomic
def place_delete(*, place: Place, actor: Actor) -> None:
    """Delete a place; the priorities and actions tagged with it lose the tag."""
    _require_coordinator(actor, place.partnership)
    delete_as(place, actor)


@transaction.atomic
def approach_save(
    *, priority: Priority, actor: Actor, title: str, description: str = "", instance: Approach | None = None
) -> Approach:
    """Create or change an approach inside a priority (added at the end)."""
    _require_coordinator(actor, priority.plan_year.partnership)
    if not title.strip():
        raise ServiceError("Enter the approach's title.")
    approach = instance or Approach(priority=priority)
    if approach.priority_id != priority.pk:
        raise ServiceError("That approach belongs to another priority.")
    approach.title, approach.description = title.strip(), description.strip()
    if approach.pk is None:
        approach.order = (Approach.objects.filter(priority=priority).aggregate(m=Max("order"))["m"] or 0) + 1
    return save_as(approach, actor)


@transaction.atomic
def approach_delete(*, approach: Approach, actor: Actor) -> None:
    """Delete an approach: its actions and outcomes stay, directly under the priority."""
    _require_coordinator(actor, approach.priority.plan_year.partnership)
    for outcome in Outcome.objects.filter(approach=approach):
        outcome.approach = None
        save_as(outcome, actor)
    for action in approach.actions.all():
        action.approach = None
        save_as(action, actor)
    delete_as(approach, actor)


@transaction.atomic
def outcome_save(
    *,
    priority: Priority,
    actor: Actor,
    text: str,
    approach: Approach | None = None,
    instance: Outcome | None = None,
) -> Outcome:
    """Create or change an outcome ("We want to …") of a priority, optionally under one of its
    approaches."""
    _require_coordinator(actor, priority.plan_year.partnership)
    if not text.strip():
        raise ServiceError("Enter the outcome.")
    if approach is not None and approach.priority_id != priority.pk:
        raise ServiceError("Choose an approach of this priority.")
    outcome = instance or Outcome(priority=priority)
    outcome.text, outcome.approach = text.strip(), approach
    if outcome.pk is None:
        outcome.order = (Outcome.objects.filter(priority=priority).aggregate(m=Max("order"))["m"] or 0) + 1
    return save_as(outcome, actor)


@transaction.atomic
def outcome_delete(*, outcome: Outcome, actor: Actor) -> None:
    _require_coordinator(actor, outcome.priority.plan_year.partnership)
    delete_as(outcome, actor)
