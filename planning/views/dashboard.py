"""The dashboard of a plan year: status counts, missing updates and recent updates."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.access import NotFound
from partnership.access import access_partnership_by_slug, is_coordinator
from planning import dashboard_items, home_notices, selectors, year_notices
from planning.forms import YearSelectForm
from planning.models import PlanYear
from planning.views.common import cached_year_page, year_links
from planning.views.setup import no_plan_year


@login_required
def dashboard(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    try:
        plan_year = selectors.access_plan_year(request.user, partnership, year)
    except NotFound:
        team = access_partnership_by_slug(request.user, partnership)  # NotFound when not visible
        if year is not None or selectors.plan_years(team).exists():
            raise
        if is_coordinator(request.user, team):
            return redirect("planning:set_up", partnership=team.slug)
        return no_plan_year(request, team)
    chosen = request.GET.get("year")
    if chosen and chosen != year:
        selectors.access_plan_year(request.user, partnership, chosen)  # 404 for an unknown year
        return redirect("planning:dashboard_year", partnership=partnership, year=chosen)
    return cached_year_page(
        request,
        plan_year,
        name="dashboard",
        template="planning/dashboard.html",
        title=f"Dashboard {plan_year.label}",
        body=lambda context: _dashboard_body(request, plan_year, context),
    )


def _dashboard_body(request: HttpRequest, plan_year: PlanYear, context: dict[str, Any]) -> str:
    columns, rows, totals = selectors.status_counts(plan_year)
    years = list(selectors.plan_years(plan_year.partnership))
    return render_to_string(
        "planning/includes/dashboard_body.html",
        {
            **context,
            "columns": columns,
            "rows": rows,
            "totals": totals,
            "action_total": sum(row.total for row in rows),
            "year_form": YearSelectForm(initial={"year": plan_year.slug}, years=years),
            "year_links": year_links(plan_year, "planning:dashboard_year", years),
            "missing": selectors.missing_updates(plan_year),
            "recent": selectors.recent_updates(plan_year),
            "extra_sections": dashboard_items.sections(request.user, plan_year, timezone.localdate()),
            "home_notices": home_notices.notices_for(request.user, plan_year.partnership),
            "year_notices": year_notices.collect(
                year_notices.DASHBOARD, request.user, plan_year, timezone.localdate()
            ),
            # Links are `<actions_url><pk>/`: one reverse, not one a row.
            "actions_url": reverse(
                "planning:action_list",
                kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug},
            ),
        },
        request,
    )
