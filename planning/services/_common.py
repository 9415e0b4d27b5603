"""Helpers shared by the planning services."""

from collections.abc import Sequence
from typing import Any

from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from partnership import access as partnership_access
from partnership.models import Partnership


def _require_coordinator(actor: Actor, partnership: Partnership) -> None:
    if not partnership_access.is_coordinator(actor, partnership):
        raise AccessDenied("Only the partnership coordinator can do this.")


def _move(siblings: list[Any], item: Any, direction: str, actor: Actor) -> None:
    """Swap an item with its neighbour and number the siblings 1, 2, 3… (only changed rows saved)."""
    if direction not in ("up", "down"):
        raise ServiceError("Choose to move up or down.")
    index = [s.pk for s in siblings].index(item.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings, start=1):
        if sibling.order != order:
            sibling.order = order
            save_as(sibling, actor, update_fields=["order"])


def _clean_lines(lines: Sequence[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]
