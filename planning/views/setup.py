"""Setting up a new partnership: its first plan year, then a checklist of what to add next.

A coordinator of a partnership without a plan year is sent here from the dashboard; members of
such a partnership see a "No plan year yet" page there instead of "Page not found".
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from core.access import Purpose
from core.views import run_service
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership
from planning import selectors, services
from planning.forms import SetUpForm


def this_plan_year_start(today: datetime.date | None = None) -> int:
    """The year the plan year running today started in (plan years start on 1 April)."""
    today = today or datetime.date.today()
    return today.year if today.month >= 4 else today.year - 1


def no_plan_year(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    """What a member of a partnership without a plan year sees on its planning pages."""
    return render(
        request,
        "planning/no_plan_year.html",
        {"partnership": partnership, "page_title": "No plan year yet"},
    )


def _checklist(partnership: Partnership) -> dict[str, object]:
    plan_year = selectors.plan_years(partnership).first()
    assert plan_year is not None  # the caller checked
    plan_year.partnership = partnership
    return {
        "plan_year": plan_year,
        "organisation_count": selectors.organisations_of(partnership).count(),
        "priority_count": selectors.priorities(plan_year).count(),
        "action_count": selectors.action_count(plan_year),
        "plan_year_count": selectors.plan_years(partnership).count(),
    }


@login_required
def set_up(request: HttpRequest, partnership: str) -> HttpResponse:
    """Create the first plan year and its periods; once there is one, what to add next."""
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    has_year = selectors.plan_years(team).exists()
    form = SetUpForm(
        request.POST if request.method == "POST" and not has_year else None,
        initial={"start_year": this_plan_year_start()},
    )
    if form.is_bound and form.is_valid():
        created, ok = run_service(
            form,
            services.plan_year_set_up,
            partnership=team,
            start_year=form.cleaned_data["start_year"],
            actor=request.user,
        )
        if ok and created is not None:
            messages.success(request, f"Plan year {created.label} created with its reporting periods.")
            return redirect("planning:set_up", partnership=team.slug)
    context: dict[str, object] = {
        "partnership": team,
        "form": form,
        "page_title": "Set up your partnership" if not has_year else "Next steps",
        "has_year": has_year,
    }
    if has_year:
        context.update(_checklist(team))
    return render(request, "planning/set_up.html", context)
