"""Coordinators create, edit, reorder and delete priorities and actions."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.access import Purpose
from core.errors import ConflictError, ServiceError
from core.history import history_rows
from core.views import run_service
from planning import selectors, services
from planning.models import Action, PlanYear, Priority
from planning.structure_forms import ActionForm, PriorityForm
from planning.views.common import action_url, crumbs, year_context


def _priority_form(
    request: HttpRequest, plan_year: PlanYear, data: Any = None, **kwargs: Any
) -> PriorityForm:
    team = plan_year.partnership
    return PriorityForm(
        data,
        themes=selectors.themes(request.user, team),
        places=selectors.places(request.user, team),
        **kwargs,
    )


def _list_url(plan_year: PlanYear, anchor: str = "") -> str:
    url = reverse(
        "planning:action_list", kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug}
    )
    return f"{url}#{anchor}" if anchor else url


@login_required
def priority_form(request: HttpRequest, partnership: str, year: str, pk: int | None = None) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    priority = selectors.priority_page(request.user, plan_year, pk) if pk else None
    conflict: Priority | None = None
    if request.method == "POST":
        form = _priority_form(request, plan_year, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            fields = {
                "title": data["title"],
                "description": data["description"],
                "sub_themes": form.sub_theme_list(),
                **form.tags(),
            }
            if priority is None:  # a new priority without tag fields on the form has no tags
                fields = {name: value for name, value in fields.items() if value is not None}
            if priority is None:
                saved, ok = run_service(
                    form, services.priority_create, plan_year=plan_year, actor=request.user, **fields
                )
            else:
                try:
                    saved, ok = run_service(
                        form,
                        services.priority_edit,
                        priority=priority,
                        actor=request.user,
                        expected_fingerprint=data["fingerprint"] or None,
                        **fields,
                    )
                except ConflictError as error:
                    form, conflict = _priority_conflict(request, plan_year, priority.pk, str(error))
                    saved, ok = None, False
            if ok and saved is not None:
                messages.success(request, f"Priority “{saved.title}” saved.")
                return redirect(_list_url(plan_year, f"priority-{saved.pk}"))
    else:
        form = _priority_form(
            request, plan_year, initial=PriorityForm.initial_for(priority) if priority else None
        )
    title = "Edit priority" if priority else "Add a priority"
    return render(
        request,
        "planning/priority_form.html",
        year_context(
            request,
            plan_year,
            title,
            form=form,
            priority=priority,
            conflict=conflict,
            history=history_rows(priority) if priority else [],
            breadcrumbs=crumbs(plan_year, (title, "")),
        ),
    )


def _priority_conflict(
    request: HttpRequest, plan_year: PlanYear, pk: int, message: str
) -> tuple[PriorityForm, Priority]:
    """The form again with the editor's text, now based on the newer saved version."""
    newer = selectors.priority_page(request.user, plan_year, pk)
    data = request.POST.copy()
    data["fingerprint"] = services.priority_fingerprint(newer)
    form = _priority_form(request, plan_year, data)
    form.is_valid()
    form.add_error(
        None,
        f"{message} Your changes have not been saved. Compare them with the saved version "
        "below and save again to replace it.",
    )
    return form, newer


@login_required
def priority_delete(request: HttpRequest, partnership: str, year: str, pk: int) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    priority = selectors.priority_page(request.user, plan_year, pk)
    error = ""
    if request.method == "POST":
        try:
            run_service(None, services.priority_delete, priority=priority, actor=request.user)
        except ServiceError as exc:
            error = str(exc)
        else:
            messages.success(request, f"Priority “{priority.title}” deleted.")
            return redirect(_list_url(plan_year))
    return render(
        request,
        "planning/confirm_delete.html",
        year_context(
            request,
            plan_year,
            "Delete priority",
            thing="priority",
            name=priority.title,
            blocked=priority.action_count,  # type: ignore[attr-defined]
            error=error,
            cancel_url=_list_url(plan_year, f"priority-{priority.pk}"),
            breadcrumbs=crumbs(plan_year, ("Delete priority", "")),
        ),
    )


@login_required
@require_POST
def priority_move(request: HttpRequest, partnership: str, year: str, pk: int) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    priority = selectors.priority_page(request.user, plan_year, pk)
    _move(request, services.priority_move, priority=priority)
    return redirect(_list_url(plan_year, f"priority-{priority.pk}"))


def _move(request: HttpRequest, service: Callable[..., None], **kwargs: Any) -> None:
    """Move up or down; a bad direction is reported, not a server error."""
    try:
        run_service(None, service, direction=request.POST.get("direction", ""), actor=request.user, **kwargs)
    except ServiceError as error:
        messages.error(request, str(error))


def _action_fields(form: ActionForm) -> dict[str, object]:
    data = form.cleaned_data
    return {
        "priority": data["priority"],
        "text": data["text"].strip(),
        "target": data["target"].strip(),
        "due_date": data["due_date"],
        "owners": data["owners"],
        "has_lead": data["has_lead"],
        **({"approach": data.get("approach")} if "approach" in form.fields else {}),
        **{name: value for name, value in form.tags().items() if value is not None},
    }


def _action_form(request: HttpRequest, plan_year: PlanYear, data: object = None, **kwargs: Any) -> ActionForm:
    team, actor = plan_year.partnership, request.user
    return ActionForm(
        data,
        priorities=selectors.priorities(plan_year),
        organisations=selectors.organisations_of(team),
        approaches=selectors.approaches(actor, plan_year),
        themes=selectors.themes(actor, team),
        places=selectors.places(actor, team),
        **kwargs,
    )


@login_required
def action_form(request: HttpRequest, partnership: str, year: str, pk: int | None = None) -> HttpResponse:
    """Add an action, or edit one: the edit posts the version it loaded and is refused if stale."""
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    action = selectors.action_page(request.user, plan_year, pk, for_=Purpose.MANAGE) if pk else None
    conflict: Action | None = None
    if request.method == "POST":
        form = _action_form(request, plan_year, request.POST)
        if form.is_valid():
            fields = _action_fields(form)
            if action is None:
                saved, ok = run_service(
                    form, services.action_create, plan_year=plan_year, actor=request.user, **fields
                )
            else:
                try:
                    saved, ok = run_service(
                        form,
                        services.action_edit,
                        action=action,
                        expected_version=form.cleaned_data["version"] or 0,
                        actor=request.user,
                        **fields,
                    )
                except ConflictError as error:
                    conflict = selectors.action_page(request.user, plan_year, action.pk)
                    data = request.POST.copy()
                    data["version"] = str(conflict.version)
                    form = _action_form(request, plan_year, data)
                    form.is_valid()
                    form.add_error(
                        None,
                        f"{error} Your changes have not been saved. Compare them with the saved "
                        "version below and save again to replace it.",
                    )
                    saved, ok = None, False
            if ok and saved is not None:
                messages.success(request, "Action saved.")
                return redirect(action_url(saved))
    else:
        initial = ActionForm.initial_for(action) if action else {"priority": request.GET.get("priority")}
        form = _action_form(request, plan_year, initial=initial)
    title = "Edit action" if action else "Add an action"
    return render(
        request,
        "planning/action_form.html",
        year_context(
            request,
            plan_year,
            title,
            form=form,
            action=action,
            conflict=conflict,
            conflict_owners=selectors.action_owner_names(conflict) if conflict else [],
            breadcrumbs=crumbs(plan_year, *([("Action", action_url(action))] if action else []), (title, "")),
        ),
    )


@login_required
def action_delete(request: HttpRequest, partnership: str, year: str, pk: int) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    action = selectors.action_page(request.user, plan_year, pk, for_=Purpose.MANAGE)
    if request.method == "POST":
        run_service(None, services.action_delete, action=action, actor=request.user)
        messages.success(request, "Action deleted.")
        return redirect(_list_url(plan_year, f"priority-{action.priority_id}"))
    return render(
        request,
        "planning/confirm_delete.html",
        year_context(
            request,
            plan_year,
            "Delete action",
            thing="action",
            name=action.text,
            blocked=0,
            detail=f"Its {selectors.update_count(action)} update(s) will be deleted too. History keeps a record.",
            cancel_url=action_url(action),
            breadcrumbs=crumbs(plan_year, ("Action", action_url(action)), ("Delete", "")),
        ),
    )


@login_required
@require_POST
def action_move(request: HttpRequest, partnership: str, year: str, pk: int) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    action = selectors.action_page(request.user, plan_year, pk, for_=Purpose.MANAGE)
    _move(request, services.action_move, action=action)
    return redirect(_list_url(plan_year, f"action-{action.pk}"))
