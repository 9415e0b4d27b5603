"""The signed-in person's home and account pages, which list their partnerships and roles."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts import access as accounts_access
from accounts import services as accounts_services
from partnership import selectors
from partnership.access import lead_organisation_id


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Straight to a user's only partnership (a lead officer's own actions, else the dashboard);
    otherwise a choice."""
    partnerships = list(selectors.partnerships_for_user(request.user))
    if len(partnerships) == 1:
        if lead_organisation_id(request.user, partnerships[0]) is not None:
            return redirect("planning:my_actions", partnership=partnerships[0].slug)
        return redirect("planning:dashboard", partnership=partnerships[0].slug)
    return render(
        request, "partnership/home.html", {"partnerships": partnerships, "page_title": "Your partnerships"}
    )


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    memberships = list(selectors.own_memberships(user))
    for membership in memberships:
        membership.further_roles = selectors.further_roles(membership)  # type: ignore[attr-defined]
    return render(
        request,
        "accounts/account.html",
        {
            "memberships": memberships,
            "two_factor_on": accounts_access.has_two_factor(user),
            "session_verified": accounts_access.is_verified(user),
            "backup_codes_left": accounts_services.backup_codes_left(user),
            "page_title": "Your account",
        },
    )
