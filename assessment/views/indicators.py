"""Partner indicators: quarterly figures entered by organisations, each with its trend."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from assessment import access, report, selectors, services
from assessment.forms import IndicatorForm
from assessment.views.common import crumbs, indicator_crumbs
from core.access import NotFound
from core.errors import ServiceError
from partnership.selectors import organisations


@login_required
def indicators(request: HttpRequest, partnership: str) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership)
    series = selectors.indicator_series(csp)
    editable = access.indicator_organisation_ids(request.user, csp)
    for item in series:
        item["chart"] = report.indicator_chart(item)
    return render(
        request,
        "assessment/indicators.html",
        {
            "partnership": csp,
            "series": series,
            "can_enter": access.can_enter_indicators(request.user, csp),
            "edit_any": editable is None,
            "editable_ids": editable or set(),
            "example_sources": ["Example partner indicators"] if any(s["is_example"] for s in series) else [],
            "page_title": "Partner indicators",
            "breadcrumbs": crumbs(csp, ("Partner indicators", "")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_add(request: HttpRequest, partnership: str) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership)
    allowed = access.indicator_organisation_ids(request.user, csp)
    if allowed is not None and not allowed:
        raise NotFound("No such page.")
    orgs = organisations(csp) if allowed is None else organisations(csp).filter(pk__in=allowed)
    form = IndicatorForm(request.POST if request.method == "POST" else None, organisations=orgs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.indicator_record(partnership=csp, actor=request.user, **form.indicator_fields())
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{data['name']} saved.")
            return redirect("assessment:indicators", partnership=csp.slug)
    return render(
        request,
        "assessment/form.html",
        {
            "form": form,
            "partnership": csp,
            "page_title": "Enter a partner indicator",
            "button": "Save figure",
            "breadcrumbs": indicator_crumbs(csp, "Enter a figure"),
        },
    )
