"""The data protection lead's pages: cases due for retention review (anonymise or delete), and a
person's subject access export as JSON and PDF."""

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from casework import access, services_retention
from casework.views.common import case_work_view, crumbs
from core.access import NotFound
from core.documents.pdf import html_to_pdf
from core.middleware import private_response
from core.views import run_service
from partnership.models import Partnership


def _dpo_only(request: HttpRequest, p: Partnership) -> None:
    if not access.is_data_protection_lead(request.user, p):
        raise NotFound("No such page.")


@case_work_view
def retention(request: HttpRequest, p: Partnership) -> HttpResponse:
    _dpo_only(request, p)
    return render(
        request,
        "casework/retention.html",
        {
            "partnership": p,
            "due": services_retention.retention_due(request.user, p),
            "page_title": "Cases due for retention review",
            "breadcrumbs": crumbs(p),
        },
    )


@case_work_view
def retention_case(request: HttpRequest, p: Partnership, pk: int) -> HttpResponse:
    _dpo_only(request, p)
    case = access.access_case_by_id(request.user, pk, partnership=p)
    due = next((d for d in services_retention.retention_due(request.user, p) if d.case.pk == case.pk), None)
    if due is None:
        raise NotFound("No such page.")
    error = ""
    if request.method == "POST":
        choice = request.POST.get("action")
        service = {
            "anonymise": services_retention.case_retention_anonymise,
            "delete": services_retention.case_retention_delete,
        }.get(choice or "")
        if service is None:
            error = "Choose whether to anonymise or delete the case."
        else:
            counts, _ = run_service(None, service, actor=request.user, case=case)
            done = "anonymised" if choice == "anonymise" else "deleted"
            made = ", ".join(f"{n} {what}" for what, n in (counts or {}).items())
            messages.success(request, f"Case {case.reference} {done} ({made}).")
            return redirect("casework:retention", partnership=p.slug)
    return render(
        request,
        "casework/retention_case.html",
        {
            "partnership": p,
            "case": case,
            "due": due,
            "error": error,
            "page_title": f"Retention review of case {case.reference}",
            "breadcrumbs": crumbs(p, ("Retention review", reverse("casework:retention", args=[p.slug]))),
        },
    )


@case_work_view
def subject_access(request: HttpRequest, p: Partnership, pk: int, fmt: str) -> HttpResponse:
    _dpo_only(request, p)
    if fmt not in ("json", "pdf"):
        raise NotFound("No such page.")
    person = access.access_person_by_id(request.user, pk, partnership=p)
    data, _ = run_service(None, services_retention.subject_access, actor=request.user, person=person)
    name = f"subject-access-P{person.pk:06d}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    else:
        html = render_to_string("casework/subject_access_pdf.html", {"data": data, "partnership": p})
        response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)
