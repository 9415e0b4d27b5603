"""The partnership's key figures, grouped by plan year; coordinators add, edit and delete them."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core.access import Purpose
from core.history import history_rows
from core.views import run_service
from partnership import access as partnership_access
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership
from planning import selectors, services
from planning.forms import MeasureForm


def _figures_url(partnership: str) -> str:
    return reverse("planning:key_figures", kwargs={"partnership": partnership})


@login_required
def key_figures(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    return render(
        request,
        "planning/key_figures.html",
        {
            "partnership": team,
            "groups": selectors.key_figures(team),
            "is_coordinator": partnership_access.is_coordinator(request.user, team),
            "page_title": "Key figures",
        },
    )


def _measure_form(team: Partnership, data: object = None, **kwargs: Any) -> MeasureForm:
    return MeasureForm(
        data, plan_years=selectors.plan_years(team), organisations=selectors.organisations_of(team), **kwargs
    )


@login_required
def measure_form(request: HttpRequest, partnership: str, pk: int | None = None) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    measure = selectors.access_key_figure(request.user, team, pk) if pk else None
    if request.method == "POST":
        form = _measure_form(team, request.POST, instance=measure)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
            _, ok = run_service(
                form, services.measure_save, partnership=team, actor=request.user, measure=measure, **fields
            )
            if ok:
                messages.success(request, f"Figure “{form.cleaned_data['name']}” saved.")
                return redirect(_figures_url(partnership))
    else:
        form = _measure_form(team, instance=measure)
    title = "Edit key figure" if measure else "Add a key figure"
    return render(
        request,
        "planning/measure_form.html",
        {
            "partnership": team,
            "form": form,
            "measure": measure,
            "history": history_rows(measure) if measure else [],
            "page_title": title,
            "breadcrumbs": [
                {"label": "Key figures", "url": _figures_url(partnership)},
                {"label": title, "url": ""},
            ],
        },
    )


@login_required
def measure_delete(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    measure = selectors.access_key_figure(request.user, team, pk)
    if request.method == "POST":
        run_service(None, services.measure_delete, measure=measure, actor=request.user)
        messages.success(request, f"Figure “{measure.name}” deleted.")
        return redirect(_figures_url(partnership))
    return render(
        request,
        "planning/confirm_delete.html",
        {
            "partnership": team,
            "thing": "key figure",
            "name": f"{measure.name}: {measure.display_value}",
            "blocked": 0,
            "cancel_url": _figures_url(partnership),
            "page_title": "Delete key figure",
        },
    )
