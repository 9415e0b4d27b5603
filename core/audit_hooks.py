"""Every write to a restricted record leaves a created, changed or deleted audit event.

Connected once for all models (core/apps.py); only models registered with the access kernel count.
The actor is the one a service named through `core.history.save_as`/`delete_as`, else the signed-in
user of the current request (simple_history's request context), else none (recorded as such).
"""

from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from simple_history.models import HistoricalRecords

from core.access import REGISTRY, partnership_of_instance
from core.audit import audit_record
from core.models import AuditEventType
from core.pagecache import bump_data_version


def acting_user(instance: models.Model) -> Any:
    actor = getattr(instance, "_history_user", None)
    if actor is not None:
        return actor
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _partnership(instance: models.Model) -> Any:
    try:
        return partnership_of_instance(instance)
    except models.ObjectDoesNotExist:  # the parent went first in a cascade
        return None


def on_save(
    sender: type[models.Model], instance: models.Model, created: bool, raw: bool = False, **_: Any
) -> None:
    if raw or sender not in REGISTRY:
        return
    partnership = _partnership(instance)
    audit_record(
        actor=acting_user(instance),
        event=AuditEventType.CREATED if created else AuditEventType.CHANGED,
        partnership=partnership,
        obj=instance,
    )
    _bump(partnership)


def on_delete(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
    if sender not in REGISTRY:
        return
    partnership = _partnership(instance)
    audit_record(
        actor=acting_user(instance),
        event=AuditEventType.DELETED,
        partnership=partnership,
        obj=instance,
    )
    _bump(partnership)


def on_m2m(sender: type[models.Model], instance: models.Model, action: str, **_: Any) -> None:
    """Tags added to or removed from a registered record change its partnership's pages too."""
    if action.startswith("post_") and type(instance) in REGISTRY:
        _bump(_partnership(instance))


def _bump(partnership: Any) -> None:
    if partnership is not None and partnership.pk is not None:
        bump_data_version(partnership.pk)


def connect() -> None:
    post_save.connect(on_save, dispatch_uid="csphub_audit_save")
    post_delete.connect(on_delete, dispatch_uid="csphub_audit_delete")
    m2m_changed.connect(on_m2m, dispatch_uid="csphub_pages_m2m")
