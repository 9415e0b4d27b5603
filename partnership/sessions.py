"""Stricter sessions for people who hold a sensitive role (`partnership.models.SENSITIVE_GRANTS`).

- They are signed out after `SENSITIVE_SESSION_IDLE_MINUTES` without a request and
  `SENSITIVE_SESSION_MAX_HOURS` after signing in, whatever they do, with a message on the
  sign-in page.
- Roles named in `TWO_FACTOR_REQUIRED_GRANTS` need a session verified with a second factor for
  every page outside the account pages (`accounts.access.otp_required_for`).
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from accounts.access import otp_required_for
from accounts.signals import LAST_SEEN_AT, SIGNED_IN_AT
from partnership import access

EXEMPT_NAMESPACES = ("accounts",)  # signing in, the second step, setting it up, signing out


def _expired(session: Any, now: float) -> str | None:
    """Why the session has ended, in words, or None."""
    started = session.setdefault(SIGNED_IN_AT, now)
    last_seen = session.get(LAST_SEEN_AT, now)
    if now - last_seen > settings.SENSITIVE_SESSION_IDLE_MINUTES * 60:
        minutes = settings.SENSITIVE_SESSION_IDLE_MINUTES
        return f"You were signed out because you had not used {settings.SITE_NAME} for {minutes} minutes."
    if now - started > settings.SENSITIVE_SESSION_MAX_HOURS * 3600:
        hours = settings.SENSITIVE_SESSION_MAX_HOURS
        return f"You were signed out because you signed in more than {hours} hours ago. Sign in again."
    return None


def _continue(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return HttpResponse(status=204)  # marker: the two-factor guard let the request through


_two_factor_guard = otp_required_for()(_continue)


class SensitiveSessionMiddleware:
    """Place after the authentication, OTP and message middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and access.holds_sensitive_grant(user):
            now = timezone.now().timestamp()
            reason = _expired(request.session, now)
            if reason:
                logout(request)
                messages.info(request, reason)
                return redirect_to_login(request.get_full_path())
            request.session[LAST_SEEN_AT] = now
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        required = frozenset(getattr(settings, "TWO_FACTOR_REQUIRED_GRANTS", ()))
        user = getattr(request, "user", None)
        match = request.resolver_match
        if not required or user is None or not user.is_authenticated:
            return None
        if match is not None and match.namespace in EXEMPT_NAMESPACES:
            return None
        if not access.held_grants(user) & required:
            return None
        response = _two_factor_guard(request)
        return None if response.status_code == 204 else response
