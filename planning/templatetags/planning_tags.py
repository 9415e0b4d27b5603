"""Owners as the plan writes them: `{% lead_of action %}`, `{% supporting_of action %}`."""

from django import template

from planning import owners, selectors
from planning.models import Action

register = template.Library()


@register.simple_tag
def lead_of(action: Action) -> str:
    """The lead organisation, or "To be confirmed" (prefetched owners are used)."""
    return owners.lead_name(selectors.action_owners(action))


@register.simple_tag
def supporting_of(action: Action) -> str:
    return "; ".join(owners.supporting_names(selectors.action_owners(action))) or "None"
