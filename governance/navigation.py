"""The governance app's entries in the partnership menu (collected by `core.navigation`)."""

from core.navigation import MenuEntry

MENU = [
    MenuEntry("Meetings", "governance:series_list", ("governance:",), 55),
]
