"""The partnership menu on every signed-in page under a partnership's URL."""

from typing import Any

from django.http import HttpRequest

from core.navigation import COORDINATORS, LEAD_OFFICERS, MEMBERS, menu_for
from partnership import access
from partnership.models import Grant, Partnership


def navigation(request: HttpRequest) -> dict[str, Any]:
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("partnership") if match else None
    user = getattr(request, "user", None)
    if not slug or user is None or not user.is_authenticated:
        return {}
    partnership = (
        access.opened_partnership(user, slug)
        or access.partnerships_visible_to(user).filter(slug=slug).first()
    )
    if partnership is None:
        return {}
    return {
        "nav_partnership": partnership,
        "nav_items": menu_for(request, slug, _audience(user, partnership)),
    }


def _audience(user: Any, partnership: Partnership) -> Any:
    def in_audience(name: str) -> bool:
        if name == MEMBERS:
            return True
        if name == COORDINATORS:
            return access.is_coordinator(user, partnership)
        if name == LEAD_OFFICERS:
            return access.lead_organisation_id(user, partnership) is not None
        if name == "case_reviews":  # ASB Case Reviews: CSU coordinators and partnership coordinators
            return access.is_coordinator(user, partnership) or access.holds_grant(
                user, partnership, Grant.CSU_COORDINATOR
            )
        if name == "data_protection_lead":
            return access.holds_grant(user, partnership, Grant.DATA_PROTECTION_LEAD)
        if name == "case_work":  # the case-work app's menu entry: any case-work role held here
            return any(
                access.holds_grant(user, partnership, grant)
                for grant in (Grant.CASE_WORKER, Grant.CSU_COORDINATOR, Grant.DATA_PROTECTION_LEAD)
            )
        return False

    return in_audience
