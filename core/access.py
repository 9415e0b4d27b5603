"""The access kernel (ADR 0008): restricted models, their visibility querysets and doors.

A *restricted model* is a concrete model of a domain app that belongs to one partnership, directly
or through its parent. Each is registered here once, by its app's `access.py`, with

- its **visibility queryset** `<things>_visible_to(actor, *, for_=Purpose.VIEW) -> QuerySet`, the one
  answer to "which of these may this actor see (or report on, or manage)?", used by every list,
  search, export, document and door; and
- its **door** `access_<thing>_by_id(actor, id, *, for_=Purpose.VIEW, ...) -> instance`, built on
  `open_door`, which answers `NotFound` alike for a missing and a forbidden record, writes an
  `access denied` audit event when the record exists, and a `viewed` event for audited models.

Nothing else in the apps reads a restricted model's manager (a test and ruff's TID251 check it).
"""

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from django.db import models
from django.db.models import QuerySet
from django.http import Http404

from core.actors import Actor
from core.audit import audit_record
from core.models import AuditEventType

M = TypeVar("M", bound=models.Model)


class Purpose(enum.StrEnum):
    """What the actor wants the record for; each door answers for one purpose."""

    VIEW = "view"  # read it (every member of the partnership, unless the record says otherwise)
    REPORT = "report"  # write a progress update or contribution (lead officers, coordinators)
    MANAGE = "manage"  # create, change, delete, publish (coordinators)


class NotFound(Http404):
    """Raised by doors for a missing and a forbidden record alike (the pages are byte-identical)."""


class VisibleTo(Protocol[M]):  # type: ignore[misc]
    def __call__(self, actor: Actor, *, for_: Purpose = ...) -> QuerySet[M]: ...


@dataclass(frozen=True)
class Restricted:
    model: type[models.Model]
    partnership_path: str  # lookup from the model to its Partnership ("" for Partnership itself)
    visible: Callable[..., QuerySet[Any]]
    audit_reads: bool


REGISTRY: dict[type[models.Model], Restricted] = {}


def restricted(
    model: type[M], *, partnership: str, audit_reads: bool = False
) -> Callable[[Callable[..., QuerySet[M]]], Callable[..., QuerySet[M]]]:
    """Register `model` as restricted with the decorated function as its visibility queryset."""

    def register(visible: Callable[..., QuerySet[M]]) -> Callable[..., QuerySet[M]]:
        if model in REGISTRY and REGISTRY[model].visible is not visible:
            raise RuntimeError(f"{model._meta.label} already has a visibility queryset.")
        REGISTRY[model] = Restricted(model, partnership, visible, audit_reads)
        return visible

    return register


def registration(model: type[models.Model]) -> Restricted:
    return REGISTRY[model]


def partnership_of(model: type[models.Model], pk: Any) -> Any:
    """The partnership a record belongs to, read without access rules (for audit events only)."""
    entry = REGISTRY[model]
    if not entry.partnership_path:
        return model._base_manager.filter(pk=pk).first()
    from django.apps import apps

    partnership_model = apps.get_model("partnership", "Partnership")
    return partnership_model._base_manager.filter(
        pk__in=model._base_manager.filter(pk=pk).values(f"{entry.partnership_path}__pk")
    ).first()


def partnership_of_instance(instance: models.Model) -> Any:
    """Follow the registered path from a loaded record to its partnership."""
    value: Any = instance
    path = REGISTRY[type(instance)].partnership_path
    for name in path.split("__") if path else []:
        value = getattr(value, name)
    return value


def as_id(value: Any) -> int | None:
    """A positive integer id from a URL or form value, or None."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def open_door(
    model: type[M],
    actor: Actor,
    pk: Any,
    *,
    for_: Purpose = Purpose.VIEW,
    within: Mapping[str, Any] | None = None,
    queryset: Callable[[QuerySet[M]], QuerySet[M]] | None = None,
    purpose: str = "",
    audit: bool | None = None,
    by: str = "pk",
) -> M:
    """One record through its visibility queryset, or `NotFound`.

    `within` narrows to a parent (for URLs that name one, e.g. the plan year); `queryset` adds
    select_related/prefetches; `audit` overrides the model's registered read auditing; `by` names
    another unique field to find the record by (a slug), with `pk` holding its value.
    """
    entry = REGISTRY[model]
    number = as_id(pk) if by == "pk" else (pk if isinstance(pk, str) and 0 < len(pk) <= 200 else None)
    found = None
    if number is not None:
        visible = entry.visible(actor, for_=for_)
        if within:
            visible = visible.filter(**within)
        if queryset is not None:
            visible = queryset(visible)
        found = visible.filter(**{by: number}).first()
    if found is None:
        # A slug is unique only within its parent: look for the refused record there.
        scope = dict(within or {}) if by != "pk" else {}
        existing = model._base_manager.filter(**{by: number}, **scope).values_list("pk", flat=True).first()
        if number is not None and existing is not None:
            audit_record(
                actor=actor,
                event=AuditEventType.ACCESS_DENIED,
                partnership=partnership_of(model, existing),
                object_type=model._meta.label_lower,
                object_id=existing,
                purpose=purpose or str(for_),
            )
        raise NotFound(f"No such {model._meta.verbose_name}.")
    if audit if audit is not None else entry.audit_reads:
        audit_record(
            actor=actor,
            event=AuditEventType.VIEWED,
            partnership=partnership_of_instance(found),
            obj=found,
            purpose=purpose or str(for_),
        )
    return found


def audit_search(
    actor: Actor, model: type[models.Model], *, partnership: Any, filters: Mapping[str, Any]
) -> None:
    """One `searched` event for a list or search, with the filters it used."""
    used = {key: value for key, value in filters.items() if value not in (None, "", False, [], ())}
    audit_record(
        actor=actor,
        event=AuditEventType.SEARCHED,
        partnership=partnership,
        object_type=model._meta.label_lower,
        detail=used,
    )
