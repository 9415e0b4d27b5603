from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person who signs in. Site administrators are superusers; everything else is a membership."""

    email = models.EmailField("email address", unique=True, null=True, blank=True)  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_site_admin(self) -> bool:
        return self.is_active and self.is_superuser
