"""Site administrators' pages for installation-wide crime data: police.uk uploads with progress,
the list of imported force-months, and reference-table uploads. Everyone else gets 404."""

import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core.errors import ServiceError
from crimedata import access, boundaries, cleanup, reference, selectors, services
from crimedata.forms import (
    BoundariesUploadForm,
    LookupUploadForm,
    PopulationUploadForm,
    StreetUploadForm,
    WeightsUploadForm,
)

REFERENCE_FORMS: dict[str, type[forms.Form]] = {
    "lookup": LookupUploadForm, "population": PopulationUploadForm, "weights": WeightsUploadForm,
    "boundaries": BoundariesUploadForm,
}  # fmt: skip


def _crumbs() -> list[dict[str, str]]:
    return [{"label": "Crime data", "url": reverse("crimedata:index")}]


def _admin_only(request: HttpRequest) -> None:
    if not access.can_manage_crime_data(request.user):
        raise Http404("Not found")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    cleanup.dead_runs_fail()
    context = {
        "page_title": "Crime data",
        "force_months": selectors.force_months_for(request.user)[:600],
        "totals": selectors.import_totals(request.user),
        "runs": selectors.recent_runs_for(request.user),
    }
    return render(request, "crimedata/index.html", context)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    _admin_only(request)
    form = StreetUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = services.import_run_create(user=request.user, upload=form.cleaned_data["file"])
        except ServiceError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("crimedata:run", run_id=run.pk)
    return render(
        request,
        "crimedata/upload.html",
        {"form": form, "page_title": "Import police.uk street data", "breadcrumbs": _crumbs()},
    )


@login_required
def run(request: HttpRequest, run_id: int) -> HttpResponse:
    cleanup.dead_runs_fail()  # a run whose worker died says so instead of "running" for ever
    import_run = selectors.import_run_for(request.user, run_id)
    template = "crimedata/_run_status.html" if request.headers.get("HX-Request") else "crimedata/run.html"
    return render(
        request,
        template,
        {"run": import_run, "page_title": f"Import of {import_run.file_name}", "breadcrumbs": _crumbs()},
    )


@login_required
def reference_upload(request: HttpRequest, kind: str = "lookup") -> HttpResponse:
    _admin_only(request)
    bound = {
        name: cls(request.POST or None, request.FILES or None, prefix=name)
        if request.method == "POST" and name == kind
        else cls(prefix=name)
        for name, cls in REFERENCE_FORMS.items()
    }
    if kind not in REFERENCE_FORMS:
        raise Http404("Not found")
    form = bound[kind]
    if request.method == "POST" and form.is_valid():
        try:
            message = _save_reference(request, kind, form.cleaned_data)
        except ServiceError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, message)
            return redirect(reverse("crimedata:reference"))
    return render(
        request,
        "crimedata/reference.html",
        {"forms": bound, "page_title": "Reference data", "breadcrumbs": _crumbs()},
    )


def _save_reference(request: HttpRequest, kind: str, data: dict) -> str:
    upload = data["file"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "upload.csv"
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        display = Path(upload.name).name
        if kind == "lookup":
            count = reference.lsoa_lookup_import(user=request.user, path=path, display=display)
            return f"Imported {count:,} LSOA to district rows."
        if kind == "boundaries":
            boundary_set = boundaries.boundaries_import(
                user=request.user,
                path=path,
                display=display,
                name=data["name"],
                source=data["source"],
                is_example=data["is_example"],
            )
            return f"Imported LSOA boundaries {boundary_set.name} ({boundary_set.vintage} codes)."
        if kind == "population":
            table = reference.population_import(
                user=request.user,
                path=path,
                display=display,
                name=data["name"],
                source=data["source"],
                is_example=data["is_example"],
            )
            return f"Imported population table {table.name}."
        weight_set = reference.weights_import(
            user=request.user,
            path=path,
            display=display,
            name=data["name"],
            version=data["version"],
            source=data["source"],
            is_example=data["is_example"],
        )
        return f"Imported weight set {weight_set}."
