"""The case-work entry in the partnership menu: only for people holding a case-work role."""

from core.navigation import MenuEntry

CASE_WORK = "case_work"  # answered by partnership.context_processors: a case-work role held here

MENU = [MenuEntry("Case work", "casework:cases", ("casework:",), 65, audience=CASE_WORK)]
