"""A person's name shows on their partnerships' pages: saving it moves those partnerships' data
versions on (core.pagecache, ADR 0019). Sign-ins and password changes do not."""

from typing import Any

from django.db.models.signals import post_save

from core.pagecache import bump_data_version

QUIET_FIELDS = frozenset({"last_login", "password"})


def on_user_saved(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields")
    if raw or created or (fields is not None and set(fields) <= QUIET_FIELDS):
        return
    from partnership.selectors import partnership_ids_of

    for partnership_id in partnership_ids_of(instance):
        bump_data_version(partnership_id)


def connect() -> None:
    from django.conf import settings

    post_save.connect(on_user_saved, sender=settings.AUTH_USER_MODEL, dispatch_uid="csphub_user_names")
