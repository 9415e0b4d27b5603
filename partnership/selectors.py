"""Reads of partnership records. Restricted records come only through these doors."""

from django.db.models import QuerySet
from django.http import Http404

from partnership import access
from partnership.models import GlossaryTerm, Membership, Organisation, Partnership


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
