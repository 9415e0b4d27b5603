"""The partnership menu, collected from the apps: each app lists its entries in its own
`navigation.py` as `MENU = [MenuEntry(...), ...]`; core imports no domain app.

Entries are collected in INSTALLED_APPS order and shown by `position` (ties keep app order). Who
sees an entry is its `audience`; the caller (the partnership app's context processor) says which
audiences the person belongs to.
"""

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

MEMBERS = "members"  # anyone with a membership
COORDINATORS = "coordinators"
LEAD_OFFICERS = "lead_officers"  # people who report for an organisation


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str  # reversed with the partnership's slug as `partnership`
    current: tuple[str, ...]  # URL names marking it current; a name ending in ":" is a namespace
    position: int = 100
    audience: str = MEMBERS  # MEMBERS, COORDINATORS or any name the caller answers for

    def is_current(self, view_name: str) -> bool:
        return any(
            view_name == name or (name.endswith(":") and view_name.startswith(name)) for name in self.current
        )


@cache
def collected_menu() -> tuple[MenuEntry, ...]:
    """Every app's MENU, in INSTALLED_APPS order, sorted by position."""
    entries: list[MenuEntry] = []
    for config in apps.get_app_configs():
        name = f"{config.name}.navigation"
        if config.name == "core" or importlib.util.find_spec(name) is None:
            continue
        entries.extend(getattr(importlib.import_module(name), "MENU", []))
    return tuple(sorted(entries, key=lambda entry: entry.position))


def menu_for(request: HttpRequest, slug: str, in_audience: Callable[[str], bool]) -> list[dict[str, Any]]:
    """The menu of one partnership for this request: entries the person may see, with URLs."""
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = []
    for entry in collected_menu():
        if not in_audience(entry.audience):
            continue
        try:
            url = reverse(entry.url_name, kwargs={"partnership": slug})
        except NoReverseMatch:
            continue
        items.append({"label": entry.label, "url": url, "current": entry.is_current(current)})
    return items
