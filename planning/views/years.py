"""Coordinators' plan year settings and the status vocabulary."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.access import Purpose
from core.errors import ServiceError
from core.history import history_rows
from core.views import run_service
from partnership.access import access_partnership_by_slug
from planning import selectors, services
from planning.access import access_status_by_id
from planning.forms import OpenPeriodForm, PeriodForm, PlanYearStateForm, PlanYearStrategyForm, StatusForm
from planning.models import OwnerLayout, PlanYear
from planning.selectors import rounds as round_selectors
from planning.selectors import strategies as strategy_selectors
from planning.services.strategies import plan_year_set_strategy
from planning.services.years import UnreviewedActions
from planning.views.common import year_context, year_links


class OwnerLayoutForm(forms.Form):
    layout = forms.ChoiceField(
        label="Owner layout",
        choices=OwnerLayout.choices,
        error_messages={"required": "Choose an owner layout"},
    )


OWNER_LAYOUT_HINTS = {
    OwnerLayout.SINGLE: "One Owner/lead agency column: the lead organisation first, then the others "
    "(“To be confirmed” first when no organisation leads yet).",
    OwnerLayout.LEAD_SUPPORTING: "Two columns: Lead (one organisation, or “To be confirmed”) and Supporting "
    "(the others).",
}


def _settings_url(plan_year: PlanYear) -> str:
    return reverse(
        "planning:year_settings", kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug}
    )


class _Unreviewed(Exception):
    """Carries UnreviewedActions past run_service, which turns service errors into form errors."""

    def __init__(self, error: UnreviewedActions) -> None:
        self.error = error


def _set_state_unless_unreviewed(**kwargs: Any) -> PlanYear:
    try:
        return services.plan_year_set_state(**kwargs)
    except UnreviewedActions as error:
        raise _Unreviewed(error) from error


def _settings_post(request: HttpRequest, plan_year: PlanYear, forms_: dict[str, Any]) -> PlanYear | None:
    """Handle one of the settings page's forms; returns the year to show next, or None on error."""
    which = request.POST.get("form")
    user = request.user
    form: forms.BaseForm
    if which == "state":
        form = forms_["state_form"] = PlanYearStateForm(request.POST)
        if form.is_valid():
            try:
                _, ok = run_service(
                    form,
                    _set_state_unless_unreviewed,
                    plan_year=plan_year,
                    state=form.cleaned_data["state"],
                    actor=user,
                    confirmed=request.POST.get("confirm") == "yes",
                )
            except _Unreviewed as carried:
                forms_["unreviewed"] = carried.error
                return None
            return plan_year if ok else None
    elif which == "period":
        periods = list(selectors.periods(plan_year))
        form = forms_["period_form"] = OpenPeriodForm(request.POST, periods=periods)
        if form.is_valid():
            chosen = set(form.cleaned_data["periods"])
            _, ok = run_service(
                form,
                services.plan_year_set_open_periods,
                plan_year=plan_year,
                periods=[p for p in periods if p.code in chosen],
                actor=user,
                round_due_date=form.cleaned_data.get("round_due_date"),
            )
            return plan_year if ok else None
    elif which == "strategy":
        choices = strategy_selectors.choosable_strategies(user, plan_year)
        form = forms_["strategy_form"] = PlanYearStrategyForm(request.POST, strategies=choices)
        if form.is_valid():
            picked = next((s for s in choices if str(s.pk) == form.cleaned_data["strategy"]), None)
            _, ok = run_service(
                form, plan_year_set_strategy, plan_year=plan_year, strategy=picked, actor=user
            )
            return plan_year if ok else None
    elif which == "layout":
        form = forms_["layout_form"] = OwnerLayoutForm(request.POST)
        if form.is_valid():
            _, ok = run_service(
                form,
                services.plan_year_set_owner_layout,
                plan_year=plan_year,
                layout=form.cleaned_data["layout"],
                actor=user,
            )
            return plan_year if ok else None
    elif which == "current":
        form = forms_["current_form"] = forms.Form(request.POST)
        _, ok = run_service(form, services.plan_year_set_current, plan_year=plan_year, actor=user)
        return plan_year if ok else None
    elif which == "next":
        form = forms_["next_form"] = forms.Form(request.POST)
        created, ok = run_service(
            form, services.plan_year_create_next, partnership=plan_year.partnership, actor=user
        )
        return created if ok else None
    return None


def _period_history(plan_year: PlanYear) -> list[dict[str, Any]]:
    """Changes to the year's reporting periods (dates, opening and closing), newest first."""
    rows = []
    for period in selectors.periods(plan_year):
        for row in history_rows(period):
            rows.append({**row, "name": period.get_code_display()})
    return sorted(rows, key=lambda row: row["date"], reverse=True)[:50]


def _close_confirm(request: HttpRequest, plan_year: PlanYear, error: UnreviewedActions) -> HttpResponse:
    """The confirm step of closing a year whose actions lack a year-end update."""
    return render(
        request,
        "planning/year_close_confirm.html",
        year_context(
            request,
            plan_year,
            f"Close {plan_year.label} without every year-end update?",
            unreviewed=error.actions,
            breadcrumbs=[
                {"label": "Plan year settings", "url": _settings_url(plan_year)},
                {"label": "Close the plan year", "url": ""},
            ],
        ),
    )


@login_required
def year_settings(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    if year is None:
        team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
        if not selectors.plan_years(team).exists():
            return redirect("planning:set_up", partnership=team.slug)
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    forms_: dict[str, Any] = {}
    if request.method == "POST":
        shown = _settings_post(request, plan_year, forms_)
        if shown is not None:
            messages.success(request, f"Plan year {shown.label} saved.")
            return redirect(_settings_url(shown))
        if "unreviewed" in forms_:
            return _close_confirm(request, plan_year, forms_["unreviewed"])
        plan_year.refresh_from_db()
    forms_.setdefault("state_form", PlanYearStateForm(initial={"state": plan_year.state}))
    forms_.setdefault(
        "period_form",
        OpenPeriodForm(
            initial={"periods": [p.code for p in selectors.open_periods(plan_year)]},
            periods=selectors.periods(plan_year),
        ),
    )
    forms_.setdefault(
        "strategy_form",
        PlanYearStrategyForm(
            initial={"strategy": str(plan_year.strategy_id or "")},
            strategies=strategy_selectors.choosable_strategies(request.user, plan_year),
        ),
    )
    forms_.setdefault("layout_form", OwnerLayoutForm(initial={"layout": plan_year.owner_layout}))
    layout_form = forms_["layout_form"]
    chosen_layout = layout_form["layout"].value()
    latest = selectors.plan_years(plan_year.partnership).first()
    next_slug = PlanYear.slug_for_start(latest.start_date.year + 1) if latest else ""
    return render(
        request,
        "planning/year_settings.html",
        year_context(
            request,
            plan_year,
            f"Plan year settings {plan_year.label}",
            periods=selectors.periods(plan_year),
            update_rounds=round_selectors.rounds_of_year(request.user, plan_year),
            year_links=year_links(plan_year, "planning:year_settings"),
            next_slug=next_slug,
            is_current=plan_year.partnership.current_plan_year_id == plan_year.pk,
            error_forms=[f for f in forms_.values() if f.is_bound],
            history=history_rows(plan_year),
            period_history=_period_history(plan_year),
            layout_options=[
                (value, label, OWNER_LAYOUT_HINTS[OwnerLayout(value)], value == chosen_layout)
                for value, label in OwnerLayout.choices
            ],
            **forms_,
        ),
    )


@login_required
def period_edit(request: HttpRequest, partnership: str, year: str, code: str) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    period = selectors.access_period_by_code(request.user, plan_year, code, for_=Purpose.MANAGE)
    if request.method == "POST":
        form = PeriodForm(request.POST)
        if form.is_valid():
            _, ok = run_service(
                form, services.reporting_period_edit, period=period, actor=request.user, **form.cleaned_data
            )
            if ok:
                messages.success(request, f"{period.get_code_display()} dates saved.")
                return redirect(_settings_url(plan_year))
    else:
        form = PeriodForm(initial=PeriodForm.initial_for(period))
    return render(
        request,
        "planning/period_form.html",
        year_context(
            request,
            plan_year,
            f"{period.get_code_display()} {plan_year.label}: dates",
            period=period,
            form=form,
            history=history_rows(period),
            breadcrumbs=[
                {"label": "Plan year settings", "url": _settings_url(plan_year)},
                {"label": period.get_code_display(), "url": ""},
            ],
        ),
    )


def _statuses_url(partnership: str) -> str:
    return reverse("planning:statuses", kwargs={"partnership": partnership})


@login_required
def statuses(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    return render(
        request,
        "planning/statuses.html",
        {
            "partnership": team,
            "statuses": selectors.statuses_for(request.user, team),
            "page_title": "Status vocabulary",
        },
    )


@login_required
def status_form(request: HttpRequest, partnership: str, pk: int | None = None) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    status = access_status_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=team) if pk else None
    if request.method == "POST":
        form = StatusForm(request.POST)
        if form.is_valid():
            _, ok = run_service(
                form,
                services.status_save,
                partnership=team,
                actor=request.user,
                status=status,
                **form.cleaned_data,
            )
            if ok:
                messages.success(request, f"Status “{form.cleaned_data['name']}” saved.")
                return redirect(_statuses_url(partnership))
    else:
        initial = (
            {
                "name": status.name,
                "colour": status.colour,
                "meaning": status.meaning,
                "is_active": status.is_active,
            }
            if status
            else None
        )
        form = StatusForm(initial=initial)
    title = "Edit status" if status else "Add a status"
    return render(
        request,
        "planning/status_form.html",
        {
            "partnership": team,
            "form": form,
            "status": status,
            "history": history_rows(status) if status else [],
            "page_title": title,
            "breadcrumbs": [
                {"label": "Status vocabulary", "url": _statuses_url(partnership)},
                {"label": title, "url": ""},
            ],
        },
    )


@login_required
@require_POST
def status_move(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    status = access_status_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=team)
    try:
        run_service(
            None,
            services.status_move,
            status=status,
            direction=request.POST.get("direction", ""),
            actor=request.user,
        )
    except ServiceError as error:
        messages.error(request, str(error))
    return redirect(_statuses_url(partnership))
