"""The partnership menu is collected from each app's `navigation.py`; core knows no domain app."""

import pytest
from django.urls import reverse

from core.navigation import COORDINATORS, LEAD_OFFICERS, MenuEntry, collected_menu

pytestmark = pytest.mark.django_db


def test_menu_collected_from_the_apps_in_order():
    labels = [entry.label for entry in collected_menu()]
    assert labels == [
        "Dashboard",
        "My actions",
        "Action plans",
        "Year-end review",
        "Plan year settings",
        "Measures",
        "Themes and places",
        "Strategic assessment",
        "Projects",
        "Meetings",
        "Calendar",
        "Engagement and equality",
        "Plan documents",
        "Case work",
        "Members",
        "Glossary",
        "ASB Case Reviews",
        "Settings",
        "Audit log",
    ]
    settings_entry = next(e for e in collected_menu() if e.label == "Settings")
    assert settings_entry.audience == COORDINATORS
    my_actions = next(e for e in collected_menu() if e.label == "My actions")
    assert my_actions.audience == LEAD_OFFICERS


def test_current_entry_by_name_or_namespace():
    entry = MenuEntry("Plans", "planning:action_list", ("planning:action", "planning_io:"))
    assert entry.is_current("planning:action") and entry.is_current("planning_io:export")
    assert not entry.is_current("planning:actions")


def test_menu_on_pages(client, world):
    client.force_login(world.member)
    body = client.get(reverse("partnership:glossary", args=["test-csp"])).content.decode()
    assert reverse("planning:dashboard", args=["test-csp"]) in body
    assert 'aria-current="page"><strong class="govuk-service-navigation__active-fallback">Glossary' in body
    assert reverse("partnership:settings", args=["test-csp"]) not in body
    client.force_login(world.coordinator)
    body = client.get(reverse("partnership:glossary", args=["test-csp"])).content.decode()
    assert reverse("partnership:settings", args=["test-csp"]) in body
    client.force_login(world.outsider)
    assert "govuk-service-navigation" not in client.get(reverse("core:home")).content.decode()
