"""The partnership's audit log, as its data protection lead reads it (ADR 0003 addendum).

The caller opens the partnership with `access.access_partnership_by_slug(..., grant=DATA_PROTECTION_LEAD)`;
these selectors then read only that partnership's events and record the reading itself.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from core.access import audit_search
from core.actors import Actor
from core.audit import audit_record
from core.models import AuditEvent, AuditEventType
from core.text import spreadsheet_safe
from partnership.models import Partnership

CSV_COLUMNS = (
    ("occurred_at", "When"),
    ("event_type", "Event"),
    ("actor_username", "Username"),
    ("object_type", "Record type"),
    ("object_id", "Record id"),
    ("purpose", "Purpose"),
    ("detail", "Detail"),
    ("ip_address", "Address"),
    ("user_agent", "Browser"),
    ("request_id", "Request id"),
)


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def filtered_events(partnership: Partnership, filters: Mapping[str, Any]) -> QuerySet[AuditEvent]:
    """The partnership's events matching `filters` (person, record type and id, event, dates)."""
    events = AuditEvent.objects.filter(partnership_id=partnership.pk)
    if filters.get("person"):
        events = events.filter(actor_username__iexact=filters["person"])
    if filters.get("object_type"):
        events = events.filter(object_type=filters["object_type"])
    if filters.get("object_id"):
        events = events.filter(object_id=filters["object_id"])
    if filters.get("event_type"):
        events = events.filter(event_type=filters["event_type"])
    if filters.get("date_from"):
        events = events.filter(occurred_at__gte=_day_start(filters["date_from"]))
    if filters.get("date_to"):
        events = events.filter(occurred_at__lt=_day_start(filters["date_to"] + datetime.timedelta(days=1)))
    return events.order_by("-occurred_at", "-pk")


def record_types(partnership: Partnership) -> list[str]:
    """The record types that appear in the partnership's log, for the filter's choices."""
    found = (
        AuditEvent.objects.filter(partnership_id=partnership.pk)
        .exclude(object_type="")
        .values_list("object_type", flat=True)
        .distinct()
        .order_by("object_type")
    )
    return list(found)


def audit_log_search(
    actor: Actor, partnership: Partnership, filters: Mapping[str, Any]
) -> QuerySet[AuditEvent]:
    """The events for the audit page; writes one `searched` event with the filters."""
    audit_search(actor, AuditEvent, partnership=partnership, filters=dict(filters))
    return filtered_events(partnership, filters)


def audit_log_csv(actor: Actor, partnership: Partnership, filters: Mapping[str, Any]) -> str:
    """The filtered events as CSV (every cell spreadsheet-safe); writes one `exported` event."""
    used = {key: value for key, value in filters.items() if value not in (None, "")}
    events = filtered_events(partnership, filters)
    text = _csv(events.iterator())
    audit_record(
        actor=actor,
        event=AuditEventType.EXPORTED,
        partnership=partnership,
        object_type=AuditEvent._meta.label_lower,
        detail={**used, "rows": events.count()},
    )
    return text


def _csv(events: Iterable[AuditEvent]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _, label in CSV_COLUMNS])
    for event in events:
        row = []
        for name, _ in CSV_COLUMNS:
            value = getattr(event, name)
            if name == "occurred_at":
                value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")
            row.append(spreadsheet_safe("" if value is None else str(value)))
        writer.writerow(row)
    return out.getvalue()
