"""Permission matrix rows for deleting meeting series and meetings, and changing and deleting
meeting actions (governance/views/meetings_edit.py).

Imported at the bottom of tests/permission_matrix_data.py. Records are made on first use and cached
on the `Objects` instance; those a POST deletes are made afresh for each role (`renew`)."""

import datetime
from typing import Any

from governance import services
from governance.models import Meeting, MeetingAction, MeetingSeries
from tests.permission_matrix_data import COORDINATOR, Case, cross_partnership
from tests.permission_matrix_meetings import SERIES, M, _at, _p, action, csu, meeting, open_series
from tests.permission_matrix_records import Objects, rows


def _case(name: str, route: str, kwargs: Any, expected: Any, method: str = "GET", **extra: Any) -> Case:
    return Case(f"governance:{name}", route, kwargs, expected, method, **extra)


def spare_series(o: Objects) -> MeetingSeries:
    """An empty series (one with meetings is never deleted), made afresh for each role."""
    if "gov_spare_series" not in o.__dict__:
        o.__dict__["gov_spare_series"] = services.meeting_series_create(
            actor=o.world.coordinator,
            partnership=o.world.partnership,
            fields=services.SeriesFields(name=f"Task group {MeetingSeries.objects.count()}"),
        )
    return o.__dict__["gov_spare_series"]


def spare_meeting(o: Objects) -> Meeting:
    if "gov_spare_meeting" not in o.__dict__:
        o.__dict__["gov_spare_meeting"] = services.meeting_create(
            actor=o.world.coordinator,
            series=open_series(o),
            fields=services.MeetingFields(starts_at=_at(7), place="Kings Hill"),
        )
    return o.__dict__["gov_spare_meeting"]


def spare_action(o: Objects) -> MeetingAction:
    if "gov_spare_action" not in o.__dict__:
        o.__dict__["gov_spare_action"] = services.meeting_action_create(
            actor=o.world.coordinator,
            meeting=meeting(o),
            text="Book the room",
            owner_organisation=o.world.organisation,
            due_date=datetime.date(2020, 6, 1),
        )
    return o.__dict__["gov_spare_action"]


def _action(found: Any) -> Any:
    return lambda o: _p(o, pk=meeting(o).pk, action=found(o).pk)


ACTION_DATA = {
    "text": "Send the Q1 figures",
    "owner_person": "",
    "due_date_day": "2",
    "due_date_month": "6",
    "due_date_year": "2020",
}

BASE_GOV: list[Case] = [
    _case("series_delete", SERIES + "delete/", lambda o: _p(o, pk=open_series(o).pk), COORDINATOR),
    _case(
        "series_delete",
        SERIES + "delete/",
        lambda o: _p(o, pk=csu(o).pk),
        COORDINATOR,
        variant="confidential",
    ),
    _case(
        "series_delete",
        SERIES + "delete/",
        lambda o: _p(o, pk=spare_series(o).pk),
        COORDINATOR,
        "POST",
        guard=lambda o: rows(MeetingSeries, spare_series(o).pk),
        changes=True,
        renew="gov_spare_series",
    ),
    _case("meeting_delete", M + "delete/", lambda o: _p(o, pk=meeting(o).pk), COORDINATOR),
    _case(
        "meeting_delete",
        M + "delete/",
        lambda o: _p(o, pk=spare_meeting(o).pk),
        COORDINATOR,
        "POST",
        guard=lambda o: rows(Meeting, spare_meeting(o).pk),
        changes=True,
        renew="gov_spare_meeting",
    ),
    _case("meeting_action_edit", M + "actions/<int:action>/edit/", _action(action), COORDINATOR),
    _case(
        "meeting_action_edit",
        M + "actions/<int:action>/edit/",
        _action(action),
        COORDINATOR,
        "POST",
        data_from=lambda o: {**ACTION_DATA, "owner_organisation": str(o.world.organisation.pk)},
        guard=lambda o: rows(MeetingAction, action(o).pk),
        changes=True,
    ),
    _case("meeting_action_delete", M + "actions/<int:action>/delete/", _action(action), COORDINATOR),
    _case(
        "meeting_action_delete",
        M + "actions/<int:action>/delete/",
        _action(spare_action),
        COORDINATOR,
        "POST",
        guard=lambda o: rows(MeetingAction, spare_action(o).pk),
        changes=True,
        renew="gov_spare_action",
    ),
]

CASES_GOV: list[Case] = [
    *BASE_GOV,
    *(cross_partnership(c) for c in BASE_GOV if not c.variant),
]
