"""The action plan list, action detail and the update form."""

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.access import NotFound
from core.errors import ConflictError
from core.history import history_rows, history_rows_for
from core.views import run_service
from planning import reporting, selectors, services
from planning.forms import ActionFilterForm, UpdateForm
from planning.models import Action, OwnerLayout, PlanYear, Status, Update
from planning.selectors.actions import action_list_page
from planning.views.action_rows import action_rows, page_links, page_url
from planning.views.common import (
    action_url,
    cached_year_page,
    crumbs,
    open_period_or_404,
    year_context,
    year_links,
)


@login_required
def action_list(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    """The action plan by priority, 50 actions a page (ADR 0014), filters kept in the page links.
    The content is cached until the partnership's records change (ADR 0019)."""
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    return cached_year_page(
        request,
        plan_year,
        name="action_list",
        template="planning/action_list.html",
        title=f"Action plan {plan_year.label}",
        body=lambda context: _action_list_body(request, plan_year, context),
    )


def _action_list_body(request: HttpRequest, plan_year: PlanYear, context: dict[str, Any]) -> str:
    """The list's content as HTML."""
    priorities = list(selectors.priorities(plan_year).prefetch_related("sub_themes"))
    statuses = list(selectors.statuses(plan_year.partnership))
    themes, places = selectors.filter_tags(request.user, plan_year.partnership)
    form = ActionFilterForm(
        request.GET or None,
        priorities=priorities,
        owners=selectors.owner_organisations(plan_year),
        statuses=statuses,
        themes=themes,
        places=places,
    )
    today = timezone.localdate()
    filtered = bool(request.GET and form.is_valid() and any(form.cleaned_data.values()))
    listing = action_list_page(
        request.user,
        plan_year,
        priorities=priorities,
        statuses=statuses,
        page=request.GET.get("page"),
        filtered=filtered,
        **form.filters(today),
    )
    # Row links are `<actions_url><pk>/` and `<actions_url><pk>/move/` (one reverse, not 3 a row).
    actions_url = reverse(
        "planning:action_list", kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug}
    )
    ordering = context["is_coordinator"] and not filtered
    token = get_token(request) if ordering else ""
    lead_layout = plan_year.owner_layout == OwnerLayout.LEAD_SUPPORTING
    sections = [
        (
            s,
            action_rows(
                s.rows,
                actions_url=actions_url,
                ordering=ordering,
                csrf_token=token,
                lead_layout=lead_layout,
                today=today,
            ),
        )
        for s in listing.sections
    ]
    page = listing.page
    body = render_to_string(
        "planning/includes/action_list_body.html",
        {
            **context,
            "form": form,
            "sections": sections,
            "count": listing.total,
            "page": page,
            "page_links": page_links(request.GET, page.number, page.paginator.num_pages)
            if page.has_other_pages()
            else [],
            "previous_url": page_url(request.GET, page.number - 1) if page.has_previous() else "",
            "next_url": page_url(request.GET, page.number + 1) if page.has_next() else "",
            "filtered": filtered,
            "ordering": ordering,
            "lead_layout": lead_layout,
            "year_links": year_links(plan_year, "planning:action_list"),
        },
        request,
    )
    return body


@login_required
def action_detail(request: HttpRequest, partnership: str, year: str, pk: int) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    action = selectors.action_opened(request.user, plan_year, pk)
    return cached_year_page(
        request,
        plan_year,
        name="action_detail",
        template="planning/action_detail.html",
        title=f"Action: {action.text[:60]}",
        body=lambda context: _action_detail_body(request, plan_year, action, context),
        breadcrumbs=crumbs(plan_year, ("Action", "")),
    )


def _action_detail_body(
    request: HttpRequest, plan_year: PlanYear, action: Action, context: dict[str, Any]
) -> str:
    selectors.action_details(action)
    updates = selectors.action_updates(action)
    current_status = selectors.current_status(action)
    owners = selectors.action_owners(action)
    open_reports = [
        {"period": period, "update": selectors.update_for_period(action, period)}
        for period in selectors.open_periods(plan_year)
    ]
    return render_to_string(
        "planning/includes/action_detail_body.html",
        {
            **context,
            "action": action,
            "updates": updates,
            "current_status": current_status,
            "may_write": selectors.reportable(request.user, action),
            "lead_owner": next((owner for owner in owners if owner.is_lead), None),
            "supporting": [owner for owner in owners if not owner.is_lead],
            "overdue": reporting.is_overdue(action.due_date, current_status, datetime.date.today()),
            "open_reports": open_reports,
            "reports": selectors.action_reports(request.user, action, updates),
            "history": history_rows(action),
            "owner_history": selectors.owner_history(action),
            "update_histories": history_rows_for(updates),
        },
        request,
    )


def _next_url(request: HttpRequest, action: Action) -> str:
    """Back to the action, or to the year-end review when the form was posted from there."""
    if request.POST.get("next") == "review":
        plan_year = action.plan_year
        url = reverse(
            "planning:review", kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug}
        )
        return f"{url}#action-{action.pk}"
    return action_url(action)


def _update_form(
    request: HttpRequest,
    plan_year: PlanYear,
    data: object = None,
    *,
    current_status: Status | None,
    initial: dict[str, object] | None = None,
) -> UpdateForm:
    statuses = selectors.statuses_for(request.user, plan_year.partnership)
    return UpdateForm(data, initial=initial, statuses=statuses, current_status=current_status)


@login_required
def action_update(request: HttpRequest, partnership: str, year: str, pk: int) -> HttpResponse:
    """Add or edit the action's update for the open period, never silently overwriting another's."""
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    period = open_period_or_404(plan_year, request.POST.get("period") or request.GET.get("period"))
    action, existing = selectors.update_form_target(request.user, plan_year, pk, period)
    if selectors.reportable(request.user, action) != "update":
        raise NotFound("The lead organisation of this joint action writes its update.")
    current_status = existing.status if existing else None
    conflict: Update | None = None
    conflict_message = ""
    if request.method == "POST":
        form = _update_form(request, plan_year, request.POST, current_status=current_status)
        if form.is_valid():
            try:
                update, ok = run_service(
                    form,
                    services.action_update_record,
                    action=action,
                    actor=request.user,
                    narrative=form.cleaned_data["narrative"].strip(),
                    status=form.chosen_status(),
                    period=period,
                    expected_version=form.cleaned_data["version"],
                    figures=form.cleaned_data["figures"],
                )
            except ConflictError as error:
                conflict = error.current  # type: ignore[assignment]
                conflict_message = str(error)
                data = request.POST.copy()
                data["version"] = str(conflict.version if conflict else 0)
                form = _update_form(request, plan_year, data, current_status=current_status)
                form.is_valid()
                form.add_error(
                    None,
                    f"{conflict_message} Your text has not been saved. Compare it with the saved "
                    "version below, change yours if needed, and save again to replace it.",
                )
            else:
                if ok:
                    messages.success(request, f"Update for {period.get_code_display()} saved.")
                    return redirect(_next_url(request, action))
    else:
        form = _update_form(
            request, plan_year, initial=UpdateForm.initial_for(existing), current_status=current_status
        )
    return render(
        request,
        "planning/update_form.html",
        year_context(
            request,
            plan_year,
            f"Update for {period.get_code_display()}",
            action=action,
            period=period,
            contributions=selectors.period_contributions(request.user, action, period),
            form=form,
            existing=existing,
            conflict=conflict,
            next=request.POST.get("next") or request.GET.get("next", ""),
            breadcrumbs=crumbs(plan_year, ("Action", action_url(action)), ("Update", "")),
        ),
    )
