"""Downloads of the crime analysis: every table as CSV or XLSX (with the filters in the file) and
every chart as SVG or PNG, for the same choices as the page (GET only)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from assessment import selectors
from assessment.charts.svg import render_svg
from assessment.tables import table_csv, table_xlsx
from assessment.views.analysis_choices import Choices, read_choices
from core.middleware import private_response
from partnership.models import Partnership

TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "svg": "image/svg+xml",
    "png": "image/png",
}


def _bundle(request: HttpRequest, partnership: str) -> tuple[Partnership, dict[str, Any], Choices]:
    csp = selectors.partnership(request.user, partnership)
    choices = read_choices(request, csp)
    if not choices.districts or not choices.valid:
        raise Http404("Choose valid filters on the crime analysis page first.")
    return csp, choices.bundle(), choices


def _download(body: bytes, name: str, fmt: str) -> HttpResponse:
    response = HttpResponse(body, content_type=TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return private_response(response)


@login_required
def table(request: HttpRequest, partnership: str, key: str, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404("Tables download as CSV or XLSX.")
    csp, bundle, choices = _bundle(request, partnership)
    found = bundle["tables"].get(key)
    if found is None:
        raise Http404("No such table for these choices.")
    filters = choices.filters(csp, bundle["a"])
    body = table_csv(found, filters) if fmt == "csv" else table_xlsx(found, filters)
    period = bundle["a"]["period"]
    return _download(body, f"{csp.slug}-{key.replace('_', '-')}-{period.from_text}-to-{period.to_text}", fmt)


@login_required
def chart(request: HttpRequest, partnership: str, key: str, fmt: str) -> HttpResponse:
    if fmt not in ("svg", "png"):
        raise Http404("Charts download as SVG or PNG.")
    csp, bundle, _ = _bundle(request, partnership)
    found = bundle["charts"].get(key)
    if found is None:
        raise Http404("No such chart for these choices.")
    body = render_svg(found).encode("utf-8") if fmt == "svg" else found.png()
    period = bundle["a"]["period"]
    return _download(body, f"{csp.slug}-{key}-chart-{period.from_text}-to-{period.to_text}", fmt)
