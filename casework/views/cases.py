"""Case list and search, the case page, opening and changing a case, the person page."""

import csv
import io
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from casework import access, rules, selectors, services
from casework.forms import CaseEditForm, CaseForm, CaseSearchForm, PersonForm
from casework.views.common import case_url, case_work_view, crumbs
from core.access import Purpose
from core.audit import audit_record
from core.middleware import private_response
from core.models import AuditEventType
from core.text import spreadsheet_safe
from core.views import run_service
from partnership.models import Partnership


@case_work_view
def cases(request: HttpRequest, p: Partnership) -> HttpResponse:
    """The cases the person may see, searched by name, words or reference (audited with its terms)."""
    form = CaseSearchForm(request.GET or None, types=selectors.case_types(request.user, p))
    terms = form.cleaned_data if form.is_valid() else {}
    found = selectors.case_search(
        request.user,
        p,
        text=terms.get("q", ""),
        status=terms.get("status", ""),
        case_type=terms.get("case_type", ""),
    )
    role = access.role_in(request.user, p)
    may_open = role is not None and bool(role.grants & {"case_worker", "csu_coordinator"})
    return render(
        request,
        "casework/cases.html",
        {
            "partnership": p,
            "form": form,
            "cases": list(found[:200]),
            "count": found.count(),
            "tasks": selectors.my_open_tasks(request.user, p),
            "today": rules_today(),
            "may_open": may_open,
            "is_dpo": access.is_data_protection_lead(request.user, p),
            "page_title": "Case work",
            "breadcrumbs": crumbs(p)[:1],
        },
    )


def rules_today() -> Any:
    from django.utils import timezone

    return timezone.localdate()


def _case_form_kwargs(request: HttpRequest, p: Partnership) -> dict[str, Any]:
    return {
        "types": selectors.case_types(request.user, p),
        "organisations": selectors.organisations(request.user, p),
        "places": selectors.places(request.user, p),
    }


@case_work_view
def case_create(request: HttpRequest, p: Partnership) -> HttpResponse:
    role = access.role_in(request.user, p)
    initial = {"lead_organisation": role.organisation_id if role else None, "opened_on": rules_today()}
    form = CaseForm(request.POST or None, initial=initial, **_case_form_kwargs(request, p))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case, ok = run_service(
            form,
            services.case_create,
            actor=request.user,
            partnership=p,
            case_type=data["case_type"],
            summary=data["summary"],
            lead_organisation=data["lead_organisation"],
            opened_on=data["opened_on"],
            involved=data["involved"],
            places=data["places"],
        )
        if ok and case is not None:
            messages.success(request, f"Case {case.reference} opened.")
            return redirect(case_url(p, case.pk))
    return render(
        request,
        "casework/form.html",
        {
            "partnership": p,
            "form": form,
            "page_title": "Open a case",
            "breadcrumbs": crumbs(p),
            "submit": "Open the case",
        },
    )


@case_work_view
def case_detail(request: HttpRequest, p: Partnership, pk: int) -> HttpResponse:
    case = access.access_case_by_id(request.user, pk, partnership=p)
    file = selectors.case_file(request.user, case)
    may_manage = access.cases_visible_to(request.user, for_=Purpose.MANAGE).filter(pk=case.pk).exists()
    may_report = access.cases_visible_to(request.user, for_=Purpose.REPORT).filter(pk=case.pk).exists()
    cpns = [e for e in file.enforcements if e.kind == "cpn"]
    return render(
        request,
        "casework/case.html",
        {
            "partnership": p,
            "case": case,
            "file": file,
            "risk": file.risk[0] if file.risk else None,
            "appeal_last_days": {e.pk: rules.cpn_appeal_last_day(e.issued_on) for e in cpns},
            "proceedings_from": {
                e.pk: rules.fpn_proceedings_from(e.issued_on) for e in file.enforcements if e.kind == "fpn"
            },
            "today": rules_today(),
            "may_manage": may_manage,
            "may_report": may_report,
            "is_dpo": access.is_data_protection_lead(request.user, p),
            "page_title": f"Case {case.reference}",
            "breadcrumbs": crumbs(p),
        },
    )


@case_work_view
def case_edit(request: HttpRequest, p: Partnership, pk: int) -> HttpResponse:
    case = access.access_case_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=p)
    initial = {
        "summary": case.summary,
        "case_type": case.case_type_id,
        "lead_organisation": case.lead_organisation_id,
        "involved": [o.pk for o in selectors.case_file(request.user, case).involved],
        "places": [pl.pk for pl in selectors.case_file(request.user, case).places],
        "status": case.status,
        "closed_reason": case.closed_reason,
        "closed_on": case.closed_on,
    }
    form = CaseEditForm(request.POST or None, initial=initial, **_case_form_kwargs(request, p))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _, ok = run_service(
            form,
            services.case_update,
            actor=request.user,
            case=case,
            summary=data["summary"],
            case_type=data["case_type"],
            lead_organisation=data["lead_organisation"],
            involved=data["involved"],
            places=data["places"],
            status=data["status"],
            closed_reason=data["closed_reason"],
            closed_on=data["closed_on"],
        )
        if ok:
            messages.success(request, f"Case {case.reference} saved.")
            return redirect(case_url(p, case.pk))
    return render(
        request,
        "casework/form.html",
        {
            "partnership": p,
            "form": form,
            "case": case,
            "page_title": f"Change case {case.reference}",
            "breadcrumbs": crumbs(p, (f"Case {case.reference}", case_url(p, case.pk))),
            "submit": "Save",
        },
    )


@case_work_view
def person_detail(request: HttpRequest, p: Partnership, pk: int) -> HttpResponse:
    person = access.access_person_by_id(request.user, pk, partnership=p)
    return render(
        request,
        "casework/person.html",
        {
            "partnership": p,
            "person": person,
            "links": selectors.person_cases(request.user, person),
            "enforcements": selectors.person_enforcements(request.user, person),
            "is_dpo": access.is_data_protection_lead(request.user, p),
            "may_change": access.people_visible_to(request.user, for_=Purpose.REPORT)
            .filter(pk=person.pk)
            .exists(),
            "page_title": str(person),
            "breadcrumbs": crumbs(p),
        },
    )


@case_work_view
def person_edit(request: HttpRequest, p: Partnership, pk: int) -> HttpResponse:
    person = access.access_person_by_id(request.user, pk, for_=Purpose.REPORT, partnership=p)
    initial = {name: getattr(person, name) for name in services.PERSON_FIELDS if name != "lawful_basis"}
    initial["lawful_basis"] = person.lawful_basis_id
    form = PersonForm(request.POST or None, initial=initial, bases=selectors.lawful_bases(request.user, p))
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.person_update, actor=request.user, person=person, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"{person} saved.")
            return redirect(reverse("casework:person", args=[p.slug, person.pk]))
    return render(
        request,
        "casework/form.html",
        {
            "partnership": p,
            "form": form,
            "page_title": f"Change {person}",
            "breadcrumbs": crumbs(p, (str(person), reverse("casework:person", args=[p.slug, person.pk]))),
            "submit": "Save",
        },
    )


@case_work_view
def cases_export(request: HttpRequest, p: Partnership) -> HttpResponse:
    """The cases the person can see, with the same search, as CSV (no people's details); one
    `exported` audit event with the terms."""
    form = CaseSearchForm(request.GET or None, types=selectors.case_types(request.user, p))
    terms = form.cleaned_data if form.is_valid() else {}
    found = selectors.case_search(
        request.user,
        p,
        text=terms.get("q", ""),
        status=terms.get("status", ""),
        case_type=terms.get("case_type", ""),
    )
    rows = list(found)
    audit_record(
        actor=request.user,
        event=AuditEventType.EXPORTED,
        partnership=p,
        object_type="casework.case",
        purpose="case list export",
        detail={**{k: v for k, v in terms.items() if v}, "cases": len(rows)},
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "Reference",
            "Type",
            "Description",
            "Lead organisation",
            "Opened",
            "Status",
            "Closed",
            "Example data",
        ]
    )
    for case in rows:
        writer.writerow(
            [
                spreadsheet_safe(value)
                for value in (
                    case.reference,
                    case.case_type.name,
                    case.summary,
                    case.lead_organisation.name,
                    case.opened_on.isoformat(),
                    case.get_status_display(),
                    case.closed_on.isoformat() if case.closed_on else "",
                    "yes" if case.example else "no",
                )
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{p.slug}-cases-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    return private_response(response)


@case_work_view
def duplicates(request: HttpRequest, p: Partnership) -> HttpResponse:
    return render(
        request,
        "casework/duplicates.html",
        {
            "partnership": p,
            "pairs": selectors.duplicate_suggestions(request.user, p),
            "page_title": "Possible duplicate people",
            "breadcrumbs": crumbs(p),
        },
    )


@case_work_view
def person_merge(request: HttpRequest, p: Partnership, pk: int, other: int) -> HttpResponse:
    keep = access.access_person_by_id(request.user, pk, for_=Purpose.REPORT, partnership=p)
    merge = access.access_person_by_id(request.user, other, for_=Purpose.REPORT, partnership=p)
    if request.method == "POST":
        kept, _ = run_service(None, services.person_merge, actor=request.user, keep=keep, merge=merge)
        messages.success(request, f"{merge} merged into {kept}.")
        return redirect("casework:person", partnership=p.slug, pk=keep.pk)
    return render(
        request,
        "casework/merge.html",
        {
            "partnership": p,
            "keep": keep,
            "merge": merge,
            "page_title": f"Merge {merge} into {keep}",
            "breadcrumbs": crumbs(p, ("Possible duplicates", reverse("casework:duplicates", args=[p.slug]))),
        },
    )
