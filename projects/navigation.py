"""The projects app's entry in the partnership menu (collected by `core.navigation`)."""

from core.navigation import MenuEntry

MENU = [MenuEntry("Projects", "projects:list", ("projects:",), 55)]
