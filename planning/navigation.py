"""The planning app's entries in the partnership menu (collected by `core.navigation`)."""

from core.navigation import COORDINATORS, LEAD_OFFICERS, MenuEntry

MENU = [
    MenuEntry(
        "My actions",
        "planning:my_actions",
        ("planning:my_actions", "planning:my_period_updates", "planning:action_contribution"),
        15,
        audience=LEAD_OFFICERS,
    ),
    MenuEntry("Dashboard", "planning:dashboard", ("planning:dashboard", "planning:dashboard_year"), 10),
    MenuEntry(
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
        20,
    ),
    MenuEntry("Year-end review", "planning:review", ("planning:review", "planning:roll_forward"), 30),
    MenuEntry(
        "Measures",
        "planning:key_figures",
        (
            "planning:key_figures",
            "planning:measure",
            "planning:measure_create",
            "planning:measure_edit",
            "planning:measure_delete",
            "planning:measure_value_create",
            "planning:measure_value_edit",
            "planning:measure_value_delete",
        ),
        40,
    ),
    MenuEntry(
        "Plan year settings",
        "planning:year_settings",
        (
            "planning:year_settings",
            "planning:period_edit",
            "planning:statuses",
            "planning:status_create",
            "planning:status_edit",
            "planning:set_up",
        ),
        35,
        audience=COORDINATORS,
    ),
]
