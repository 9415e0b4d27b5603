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


def history_rows(instance: models.Model, limit: int = 50) -> list[dict[str, Any]]:
    """A page-ready list of changes to one record: when, who, what type and which fields changed."""
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
                        "old": change.old,
                        "new": change.new,
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
