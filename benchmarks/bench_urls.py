"""The site's URLs plus the benchmark's floor page (selected only by `bench_settings`)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from csphub.urls import urlpatterns as site_urlpatterns
from partnership.access import access_partnership_by_slug


@login_required
def floor(request: HttpRequest, partnership: str) -> HttpResponse:
    """The least any partnership page does: the sign-in check, the partnership door and
    `base.html` with the partnership menu (the context processor reads `partnership` from the URL)."""
    team = access_partnership_by_slug(request.user, partnership)
    return render(request, "base.html", {"partnership": team, "page_title": "Floor"})


urlpatterns = [path("benchmark-floor/<slug:partnership>/", floor, name="benchmark_floor"), *site_urlpatterns]
