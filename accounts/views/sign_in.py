"""Sign-in in one or two steps (the account page, which lists memberships, lives in partnership)."""

import time
from typing import Any

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import messages
from django.contrib.auth import get_user_model, user_login_failed
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from accounts import access, services
from accounts.forms import CodeForm, SignInForm

PENDING_KEY = "accounts_pending_2fa"
PENDING_SECONDS = 600


class SignInView(auth_views.LoginView):
    """Username and password; people with an authenticator app then give a code before sign-in."""

    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Sign in"}

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if not access.has_two_factor(user):
            return super().form_valid(form)
        # Not signed in yet: remember who passed the first step, then ask for the code.
        self.request.session[PENDING_KEY] = {
            "user_id": user.pk,
            "backend": user.backend,
            "at": time.time(),
            "next": self.get_redirect_url(),
        }
        return redirect("accounts:two_factor_verify")


def _pending_user(request: HttpRequest) -> tuple[Any, dict[str, Any]] | None:
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None
    user = get_user_model().objects.filter(pk=pending["user_id"], is_active=True).first()
    return (user, pending) if user is not None else None


def _safe_next(request: HttpRequest, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("core:home")


def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the authenticator app or a backup code.

    Serves both a sign-in in progress (not yet signed in) and a signed-in session that a page
    wants verified (see `accounts.access.otp_required_for`).
    """
    if request.user.is_authenticated:
        user, pending = request.user, {"next": request.GET.get("next") or request.POST.get("next")}
        if access.is_verified(user):
            return redirect(_safe_next(request, pending["next"]))
    else:
        found = _pending_user(request)
        if found is None:
            messages.info(request, "Your sign-in timed out. Sign in again.")
            return redirect("accounts:login")
        user, pending = found
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, None, credentials)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.verify_code(actor=user, code=form.cleaned_data["code"])
        if device is not None:
            if not request.user.is_authenticated:
                request.session.pop(PENDING_KEY, None)
                auth_login(request, user, backend=pending["backend"])
            django_otp.login(request, device)
            if device.__class__.__name__ == "StaticDevice":
                left = services.backup_codes_left(user)
                messages.info(request, f"You used a backup code. You have {left} left.")
            return HttpResponseRedirect(_safe_next(request, pending["next"]))
        # Count a wrong code as a failed sign-in so repeated guesses lock the account (axes).
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return get_lockout_response(request, None, credentials)
        form.add_error("code", "The code is not right. Check your app and try again.")
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": pending["next"] or "", "page_title": "Enter your code"},
    )
