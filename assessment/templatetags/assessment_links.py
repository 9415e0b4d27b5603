"""`links|of_view:view.pk`: the engagement links of one community view (assessment.community_links)."""

from typing import Any

from django import template

register = template.Library()


@register.filter
def of_view(links: dict[int, list[Any]] | None, view_id: int) -> list[Any]:
    return (links or {}).get(view_id, [])
