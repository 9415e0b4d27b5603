"""Reads of partnership records. Restricted records come only through these doors."""

import hashlib

from django.db.models import Count, QuerySet
from django.http import Http404

from partnership import access
from partnership.models import GlossaryTerm, Invitation, Membership, Organisation, Partnership, Role


def partnerships_for_user(user) -> QuerySet[Partnership]:  # type: ignore[no-untyped-def]
    if not user.is_authenticated:
        return Partnership.objects.none()
    return Partnership.objects.filter(memberships__user=user, memberships__is_active=True).distinct()


def partnership_for_user(user, slug: str) -> Partnership:  # type: ignore[no-untyped-def]
    """The partnership, or 404 for both a missing one and one the user is not a member of."""
    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None or not access.can_view(user, partnership):
        raise Http404("No such partnership.")
    return partnership


def partnership_for_coordinator(user, slug: str) -> Partnership:  # type: ignore[no-untyped-def]
    """The partnership if the user coordinates it; 404 otherwise (members learn nothing new)."""
    partnership = partnership_for_user(user, slug)
    if not access.is_coordinator(user, partnership):
        raise Http404("No such page.")
    return partnership


def organisations(partnership: Partnership) -> QuerySet[Organisation]:
    return partnership.organisations.prefetch_related("other_names")


def membership_list(partnership: Partnership) -> QuerySet[Organisation]:
    """The organisations in the published membership list, in their order."""
    return partnership.organisations.filter(in_membership_list=True).order_by("membership_order", "name")


def glossary(partnership: Partnership) -> QuerySet[GlossaryTerm]:
    return partnership.glossary.order_by("term")


def memberships(partnership: Partnership) -> QuerySet[Membership]:
    return partnership.memberships.select_related("user", "organisation")


def organisation_by_name(partnership: Partnership) -> dict[str, Organisation]:
    """Every known name of every organisation (lower-cased) → organisation."""
    index: dict[str, Organisation] = {}
    for organisation in organisations(partnership):
        for name in organisation.known_names():
            index.setdefault(name.strip().lower(), organisation)
    return index


# --- Added for the partnership pages, people and invitations (accounts/partnership pages task) ---


def organisation_for_user(user, slug: str, pk: int) -> Organisation:  # type: ignore[no-untyped-def]
    """One organisation of a partnership the user belongs to; 404 for missing and forbidden."""
    partnership = partnership_for_user(user, slug)
    organisation = organisations(partnership).filter(pk=pk).first()
    if organisation is None:
        raise Http404("No such organisation.")
    return organisation


def glossary_term_for_coordinator(user, slug: str, pk: int) -> GlossaryTerm:  # type: ignore[no-untyped-def]
    partnership = partnership_for_coordinator(user, slug)
    term = partnership.glossary.filter(pk=pk).first()
    if term is None:
        raise Http404("No such term.")
    return term


def membership_for_coordinator(user, slug: str, pk: int) -> Membership:  # type: ignore[no-untyped-def]
    partnership = partnership_for_coordinator(user, slug)
    membership = memberships(partnership).filter(pk=pk).first()
    if membership is None:
        raise Http404("No such membership.")
    return membership


def invitation_for_coordinator(user, slug: str, pk: int) -> Invitation:  # type: ignore[no-untyped-def]
    partnership = partnership_for_coordinator(user, slug)
    invitation = partnership.invitations.filter(pk=pk).first()
    if invitation is None:
        raise Http404("No such invitation.")
    return invitation


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation whose token this is (only the token's SHA-256 hash is stored)."""
    return (
        Invitation.objects.select_related("partnership", "organisation", "invited_by")
        .filter(token_hash=token_hash(token))
        .first()
    )


def pending_invitations(partnership: Partnership) -> QuerySet[Invitation]:
    return partnership.invitations.filter(accepted_at__isnull=True).select_related("organisation")


def other_organisations(partnership: Partnership) -> QuerySet[Organisation]:
    """Organisations outside the published membership list, with how many actions each owns."""
    return (
        partnership.organisations.filter(in_membership_list=False)
        .annotate(action_count=Count("owned_actions", distinct=True))
        .prefetch_related("other_names")
        .order_by("name")
    )


def owned_actions(organisation: Organisation, plan_year) -> list:  # type: ignore[no-untyped-def]
    """The actions of `plan_year` the organisation owns, in plan order."""
    if plan_year is None:
        return []
    owners = (
        organisation.owned_actions.filter(action__plan_year=plan_year)  # type: ignore[attr-defined]
        .select_related("action__priority")
        .order_by("action__priority__order", "action__order", "action__pk")
    )
    return [owner.action for owner in owners]


def active_coordinator_count(partnership: Partnership) -> int:
    return partnership.memberships.filter(role=Role.COORDINATOR, is_active=True, user__is_active=True).count()
