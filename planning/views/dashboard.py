"""The dashboard of a plan year: status counts, missing updates and recent updates."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from partnership.access import access_partnership_by_slug, is_coordinator
from planning import dashboard_items, selectors
from planning.forms import YearSelectForm
from planning.views.common import year_context, year_links
from planning.views.setup import no_plan_year


@login_required
def dashboard(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    if year is None:
        team = access_partnership_by_slug(request.user, partnership)
        if not selectors.plan_years(team).exists():
            if is_coordinator(request.user, team):
                return redirect("planning:set_up", partnership=team.slug)
            return no_plan_year(request, team)
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    chosen = request.GET.get("year")
    if chosen and chosen != year:
        selectors.access_plan_year(request.user, partnership, chosen)  # 404 for an unknown year
        return redirect("planning:dashboard_year", partnership=partnership, year=chosen)
    columns, rows, totals = selectors.status_counts(plan_year)
    years = list(selectors.plan_years(plan_year.partnership))
    return render(
        request,
        "planning/dashboard.html",
        year_context(
            request,
            plan_year,
            f"Dashboard {plan_year.label}",
            columns=columns,
            rows=rows,
            totals=totals,
            action_total=sum(row.total for row in rows),
            year_form=YearSelectForm(initial={"year": plan_year.slug}, years=years),
            year_links=year_links(plan_year, "planning:dashboard_year", years),
            missing=selectors.missing_updates(plan_year),
            recent=selectors.recent_updates(plan_year),
            extra_sections=dashboard_items.sections(request.user, plan_year, timezone.localdate()),
            # Links are `<actions_url><pk>/`: one reverse, not one a row.
            actions_url=reverse(
                "planning:action_list",
                kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug},
            ),
        ),
    )
