"""The partnership's case-work settings: case types (retention, risk questionnaire) and the list
of lawful bases for sharing without consent. CSU coordinators change them; case-work roles read."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from casework import access, selectors, services
from casework.forms import CaseTypeForm, LawfulBasisForm
from casework.views.common import case_work_view, crumbs
from core.access import NotFound, Purpose
from core.views import run_service
from partnership.models import Partnership


@case_work_view
def settings(request: HttpRequest, p: Partnership) -> HttpResponse:
    may_manage = access.is_csu_coordinator(request.user, p)
    form = LawfulBasisForm(request.POST or None)
    if request.method == "POST":
        if not may_manage:
            raise NotFound("No such page.")
        if form.is_valid():
            _, ok = run_service(
                form,
                services.lawful_basis_add,
                actor=request.user,
                partnership=p,
                name=form.cleaned_data["name"],
            )
            if ok:
                messages.success(request, "Lawful basis added.")
                return redirect("casework:settings", partnership=p.slug)
    return render(
        request,
        "casework/settings.html",
        {
            "partnership": p,
            "types": selectors.case_types(request.user, p),
            "bases": selectors.lawful_bases(request.user, p),
            "form": form,
            "may_manage": may_manage,
            "page_title": "Case-work settings",
            "breadcrumbs": crumbs(p),
        },
    )


@case_work_view
def case_type_edit(request: HttpRequest, p: Partnership, pk: int | None = None) -> HttpResponse:
    if not access.is_csu_coordinator(request.user, p):
        raise NotFound("No such page.")
    found = (
        access.access_case_type_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=p) if pk else None
    )
    initial = {}
    if found is not None:
        initial = {
            "name": found.name,
            "retention_years": found.retention_years,
            "questions": "\n".join(
                f"{q.get('weight', 1)} | {q.get('text', '')}" for q in found.risk_questions or []
            ),
            "medium_from": found.risk_medium_from,
            "high_from": found.risk_high_from,
        }
    form = CaseTypeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _, ok = run_service(
            form,
            services.case_type_save,
            actor=request.user,
            partnership=p,
            case_type=found,
            name=data["name"],
            retention_years=data["retention_years"],
            questions=data["questions"],
            medium_from=data["medium_from"],
            high_from=data["high_from"],
        )
        if ok:
            messages.success(request, "Case type saved.")
            return redirect("casework:settings", partnership=p.slug)
    settings_url = reverse("casework:settings", args=[p.slug])
    return render(
        request,
        "casework/form.html",
        {
            "partnership": p,
            "form": form,
            "page_title": f"Change the case type {found.name}" if found else "Add a case type",
            "breadcrumbs": crumbs(p, ("Settings", settings_url)),
            "cancel": settings_url,
        },
    )
