"""Record who made a change in django-simple-history, inside and outside requests."""

from typing import Any

from django.db import models


def save_as(instance: models.Model, user: Any, **kwargs: Any) -> models.Model:
    """Save and attribute the history row to `user` (commands have no request to take it from)."""
    instance._history_user = user  # type: ignore[attr-defined]
    instance.save(**kwargs)
    return instance


def delete_as(instance: models.Model, user: Any) -> None:
    instance._history_user = user  # type: ignore[attr-defined]
    instance.delete()


def _readable(field: Any, value: Any) -> Any:
    """A related record's name or a choice's label instead of the stored id or code."""
    if value is None:
        return None
    if field.is_relation and field.related_model is not None:
        return str(field.related_model._base_manager.filter(pk=value).first() or "(deleted)")
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    return value


def history_rows(instance: models.Model, limit: int = 50, readable: bool = False) -> list[dict[str, Any]]:
    """A page-ready list of changes to one record: when, who, what type and which fields changed.

    readable=True names related records and shows choice labels instead of ids and codes.
    """
    rows: list[dict[str, Any]] = []
    records = list(instance.history.select_related("history_user").order_by("-history_date")[: limit + 1])  # type: ignore[attr-defined]
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                field = instance._meta.get_field(change.field)
                changes.append(
                    {
                        "field": str(getattr(field, "verbose_name", change.field)).capitalize(),
                        "old": _readable(field, change.old) if readable else change.old,
                        "new": _readable(field, change.new) if readable else change.new,
                    }
                )
        rows.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "type": {"+": "Created", "~": "Changed", "-": "Deleted"}[record.history_type],
                "changes": changes,
            }
        )
    return rows
