"""Who may read and change a partnership's assessments, scores and partner indicators."""

from partnership import access as partnership_access
from partnership.models import Partnership


def can_view(user, partnership: Partnership) -> bool:  # type: ignore[no-untyped-def]
    """Every member reads the partnership's assessments and analysis."""
    return partnership_access.can_view(user, partnership)


def can_manage(user, partnership: Partnership) -> bool:  # type: ignore[no-untyped-def]
    """Coordinators create and edit assessments, criteria, issues and choose priorities."""
    return partnership_access.is_coordinator(user, partnership)


def can_score(user, partnership: Partnership) -> bool:  # type: ignore[no-untyped-def]
    """Coordinators and lead officers score candidate issues (each their own scores)."""
    return (
        can_manage(user, partnership)
        or partnership_access.lead_organisation_id(user, partnership) is not None
    )


def indicator_organisation_ids(user, partnership: Partnership) -> set[int] | None:  # type: ignore[no-untyped-def]
    """Organisations the user may enter partner indicators for: None means any (coordinators)."""
    if can_manage(user, partnership):
        return None
    organisation_id = partnership_access.lead_organisation_id(user, partnership)
    return {organisation_id} if organisation_id is not None else set()


def can_enter_indicators(user, partnership: Partnership) -> bool:  # type: ignore[no-untyped-def]
    allowed = indicator_organisation_ids(user, partnership)
    return allowed is None or bool(allowed)
