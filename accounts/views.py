from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from partnership.selectors import partnerships_for_user


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True
    extra_context = {"page_title": "Sign in"}


@login_required
def account(request: HttpRequest) -> HttpResponse:
    memberships = request.user.memberships.filter(is_active=True).select_related(
        "partnership", "organisation"
    )  # type: ignore[union-attr]
    return render(
        request,
        "accounts/account.html",
        {
            "memberships": memberships,
            "partnerships": partnerships_for_user(request.user),
            "page_title": "Your account",
        },
    )
