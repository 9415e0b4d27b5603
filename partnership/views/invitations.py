"""Accepting an invitation: a new person creates an account with the invited e-mail address; a
signed-in person accepts with a click, but only when their account has the invited address."""

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.forms import NewAccountForm
from core.errors import ServiceError
from core.views import gone
from partnership import selectors, services

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _problem(request: HttpRequest, problem: str, status: int) -> HttpResponse:
    if status == 410:  # a used or expired invitation: the site's "gone" page with the reason
        return gone(request, problem)
    context = {"problem": problem, "page_title": "You cannot use this invitation"}
    return render(request, "accounts/invitation_problem.html", context, status=status)


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_by_token(token)
    problem = services.invitation_problem(invitation)
    if problem or invitation is None:
        return _problem(request, problem or "", 410 if invitation is not None else 404)
    partnership = invitation.partnership
    context = {"invitation": invitation, "partnership": partnership, "page_title": "Accept your invitation"}
    if request.user.is_authenticated:
        try:
            services.invitation_check_addressee(actor=request.user, invitation=invitation)
        except services.InvitationRefused as refused:
            return _problem(request, str(refused), 403)
        if request.method == "POST":
            try:
                services.invitation_accept(invitation=invitation, actor=request.user)
            except ServiceError as error:
                messages.error(request, str(error))
                return redirect("core:home")
            messages.success(request, f"You are now a member of {partnership.name}.")
            return redirect("planning:dashboard", partnership=partnership.slug)
        return render(request, "accounts/invitation_accept.html", context)
    form = NewAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept_new_user(
                invitation=invitation,
                username=form.cleaned_data["username"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            auth_login(request, user, backend=BACKEND)  # type: ignore[arg-type]
            messages.success(request, f"Welcome to {partnership.name}. Your account is ready.")
            return redirect("planning:dashboard", partnership=partnership.slug)
    return render(request, "accounts/invitation_new_account.html", {**context, "form": form})
