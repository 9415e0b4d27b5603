"""What every ASB Case Review page shares: the partnership, the access rule, the 2FA guard."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from accounts.access import otp_required_for
from casereviews import access
from core.access import NotFound
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership

ViewFunc = Callable[..., HttpResponse]


def _sees_cases(request: HttpRequest, **kwargs: Any) -> bool:
    team = access_partnership_by_slug(request.user, kwargs["partnership"])
    return access.can_view_cases(request.user, team)


def case_page(view: ViewFunc) -> ViewFunc:
    """Sign-in, then a session verified with a second factor for anyone who may see case reviews
    here (everyone else gets the page's own 404)."""
    return login_required(otp_required_for(_sees_cases)(view))


def team_for_cases(request: HttpRequest, partnership: str, *, manage: bool = False) -> Partnership:
    team = access_partnership_by_slug(request.user, partnership)
    allowed = access.can_manage_cases if manage else access.can_view_cases
    if not allowed(request.user, team):
        raise NotFound("No such page.")
    return team


def list_url(team: Partnership) -> str:
    return reverse("casereviews:applications", kwargs={"partnership": team.slug})


def application_url(team: Partnership, pk: int) -> str:
    return reverse("casereviews:application", kwargs={"partnership": team.slug, "pk": pk})


def form_page(
    request: HttpRequest,
    team: Partnership,
    form: Any,
    *,
    title: str,
    caption: str,
    submit: str,
    cancel_url: str,
    crumbs: list[dict[str, str]],
    intro: str = "",
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    return render(
        request,
        "casereviews/form.html",
        {
            "partnership": team,
            "form": form,
            "page_title": title,
            "caption": caption,
            "submit": submit,
            "cancel_url": cancel_url,
            "intro": intro,
            "breadcrumbs": [*crumbs, {"label": title, "url": ""}],
            **(extra or {}),
        },
    )
