"""Writes to a partnership's settings, organisations and glossary (coordinators only)."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from partnership import access, selectors
from partnership.models import GlossaryTerm, Organisation, OrganisationName, Partnership

PARTNERSHIP_FIELDS = ("name", "short_name", "phone", "email", "website", "address", "social_links")
ORGANISATION_FIELDS = (
    "name",
    "short_name",
    "org_type",
    "phone",
    "email",
    "website",
    "address",
    "in_membership_list",
    "membership_order",
)


def require_coordinator(actor: Actor, partnership: Partnership) -> None:
    if not access.is_coordinator(actor, partnership):
        raise AccessDenied("Only the partnership's coordinators can do this.")


@transaction.atomic
def partnership_edit(*, partnership: Partnership, actor: Actor, **fields: Any) -> Partnership:
    require_coordinator(actor, partnership)
    for name in PARTNERSHIP_FIELDS:
        if name in fields:
            setattr(partnership, name, fields[name])
    save_as(partnership, actor)
    return partnership


def clean_names(lines: Iterable[str]) -> list[str]:
    """Other names, one per line: trimmed, blank lines dropped, duplicates (ignoring case) removed."""
    seen: set[str] = set()
    names = []
    for line in lines:
        name = " ".join(line.split())
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def name_clashes(partnership: Partnership, names: Iterable[str], exclude: Organisation | None) -> list[str]:
    """Messages for those of `names` another organisation of the partnership is already known by."""
    index = selectors.organisation_by_name(partnership)
    clashes = []
    for name in names:
        other = index.get(name.strip().lower()) if name.strip() else None
        if other is not None and (exclude is None or other.pk != exclude.pk):
            clashes.append(f"“{name.strip()}” is already a name of {other.name}")
    return clashes


@transaction.atomic
def organisation_save(
    *,
    partnership: Partnership,
    actor: Actor,
    organisation: Organisation | None = None,
    other_names: Iterable[str] = (),
    **fields: Any,
) -> Organisation:
    """Create (no `organisation`) or edit an organisation and its other names."""
    require_coordinator(actor, partnership)
    if organisation is None:
        organisation = Organisation(partnership=partnership)
    elif organisation.partnership_id != partnership.pk:
        raise AccessDenied("That organisation belongs to another partnership.")
    for name in ORGANISATION_FIELDS:
        if name in fields:
            setattr(organisation, name, fields[name])
    names = clean_names(other_names)
    clashes = name_clashes(partnership, [organisation.name, organisation.short_name, *names], organisation)
    if clashes:
        raise ServiceError("; ".join(clashes) + ". Each name can belong to only one organisation.")
    save_as(organisation, actor)
    _sync_other_names(organisation, names, actor)
    return organisation


def _sync_other_names(organisation: Organisation, names: list[str], actor: Actor) -> None:
    wanted = {name.lower(): name for name in names}
    for existing in list(OrganisationName.objects.filter(organisation=organisation)):
        if existing.name.lower() in wanted:
            new = wanted.pop(existing.name.lower())
            if new != existing.name:
                existing.name = new
                save_as(existing, actor)
        else:
            delete_as(existing, actor)
    for name in wanted.values():
        save_as(OrganisationName(organisation=organisation, name=name), actor)


@transaction.atomic
def glossary_term_save(
    *, partnership: Partnership, actor: Actor, term: str, meaning: str, instance: GlossaryTerm | None = None
) -> GlossaryTerm:
    require_coordinator(actor, partnership)
    if selectors.glossary_term_clash(partnership, term, instance):
        raise ServiceError(f"The glossary already has “{term.strip()}”.")
    if instance is None:
        instance = GlossaryTerm(partnership=partnership)
    elif instance.partnership_id != partnership.pk:
        raise AccessDenied("That term belongs to another partnership.")
    instance.term = term.strip()
    instance.meaning = meaning.strip()
    save_as(instance, actor)
    return instance


@transaction.atomic
def glossary_term_delete(*, term: GlossaryTerm, actor: Actor) -> None:
    require_coordinator(actor, term.partnership)
    delete_as(term, actor)
