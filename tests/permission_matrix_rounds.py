"""Permission matrix rows for update rounds and the partnership's messages (imported by
tests/permission_matrix_data.py into CASES)."""

import datetime
from typing import Any

from partnership.models import MessageText, MessagingSettings
from planning.models import ReportingPeriod, UpdateRound
from tests.permission_matrix_data import (
    COORDINATOR,
    MEMBERS,
    PP,
    PY,
    Case,
)
from tests.permission_matrix_records import Objects


def _round(o: Objects) -> dict[str, Any]:
    """The world's Q1 2020/21 round (created on first use)."""
    if "q1_round" not in o.__dict__:
        period = ReportingPeriod.objects.get(plan_year=o.world.plan_year, code="Q1")
        o.__dict__["q1_round"] = UpdateRound.objects.get_or_create(
            period=period, defaults={"due_date": period.due_date, "opened_on": datetime.date(2020, 7, 1)}
        )[0]
    return {**o.y, "code": "Q1"}


def _settings_rows(o: Objects) -> list[dict[str, Any]]:
    return list(MessagingSettings.objects.filter(partnership=o.world.partnership).values())


def _text_rows(o: Objects) -> list[dict[str, Any]]:
    return list(MessageText.objects.filter(partnership=o.world.partnership).values())


def _p(o: Objects) -> dict[str, Any]:
    return o.p


def _kind(o: Objects) -> dict[str, Any]:
    return {**o.p, "kind": "reminder"}


CASES_ROUNDS: list[Case] = [
    Case("partnership:message_log", PP + "messages/", _p, COORDINATOR),
    Case("partnership:message_settings", PP + "messages/settings/", _p, COORDINATOR),
    Case(
        "partnership:message_settings",
        PP + "messages/settings/",
        _p,
        COORDINATOR,
        "POST",
        data={"reminder_days": "7", "weekly_digest": "on"},
        guard=_settings_rows,
        changes=True,
    ),
    Case("partnership:message_text", PP + "messages/texts/<str:kind>/", _kind, COORDINATOR),
    Case(
        "partnership:message_text",
        PP + "messages/texts/<str:kind>/",
        _kind,
        COORDINATOR,
        "POST",
        data={"subject": "Due {due_date}", "body": "Hello {name}", "action": "save"},
        guard=_text_rows,
        changes=True,
    ),
    Case("partnership:message_preferences", PP + "messages/preferences/", _p, MEMBERS),
    # each person changes only their own opt-outs: no shared record to guard
    Case(
        "partnership:message_preferences",
        PP + "messages/preferences/",
        _p,
        MEMBERS,
        "POST",
        data={"wanted": "digest"},
    ),
    Case("planning:round_tracker", PY + "rounds/<str:code>/", _round, COORDINATOR),
]
