"""`{{ value|cell }}`: an analysis table cell as page text (12,345; 2.5; "No figure" for None)."""

from decimal import Decimal
from typing import Any

from django import template

register = template.Library()


@register.filter
def cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    if isinstance(value, Decimal):
        return f"{value:,}"
    return str(value)
