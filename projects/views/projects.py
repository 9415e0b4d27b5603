"""Projects: the filtered list with its downloads, a project's page, adding and editing a project and
the funding settings. The forms on a project's page are in projects/views/records.py."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from core.access import Purpose, audit_search
from core.history import history_rows
from core.views import run_service
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership
from planning import access as planning_access
from projects import access, exports, selectors, services
from projects.forms import (
    ProjectFilterForm,
    ProjectForm,
    SettingsForm,
    TransitionForm,
    as_int,
)
from projects.models import Project, ProjectStatus
from projects.views.common import download, form_page, list_crumbs, open_project, project_url

MANAGE, REPORT = Purpose.MANAGE, Purpose.REPORT


def _filters(request: HttpRequest, team: Partnership) -> tuple[ProjectFilterForm, Any, selectors.Filters]:
    plan_year = selectors.plan_year_by_slug(request.user, team, request.GET.get("year"))
    if plan_year is None:
        raise Http404("No plan year yet.")
    form = ProjectFilterForm(
        request.GET or None,
        years=selectors.plan_years(request.user, team),
        priorities=selectors.priorities_of(request.user, plan_year),
        organisations=selectors.organisations_of(request.user, team),
    )
    form.is_valid()  # a bad value is simply not applied
    data = getattr(form, "cleaned_data", {})
    status = data.get("status", "") if data.get("status", "") in ProjectStatus.values else ""
    filters = selectors.Filters(
        priority=as_int(data.get("priority")), organisation=as_int(data.get("organisation")), status=status
    )
    form.initial = {"year": plan_year.slug}
    return form, plan_year, filters


@login_required
def project_list(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    form, plan_year, filters = _filters(request, team)
    rows = selectors.project_rows(request.user, plan_year, filters)
    audit_search(
        request.user,
        Project,
        partnership=team,
        filters={"year": plan_year.slug, **vars(filters)},
    )
    query = request.GET.urlencode()
    return render(
        request,
        "projects/project_list.html",
        {
            "partnership": team,
            "plan_year": plan_year,
            "form": form,
            "rows": rows,
            "filtered": any(vars(filters).values()),
            "query": query,
            "is_coordinator": access.can_manage(request.user, team),
            "page_title": f"Projects {plan_year.label}",
        },
    )


@login_required
def project_summary_download(request: HttpRequest, partnership: str, fmt: str) -> HttpResponse:
    """The funding summary (per pot, per project) for the list's filters, as CSV or XLSX."""
    if fmt not in ("csv", "xlsx"):
        raise Http404("No such format.")
    team = access_partnership_by_slug(request.user, partnership)
    _, plan_year, filters = _filters(request, team)
    audit_search(request.user, Project, partnership=team, filters={"year": plan_year.slug, "download": fmt})
    writer = exports.summary_csv if fmt == "csv" else exports.summary_xlsx
    name = f"{team.slug}-funding-summary-{plan_year.slug}.{fmt}"
    return download(writer(request.user, plan_year, filters), fmt, name)


@login_required
def project_detail(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    project = open_project(request, partnership, pk)
    page = selectors.project_page(request.user, project)
    team = project.plan_year.partnership
    return render(
        request,
        "projects/project_detail.html",
        {
            "partnership": team,
            "project": project,
            "page": page,
            "row": page.row,
            "is_coordinator": access.can_manage(request.user, team),
            "can_report": access.can_report_on(request.user, project),
            "next_statuses": TransitionForm(current=project.status).fields["to"].choices,  # type: ignore[attr-defined]
            "today": timezone.localdate(),
            "history": history_rows(project),
            "page_title": project.title,
            "breadcrumbs": list_crumbs(team, (project.title, "")),
        },
    )


def _project_choices(request: HttpRequest, team: Partnership, plan_year: Any) -> dict[str, Any]:
    organisations = selectors.organisations_of(request.user, team)
    return {
        "priorities": selectors.priorities_of(request.user, plan_year),
        "actions": planning_access.actions_visible_to(request.user)
        .filter(plan_year=plan_year)
        .order_by("priority__order", "order", "pk"),
        "lead_organisation": organisations,
        "delivery_organisations": organisations,
        "places": planning_access.places_visible_to(request.user).filter(partnership=team).order_by("name"),
    }


PROJECT_FIELDS = (
    "title",
    "summary",
    "priorities",
    "actions",
    "lead_organisation",
    "delivery_organisations",
    "places",
    "start_date",
    "end_date",
    "next_monitoring_date",
    "in_plan_review",
    "review_order",
)


@login_required
def project_create(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=MANAGE)
    plan_year = selectors.plan_year_by_slug(request.user, team, request.GET.get("year"))
    if plan_year is None:
        raise Http404("No plan year yet.")
    form = ProjectForm(request.POST or None, choices=_project_choices(request, team, plan_year))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in PROJECT_FIELDS}
        project, ok = run_service(
            form, services.project_create, actor=request.user, plan_year=plan_year, **fields
        )
        if ok and project is not None:
            messages.success(request, f"Added the project “{project.title}” as proposed.")
            return redirect(project_url(project))
    return form_page(
        request,
        form,
        partnership=team,
        page_title=f"Add a project to {plan_year.label}",
        submit_label="Add project",
        cancel_url=reverse("projects:list", args=[team.slug]),
        breadcrumbs=list_crumbs(team, ("Add a project", "")),
    )


@login_required
def project_edit(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    project = open_project(request, partnership, pk, MANAGE)
    team = project.plan_year.partnership
    choices = _project_choices(request, team, project.plan_year)
    if request.method == "POST":
        form = ProjectForm(request.POST, choices=choices)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in PROJECT_FIELDS}
            _, ok = run_service(form, services.project_edit, actor=request.user, project=project, **fields)
            if ok:
                messages.success(request, "Saved the project.")
                return redirect(project_url(project))
    else:
        initial: dict[str, Any] = {name: getattr(project, name) for name in PROJECT_FIELDS}
        for name in ("priorities", "actions", "delivery_organisations", "places"):
            initial[name] = [item.pk for item in getattr(project, name).all()]
        form = ProjectForm(initial=initial, choices=choices)
    return form_page(
        request,
        form,
        partnership=team,
        page_title=f"Edit “{project.title}”",
        submit_label="Save project",
        cancel_url=project_url(project),
        breadcrumbs=list_crumbs(team, (project.title, project_url(project)), ("Edit", "")),
    )


@login_required
def funding_settings(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=MANAGE)
    current = selectors.nearly_spent_percent(team)
    form = SettingsForm(request.POST or None, initial={"nearly_spent_percent": current})
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form,
            services.funding_settings_save,
            actor=request.user,
            partnership=team,
            nearly_spent_percent=form.cleaned_data["nearly_spent_percent"],
        )
        if ok:
            messages.success(request, "Saved the funding settings.")
            return redirect(reverse("projects:pots", args=[team.slug]))
    return form_page(
        request,
        form,
        partnership=team,
        page_title="Funding settings",
        submit_label="Save settings",
        cancel_url=reverse("projects:pots", args=[team.slug]),
        breadcrumbs=list_crumbs(team, ("Funding settings", "")),
    )
