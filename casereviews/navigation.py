"""The ASB Case Reviews entry in the partnership menu: CSU coordinators and partnership coordinators."""

from core.navigation import MenuEntry

CASE_REVIEWS = "case_reviews"  # answered by partnership.context_processors

MENU = [
    MenuEntry("ASB Case Reviews", "casereviews:applications", ("casereviews:",), 85, audience=CASE_REVIEWS),
]
