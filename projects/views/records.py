"""The forms on a project's page: status, allocations, spend, outputs, monitoring notes, the
evaluation, quotes and photographs, and the coordinator's approvals."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.access import Purpose
from core.errors import ServiceError
from core.views import run_service
from projects import access, selectors, services, services_reporting
from projects.forms import (
    EvaluationForm,
    MonitoringNoteForm,
    OutputForm,
    OutputValueForm,
    PhotoForm,
    QuoteForm,
    SpendForm,
    TransitionForm,
)
from projects.models import Project
from projects.views.common import form_page, list_crumbs, open_project, project_url
from publishing.storage import private_file_response

MANAGE, REPORT = Purpose.MANAGE, Purpose.REPORT


def _project_form(
    request: HttpRequest,
    partnership: str,
    pk: int,
    *,
    for_: Purpose,
    form_class: Callable[..., forms.Form],
    service: Callable[..., Any],
    title: str,
    submit: str,
    done: str,
    form_kwargs: Callable[[Project], dict[str, Any]] | None = None,
    service_kwargs: Callable[[Project, dict[str, Any]], dict[str, Any]] | None = None,
    initial: Callable[[Project], dict[str, Any]] | None = None,
    intro: str = "",
) -> HttpResponse:
    """A form on a project's page: open the project for `for_`, run the service, back to the project."""
    project = open_project(request, partnership, pk, for_)
    extra = form_kwargs(project) if form_kwargs else {}
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **extra)
    else:
        form = form_class(initial=initial(project) if initial else None, **extra)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        kwargs = service_kwargs(project, data) if service_kwargs else {"project": project, **data}
        _, ok = run_service(form, service, actor=request.user, **kwargs)
        if ok:
            messages.success(request, done)
            return redirect(project_url(project))
    team = project.plan_year.partnership
    return form_page(
        request,
        form,
        partnership=team,
        project=project,
        page_title=title,
        intro=intro,
        submit_label=submit,
        multipart=any(isinstance(f, forms.FileField) for f in form.fields.values()),
        cancel_url=project_url(project),
        breadcrumbs=list_crumbs(team, (project.title, project_url(project)), (submit, "")),
    )


@login_required
def project_status(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    def kwargs(project: Project, data: dict[str, Any]) -> dict[str, Any]:
        return {"project": project, "to": data["to"], "note": data["note"]}

    return _project_form(
        request,
        partnership,
        pk,
        for_=MANAGE,
        form_class=TransitionForm,
        service=services.project_transition,
        title="Change the project's status",
        submit="Change status",
        done="Changed the project's status.",
        form_kwargs=lambda project: {"current": project.status},
        service_kwargs=kwargs,
    )


@login_required
def allocation_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    from projects.forms import AllocationForm

    return _project_form(
        request,
        partnership,
        pk,
        for_=MANAGE,
        form_class=AllocationForm,
        service=services.allocation_record,
        title="Allocate money to the project",
        submit="Record allocation",
        done="Recorded the allocation.",
        form_kwargs=lambda project: {"pots": selectors.fundable_pots(request.user, project)},
        initial=lambda project: {"date": timezone.localdate()},
        intro="An allocation that takes the pot below zero is refused unless you give a reason to override; "
        "the project then shows as overspent.",
    )


@login_required
def spend_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    def kwargs(project: Project, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "allocation": data["allocation"],
            "amount": data["amount"],
            "date": data["date"],
            "description": data["description"],
            "evidence": data["evidence"] or None,
            "override_reason": data["override_reason"],
        }

    return _project_form(
        request,
        partnership,
        pk,
        for_=REPORT,
        form_class=SpendForm,
        service=services.spend_record,
        title="Record spend",
        submit="Record spend",
        done="Recorded the spend.",
        form_kwargs=lambda project: {"allocations": selectors.allocations_of(request.user, project)},
        service_kwargs=kwargs,
        initial=lambda project: {"date": timezone.localdate()},
        intro="Spend more than is left of its allocation is refused unless you give a reason to override; "
        "the project then shows as overspent.",
    )


@login_required
def spend_evidence(request: HttpRequest, partnership: str, pk: int, spend_id: int) -> HttpResponseBase:
    project = open_project(request, partnership, pk)
    spend = access.access_spend_by_id(request.user, spend_id, project=project)
    if not spend.evidence:
        raise Http404("No evidence.")
    return private_file_response(
        spend.evidence, filename=f"evidence-{spend.pk}{Path(spend.evidence.name or '').suffix}"
    )


@login_required
def output_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    return _project_form(
        request,
        partnership,
        pk,
        for_=REPORT,
        form_class=OutputForm,
        service=services_reporting.output_add,
        title="Add an output",
        submit="Add output",
        done="Added the output.",
    )


@login_required
def output_value_create(request: HttpRequest, partnership: str, pk: int, output_id: int) -> HttpResponse:
    project = open_project(request, partnership, pk, REPORT)
    output = access.access_project_output_by_id(request.user, output_id, for_=REPORT, project=project)
    return _project_form(
        request,
        partnership,
        pk,
        for_=REPORT,
        form_class=OutputValueForm,
        service=services_reporting.output_value_record,
        title=f"Record a value of “{output.measure.name}”",
        submit="Record value",
        done="Recorded the value.",
        service_kwargs=lambda project, data: {"output": output, **data},
    )


@login_required
def note_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    return _project_form(
        request,
        partnership,
        pk,
        for_=REPORT,
        form_class=MonitoringNoteForm,
        service=services_reporting.monitoring_note_add,
        title="Add a monitoring note",
        submit="Add note",
        done="Added the monitoring note.",
        initial=lambda project: {"date": timezone.localdate()},
    )


@login_required
def evaluation_edit(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    def initial(project: Project) -> dict[str, Any]:
        found = selectors.project_page(request.user, project).evaluation
        if found is None:
            return {}
        return {name: getattr(found, name) for name in ("delivered", "outcomes", "learned", "fund_again")}

    return _project_form(
        request,
        partnership,
        pk,
        for_=REPORT,
        form_class=EvaluationForm,
        service=services_reporting.evaluation_save,
        title="The project's evaluation",
        submit="Save evaluation",
        done="Saved the evaluation; the coordinator approves it before it is published.",
        initial=initial,
        intro="The coordinator approves the evaluation before it is published; a change after approval "
        "needs approving again.",
    )


@login_required
def quote_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    return _project_form(
        request,
        partnership,
        pk,
        for_=REPORT,
        form_class=QuoteForm,
        service=services_reporting.quote_add,
        title="Add a quote",
        submit="Add quote",
        done="Added the quote; the coordinator approves it before it is published.",
    )


@login_required
def photo_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    return _project_form(
        request,
        partnership,
        pk,
        for_=REPORT,
        form_class=PhotoForm,
        service=services_reporting.photo_add,
        title="Add a photograph",
        submit="Add photograph",
        done="Added the photograph; the coordinator approves it before it is published.",
    )


@login_required
def photo_image(request: HttpRequest, partnership: str, pk: int, photo_id: int) -> HttpResponseBase:
    project = open_project(request, partnership, pk)
    photo = access.access_project_photo_by_id(request.user, photo_id, project=project)
    return private_file_response(
        photo.image, filename=f"photo-{photo.pk}{Path(photo.image.name or '').suffix}"
    )


def _approve(
    request: HttpRequest, project: Project, service: Callable[..., Any], done: str, **kwargs: Any
) -> HttpResponse:
    try:
        run_service(None, service, actor=request.user, **kwargs)
    except ServiceError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, done)
    return redirect(project_url(project))


@login_required
@require_POST
def evaluation_approve(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    project = open_project(request, partnership, pk, MANAGE)
    evaluation = selectors.project_page(request.user, project).evaluation
    if evaluation is None:
        raise Http404("No evaluation yet.")
    return _approve(
        request,
        project,
        services_reporting.evaluation_approve,
        "Approved the evaluation.",
        evaluation=evaluation,
    )


@login_required
@require_POST
def quote_approve(request: HttpRequest, partnership: str, pk: int, quote_id: int) -> HttpResponse:
    project = open_project(request, partnership, pk, MANAGE)
    quote = access.access_project_quote_by_id(request.user, quote_id, for_=MANAGE, project=project)
    return _approve(request, project, services_reporting.quote_approve, "Approved the quote.", quote=quote)


@login_required
@require_POST
def photo_approve(request: HttpRequest, partnership: str, pk: int, photo_id: int) -> HttpResponse:
    project = open_project(request, partnership, pk, MANAGE)
    photo = access.access_project_photo_by_id(request.user, photo_id, for_=MANAGE, project=project)
    return _approve(
        request, project, services_reporting.photo_approve, "Approved the photograph.", photo=photo
    )
