"""Accepting an invitation: no sign-in needed for a new person; a signed-in person accepts with a click."""

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.forms import NewAccountForm
from core.errors import ServiceError
from partnership import selectors, services

BACKEND = "django.contrib.auth.backends.ModelBackend"


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_by_token(token)
    problem = services.invitation_problem(invitation)
    if problem or invitation is None:
        return render(
            request,
            "accounts/invitation_problem.html",
            {"problem": problem, "page_title": "You cannot use this invitation"},
            status=410 if invitation is not None else 404,
        )
    partnership = invitation.partnership
    context = {"invitation": invitation, "partnership": partnership, "page_title": "Accept your invitation"}
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                services.invitation_accept(invitation=invitation, user=request.user)
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
            auth_login(request, user, backend=BACKEND)
            messages.success(request, f"Welcome to {partnership.name}. Your account is ready.")
            return redirect("planning:dashboard", partnership=partnership.slug)
    return render(request, "accounts/invitation_new_account.html", {**context, "form": form})
