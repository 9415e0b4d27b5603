"""Pages to download a plan year's action plan (any member) and import one (coordinators)."""

import base64
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.access import Purpose
from core.errors import ServiceError
from planning import access, selectors
from planning.action_io import (
    COLUMNS,
    REF,
    ActionImportError,
    ValidatedImport,
    action_plan_columns,
    action_plan_csv,
    action_plan_import,
    action_plan_validate,
    action_plan_xlsx,
    export_filename,
)
from planning.action_io.common import APPROACH, DUE_DATE, LEAD, OWNERS, SUPPORTING, TARGET
from planning.models import OwnerLayout, PeriodCode, PlanYear, Theme

MAX_BYTES = 2 * 1024 * 1024
SESSION_KEY = "planning_io_import"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Action plan file",
        help_text="A CSV file (UTF-8 or Windows-1252) or an Excel workbook (.xlsx) whose first row has "
        f"the headings {REF} (as exported), "
        + ", ".join(COLUMNS)
        + f", or {LEAD} and {SUPPORTING} in place of {OWNERS}; {APPROACH}, {TARGET} and {DUE_DATE} are optional.",
        widget=forms.FileInput(attrs={"accept": f".csv,.xlsx,text/csv,{XLSX_TYPE}"}),
        error_messages={
            "required": "Choose a CSV or Excel file to import",
            "empty": "The chosen file is empty",
        },
    )
    period = forms.ChoiceField(
        label="Reporting period of the Update and Status cells",
        choices=[("", "None: the file has no updates or statuses"), *PeriodCode.choices],
        required=False,
    )
    replace = forms.BooleanField(
        label="Remove this plan year's actions before importing (only while none of them has an update)",
        required=False,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB; an action plan file is much smaller.")
        return upload


def _coordinator_year(request: HttpRequest, partnership: str, year: str) -> PlanYear:
    return selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)


def _context(plan_year: PlanYear, title: str, **extra: Any) -> dict[str, Any]:
    partnership = plan_year.partnership
    return {
        "partnership": partnership,
        "plan_year": plan_year,
        "page_title": title,
        "breadcrumbs": [
            {
                "label": f"Dashboard {plan_year.label}",
                "url": reverse(
                    "planning:dashboard_year",
                    kwargs={"partnership": partnership.slug, "year": plan_year.slug},
                ),
            },
        ],
        **extra,
    }


@login_required
def index(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    """Download links for any member, the import button for coordinators (current year by default)."""
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    context = _context(
        plan_year,
        f"Import and export the action plan {plan_year.label}",
        columns=action_plan_columns(plan_year),
        lead_layout=plan_year.owner_layout == OwnerLayout.LEAD_SUPPORTING,
        themes=selectors.themes(request.user, plan_year.partnership),
        can_import=access.can_manage_plan(request.user, plan_year),
        action_count=selectors.action_count(plan_year),
        other_years=selectors.plan_years(plan_year.partnership).exclude(pk=plan_year.pk),
    )
    return render(request, "planning/io/index.html", context)


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _theme(request: HttpRequest, plan_year: PlanYear) -> Theme | None:
    """The cross-cutting theme chosen on the page (`?theme=<id>`), through its door; blank for all."""
    chosen = request.GET.get("theme", "")
    return selectors.theme_for(request.user, plan_year.partnership, chosen) if chosen else None


@login_required
def export_csv(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    theme = _theme(request, plan_year)
    selectors.audit_export(request.user, plan_year, "csv", theme=theme)
    return _download(
        action_plan_csv(plan_year, theme), "text/csv; charset=utf-8", export_filename(plan_year, "csv", theme)
    )


@login_required
def export_xlsx(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    theme = _theme(request, plan_year)
    selectors.audit_export(request.user, plan_year, "xlsx", theme=theme)
    return _download(action_plan_xlsx(plan_year, theme), XLSX_TYPE, export_filename(plan_year, "xlsx", theme))


def _with_problems(form: ImportForm, problems: list[Any]) -> ImportForm:
    for problem in problems:
        form.add_error(None, str(problem))
    count = len(problems)
    form.add_error(
        "file",
        f"The file has {count} problem{'s' if count != 1 else ''}: fix {'them' if count != 1 else 'it'} and upload the file again.",
    )
    return form


@login_required
def import_upload(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = _coordinator_year(request, partnership, year)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data["file"].read()
        period_code = form.cleaned_data["period"] or None
        replace = form.cleaned_data["replace"]
        checked = action_plan_validate(plan_year, data, period_code, replace=replace)
        if not checked.problems:
            request.session[SESSION_KEY] = {
                "plan_year": plan_year.pk,
                "data": base64.b64encode(data).decode("ascii"),
                "period": period_code,
                "replace": replace,
                "name": form.cleaned_data["file"].name,
                "basis": checked.basis(),
            }
            return render(request, "planning/io/import_preview.html", _preview(plan_year, checked, form))
        _with_problems(form, checked.problems)
    title = ("Error: " if form.errors else "") + f"Import actions into {plan_year.label}"
    return render(request, "planning/io/import.html", _context(plan_year, title, form=form, columns=COLUMNS))


def _preview(plan_year: PlanYear, checked: ValidatedImport, form: ImportForm) -> dict[str, Any]:
    existing = {p.title.strip().lower() for p in selectors.priorities(plan_year)}
    return _context(
        plan_year,
        "Check the actions before importing them",
        checked=checked,
        summary=checked.summary(apply_changes=False),
        summary_applied=checked.summary(apply_changes=True),
        rows=[(row, row.outcome(False)) for row in checked.rows],
        file_name=form.cleaned_data["file"].name,
        replace=checked.replace,
        action_count=selectors.action_count(plan_year),
        new_priorities=[t for t in checked.new_priorities if t.strip().lower() not in existing],
        new_approaches=checked.new_approaches(plan_year),
        update_count=sum(1 for r in checked.rows if r.has_update),
    )


@login_required
@require_POST
def import_confirm(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = _coordinator_year(request, partnership, year)
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("plan_year") != plan_year.pk:
        messages.error(
            request, "There is no file waiting to be imported into this plan year: upload it again."
        )
        return redirect("planning_io:import", partnership=partnership, year=year)
    try:
        result = action_plan_import(
            plan_year=plan_year,
            data=base64.b64decode(pending["data"]),
            actor=request.user,
            period_code=pending["period"],
            replace=pending["replace"],
            apply_changes=request.POST.get("apply_changes") == "on",
            expected_basis=pending.get("basis", {}),
        )
    except ActionImportError as error:
        form = ImportForm(data={"period": pending["period"] or "", "replace": pending["replace"]})
        form.errors.pop("file", None)  # the file is known; its rows are what is wrong
        _with_problems(form, error.problems)
        title = f"Error: Import actions into {plan_year.label}"
        return render(
            request, "planning/io/import.html", _context(plan_year, title, form=form, columns=COLUMNS)
        )
    except ServiceError as error:  # someone changed the plan since the check: nothing was saved
        del request.session[SESSION_KEY]
        messages.error(request, str(error))
        return redirect("planning_io:import", partnership=partnership, year=year)
    del request.session[SESSION_KEY]
    removed = f"Removed {result.removed} actions, then imported" if result.removed else "Imported"
    messages.success(
        request,
        f"{removed} {pending['name']} into {plan_year.label}: {result.summary} "
        f"({result.priorities_created} new priorities, {result.approaches_created} new approaches, "
        f"{result.updates} updates recorded).",
    )
    return redirect("planning_io:index", partnership=partnership, year=year)
