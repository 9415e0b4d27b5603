"""Who may see, edit and publish plan documents."""

from partnership import access as partnership_access
from planning.models import PlanYear


def can_view_documents(user, plan_year: PlanYear) -> bool:  # type: ignore[no-untyped-def]
    """Any member previews drafts and downloads progress reports."""
    return partnership_access.can_view(user, plan_year.partnership)


def can_edit_documents(user, plan_year: PlanYear) -> bool:  # type: ignore[no-untyped-def]
    """Coordinators edit the narrative and publish."""
    return partnership_access.is_coordinator(user, plan_year.partnership)


can_publish = can_edit_documents
