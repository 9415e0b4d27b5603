"""The year-end review of every action, and rolling chosen work forward into the next year."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.access import Purpose
from core.views import run_service
from planning import access, selectors, services
from planning.forms import RollForwardForm, UpdateForm
from planning.models import NOT_COMPLETED, PeriodCode, PlanYear
from planning.views.common import crumbs, year_context, year_links


@login_required
def review(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    """Every action with its year-end update; a form for each one the user may report on now."""
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    year_end = selectors.period_by_code(plan_year, PeriodCode.YEAR_END)
    year_end_open = year_end is not None and selectors.is_period_open(plan_year, year_end)
    statuses = selectors.statuses_for(request.user, plan_year.partnership)
    rows = []
    for action in selectors.action_search(request.user, plan_year, page="year-end review"):
        update = selectors.update_for_period(action, year_end)
        form = None
        if year_end_open and access.can_write_update(request.user, action):
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


def _next_year(plan_year: PlanYear) -> PlanYear | None:
    return selectors.plan_year_with_slug(plan_year, PlanYear.slug_for_start(plan_year.start_date.year + 1))


def _roll_forward_form(
    plan_year: PlanYear, target: PlanYear | None, data: object = None, initial: object = None
) -> RollForwardForm:
    return RollForwardForm(
        data,
        initial=initial,
        priorities=selectors.priorities(plan_year),
        actions=selectors.actions_for_year(plan_year),
        targets=selectors.priorities(target) if target else (),
    )


def _rows(
    request: HttpRequest, plan_year: PlanYear, form: RollForwardForm, chosen: set[str]
) -> list[dict[str, Any]]:
    """Per source priority: its target select and its actions, each with its status in words."""
    statuses = {s.pk: s for s in selectors.statuses_for(request.user, plan_year.partnership)}
    actions: dict[int, list[dict[str, Any]]] = {}
    for action in selectors.actions_for_year(plan_year):
        status = statuses.get(action.current_status_id)  # type: ignore[attr-defined]
        actions.setdefault(action.priority_id, []).append(
            {"action": action, "status": status, "checked": str(action.pk) in chosen}
        )
    return [
        {"priority": p, "target": form[f"target_{p.pk}"], "actions": actions.get(p.pk, [])}
        for p in form.source_priorities
    ]


def not_completed_ids(request: HttpRequest, plan_year: PlanYear) -> set[str]:
    """Actions whose latest status means "not completed" (StatusMeaning, never the name), and
    those with no status recorded yet."""
    statuses = {s.pk: s for s in selectors.statuses_for(request.user, plan_year.partnership)}
    found = set()
    for action in selectors.actions_for_year(plan_year):
        status = statuses.get(action.current_status_id)  # type: ignore[attr-defined]
        if status is None or status.meaning in NOT_COMPLETED:
            found.add(str(action.pk))
    return found


@login_required
def roll_forward(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    """Coordinators copy chosen priorities and actions into the next plan year."""
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    target = _next_year(plan_year)
    result = None
    before: set[int] = set()
    chosen_priorities: set[str] = set(request.POST.getlist("priorities"))
    chosen_actions: set[str] = set(request.POST.getlist("actions"))
    if request.method == "POST" and request.POST.get("select") == "not_completed":
        # Re-render with every not-completed action ticked (works without JavaScript).
        chosen_actions |= not_completed_ids(request, plan_year)
        kept = {k: v for k, v in request.POST.items() if k.startswith("target_")}
        form = _roll_forward_form(plan_year, target, initial=kept)
    elif request.method == "POST":
        form = _roll_forward_form(plan_year, target, request.POST)
        if form.is_valid():
            before = selectors.action_ids(target)
            result, _ = run_service(
                form,
                services.plan_year_roll_forward,
                source=plan_year,
                actor=request.user,
                priority_ids=[int(pk) for pk in form.cleaned_data["priorities"]],
                action_ids=[int(pk) for pk in form.cleaned_data["actions"]],
                priority_targets=form.priority_targets(),
            )
    else:
        form = _roll_forward_form(plan_year, target)
    context = year_context(
        request,
        plan_year,
        f"Roll forward from {plan_year.label}",
        form=form,
        target=target,
        next_label=PlanYear.slug_for_start(plan_year.start_date.year + 1).replace("-", "/"),
        rows=_rows(request, plan_year, form, chosen_actions),
        chosen_priorities=chosen_priorities,
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
