"""Record who made a change in django-simple-history, and render a record's history for a page.

`history_rows` is the one renderer of history tables (the template is
`core/includes/history_table.html`): related records are named, choices shown as their labels and
bookkeeping fields (version, timestamps, position numbers) left out.
"""

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import models

from core.actors import Actor

HIDDEN_FIELDS = frozenset({"version", "modified", "created", "order"})
TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}
M = TypeVar("M", bound=models.Model)


def save_as(instance: M, actor: Actor | None, **kwargs: Any) -> M:
    """Save and attribute the history row to `actor` (commands have no request to take it from)."""
    instance._history_user = actor  # type: ignore[attr-defined]
    instance.save(**kwargs)
    return instance


def delete_as(instance: models.Model, actor: Actor | None) -> None:
    instance._history_user = actor  # type: ignore[attr-defined]
    instance.delete()


def _name(record: models.Model) -> str:
    """How a history table names a related record: its `history_name` when the model has one
    (a plan year is "2021/22" beside its partnership's other fields), else str()."""
    name = getattr(record, "history_name", None)
    return name if isinstance(name, str) and name else str(record)


class _Names:
    """Names of related records by (model, pk), each read once per rendering."""

    def __init__(self) -> None:
        self.cache: dict[tuple[type[models.Model], Any], str] = {}

    def __call__(self, field: Any, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, list):  # a many-to-many field: rows like {"action": 1, "theme": 2}
            key = field.related_model._meta.model_name
            names = [self(field, row.get(key) if isinstance(row, dict) else row) for row in value]
            return "; ".join(str(name) for name in names) or "(none)"
        if field.is_relation and field.related_model is not None:
            key = (field.related_model, value)
            if key not in self.cache:
                found = field.related_model._base_manager.filter(pk=value).first()
                self.cache[key] = _name(found) if found is not None else "(deleted)"
            return self.cache[key]
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return value


def history_rows(instance: models.Model, limit: int = 50, readable: bool = True) -> list[dict[str, Any]]:
    """A page-ready list of changes to one record, newest first: when, who, what and which fields.

    Related records are named and choices labelled (readable=False keeps the stored values);
    bookkeeping fields are never listed.
    """
    records = list(instance.history.select_related("history_user").order_by("-history_date")[: limit + 1])  # type: ignore[attr-defined]
    return _rows(instance, records, limit, readable, _Names())


def history_rows_for(
    instances: Sequence[models.Model], limit: int = 50, readable: bool = True
) -> list[tuple[models.Model, list[dict[str, Any]]]]:
    """history_rows for several records of one model, read in one query (e.g. an action's updates)."""
    if not instances:
        return []
    model = type(instances[0])
    history = model.history.model  # type: ignore[attr-defined]
    by_id: dict[Any, list[Any]] = {}
    found = history.objects.filter(id__in=[i.pk for i in instances]).select_related("history_user")
    for record in found.order_by("-history_date"):
        by_id.setdefault(record.id, []).append(record)
    names = _Names()
    return [(i, _rows(i, by_id.get(i.pk, [])[: limit + 1], limit, readable, names)) for i in instances]


def _rows(
    instance: models.Model, records: list[Any], limit: int, readable: bool, names: "_Names"
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            for change in record.diff_against(previous).changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                field = instance._meta.get_field(change.field)
                changes.append(
                    {
                        "field": str(getattr(field, "verbose_name", change.field)).capitalize(),
                        "old": names(field, change.old) if readable else change.old,
                        "new": names(field, change.new) if readable else change.new,
                    }
                )
        rows.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "type": TYPES[record.history_type],
                "changes": changes,
            }
        )
    return rows
