"""The crime map of a partnership's districts or places (GET only: works without JavaScript), with
SVG and PNG downloads of the same map."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from assessment import report, selectors
from assessment.map_forms import MapForm
from assessment.mapping import build_map
from assessment.selectors import maps as map_data
from assessment.views.analysis import default_period
from assessment.views.common import crumbs
from core.middleware import private_response
from partnership.models import Partnership


def _build(request: HttpRequest, csp: Partnership) -> tuple[MapForm, dict[str, Any] | None]:
    places = map_data.places_with_lsoas(csp)
    form = MapForm(request.GET or None, partnership=csp, places=places)
    districts = report.partnership_districts(csp)
    period = default_period(csp)
    if not form.is_bound:
        form = MapForm(
            initial={"start": period.start, "end": period.end, "kind": "auto"}, partnership=csp, places=places
        )
    elif not form.is_valid():
        return form, None
    data = form.cleaned_data if form.is_bound else {}
    period = data.get("period") or period
    area = data.get("area") or ""
    area_name, lsoa_codes = None, None
    if area.startswith("d:"):
        districts = [d for d in districts if d.code == area[2:]]
    elif area.startswith("p:"):
        place = next(p for p in places if f"p:{p.pk}" == area)
        area_name, lsoa_codes = place.name, list(place.lsoa_codes)
    if not districts:
        return form, None
    result = build_map(
        districts,
        period,
        crime_type=data.get("crime_type") or "all",
        kind=data.get("kind") or "auto",
        area_name=area_name,
        lsoa_codes=lsoa_codes,
        population_table=data.get("population_table"),
    )
    return form, result


@login_required
def crime_map(request: HttpRequest, partnership: str) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership)
    form, result = _build(request, csp)
    query = request.GET.urlencode()
    return render(
        request,
        "assessment/map.html",
        {
            "partnership": csp,
            "form": form,
            "r": result,
            "query": query,
            "page_title": "Crime map",
            "breadcrumbs": crumbs(csp, ("Crime map", "")),
        },
    )


@login_required
def crime_map_download(request: HttpRequest, partnership: str, fmt: str) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership)
    form, result = _build(request, csp)
    if result is None:
        return crime_map(request, partnership)
    m = result["map"]
    name = slugify(result["title"])[:120] or "crime-map"
    if fmt == "png":
        response = HttpResponse(m.png(), content_type="image/png")
    else:
        response = HttpResponse(m.svg(), content_type="image/svg+xml; charset=utf-8")
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return private_response(response)
