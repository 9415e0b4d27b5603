"""Reads of partnership records, built on the visibility querysets of `partnership.access`.

Selectors that take a `Partnership` expect one opened through a door
(`access.access_partnership_by_slug`); people and invitations also take the actor and read only what
the actor may manage.
"""

import hashlib
from typing import Any

from django.db.models import Count, QuerySet

from core.access import Purpose, audit_search
from core.actors import Actor
from partnership import access
from partnership.models import (
    GlossaryTerm,
    Grant,
    Invitation,
    Membership,
    Organisation,
    Partnership,
    Role,
    RoleGrant,
)


def partnerships_for_user(actor: Actor) -> QuerySet[Partnership]:
    """The partnerships the actor belongs to (any role), by name."""
    return access.partnerships_visible_to(actor).distinct().order_by("name")


def organisations(partnership: Partnership) -> QuerySet[Organisation]:
    return Organisation.objects.filter(partnership=partnership).prefetch_related("other_names")


def organisation_choices(actor: Actor, partnership: Partnership) -> QuerySet[Organisation]:
    """The organisations a coordinator may choose for a membership or invitation."""
    return access.organisations_visible_to(actor, for_=Purpose.MANAGE).filter(partnership=partnership)


def membership_list(partnership: Partnership) -> QuerySet[Organisation]:
    """The organisations in the published membership list, in their order."""
    return Organisation.objects.filter(partnership=partnership, in_membership_list=True).order_by(
        "membership_order", "name"
    )


def glossary(partnership: Partnership) -> QuerySet[GlossaryTerm]:
    return GlossaryTerm.objects.filter(partnership=partnership).order_by("term")


def glossary_term_clash(partnership: Partnership, term: str, exclude: GlossaryTerm | None) -> bool:
    clash = GlossaryTerm.objects.filter(partnership=partnership, term__iexact=term.strip())
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    return clash.exists()


def memberships(actor: Actor, partnership: Partnership) -> QuerySet[Membership]:
    """Every membership of the partnership the actor manages, with the people's further roles."""
    return (
        access.memberships_visible_to(actor, for_=Purpose.MANAGE)
        .filter(partnership=partnership)
        .select_related("user", "organisation")
        .prefetch_related("grants")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


def further_roles(membership: Membership) -> list[dict[str, Any]]:
    """Every further role a membership could hold, and whether it does (uses prefetched grants)."""
    held = {g.grant for g in membership.grants.all()}
    return [{"value": value, "label": label, "held": value in held} for value, label in Grant.choices]


def people(actor: Actor, partnership: Partnership) -> list[Membership]:
    """The People page: memberships the actor manages, each with `further_roles` (one `searched`)."""
    audit_search(actor, Membership, partnership=partnership, filters={})
    found = list(memberships(actor, partnership))
    for membership in found:
        membership.further_roles = further_roles(membership)  # type: ignore[attr-defined]
    return found


def own_memberships(actor: Actor) -> QuerySet[Membership]:
    """The actor's own active memberships (the account page)."""
    if not actor.is_authenticated:
        return Membership.objects.none()
    return (
        access.memberships_visible_to(actor)
        .filter(user_id=actor.pk, is_active=True)
        .select_related("partnership", "organisation")
        .prefetch_related("grants")
    )


def role_grants(membership: Membership) -> QuerySet[RoleGrant]:
    return RoleGrant.objects.filter(membership=membership).select_related("granted_by")


def role_grant_history(membership: Membership) -> list[dict[str, Any]]:
    """Every grant and revocation of a further role on the membership, newest first."""
    model = RoleGrant.history.model
    records = model.objects.filter(membership_id=membership.pk).select_related("history_user")
    return [
        {
            "date": record.history_date,
            "user": record.history_user,
            "role": str(dict(Grant.choices).get(record.grant, record.grant)),
            "type": {"+": "Granted", "-": "Removed"}.get(record.history_type, "Changed"),
        }
        for record in records.order_by("-history_date", "-history_id")
    ]


def organisation_known_names(organisation: Organisation) -> list[str]:
    """Every name the organisation is known by: name, short name and its other names (prefetched
    other names are used)."""
    names = [organisation.name]
    if organisation.short_name:
        names.append(organisation.short_name)
    names.extend(alias.name for alias in organisation.other_names.all())
    return names


def organisation_by_name(partnership: Partnership) -> dict[str, Organisation]:
    """Every known name of every organisation (lower-cased) → organisation."""
    index: dict[str, Organisation] = {}
    for organisation in organisations(partnership):
        for name in organisation_known_names(organisation):
            index.setdefault(name.strip().lower(), organisation)
    return index


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation whose token this is (only the token's SHA-256 hash is stored). The token is
    the capability: whoever holds the e-mailed link may look at the invitation."""
    return (
        Invitation.objects.select_related("partnership", "organisation", "invited_by")
        .filter(token_hash=token_hash(token))
        .first()
    )


def pending_invitations(actor: Actor, partnership: Partnership) -> QuerySet[Invitation]:
    return (
        access.invitations_visible_to(actor, for_=Purpose.MANAGE)
        .filter(partnership=partnership, accepted_at__isnull=True)
        .select_related("organisation")
    )


def pending_invitations_to(partnership: Partnership, email: str) -> QuerySet[Invitation]:
    """Invitations to `email` still waiting (a new one replaces them)."""
    return Invitation.objects.filter(partnership=partnership, accepted_at__isnull=True, email__iexact=email)


def is_active_member(partnership: Partnership, email: str) -> bool:
    return Membership.objects.filter(
        partnership=partnership, user__email__iexact=email, is_active=True
    ).exists()


def membership_of(user: Any, partnership: Partnership) -> Membership | None:
    """A person's membership (active or not) of the partnership, for accepting an invitation."""
    return Membership.objects.filter(user=user, partnership=partnership).first()


def other_organisations(partnership: Partnership) -> QuerySet[Organisation]:
    """Organisations outside the published membership list, with how many actions each owns."""
    return (
        Organisation.objects.filter(partnership=partnership, in_membership_list=False)
        .annotate(action_count=Count("owned_actions", distinct=True))
        .prefetch_related("other_names")
        .order_by("name")
    )


def owned_actions(organisation: Organisation, plan_year: Any) -> list[Any]:
    """The actions of `plan_year` the organisation owns, in plan order."""
    if plan_year is None:
        return []
    owners = (
        organisation.owned_actions.filter(action__plan_year=plan_year)
        .select_related("action__priority")
        .order_by("action__priority__order", "action__order", "action__pk")
    )
    return [owner.action for owner in owners]


def active_coordinator_count(partnership: Partnership) -> int:
    return Membership.objects.filter(
        partnership=partnership, role=Role.COORDINATOR, is_active=True, user__is_active=True
    ).count()


def districts(partnership: Partnership) -> QuerySet[Any]:
    return partnership.districts.all()


def partnership_ids_of(user: Any) -> set[int]:
    """The ids of every partnership the person has a membership of (active or not)."""
    return set(Membership.objects.filter(user=user).values_list("partnership_id", flat=True))
