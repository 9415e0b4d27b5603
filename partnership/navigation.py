"""The partnership app's entries in the partnership menu (collected by `core.navigation`)."""

from core.navigation import COORDINATORS, MenuEntry

MENU = [
    MenuEntry("Members", "partnership:members", ("partnership:members", "partnership:organisation"), 70),
    MenuEntry("Glossary", "partnership:glossary", ("partnership:glossary",), 80),
    MenuEntry(
        "Settings",
        "partnership:settings",
        (
            "partnership:settings",
            "partnership:people",
            "partnership:membership_edit",
            "partnership:invite",
            "planning:year_settings",
            "planning:statuses",
            "planning:period_edit",
            "planning:status_create",
            "planning:status_edit",
            "planning:round_tracker",
            "partnership:message_log",
            "partnership:message_settings",
            "partnership:message_text",
        ),
        90,
        COORDINATORS,
    ),
    MenuEntry("Audit log", "partnership:audit", ("partnership:audit",), 95, "data_protection_lead"),
]
