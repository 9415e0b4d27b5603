"""Meetings for the governance tests, made through the services."""

import datetime
from typing import Any

from django.utils import timezone

from governance import services
from governance.models import Confidentiality


def series(world: Any, name: str = "Strategy Group", **extra: Any):  # type: ignore[no-untyped-def]
    fields = services.SeriesFields(name=name, **extra)
    return services.meeting_series_create(
        actor=world.coordinator, partnership=world.partnership, fields=fields
    )


def confidential(world: Any, members: list[Any]):  # type: ignore[no-untyped-def]
    return series(
        world,
        "Community Safety Unit",
        confidentiality=Confidentiality.MEMBERS,
        members=members,
        case_review=True,
    )


def when(year: int = 2020, month: int = 5, day: int = 12, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


def meeting(world: Any, of, at: datetime.datetime | None = None, agenda=()):  # type: ignore[no-untyped-def]
    return services.meeting_create(
        actor=world.coordinator,
        series=of,
        fields=services.MeetingFields(starts_at=at or when(), place="Council offices, Kings Hill"),
        agenda=agenda,
    )
