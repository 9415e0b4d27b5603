"""The governance app's entries in the partnership menu (collected by `core.navigation`)."""

from core.navigation import MenuEntry

MENU = [
    MenuEntry(
        "Meetings",
        "governance:series_list",
        (
            "governance:series_list",
            "governance:series_create",
            "governance:series",
            "governance:series_edit",
            "governance:meeting_create",
            "governance:meeting",
            "governance:meeting_edit",
            "governance:agenda_item_create",
            "governance:agenda_item_edit",
            "governance:agenda_item_delete",
            "governance:attendance",
            "governance:meeting_action_create",
        ),
        55,
    ),
    MenuEntry(
        "Calendar",
        "governance:calendar_current",
        (
            "governance:calendar_current",
            "governance:calendar",
            "governance:duty_create",
            "governance:duty_edit",
        ),
        56,
    ),
    MenuEntry(
        "Engagement and equality",
        "governance:engagements",
        (
            "governance:engagements",
            "governance:engagement_create",
            "governance:engagement_edit",
            "governance:eias",
            "governance:eia",
            "governance:eia_create",
            "governance:eia_edit",
        ),
        57,
    ),
]
