"""Strategies over several plan years: the list, a strategy's page, and the coordinator's forms."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core.access import Purpose
from core.errors import ServiceError
from core.history import history_rows
from core.views import run_service
from partnership import access as partnership_access
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership
from planning.forms import StrategyCreateForm, StrategyForm
from planning.models import Strategy
from planning.selectors import strategies as selectors
from planning.services import strategies as services


def _list_url(partnership: Partnership) -> str:
    return reverse("planning:strategies", kwargs={"partnership": partnership.slug})


def strategy_url(strategy: Strategy, name: str = "planning:strategy") -> str:
    return reverse(name, kwargs={"partnership": strategy.partnership.slug, "span": strategy.slug})


def _crumbs(partnership: Partnership, *items: tuple[str, str]) -> list[dict[str, str]]:
    return [{"label": "Strategies", "url": _list_url(partnership)}] + [
        {"label": label, "url": url} for label, url in items
    ]


@login_required
def strategy_list(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    return render(
        request,
        "planning/strategy_list.html",
        {
            "partnership": team,
            "strategies": [
                (s, selectors.strategy_plan_years(s)) for s in selectors.strategies(request.user, team)
            ],
            "is_coordinator": partnership_access.is_coordinator(request.user, team),
            "page_title": "Strategies",
        },
    )


@login_required
def strategy_detail(request: HttpRequest, partnership: str, span: str) -> HttpResponse:
    strategy = selectors.access_strategy(request.user, partnership, span)
    priorities = selectors.strategy_priorities(strategy)
    years = [(year, priorities.get(year.pk, [])) for year in selectors.strategy_plan_years(strategy)]
    return render(
        request,
        "planning/strategy_detail.html",
        {
            "partnership": strategy.partnership,
            "strategy": strategy,
            "years": years,
            "is_coordinator": partnership_access.is_coordinator(request.user, strategy.partnership),
            "history": history_rows(strategy),
            "page_title": str(strategy),
            "breadcrumbs": _crumbs(strategy.partnership, (strategy.label, "")),
        },
    )


def _fields(form: StrategyForm) -> dict[str, Any]:
    return {
        name: form.cleaned_data[name] for name in ("title", "start_year", "end_year", "vision", "narrative")
    }


@login_required
def strategy_create(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    form = StrategyCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        strategy, ok = run_service(
            form,
            services.strategy_create,
            partnership=team,
            actor=request.user,
            plan_years=form.cleaned_data["plan_years"],
            **_fields(form),
        )
        if ok and strategy is not None:
            messages.success(request, f"Created the {strategy}.")
            return redirect(strategy_url(strategy))
    return render(
        request,
        "planning/strategy_form.html",
        {
            "partnership": team,
            "form": form,
            "page_title": "Add a strategy",
            "cancel_url": _list_url(team),
            "breadcrumbs": _crumbs(team, ("Add a strategy", "")),
        },
    )


@login_required
def strategy_edit(request: HttpRequest, partnership: str, span: str) -> HttpResponse:
    strategy = selectors.access_strategy(request.user, partnership, span, for_=Purpose.MANAGE)
    if request.method == "POST":
        form = StrategyForm(request.POST)
        if form.is_valid():
            _, ok = run_service(
                form, services.strategy_edit, strategy=strategy, actor=request.user, **_fields(form)
            )
            if ok:
                messages.success(request, f"Saved the {strategy}.")
                return redirect(strategy_url(strategy))
            strategy.refresh_from_db()
    else:
        form = StrategyForm(initial={name: getattr(strategy, name) for name in StrategyForm.base_fields})
    return render(
        request,
        "planning/strategy_form.html",
        {
            "partnership": strategy.partnership,
            "strategy": strategy,
            "form": form,
            "history": history_rows(strategy),
            "page_title": f"Edit the {strategy}",
            "cancel_url": strategy_url(strategy),
            "breadcrumbs": _crumbs(
                strategy.partnership, (strategy.label, strategy_url(strategy)), ("Edit", "")
            ),
        },
    )


@login_required
def strategy_delete(request: HttpRequest, partnership: str, span: str) -> HttpResponse:
    strategy = selectors.access_strategy(request.user, partnership, span, for_=Purpose.MANAGE)
    error = ""
    if request.method == "POST":
        name = str(strategy)
        try:
            run_service(None, services.strategy_delete, strategy=strategy, actor=request.user)
        except ServiceError as problem:
            error = str(problem)
        else:
            messages.success(request, f"Deleted the {name}.")
            return redirect(_list_url(strategy.partnership))
    years = selectors.strategy_plan_years(strategy)
    return render(
        request,
        "planning/strategy_delete.html",
        {
            "partnership": strategy.partnership,
            "strategy": strategy,
            "years": years,
            "error": error,
            "page_title": f"Delete the {strategy}?",
            "breadcrumbs": _crumbs(
                strategy.partnership, (strategy.label, strategy_url(strategy)), ("Delete", "")
            ),
        },
    )
