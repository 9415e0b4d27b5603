"""Partner indicator upload (CSV or XLSX): check the whole file, show what it changes, then save."""

import base64
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from assessment import access, selectors
from assessment.partner_file import HEADINGS, number_text
from assessment.partner_forms import UploadForm
from assessment.services.partner_data import (
    ADDED,
    REPLACED,
    CheckedUpload,
    PartnerUploadError,
    partner_values_import,
    partner_values_validate,
    rows_between,
)
from assessment.views.common import indicator_crumbs
from core.access import NotFound
from core.errors import ServiceError
from partnership.selectors import organisations

SESSION_KEY = "assessment_partner_upload"


def _uploader(request: HttpRequest, partnership: str) -> Any:
    csp = selectors.partnership(request.user, partnership)
    if not access.can_enter_indicators(request.user, csp):
        raise NotFound("No such page.")
    return csp


def _page(request: HttpRequest, csp: Any, form: UploadForm, problems: list[str]) -> HttpResponse:
    allowed = access.indicator_organisation_ids(request.user, csp)
    own = None if allowed is None else organisations(csp).filter(pk__in=allowed).first()
    return render(
        request,
        "assessment/partner_upload.html",
        {
            "form": form,
            "partnership": csp,
            "problems": problems,
            "headings": HEADINGS,
            "own_organisation": own,
            "page_title": ("Error: " if form.errors or problems else "") + "Upload partner indicators",
            "breadcrumbs": indicator_crumbs(csp, "Upload figures"),
        },
    )


def _problem_lines(name: str, problems: list[Any]) -> list[str]:
    return [f"{name}: {problem}" for problem in problems]


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, partnership: str) -> HttpResponse:
    csp = _uploader(request, partnership)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        upload_file = form.cleaned_data["file"]
        data = upload_file.read()
        checked = partner_values_validate(partnership=csp, actor=request.user, data=data)
        if not checked.problems:
            request.session[SESSION_KEY] = {
                "partnership": csp.pk,
                "data": base64.b64encode(data).decode("ascii"),
                "name": upload_file.name,
                "basis": checked.basis(),
            }
            return _preview(request, csp, checked, upload_file.name)
        count = len(checked.problems)
        form.add_error("file", f"The file has {count} problem{'s' if count != 1 else ''}: nothing was saved.")
        return _page(request, csp, form, _problem_lines(upload_file.name, checked.problems))
    return _page(request, csp, form, [])


def _preview(request: HttpRequest, csp: Any, checked: CheckedUpload, name: str) -> HttpResponse:
    return render(
        request,
        "assessment/partner_upload_confirm.html",
        {
            "partnership": csp,
            "file_name": name,
            "checked": checked,
            "rows": [
                (row, checked.outcome(row), number_text(checked.current.get(row.row)))
                for row in rows_between(checked.rows)
            ],
            "added": ADDED,
            "replaced": REPLACED,
            "page_title": "Check the figures before saving them",
            "breadcrumbs": indicator_crumbs(csp, "Check the figures"),
        },
    )


@login_required
@require_POST
def upload_confirm(request: HttpRequest, partnership: str) -> HttpResponse:
    csp = _uploader(request, partnership)
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("partnership") != csp.pk:
        messages.error(request, "There is no file waiting to be saved: upload it again.")
        return redirect("assessment:partner_upload", partnership=csp.slug)
    try:
        saved = partner_values_import(
            partnership=csp,
            actor=request.user,
            data=base64.b64decode(pending["data"]),
            expected=pending["basis"],
        )
    except PartnerUploadError as error:
        del request.session[SESSION_KEY]
        form = UploadForm(data={})
        form.errors.clear()
        return _page(request, csp, form, _problem_lines(pending["name"], error.problems))
    except ServiceError as error:
        del request.session[SESSION_KEY]
        messages.error(request, str(error))
        return redirect("assessment:partner_upload", partnership=csp.slug)
    del request.session[SESSION_KEY]
    messages.success(request, f"Saved the figures of {pending['name']}: {saved.summary}.")
    return redirect("assessment:indicators", partnership=csp.slug)
