"""Who acts: a signed-in person, an anonymous visitor, or the named system actor of commands.

Every access, selector and service takes an `Actor`. Commands and the demo act as the system actor
(`csphub-system`, inactive, cannot sign in) unless `--as USERNAME` names a person. The system
actor's capability is explicit: it acts as a coordinator in every partnership and holds no
additional role (no data protection lead, no case work) — see `partnership.access`.
"""

from typing import TypeAlias, cast

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.core.management.base import CommandError

# Django's abstract user, not the project's model: core imports no app (the user model is
# `accounts.User`, a subclass).
User: TypeAlias = AbstractUser
Actor: TypeAlias = AbstractUser | AnonymousUser

SYSTEM_USERNAME = "csphub-system"

# Actor: the acting user (the user model), an anonymous visitor, or the system actor.


def system_user() -> User:
    """The named system actor (inactive, cannot sign in), created on first use."""
    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"first_name": "CSP Hub", "last_name": "(system)", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return cast(User, user)


def is_system_actor(actor: Actor | None) -> bool:
    """True for the named system actor: an inactive account with the reserved name and no password."""
    return (
        actor is not None
        and not isinstance(actor, AnonymousUser)
        and actor.username == SYSTEM_USERNAME
        and not actor.is_active
        and not actor.has_usable_password()
    )


def is_signed_in(actor: Actor | None) -> bool:
    """An active, authenticated person (the system actor is not signed in)."""
    return actor is not None and actor.is_authenticated and actor.is_active


def resolve_actor(username: str | None) -> User:
    """The user a command acts as: `--as USERNAME`, or the system actor when omitted."""
    if not username:
        return system_user()
    user_model = get_user_model()
    try:
        return cast(User, user_model.objects.get(username=username))
    except user_model.DoesNotExist:
        raise CommandError(f"--as: there is no user called {username!r}.") from None


def person_id(actor: Actor | None) -> int:
    """The actor's user id for queries; 0 (which matches no one) for an anonymous visitor."""
    pk = getattr(actor, "pk", None)
    return pk if isinstance(pk, int) else 0
