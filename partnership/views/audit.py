"""The audit page: a partnership's data protection lead searches and exports its audit log.

Only holders of the data protection lead role in the partnership see it; everyone else, the
partnership's coordinators included, gets "not found".
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.middleware import private_response
from partnership import selectors_audit
from partnership.access import access_partnership_by_slug
from partnership.forms_audit import AuditFilterForm
from partnership.models import Grant
from partnership.views.pages import crumbs

PER_PAGE = 50


@login_required
def audit(request: HttpRequest, partnership: str) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, grant=Grant.DATA_PROTECTION_LEAD)
    form = AuditFilterForm(request.GET or None, record_types=selectors_audit.record_types(p))
    page = None
    if not form.is_bound or form.is_valid():
        filters = form.cleaned_data if form.is_bound else {}
        events = selectors_audit.audit_log_search(request.user, p, filters)
        page = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    return render(
        request,
        "partnership/audit.html",
        {
            "partnership": p,
            "form": form,
            "page": page,
            "query": urlencode(query),
            "page_title": "Audit log",
            "breadcrumbs": crumbs(p),
        },
    )


@login_required
def audit_export(request: HttpRequest, partnership: str) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, grant=Grant.DATA_PROTECTION_LEAD)
    form = AuditFilterForm(request.GET, record_types=selectors_audit.record_types(p))
    if not form.is_valid():
        context = {"partnership": p, "form": form, "page": None, "query": "", "page_title": "Audit log"}
        return render(request, "partnership/audit.html", {**context, "breadcrumbs": crumbs(p)}, status=400)
    text = selectors_audit.audit_log_csv(request.user, p, form.cleaned_data)
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    name = f"{p.slug}-audit-log-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return private_response(response)
