"""The guard of every case-work page: sign-in, a case-work role in the partnership (else "not
found", like a missing record) and a two-factor-verified session (`otp_required_for`)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse

from accounts.access import otp_required_for
from casework import access
from core.access import NotFound
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership

View = Callable[..., HttpResponseBase]


def _has_role(request: HttpRequest, **kwargs: Any) -> bool:
    partnership = kwargs.get("p")
    return partnership is not None and access.has_case_work(request.user, partnership)


def case_work_view(view: View) -> View:
    """`view(request, p, **kwargs)` with the partnership opened, for case-work roles only."""

    guarded = otp_required_for(_has_role)(view)  # type: ignore[arg-type]

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, partnership: str, **kwargs: Any) -> HttpResponseBase:
        p = access_partnership_by_slug(request.user, partnership)
        if not access.has_case_work(request.user, p):
            raise NotFound("No such page.")
        return guarded(request, p=p, **kwargs)

    return wrapped


def crumbs(p: Partnership, *items: tuple[str, str]) -> list[dict[str, str]]:
    home = {"label": p.name, "url": reverse("planning:dashboard", args=[p.slug])}
    cases = {"label": "Case work", "url": reverse("casework:cases", args=[p.slug])}
    return [home, cases, *({"label": label, "url": url} for label, url in items)]


def case_url(p: Partnership, pk: int) -> str:
    return reverse("casework:case", args=[p.slug, pk])
