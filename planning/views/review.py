"""The year-end review of every action, and rolling chosen work forward into the next year."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.access import Purpose
from core.views import run_service
from planning import access, selectors, services
from planning.forms import RollForwardForm, UpdateForm
from planning.models import PeriodCode, PlanYear
from planning.views.common import crumbs, year_context, year_links


@login_required
def review(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    """Every action with its year-end update; a form for each one the user may report on now."""
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    year_end = selectors.period_by_code(plan_year, PeriodCode.YEAR_END)
    year_end_open = year_end is not None and plan_year.open_period_id == year_end.pk
    statuses = selectors.statuses_for(request.user, plan_year.partnership)
    rows = []
    for action in selectors.action_search(request.user, plan_year, page="year-end review"):
        update = selectors.update_for_period(action, year_end)
        form = None
        if year_end_open and access.can_report_on(request.user, action):
            form = UpdateForm(
                initial=UpdateForm.initial_for(update),
                statuses=statuses,
                current_status=update.status if update else None,
                auto_id=f"a{action.pk}-%s",
            )
        rows.append(
            {
                "action": action,
                "owners": selectors.action_owner_names(action),
                "update": update,
                "form": form,
                "status": selectors.current_status(action),
            }
        )
    recorded = sum(1 for row in rows if row["update"] is not None)
    return render(
        request,
        "planning/review.html",
        year_context(
            request,
            plan_year,
            f"Year-end review {plan_year.label}",
            rows=rows,
            recorded=recorded,
            year_end=year_end,
            year_end_open=year_end_open,
            year_links=year_links(plan_year, "planning:review"),
        ),
    )


def _roll_forward_form(plan_year: PlanYear, data: object = None) -> RollForwardForm:
    return RollForwardForm(
        data,
        priorities=selectors.priorities(plan_year),
        actions=selectors.actions_for_year(plan_year),
    )


@login_required
def roll_forward(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    """Coordinators copy chosen priorities and actions into the next plan year."""
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    result = None
    before: set[int] = set()
    if request.method == "POST":
        form = _roll_forward_form(plan_year, request.POST)
        if form.is_valid():
            next_slug = plan_year.slug_for_start(plan_year.start_date.year + 1)
            before = selectors.action_ids(selectors.plan_year_with_slug(plan_year, next_slug))
            result, _ = run_service(
                form,
                services.plan_year_roll_forward,
                source=plan_year,
                actor=request.user,
                priority_ids=[int(pk) for pk in form.cleaned_data["priorities"]],
                action_ids=[int(pk) for pk in form.cleaned_data["actions"]],
            )
    else:
        form = _roll_forward_form(plan_year)
    context = year_context(
        request,
        plan_year,
        f"Roll forward from {plan_year.label}",
        form=form,
        priorities=selectors.actions_with_priorities(plan_year),
        chosen_priorities=set(request.POST.getlist("priorities")) if form.is_bound else set(),
        chosen_actions=set(request.POST.getlist("actions")) if form.is_bound else set(),
        year_links=year_links(plan_year, "planning:roll_forward"),
        breadcrumbs=crumbs(plan_year, ("Roll forward", "")),
    )
    if result is not None:
        carried = selectors.carried_actions(result, plan_year)
        context.update(
            result=result,
            created=[a for a in carried if a.pk not in before],
            already=[a for a in carried if a.pk in before],
            priorities_carried=selectors.carried_priority_count(result, plan_year),
        )
    return render(request, "planning/roll_forward.html", context)
