"""Cross-cutting themes and places of a partnership; a priority's page with its approaches and
outcomes. Members read; coordinators change."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core.access import Purpose
from core.history import history_rows
from core.views import run_service
from partnership.access import access_partnership_by_slug, is_coordinator
from partnership.models import Partnership
from planning import selectors, services
from planning.models import PlanYear, Priority
from planning.structure_forms import ApproachForm, OutcomeForm, PlaceForm, ThemeForm
from planning.views.common import crumbs, year_context


def _form_page(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[forms.Form], dict[str, Any]],
    service: Callable[..., Any],
    *,
    done: str,
    message: Callable[[Any], str],
    context: dict[str, Any],
) -> HttpResponse:
    """Validate, call the service with `save(form)`'s arguments, and redirect to `done`; else show
    the form (with its error summary) in `planning/record_form.html`."""
    if request.method == "POST" and form.is_valid():
        saved, ok = run_service(form, service, actor=request.user, **save(form))
        if ok:
            messages.success(request, message(saved))
            return redirect(done)
    return render(request, "planning/record_form.html", {**context, "form": form, "cancel_url": done})


def _delete_page(
    request: HttpRequest,
    delete: Callable[[], None],
    *,
    thing: str,
    name: str,
    done: str,
    context: dict[str, Any],
) -> HttpResponse:
    if request.method == "POST":
        delete()
        messages.success(request, f"{thing.capitalize()} “{name}” deleted.")
        return redirect(done)
    return render(
        request,
        "planning/confirm_delete.html",
        {**context, "thing": thing, "name": name, "cancel_url": done, "detail": context.get("detail", "")},
    )


# --- Themes and places (partnership-wide) ---


def _team_context(
    request: HttpRequest, partnership: Partnership, title: str, back: tuple[str, str]
) -> dict[str, Any]:
    return {
        "partnership": partnership,
        "page_title": title,
        "breadcrumbs": [{"label": back[0], "url": back[1]}, {"label": title, "url": ""}],
    }


@login_required
def themes(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    return render(
        request,
        "planning/themes.html",
        {
            "partnership": team,
            "themes": selectors.themes(request.user, team),
            "places": selectors.places(request.user, team),
            "is_coordinator": is_coordinator(request.user, team),
            "page_title": "Themes and places",
        },
    )


def _tags_url(team: Partnership, anchor: str) -> str:
    return reverse("planning:themes", kwargs={"partnership": team.slug}) + f"#{anchor}"


@login_required
def theme_form(request: HttpRequest, partnership: str, pk: int | None = None) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    theme = selectors.theme_for(request.user, team, pk, for_=Purpose.MANAGE) if pk else None
    title = f"Change the theme “{theme.name}”" if theme else "Add a cross-cutting theme"
    return _form_page(
        request,
        ThemeForm(request.POST or None, initial=ThemeForm.initial_for(theme)),
        lambda f: {"partnership": team, "instance": theme, **f.cleaned_data},
        services.theme_save,
        done=_tags_url(team, "themes"),
        message=lambda saved: f"Theme “{saved.name}” saved.",
        context={
            **_team_context(request, team, title, ("Themes and places", _tags_url(team, "themes"))),
            "history": history_rows(theme) if theme else [],
            "hint": "Priorities and actions can be tagged with it; lists, exports and the progress report filter by it.",
        },
    )


@login_required
def theme_delete(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    theme = selectors.theme_for(request.user, team, pk, for_=Purpose.MANAGE)
    return _delete_page(
        request,
        lambda: services.theme_delete(theme=theme, actor=request.user),
        thing="theme",
        name=theme.name,
        done=_tags_url(team, "themes"),
        context={
            **_team_context(request, team, "Delete theme", ("Themes and places", _tags_url(team, "themes"))),
            "detail": "Priorities and actions tagged with it lose the tag.",
        },
    )


@login_required
def place_form(request: HttpRequest, partnership: str, pk: int | None = None) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    place = selectors.place_for(request.user, team, pk, for_=Purpose.MANAGE) if pk else None
    title = f"Change the place “{place.name}”" if place else "Add a place"

    def arguments(form: forms.Form) -> dict[str, Any]:
        data = form.cleaned_data
        assert isinstance(form, PlaceForm)
        return {
            "partnership": team,
            "instance": place,
            "name": data["name"],
            "kind": data["kind"],
            "description": data["description"],
            "lsoa_codes": form.code_list(),
        }

    return _form_page(
        request,
        PlaceForm(request.POST or None, initial=PlaceForm.initial_for(place)),
        arguments,
        services.place_save,
        done=_tags_url(team, "places"),
        message=lambda saved: f"Place “{saved.name}” saved.",
        context={
            **_team_context(request, team, title, ("Themes and places", _tags_url(team, "places"))),
            "history": history_rows(place) if place else [],
        },
    )


@login_required
def place_delete(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    place = selectors.place_for(request.user, team, pk, for_=Purpose.MANAGE)
    return _delete_page(
        request,
        lambda: services.place_delete(place=place, actor=request.user),
        thing="place",
        name=place.name,
        done=_tags_url(team, "places"),
        context={
            **_team_context(request, team, "Delete place", ("Themes and places", _tags_url(team, "places"))),
            "detail": "Priorities and actions tagged with it lose the tag.",
        },
    )


# --- A priority's page, its approaches and outcomes ---


def _priority_url(plan_year: PlanYear, priority: Priority) -> str:
    return reverse(
        "planning:priority",
        kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug, "pk": priority.pk},
    )


@login_required
def priority_detail(request: HttpRequest, partnership: str, year: str, pk: int) -> HttpResponse:
    plan_year = selectors.access_plan_year(request.user, partnership, year)
    priority = selectors.priority_page(request.user, plan_year, pk, for_=Purpose.VIEW)
    return render(
        request,
        "planning/priority_detail.html",
        year_context(
            request,
            plan_year,
            f"Priority: {priority.title[:60]}",
            priority=priority,
            groups=selectors.priority_structure(priority),
            history=history_rows(priority),
            breadcrumbs=crumbs(plan_year, ("Priority", "")),
        ),
    )


def _priority_parts(request: HttpRequest, partnership: str, year: str, pk: int) -> tuple[PlanYear, Priority]:
    plan_year = selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    return plan_year, selectors.priority_page(request.user, plan_year, pk, for_=Purpose.MANAGE)


def _under_priority(
    request: HttpRequest, plan_year: PlanYear, priority: Priority, title: str
) -> dict[str, Any]:
    return year_context(
        request,
        plan_year,
        title,
        caption=priority.title,
        breadcrumbs=crumbs(plan_year, (priority.title[:60], _priority_url(plan_year, priority)), (title, "")),
    )


@login_required
def approach_form(
    request: HttpRequest, partnership: str, year: str, pk: int, approach_id: int | None = None
) -> HttpResponse:
    plan_year, priority = _priority_parts(request, partnership, year, pk)
    approach = (
        selectors.approach_for(request.user, priority, approach_id, for_=Purpose.MANAGE)
        if approach_id
        else None
    )
    title = "Change the approach" if approach else "Add an approach"
    return _form_page(
        request,
        ApproachForm(request.POST or None, initial=ApproachForm.initial_for(approach)),
        lambda f: {"priority": priority, "instance": approach, **f.cleaned_data},
        services.approach_save,
        done=_priority_url(plan_year, priority),
        message=lambda saved: f"Approach “{saved.title}” saved.",
        context={
            **_under_priority(request, plan_year, priority, title),
            "history": history_rows(approach) if approach else [],
            "hint": "Approaches group a priority's actions and outcomes in the plan, for example "
            "Early intervention and prevention, Managing perpetrators, Supporting victims and witnesses.",
        },
    )


@login_required
def approach_delete(
    request: HttpRequest, partnership: str, year: str, pk: int, approach_id: int
) -> HttpResponse:
    plan_year, priority = _priority_parts(request, partnership, year, pk)
    approach = selectors.approach_for(request.user, priority, approach_id, for_=Purpose.MANAGE)
    return _delete_page(
        request,
        lambda: services.approach_delete(approach=approach, actor=request.user),
        thing="approach",
        name=approach.title,
        done=_priority_url(plan_year, priority),
        context={
            **_under_priority(request, plan_year, priority, "Delete approach"),
            "detail": "Its actions and outcomes stay, directly under the priority.",
        },
    )


@login_required
def outcome_form(
    request: HttpRequest, partnership: str, year: str, pk: int, outcome_id: int | None = None
) -> HttpResponse:
    plan_year, priority = _priority_parts(request, partnership, year, pk)
    outcome = (
        selectors.outcome_for(request.user, priority, outcome_id, for_=Purpose.MANAGE) if outcome_id else None
    )
    title = "Change the outcome" if outcome else "Add an outcome"
    choices = selectors.approaches(request.user, plan_year).filter(priority=priority)
    return _form_page(
        request,
        OutcomeForm(request.POST or None, initial=OutcomeForm.initial_for(outcome), approaches=choices),
        lambda f: {"priority": priority, "instance": outcome, **f.cleaned_data},
        services.outcome_save,
        done=_priority_url(plan_year, priority),
        message=lambda saved: "Outcome saved.",
        context={
            **_under_priority(request, plan_year, priority, title),
            "history": history_rows(outcome) if outcome else [],
        },
    )


@login_required
def outcome_delete(
    request: HttpRequest, partnership: str, year: str, pk: int, outcome_id: int
) -> HttpResponse:
    plan_year, priority = _priority_parts(request, partnership, year, pk)
    outcome = selectors.outcome_for(request.user, priority, outcome_id, for_=Purpose.MANAGE)
    return _delete_page(
        request,
        lambda: services.outcome_delete(outcome=outcome, actor=request.user),
        thing="outcome",
        name=outcome.text,
        done=_priority_url(plan_year, priority),
        context=_under_priority(request, plan_year, priority, "Delete outcome"),
    )
