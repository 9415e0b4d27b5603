"""A lead officer's actions, their updates for a period written on one page, and contributions."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms.utils import ErrorList
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.access import NotFound
from core.errors import ConflictError
from core.views import run_service
from planning import home_notices, other_actions, selectors, services
from planning.forms import ContributionForm, UpdateForm, active_statuses
from planning.models import PlanYear, ReportingPeriod
from planning.selectors import rounds as round_selectors
from planning.views.common import (
    action_url,
    cached_year_page,
    crumbs,
    open_period_or_404,
    year_context,
    year_links,
)


def _my_actions_url(plan_year: PlanYear) -> str:
    return reverse(
        "planning:my_actions", kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug}
    )


@login_required
def my_actions(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    """The actions the lead officer's organisation leads or owns, with what is due per open period."""
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    return cached_year_page(
        request,
        plan_year,
        name="my_actions",
        template="planning/my_actions.html",
        title=f"My actions {plan_year.label}",
        body=lambda context: _my_actions_body(request, plan_year, context),
    )


def _my_actions_body(request: HttpRequest, plan_year: PlanYear, context: dict[str, Any]) -> str:
    organisation = selectors.my_organisation(request.user, plan_year)
    groups = selectors.my_actions(request.user, plan_year, organisation)
    periods = selectors.open_periods(plan_year) if selectors.is_open_for_updates(plan_year) else []
    rows = [item for _, items in groups for item in items]
    round_due = round_selectors.round_due_dates(periods)
    summary = [
        {
            "period": period,
            "due_date": round_due.get(period.pk, period.due_date),
            "done": sum(1 for row in rows if row.due[index].done),
            "total": len(rows),
        }
        for index, period in enumerate(periods)
    ]
    return render_to_string(
        "planning/includes/my_actions_body.html",
        {
            **context,
            "organisation": organisation,
            "groups": groups,
            "periods": periods,
            "summary": summary,
            "action_total": len(rows),
            "year_links": year_links(plan_year, "planning:my_actions"),
            "other_actions": other_actions.collect(request.user, plan_year.partnership, timezone.localdate()),
            "home_notices": home_notices.notices_for(request.user, plan_year.partnership),
        },
        request,
    )


@dataclass
class Row:
    """One action on the period page: its form (update or contribution) and what others wrote."""

    item: selectors.MyAction
    due: selectors.Due
    form: forms.Form
    conflict: Any = None

    @property
    def saved(self) -> Any:
        return self.due.update if self.item.kind == "update" else self.due.contribution


def _normalised(value: object) -> str:
    return str(value or "").replace("\r\n", "\n").strip()


def _changed(row: Row) -> bool:
    """Whether the officer wrote or changed anything on this row (blank rows are left alone)."""
    form = row.form
    if form.add_prefix("narrative") not in form.data:  # a row the page did not post
        return False
    names = ["narrative", "status"] if row.item.kind == "update" else ["narrative"]
    return any(
        _normalised(form[name].value()) != _normalised(form.get_initial_for_field(form.fields[name], name))
        for name in names
    )


def _rows(request: HttpRequest, plan_year: PlanYear, period: ReportingPeriod, data: Any = None) -> list[Row]:
    organisation = selectors.my_organisation(request.user, plan_year)
    if organisation is None:
        raise NotFound("Only lead officers write updates for their organisation's actions.")
    statuses = selectors.statuses_for(request.user, plan_year.partnership)
    active = active_statuses(statuses)
    rows = []
    for _, items in selectors.my_actions(request.user, plan_year, organisation):
        for item in items:
            due = next(d for d in item.due if d.period.pk == period.pk)
            prefix = f"a{item.action.pk}"
            form: forms.Form
            if item.kind == "update":
                initial = UpdateForm.initial_for(due.update, figures=False)
                form = UpdateForm(
                    data,
                    initial=initial,
                    prefix=prefix,
                    statuses=statuses,
                    current_status=due.update.status if due.update else None,
                    active=active,
                )
            else:
                form = ContributionForm(
                    data, initial=ContributionForm.initial_for(due.contribution), prefix=prefix
                )
            rows.append(Row(item, due, form))
    return rows


def _unbound_kwargs(form: forms.Form) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"initial": form.initial, "prefix": form.prefix}
    if isinstance(form, UpdateForm):
        kwargs |= {"statuses": form.vocabulary, "current_status": form.current_status, "active": form.active}
    return kwargs


def _name_errors(row: Row) -> None:
    """Prefix each error with the action, so the summary says which row it is about."""
    label = row.item.action.text[:60]
    for name, errors in list(row.form.errors.items()):
        row.form.errors[name] = ErrorList([f"{label}: {message}" for message in errors])


def _entry(row: Row) -> services.ReportEntry:
    data = row.form.cleaned_data
    return services.ReportEntry(
        action=row.item.action,
        kind=row.item.kind,
        narrative=data["narrative"].strip(),
        status=row.form.chosen_status() if isinstance(row.form, UpdateForm) else None,
        expected_version=data["version"],
    )


def _show_conflicts(rows: list[Row], error: services.ReportConflicts) -> None:
    for row in rows:
        conflict = error.conflicts.get(row.item.action.pk)
        if conflict is None:
            continue
        row.conflict = conflict.current
        data = row.form.data.copy()  # type: ignore[attr-defined]  # a QueryDict
        data[row.form.add_prefix("version")] = str(getattr(conflict.current, "version", 0))
        row.form.data = data
        row.form.full_clean()
        row.form.add_error(
            None,
            "Someone else saved this while you were writing. Compare your text with theirs; "
            "save again to replace it.",
        )


@login_required
def period_updates(request: HttpRequest, partnership: str, year: str, code: str) -> HttpResponse:
    """Every update and contribution a lead officer owes for one open period, saved in one POST."""
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    period = open_period_or_404(plan_year, code)
    rows = _rows(request, plan_year, period, request.POST if request.method == "POST" else None)
    page_errors = forms.Form(data={})  # carries the page's own errors into the summary
    page_errors.is_valid()
    changed: list[Row] = []
    if request.method == "POST":
        changed = [row for row in rows if _changed(row)]
        valid = [row.form.is_valid() for row in changed]
        if changed and all(valid):
            try:
                saved, ok = run_service(
                    page_errors,
                    services.period_reports_record,
                    period=period,
                    actor=request.user,
                    entries=[_entry(row) for row in changed],
                )
            except services.ReportConflicts as error:
                page_errors.add_error(None, str(error))
                _show_conflicts(changed, error)
            else:
                if ok:
                    messages.success(request, f"{saved} saved for {period.get_code_display()}.")
                    return redirect(_my_actions_url(plan_year))
        elif not changed:
            page_errors.add_error(None, "Write at least one update or contribution, or choose a status.")
        for row in changed:
            _name_errors(row)
        for row in rows:
            if row not in changed:  # shown again as they were, without "enter an update" errors
                row.form = type(row.form)(**_unbound_kwargs(row.form))
    return render(
        request,
        "planning/my_period_updates.html",
        year_context(
            request,
            plan_year,
            f"Your updates for {period.get_code_display()}",
            period=period,
            due_date=round_selectors.round_due_dates([period]).get(period.pk, period.due_date),
            rows=rows,
            error_forms=[page_errors, *[row.form for row in changed]],
            breadcrumbs=[
                {"label": "My actions", "url": _my_actions_url(plan_year)},
                {"label": f"Updates for {period.get_code_display()}", "url": ""},
            ],
        ),
    )


@login_required
def contribution(request: HttpRequest, partnership: str, year: str, pk: int) -> HttpResponse:
    """An owner's contribution to a joint action for an open period, never overwriting another's."""
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    period = open_period_or_404(plan_year, request.POST.get("period") or request.GET.get("period"))
    action, existing = selectors.contribution_form_target(request.user, plan_year, pk, period)
    if selectors.reportable(request.user, action) != "contribution":
        raise NotFound("Only the other owners of a joint action add contributions to it.")
    conflict = None
    if request.method == "POST":
        form = ContributionForm(request.POST)
        if form.is_valid():
            try:
                _, ok = run_service(
                    form,
                    services.action_contribution_record,
                    action=action,
                    actor=request.user,
                    narrative=form.cleaned_data["narrative"].strip(),
                    period=period,
                    expected_version=form.cleaned_data["version"],
                )
            except ConflictError as error:
                conflict = error.current
                data = request.POST.copy()
                data["version"] = str(conflict.version if conflict else 0)  # type: ignore[attr-defined]
                form = ContributionForm(data)
                form.is_valid()
                form.add_error(None, f"{error} Your text has not been saved; save again to replace theirs.")
            else:
                if ok:
                    messages.success(request, f"Contribution for {period.get_code_display()} saved.")
                    return redirect(action_url(action))
    else:
        form = ContributionForm(initial=ContributionForm.initial_for(existing))
    return render(
        request,
        "planning/contribution_form.html",
        year_context(
            request,
            plan_year,
            f"Contribution for {period.get_code_display()}",
            action=action,
            period=period,
            form=form,
            existing=existing,
            conflict=conflict,
            organisation=selectors.my_organisation(request.user, plan_year),
            breadcrumbs=crumbs(plan_year, ("Action", action_url(action)), ("Contribution", "")),
        ),
    )
