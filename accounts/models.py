from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from simple_history.models import HistoricalRecords


class User(AbstractUser):
    """A person who signs in. Site administrators are superusers; everything else is a membership."""

    email = models.EmailField("email address", unique=True, null=True, blank=True)  # type: ignore[assignment]
    # Who changed names, e-mail, active or administrator flags; never the password hash.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_site_admin(self) -> bool:
        return self.is_active and self.is_superuser

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Signing in only stamps last_login: not a change worth a history row.
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) <= {"last_login", "password"}:
            self.skip_history_when_saving = True
        try:
            super().save(*args, **kwargs)
        finally:
            self.__dict__.pop("skip_history_when_saving", None)
