from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from planning import selectors


@login_required
def dashboard(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    plan_year = selectors.plan_year_for_user(request.user, partnership, year)
    columns, rows, totals = selectors.status_counts(plan_year)
    return render(
        request,
        "planning/dashboard.html",
        {
            "plan_year": plan_year,
            "partnership": plan_year.partnership,
            "columns": columns,
            "rows": rows,
            "totals": totals,
            "page_title": f"Dashboard {plan_year.label}",
        },
    )
