"""The assessment index and the crime analysis page (GET only: works without JavaScript)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from assessment import access, report, selectors
from assessment.analysis import Period
from assessment.forms import AnalysisForm
from assessment.selectors.crime import default_analysis_period
from assessment.views.common import crumbs
from partnership.models import Partnership


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


def default_period(partnership: Partnership) -> Period:
    """The current plan year's April–March if it has data, else the last April–March that has."""
    plan_year = partnership.current_plan_year
    force_ids = sorted(
        {d.police_force_id for d in report.partnership_districts(partnership) if d.police_force_id}
    )
    return default_analysis_period(
        plan_year.start_date.year if plan_year else None, force_ids, timezone.localdate()
    )


@login_required
def analysis(request: HttpRequest, partnership: str) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership)
    form = AnalysisForm(request.GET or None, partnership=csp)
    districts = report.partnership_districts(csp)
    period = default_period(csp)
    population_table = weight_set = None
    if form.is_bound and form.is_valid():
        period = form.cleaned_data.get("period") or period
        code = form.cleaned_data.get("district")
        if code:
            districts = [d for d in districts if d.code == code]
        population_table = form.cleaned_data.get("population_table")
        weight_set = form.cleaned_data.get("weight_set")
    elif not form.is_bound:
        form = AnalysisForm(initial={"start": period.start, "end": period.end}, partnership=csp)
    result = None
    if districts and not (form.is_bound and not form.is_valid()):
        result = report.build_analysis(
            districts, period, population_table=population_table, weight_set=weight_set
        )
    return render(
        request,
        "assessment/analysis.html",
        {
            "partnership": csp,
            "form": form,
            "a": result,
            "page_title": "Crime analysis",
            "breadcrumbs": crumbs(csp, ("Crime analysis", "")),
        },
    )
