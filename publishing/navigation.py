"""The publishing app's entry in the partnership menu (collected by `core.navigation`)."""

from core.navigation import MenuEntry

MENU = [MenuEntry("Plan documents", "publishing:documents", ("publishing:",), 60)]
