"""The local procedure (coordinators and CSU coordinators) and the yearly figures with publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from casereviews import access, forms, selectors, services
from casereviews.access import access_discretionary_route_by_id
from casereviews.clock import LOCAL_PROCEDURE_LABEL
from casereviews.views.common import form_page
from core.access import NotFound, Purpose
from core.errors import ServiceError
from core.views import run_service
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership

CAPTION = "ASB Case Reviews"


def _team(request: HttpRequest, partnership: str) -> Partnership:
    team = access_partnership_by_slug(request.user, partnership)
    if not access.can_set_procedure(request.user, team):
        raise NotFound("No such page.")
    return team


def _procedure_url(team: Partnership) -> str:
    return reverse("casereviews:procedure", kwargs={"partnership": team.slug})


def _crumbs(team: Partnership) -> list[dict[str, str]]:
    return [{"label": "Local review procedure", "url": _procedure_url(team)}]


@login_required
def procedure(request: HttpRequest, partnership: str) -> HttpResponse:
    team = _team(request, partnership)
    current = selectors.procedure_of(team)
    form = forms.ProcedureForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in forms.ProcedureForm.Meta.fields}
        _, ok = run_service(form, services.procedure_save, actor=request.user, partnership=team, **fields)
        if ok:
            messages.success(request, "Local review procedure saved.")
            return redirect(_procedure_url(team))
    return render(
        request,
        "casereviews/procedure.html",
        {
            "partnership": team,
            "form": form,
            "settings": selectors.threshold_settings(request.user, team),
            "routes": selectors.routes_of(request.user, team),
            "clock_label": LOCAL_PROCEDURE_LABEL,
            "page_title": "Local review procedure",
        },
    )


@login_required
def threshold_create(request: HttpRequest, partnership: str) -> HttpResponse:
    team = _team(request, partnership)
    form = forms.ThresholdSettingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.threshold_setting_add, actor=request.user, partnership=team, **form.cleaned_data
        )
        if ok:
            messages.success(request, "Local number of qualifying complaints saved.")
            return redirect(_procedure_url(team))
    return form_page(
        request,
        team,
        form,
        title="Set the local number of qualifying complaints",
        caption=CAPTION,
        submit="Save",
        cancel_url=_procedure_url(team),
        crumbs=_crumbs(team),
        intro="When at least this many qualifying complaints have been made, the threshold must be met "
        "(s.104(4)). The number may be lower than three, never higher.",
    )


@login_required
def route_create(request: HttpRequest, partnership: str) -> HttpResponse:
    team = _team(request, partnership)
    form = forms.RouteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.route_add, actor=request.user, partnership=team, **form.cleaned_data
        )
        if ok:
            messages.success(request, "Discretionary route added.")
            return redirect(_procedure_url(team))
    return form_page(
        request,
        team,
        form,
        title="Add a discretionary route",
        caption=CAPTION,
        submit="Add route",
        cancel_url=_procedure_url(team),
        crumbs=_crumbs(team),
        intro="Where fewer qualifying complaints have been made, the procedure may still meet the threshold "
        "by looking at the persistence of the behaviour, the harm or potential harm, and the adequacy of "
        "the response (s.104(5)).",
    )


@login_required
@require_POST
def route_toggle(request: HttpRequest, partnership: str, route_id: int) -> HttpResponse:
    team = _team(request, partnership)
    route = access_discretionary_route_by_id(request.user, route_id, for_=Purpose.MANAGE, partnership=team)
    run_service(None, services.route_set_active, actor=request.user, route=route, active=not route.is_active)
    messages.success(request, f"Route “{route}” {'switched on' if route.is_active else 'switched off'}.")
    return redirect(_procedure_url(team))


@login_required
def figures(request: HttpRequest, partnership: str) -> HttpResponse:
    team = _team(request, partnership)
    published = selectors.published_years(request.user, team)
    years = [selectors.statutory_figures(team, year) for year in selectors.figure_years(team)]
    return render(
        request,
        "casereviews/figures.html",
        {
            "partnership": team,
            "years": years,
            "published": published,
            "can_publish": access.can_publish_figures(request.user, team),
            "page_title": "ASB Case Review figures",
        },
    )


@login_required
@require_POST
def figures_publish(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    if not access.can_publish_figures(request.user, team):
        raise NotFound("No such page.")
    try:
        services.figures_publish(actor=request.user, partnership=team, year=year)
    except ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The {year.replace('-', '/')} figures are published.")
    return redirect(reverse("casereviews:figures", kwargs={"partnership": team.slug}))
