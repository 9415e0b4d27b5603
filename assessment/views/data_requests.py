"""Partner data requests of an assessment (coordinators): who was asked for which figures, by when,
what came in; making and withdrawing requests; adding case-work totals as partner data."""

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from assessment import selectors
from assessment.partner_file import number_text
from assessment.partner_forms import DataRequestForm, SourceForm
from assessment.selectors import data_requests as request_selectors
from assessment.services import data_requests as services
from assessment.services.partner_data import ADDED, REPLACED, partner_values_save
from assessment.views.changes import _confirm
from assessment.views.common import assessment_crumbs
from core.access import Purpose
from core.errors import ServiceError
from partnership.selectors import organisations

MANAGE = Purpose.MANAGE


def _requests_url(assessment: Any) -> str:
    return reverse("assessment:data_requests", args=[assessment.partnership.slug, assessment.slug])


def _crumbs(assessment: Any, label: str) -> list[dict[str, str]]:
    crumbs = assessment_crumbs(assessment, label)
    crumbs.insert(-1, {"label": "Partner data requests", "url": _requests_url(assessment)})
    return crumbs


@login_required
def requests(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    found = request_selectors.assessment_requests(request.user, assessment)
    today = timezone.localdate()
    return render(
        request,
        "assessment/data_requests.html",
        {
            "assessment": assessment,
            "partnership": assessment.partnership,
            "rows": [(status, status.overdue(today)) for status in found],
            "page_title": f"Partner data requests: {assessment.title}",
            "breadcrumbs": assessment_crumbs(assessment, "Partner data requests"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_add(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    form = DataRequestForm(
        request.POST if request.method == "POST" else None,
        organisations=organisations(assessment.partnership),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.data_requests_create(
                assessment=assessment,
                actor=request.user,
                organisations=list(data["organisations"]),
                figures=data["figures"],
                due_date=data["due_date"],
            )
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            names = ", ".join(r.organisation.name for r in made)
            messages.success(
                request,
                f"Asked {names} for {len(data['figures'])} figures; their lead officers are e-mailed.",
            )
            return redirect(_requests_url(assessment))
    return render(
        request,
        "assessment/form.html",
        {
            "form": form,
            "partnership": assessment.partnership,
            "page_title": ("Error: " if form.errors else "") + "Ask organisations for figures",
            "button": "Send the request",
            "cancel_url": _requests_url(assessment),
            "breadcrumbs": _crumbs(assessment, "Ask for figures"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_withdraw(request: HttpRequest, partnership: str, slug: str, request_id: int) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    found = request_selectors.data_request(request.user, assessment, request_id, for_=MANAGE)

    def delete() -> str:
        services.data_request_delete(request=found, actor=request.user)
        return f"Request to {found.organisation.name} withdrawn."

    return _confirm(
        request,
        thing="data request",
        name=f"{found.organisation.name}, due {found.due_date:%d/%m/%Y}",
        caption=assessment.title,
        detail="Figures already uploaded stay; no more reminders are sent for this request.",
        cancel_url=_requests_url(assessment),
        delete=delete,
        breadcrumbs=_crumbs(assessment, "Withdraw a request"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def from_source(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    """Choose a source, year and organisation; see the values (and what they replace); add them."""
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    csp = assessment.partnership
    form = SourceForm(request.POST if request.method == "POST" else None, organisations=organisations(csp))
    checked = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            checked = services.partner_source_check(
                assessment=assessment,
                actor=request.user,
                source_key=data["source"],
                year=data["year"],
                organisation=data["organisation"],
            )
            if request.POST.get("confirm") == "yes":
                saved = partner_values_save(
                    partnership=csp,
                    actor=request.user,
                    checked=checked,
                    expected=json.loads(request.POST.get("basis") or "{}"),
                )
                messages.success(
                    request, f"Added the figures as {data['organisation'].name}'s: {saved.summary}."
                )
                return redirect("assessment:indicators", partnership=csp.slug)
        except (ServiceError, ValueError) as error:
            form.add_error(None, str(error))
            checked = None
    return render(
        request,
        "assessment/partner_source.html",
        {
            "form": form,
            "assessment": assessment,
            "partnership": csp,
            "checked": checked,
            "basis": json.dumps(checked.basis()) if checked else "",
            "rows": [
                (row, checked.outcome(row), number_text(checked.current.get(row.row))) for row in checked.rows
            ]
            if checked
            else [],
            "added": ADDED,
            "replaced": REPLACED,
            "page_title": ("Error: " if form.errors else "") + "Add computed figures as partner data",
            "breadcrumbs": _crumbs(assessment, "Computed figures"),
        },
    )
