"""The assessment app's entry in the partnership menu (collected by `core.navigation`)."""

from core.navigation import MenuEntry

MENU = [MenuEntry("Strategic assessment", "assessment:index", ("assessment:",), 50)]
