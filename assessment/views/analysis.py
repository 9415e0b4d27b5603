"""The assessment index and the crime analysis page (GET only: works without JavaScript)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from assessment import access, selectors
from assessment.selectors.hotspots import places as place_crime
from assessment.views.analysis_choices import default_period, read_choices
from assessment.views.common import cached_page, crumbs
from partnership.models import Partnership

__all__ = ["analysis", "default_period", "index"]


@login_required
def index(request: HttpRequest, partnership: str) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership)
    return render(
        request,
        "assessment/index.html",
        {
            "partnership": csp,
            "assessments": selectors.assessments(request.user, csp),
            "can_manage": access.can_manage(request.user, csp),
            "can_enter_indicators": access.can_enter_indicators(request.user, csp),
            "page_title": "Strategic assessment",
        },
    )


@login_required
def analysis(request: HttpRequest, partnership: str) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership)
    return cached_page(
        request,
        name="analysis",
        partnership=csp,
        template="assessment/analysis.html",
        content=lambda: _analysis_content(request, csp),
        page_title="Crime analysis",
        breadcrumbs=crumbs(csp, ("Crime analysis", "")),
    )


def _analysis_content(request: HttpRequest, csp: Partnership) -> dict[str, Any]:
    choices = read_choices(request, csp)
    bundle = choices.bundle() if choices.districts and choices.valid else None
    return {
        "form": choices.form,
        "focus": choices.focus,
        "a": bundle["a"] if bundle else None,
        "x": bundle["x"] if bundle else None,
        "state": bundle["state"] if bundle else None,
        "available": bundle.get("available") if bundle else None,
        "tables": bundle["tables"] if bundle else {},
        "places": place_crime(csp, choices.districts, choices.period) if bundle and bundle["x"] else None,
        "download_url": reverse("assessment:analysis", args=[csp.slug]),
        "download_query": choices.query(),
        "type_links": [
            (label, "?" + choices.query(crime_type=key) + "#hotspots-by-type", key == choices.crime_type)
            for key, label in (bundle["x"]["key_types"] if bundle and bundle["x"] else [])
        ],
    }
