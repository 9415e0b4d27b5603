"""The partnership's measures (key figures) by plan year, with latest value, target and RAG in words;
a measure's page with its values and trend; coordinators add, edit and delete measures, and record
periodic values (so do lead officers of an organisation leading a linked action)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core.access import NotFound, Purpose
from core.history import history_rows
from core.views import run_service
from partnership import access as partnership_access
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership
from planning import access, selectors, services
from planning.forms import MeasureForm, MeasureValueForm
from planning.measure_chart import trend_svg
from planning.models import Measure


def _figures_url(partnership: str) -> str:
    return reverse("planning:key_figures", kwargs={"partnership": partnership})


def _measure_url(partnership: str, pk: int) -> str:
    return reverse("planning:measure", kwargs={"partnership": partnership, "pk": pk})


@login_required
def key_figures(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    return render(
        request,
        "planning/key_figures.html",
        {
            "partnership": team,
            "groups": selectors.measure_groups(team),
            "is_coordinator": partnership_access.is_coordinator(request.user, team),
            "page_title": "Measures and key figures",
        },
    )


@login_required
def measure(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    found = selectors.measure_for_page(request.user, team, pk)
    view = selectors.measure_view(found)
    labels = [v.period_label for v in view.values]
    chart = trend_svg(
        f"{found.name}: values by period",
        labels,
        [v.value for v in view.values],
        target=found.target_value,
        unit=found.unit,
        ident=found.pk,
    )
    return render(
        request,
        "planning/measure_page.html",
        {
            "partnership": team,
            "view": view,
            "measure": found,
            "chart": chart,
            "links": [(kind, names) for kind, names in selectors.measure_links(found) if names],
            "is_coordinator": partnership_access.is_coordinator(request.user, team),
            "can_record": access.can_record_measure_values(request.user, found),
            "page_title": found.name,
            "breadcrumbs": [
                {"label": "Measures and key figures", "url": _figures_url(partnership)},
                {"label": found.name, "url": ""},
            ],
        },
    )


def _measure_form(request: HttpRequest, team: Partnership, data: object = None, **kwargs: Any) -> MeasureForm:
    return MeasureForm(
        data,
        plan_years=selectors.plan_years(team),
        organisations=selectors.organisations_of(team),
        links=selectors.measure_link_choices(request.user, team),
        **kwargs,
    )


@login_required
def measure_form(request: HttpRequest, partnership: str, pk: int | None = None) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    found = selectors.access_key_figure(request.user, team, pk) if pk else None
    if request.method == "POST":
        form = _measure_form(request, team, request.POST, instance=found)
        if form.is_valid():
            saved, ok = run_service(
                form,
                services.measure_save,
                partnership=team,
                actor=request.user,
                measure=found,
                **form.measure_fields(),
            )
            if ok and saved is not None:
                messages.success(request, f"Figure “{form.cleaned_data['name']}” saved.")
                return redirect(_measure_url(partnership, saved.pk))
    else:
        form = _measure_form(request, team, instance=found)
    title = "Edit measure" if found else "Add a measure or key figure"
    return render(
        request,
        "planning/measure_form.html",
        {
            "partnership": team,
            "form": form,
            "measure": found,
            "history": history_rows(found) if found else [],
            "page_title": title,
            "breadcrumbs": [
                {"label": "Measures and key figures", "url": _figures_url(partnership)},
                {"label": title, "url": ""},
            ],
        },
    )


def _confirm_delete(
    request: HttpRequest, team: Partnership, thing: str, name: str, found: Measure
) -> HttpResponse:
    """The "Delete this …?" page of a measure or one of its values; cancelling returns to the measure."""
    return render(
        request,
        "planning/confirm_delete.html",
        {
            "partnership": team,
            "thing": thing,
            "name": name,
            "blocked": 0,
            "cancel_url": _measure_url(team.slug, found.pk),
            "page_title": f"Delete {thing}",
        },
    )


@login_required
def measure_delete(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    found = selectors.access_key_figure(request.user, team, pk)
    if request.method == "POST":
        run_service(None, services.measure_delete, measure=found, actor=request.user)
        messages.success(request, f"Figure “{found.name}” deleted.")
        return redirect(_figures_url(partnership))
    return _confirm_delete(request, team, "key figure", f"{found.name}: {found.display_value}", found)


def _recordable(request: HttpRequest, partnership: str, pk: int) -> tuple[Partnership, Measure]:
    """The measure, for someone who may record its values (404 for everyone else)."""
    team = access_partnership_by_slug(request.user, partnership)
    found = selectors.measure_for_page(request.user, team, pk)
    if not access.can_record_measure_values(request.user, found):
        raise NotFound("No such page.")
    return team, found


@login_required
def measure_value_form(
    request: HttpRequest, partnership: str, pk: int, value_pk: int | None = None
) -> HttpResponse:
    team, found = _recordable(request, partnership, pk)
    row = selectors.measure_value_for_recorder(request.user, found, value_pk) if value_pk else None
    if request.method == "POST":
        form = MeasureValueForm(request.POST)
        if form.is_valid():
            _, ok = run_service(
                form,
                services.measure_value_save,
                measure=found,
                actor=request.user,
                measure_value=row,
                **form.cleaned_data,
            )
            if ok:
                messages.success(request, f"Value for {form.cleaned_data['period_label']} saved.")
                return redirect(_measure_url(partnership, found.pk))
    else:
        initial = (
            {
                "period_label": row.period_label,
                "period_start": row.period_start,
                "period_end": row.period_end,
                "value": row.value,
                "note": row.note,
            }
            if row
            else {}
        )
        form = MeasureValueForm(initial=initial)
    title = f"Change the value for {row.period_label}" if row else "Add a value"
    return render(
        request,
        "planning/measure_value_form.html",
        {
            "partnership": team,
            "form": form,
            "measure": found,
            "row": row,
            "page_title": title,
            "breadcrumbs": [
                {"label": "Measures and key figures", "url": _figures_url(partnership)},
                {"label": found.name, "url": _measure_url(partnership, found.pk)},
                {"label": title, "url": ""},
            ],
        },
    )


@login_required
def measure_value_delete(request: HttpRequest, partnership: str, pk: int, value_pk: int) -> HttpResponse:
    team, found = _recordable(request, partnership, pk)
    row = selectors.measure_value_for_recorder(request.user, found, value_pk)
    if request.method == "POST":
        run_service(None, services.measure_value_delete, measure_value=row, actor=request.user)
        messages.success(request, f"Value for {row.period_label} deleted.")
        return redirect(_measure_url(partnership, found.pk))
    return _confirm_delete(
        request, team, "value", f"{found.name}, {row.period_label}: {found.display_number(row.value)}", found
    )
