"""The partnership's menu, shown on every signed-in page under a partnership's URL."""

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from partnership import access
from partnership.models import Partnership

# (label, URL name, URL names that mark it current, coordinators only)
MENU: list[tuple[str, str, tuple[str, ...], bool]] = [
    ("Dashboard", "planning:dashboard", ("planning:dashboard", "planning:dashboard_year"), False),
    (
        "Action plans",
        "planning:action_list",
        (
            "planning:action",
            "planning:action_list",
            "planning:action_create",
            "planning:action_edit",
            "planning:action_delete",
            "planning:action_update",
            "planning:priority_create",
            "planning:priority_edit",
            "planning:priority_delete",
            "planning_io:",
        ),
        False,
    ),
    ("Year-end review", "planning:review", ("planning:review", "planning:roll_forward"), False),
    (
        "Key figures",
        "planning:key_figures",
        (
            "planning:key_figures",
            "planning:measure_create",
            "planning:measure_edit",
            "planning:measure_delete",
        ),
        False,
    ),
    ("Strategic assessment", "assessment:index", ("assessment:",), False),
    ("Plan documents", "publishing:documents", ("publishing:",), False),
    ("Members", "partnership:members", ("partnership:members", "partnership:organisation"), False),
    ("Glossary", "partnership:glossary", ("partnership:glossary",), False),
    (
        "Settings",
        "partnership:settings",
        (
            "partnership:settings",
            "partnership:people",
            "planning:year_settings",
            "planning:statuses",
            "planning:period_edit",
            "planning:status_create",
            "planning:status_edit",
        ),
        True,
    ),
]


def menu_for(request: HttpRequest, partnership: Partnership) -> list[dict[str, Any]]:
    current = request.resolver_match.view_name if request.resolver_match else ""
    coordinator = access.is_coordinator(request.user, partnership)
    items = []
    for label, url_name, current_names, coordinators_only in MENU:
        if coordinators_only and not coordinator:
            continue
        try:
            url = reverse(url_name, kwargs={"partnership": partnership.slug})
        except NoReverseMatch:
            continue
        is_current = any(
            current == name or (name.endswith(":") and current.startswith(name)) for name in current_names
        )
        items.append({"label": label, "url": url, "current": is_current})
    return items
