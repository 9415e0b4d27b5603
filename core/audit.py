"""Writing append-only audit events, with the request's id, address and browser when there is one.

Doors (`core.access.open_door`) write `viewed` and `access denied`; list selectors write `searched`;
services write `created`, `changed` and `deleted`; sign-in signals write sign-ins. Nothing updates or
deletes an event: the database refuses it (see `core/migrations/0002_auditevent.py`).
"""

import json
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from core.actors import Actor
from core.models import AuditEvent, AuditEventType


@dataclass(frozen=True)
class RequestContext:
    request_id: str = ""
    ip_address: str | None = None
    user_agent: str = ""


NO_REQUEST = RequestContext()
_context: ContextVar[RequestContext] = ContextVar("csphub_audit_request", default=NO_REQUEST)  # noqa: B039 - frozen


def context_from_request(request: HttpRequest) -> RequestContext:
    return RequestContext(
        request_id=uuid.uuid4().hex,
        ip_address=request.META.get("REMOTE_ADDR") or None,
        user_agent=request.headers.get("User-Agent", "")[:300],
    )


@contextmanager
def request_context(context: RequestContext) -> Iterator[None]:
    token = _context.set(context)
    try:
        yield
    finally:
        _context.reset(token)


def current_request_id() -> str:
    return _context.get().request_id


@dataclass(frozen=True)
class RecordedEvent:
    """An audit event written while a cached page part was built, to write again whenever the part
    is served from the cache (`core.pagecache`): every view of a record stays in the log."""

    event: str
    partnership_id: int | None
    partnership_slug: str
    object_type: str
    object_id: str
    purpose: str
    detail: str


_recording: ContextVar[list[RecordedEvent] | None] = ContextVar("csphub_audit_recording", default=None)


@contextmanager
def recording_events() -> Iterator[list[RecordedEvent]]:
    """Collect the events written inside the block (they are written as usual too)."""
    events: list[RecordedEvent] = []
    token = _recording.set(events)
    try:
        yield events
    finally:
        _recording.reset(token)


def replay_events(actor: Actor | None, events: list[RecordedEvent]) -> None:
    """Write recorded events again, now, for `actor` (the person the cached part belongs to)."""
    for recorded in events:
        audit_record(
            actor=actor,
            event=AuditEventType(recorded.event),
            partnership=_Partnership(recorded.partnership_id, recorded.partnership_slug),
            object_type=recorded.object_type,
            object_id=recorded.object_id,
            purpose=recorded.purpose,
            detail=recorded.detail,
        )


@dataclass(frozen=True)
class _Partnership:
    pk: int | None
    slug: str


def object_label(model: type[models.Model] | models.Model) -> str:
    return model._meta.label_lower


def audit_record(
    *,
    actor: Actor | None,
    event: AuditEventType,
    partnership: Any = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: Any = "",
    purpose: str = "",
    detail: str | Mapping[str, Any] = "",
    username: str = "",
) -> AuditEvent:
    """Append one audit event. `partnership` is a Partnership (or None for installation events)."""
    context = _context.get()
    if obj is not None:
        object_type = object_type or object_label(obj)
        object_id = object_id or obj.pk
    if not isinstance(detail, str):
        detail = json.dumps(detail, sort_keys=True, default=str)
    signed_in = actor is not None and actor.is_authenticated
    recording = _recording.get()
    if recording is not None:
        recording.append(
            RecordedEvent(
                event=str(event),
                partnership_id=getattr(partnership, "pk", None),
                partnership_slug=getattr(partnership, "slug", "") or "",
                object_type=object_type,
                object_id=str(object_id) if object_id not in (None, "") else "",
                purpose=purpose,
                detail=detail,
            )
        )
    return AuditEvent.objects.create(
        occurred_at=timezone.now(),
        event_type=event,
        actor_id=actor.pk if signed_in and actor is not None else None,
        actor_username=(actor.get_username() if signed_in and actor is not None else username)[:150],
        partnership_id=getattr(partnership, "pk", None),
        partnership_slug=getattr(partnership, "slug", "") or "",
        object_type=object_type,
        object_id=str(object_id)[:64] if object_id not in (None, "") else "",
        purpose=purpose[:300],
        detail=detail,
        request_id=context.request_id,
        ip_address=context.ip_address,
        user_agent=context.user_agent,
    )
