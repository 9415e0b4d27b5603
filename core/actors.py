"""Who acted: commands record a named system actor when no `--as USERNAME` is given."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

SYSTEM_USERNAME = "csphub-system"


def system_user():  # type: ignore[no-untyped-def]
    """The named system actor (inactive, cannot sign in), created on first use."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"first_name": "CSP Hub", "last_name": "(system)", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def resolve_actor(username: str | None):  # type: ignore[no-untyped-def]
    """The user a command acts as: `--as USERNAME`, or the system actor when omitted."""
    if not username:
        return system_user()
    user_model = get_user_model()
    try:
        return user_model.objects.get(username=username)
    except user_model.DoesNotExist:
        raise CommandError(f"--as: there is no user called {username!r}.") from None
