"""Who may see and do what in a partnership. One place for the rules.

Site administrators run the installation (reference data, partnerships, users) through the admin;
inside a partnership they are treated like anyone else and need a membership (ADR 0003).
"""

from django.contrib.auth.models import AnonymousUser

from partnership.models import Membership, Partnership, Role


def membership_for(user, partnership: Partnership) -> Membership | None:  # type: ignore[no-untyped-def]
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated or not user.is_active:
        return None
    cache = getattr(user, "_csp_memberships", None)
    if cache is None:
        cache = {
            m.partnership_id: m
            for m in Membership.objects.filter(user=user, is_active=True).select_related("organisation")
        }
        user._csp_memberships = cache
    return cache.get(partnership.pk)


def can_view(user, partnership: Partnership) -> bool:  # type: ignore[no-untyped-def]
    """Members of any role read the partnership's non-confidential records."""
    return membership_for(user, partnership) is not None


def is_coordinator(user, partnership: Partnership) -> bool:  # type: ignore[no-untyped-def]
    """Coordinators manage everything in their partnership."""
    membership = membership_for(user, partnership)
    return membership is not None and membership.role == Role.COORDINATOR


def lead_organisation_id(user, partnership: Partnership) -> int | None:  # type: ignore[no-untyped-def]
    """The organisation a lead officer reports for, or None."""
    membership = membership_for(user, partnership)
    if membership is None or membership.role != Role.LEAD_OFFICER:
        return None
    return membership.organisation_id
