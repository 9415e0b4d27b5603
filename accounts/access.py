"""Two-factor rules: who has a second factor, whose session is verified, and a view guard.

Case-work roles will need a verified session. `requires_verified(actor)` is the rule for services
(raises `TwoFactorRequired`), `otp_required_for(...)` the guard for views.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

import django_otp
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from core.actors import Actor
from core.errors import AccessDenied


class TwoFactorRequired(AccessDenied):
    """The action needs a session verified with a second factor."""


def has_two_factor(actor: Actor | None) -> bool:
    """True when the actor has a confirmed authenticator app."""
    if actor is None or not actor.is_authenticated:
        return False
    return django_otp.user_has_device(actor, confirmed=True)


def is_verified(actor: Actor | None) -> bool:
    """True when this session was verified with a second factor (set by django_otp.login)."""
    check = getattr(actor, "is_verified", None)
    return bool(actor is not None and actor.is_authenticated and callable(check) and check())


def requires_verified(actor: Actor) -> None:
    """Raise `TwoFactorRequired` unless the actor's session is verified with a second factor."""
    if not is_verified(actor):
        raise TwoFactorRequired("Sign in with two-factor authentication to do this.")


ViewFunc = Callable[..., HttpResponse]


def otp_required_for(
    applies: Callable[..., bool] | None = None,
) -> Callable[[ViewFunc], ViewFunc]:
    """Decorate a view so that it needs a two-factor-verified session.

    `applies(request, **view_kwargs)` says whether the rule applies to this request (for example
    "the actor has a case-work role here"); without it the rule always applies. Anonymous users are
    sent to sign in; users without an authenticator app are sent to set one up; users who have one
    but signed in before it was set up are asked for a code.
    """

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            actor = request.user
            if not actor.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if (applies is None or applies(request, **kwargs)) and not is_verified(actor):
                path = request.get_full_path()
                if has_two_factor(actor):
                    return redirect_to_login(path, login_url="accounts:two_factor_verify")
                messages.info(request, "This page needs two-factor sign-in. Set it up first.")
                return redirect_to_login(path, login_url="accounts:two_factor_setup")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
