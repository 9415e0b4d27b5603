"""Small helpers shared by the planning views."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from core.access import NotFound
from core.pagecache import page_part
from planning import access, rounds, selectors
from planning.models import PlanYear, ReportingPeriod
from planning.selectors import rounds as round_selectors


def year_context(request: HttpRequest, plan_year: PlanYear, title: str, **extra: Any) -> dict[str, Any]:
    """What every planning page needs: the partnership, the year, the user's role, the title."""
    return {
        "partnership": plan_year.partnership,
        "plan_year": plan_year,
        "is_coordinator": access.can_manage_plan(request.user, plan_year),
        "open_periods": access.open_periods(plan_year),
        "open_rounds": open_rounds(plan_year),
        "page_title": title,
        **extra,
    }


@dataclass(frozen=True)
class OpenRound:
    """An open period on the year pages: updates due on its round's due date (the period's when it
    has no round), with the status in words."""

    period: ReportingPeriod
    due_date: datetime.date
    status: str
    overdue: bool


def open_rounds(plan_year: PlanYear, today: datetime.date | None = None) -> list[OpenRound]:
    periods = access.open_periods(plan_year)
    if not periods:
        return []
    today = today or timezone.localdate()
    due_dates = round_selectors.round_due_dates(periods)
    found = []
    for period in periods:
        due = due_dates.get(period.pk, period.due_date)
        found.append(OpenRound(period, due, rounds.due_in_words(due, today), due < today))
    return found


def cached_year_page(
    request: HttpRequest,
    plan_year: PlanYear,
    *,
    name: str,
    template: str,
    title: str,
    body: Callable[[dict[str, Any]], str],
    **extra: Any,
) -> HttpResponse:
    """A year page whose content (`body(year_context)`, HTML) is cached until the partnership's
    records change (ADR 0019); `template` wraps it (`{{ body }}`) in the layout, which needs only
    the title and breadcrumbs (`extra`)."""
    content = page_part(
        request,
        name=name,
        partnership_id=plan_year.partnership_id,
        build=lambda: body(year_context(request, plan_year, title, **extra)),
    )
    context = {"partnership": plan_year.partnership, "plan_year": plan_year, "page_title": title}
    return render(request, template, {**context, **extra, "body": content})


def year_links(
    plan_year: PlanYear, url_name: str, years: list[PlanYear] | None = None
) -> list[dict[str, Any]]:
    """A link to the same page for each plan year of the partnership, newest first (`years`: the
    partnership's years already read, newest first)."""
    slug = plan_year.partnership.slug
    return [
        {
            "year": year,
            "url": reverse(url_name, kwargs={"partnership": slug, "year": year.slug}),
            "current": year.pk == plan_year.pk,
        }
        for year in (selectors.plan_years(plan_year.partnership) if years is None else years)
    ]


def crumbs(plan_year: PlanYear, *items: tuple[str, str]) -> list[dict[str, str]]:
    slug = plan_year.partnership.slug
    base = [
        {"label": "Dashboard", "url": reverse("planning:dashboard", kwargs={"partnership": slug})},
        {
            "label": f"Action plan {plan_year.label}",
            "url": reverse("planning:action_list", kwargs={"partnership": slug, "year": plan_year.slug}),
        },
    ]
    return base + [{"label": label, "url": url} for label, url in items]


def action_url(action: Any, name: str = "planning:action") -> str:
    return reverse(
        name,
        kwargs={
            "partnership": action.plan_year.partnership.slug,
            "year": action.plan_year.slug,
            "pk": action.pk,
        },
    )


def open_period_or_404(plan_year: PlanYear, code: str | None) -> ReportingPeriod:
    """The open period named by its code (the first open one when none is named); 404 otherwise."""
    periods = selectors.open_periods(plan_year) if selectors.is_open_for_updates(plan_year) else []
    chosen = next((p for p in periods if p.code == code), None) if code else next(iter(periods), None)
    if chosen is None:
        raise NotFound("That reporting period is not open for updates.")
    return chosen
