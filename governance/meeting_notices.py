"""Notices on a meeting's page from apps above governance (case work's case-review agenda, ADR 0031).

governance may not import the apps above it, so they register `notice(actor, meeting)` here in their
AppConfig.ready(); it returns a `Notice` (words and a link, never a case's details) or None.
"""

from collections.abc import Callable
from typing import Any

from governance.models import Meeting
from planning.home_notices import Notice

MeetingNoticeSource = Callable[[Any, Meeting], Notice | None]
REGISTRY: dict[str, MeetingNoticeSource] = {}


def register(key: str, source: MeetingNoticeSource) -> None:
    REGISTRY[key] = source


def notices_for(actor: Any, meeting: Meeting) -> list[Notice]:
    found = (source(actor, meeting) for source in REGISTRY.values())
    return [notice for notice in found if notice is not None]
