"""Who may change plans and report on actions."""

from partnership import access as partnership_access
from planning.models import Action, PlanYear, PlanYearState


def can_manage_plan(user, plan_year: PlanYear) -> bool:  # type: ignore[no-untyped-def]
    """Coordinators create, edit, reorder and delete priorities and actions."""
    return partnership_access.is_coordinator(user, plan_year.partnership)


def owns_action(user, action: Action) -> bool:  # type: ignore[no-untyped-def]
    """Whether the user is a lead officer of one of the action's owner organisations."""
    organisation_id = partnership_access.lead_organisation_id(user, action.plan_year.partnership)
    if organisation_id is None:
        return False
    return any(owner.organisation_id == organisation_id for owner in action.owners.all())


def can_report_on(user, action: Action) -> bool:  # type: ignore[no-untyped-def]
    """Lead officers update their organisation's actions; coordinators any action.

    Only while the year has an open period and is not closed (the year-end review included).
    """
    plan_year = action.plan_year
    if plan_year.open_period_id is None or plan_year.state == PlanYearState.CLOSED:
        return False
    return can_manage_plan(user, plan_year) or owns_action(user, action)
