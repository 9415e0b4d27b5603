"""The year's case-work totals (ADR 0031): counts only, for coordinators, lead officers and
case-work roles, outside the case-work door (no case detail, so no two-factor sign-in); breakdowns
below partnership-year level suppress small numbers. Anyone else gets "not found"."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from casework import selectors_totals, totals_export
from core.access import NotFound
from core.audit import audit_record
from core.models import AuditEventType
from planning.access import access_plan_year
from planning.models import PlanYear


def _plan_year(request: HttpRequest, partnership: str, year: str) -> PlanYear:
    plan_year = access_plan_year(request.user, partnership, year)
    if not selectors_totals.may_see_totals(request.user, plan_year.partnership):
        raise NotFound("No such page.")
    return plan_year


@login_required
def totals(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = _plan_year(request, partnership, year)
    page = selectors_totals.totals_page(request.user, plan_year)
    p = plan_year.partnership
    return render(
        request,
        "casework/totals.html",
        {
            "partnership": p,
            "page": page,
            "rows": list(
                zip(page.breakdown.row_labels, page.breakdown.cells, page.breakdown.row_totals, strict=True)
            ),
            "page_title": f"Case-work totals {plan_year.label}",
            "breadcrumbs": [
                {"label": p.name, "url": reverse("planning:dashboard", args=[p.slug])},
                {"label": f"Case-work totals {plan_year.label}", "url": ""},
            ],
        },
    )


@login_required
def totals_download(request: HttpRequest, partnership: str, year: str, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise NotFound("No such download.")
    plan_year = _plan_year(request, partnership, year)
    page = selectors_totals.totals_page(request.user, plan_year, audit=False)
    audit_record(
        actor=request.user,
        event=AuditEventType.EXPORTED,
        partnership=plan_year.partnership,
        object_type="casework.case",
        purpose="case-work totals download",
        detail={"year": plan_year.slug, "format": fmt},
    )
    name = f"case-work-totals-{plan_year.partnership.slug}-{plan_year.slug}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(totals_export.as_csv(page), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            totals_export.as_xlsx(page),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
