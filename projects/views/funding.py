"""Funding pots: the per-pot summary, a pot's page, the coordinator's forms and the funder's return."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.access import Purpose
from core.errors import ServiceError
from core.history import history_rows
from core.views import run_service
from partnership.access import access_partnership_by_slug
from planning import access as planning_access
from projects import access, exports, selectors, services
from projects.forms import PotForm
from projects.models import FundingPot
from projects.views.common import download, pot_crumbs, pot_url

FORMATS = ("csv", "xlsx", "pdf")


def _pot(request: HttpRequest, partnership: str, pk: int, for_: Purpose = Purpose.VIEW) -> FundingPot:
    team = access_partnership_by_slug(request.user, partnership)
    pot = access.access_funding_pot_by_id(request.user, pk, for_=for_, partnership=team)
    pot.plan_year.partnership = team
    return pot


@login_required
def pot_list(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    years = selectors.plan_years(request.user, team)
    plan_year = selectors.plan_year_by_slug(request.user, team, request.GET.get("year"))
    if plan_year is None:
        raise Http404("No plan year yet.")
    return render(
        request,
        "projects/pot_list.html",
        {
            "partnership": team,
            "plan_year": plan_year,
            "years": years,
            "rows": selectors.pots(request.user, plan_year),
            "percent": selectors.nearly_spent_percent(team),
            "is_coordinator": access.can_manage(request.user, team),
            "page_title": f"Funding {plan_year.label}",
        },
    )


@login_required
def pot_detail(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    pot = _pot(request, partnership, pk)
    team = pot.plan_year.partnership
    return render(
        request,
        "projects/pot_detail.html",
        {
            "partnership": team,
            "pot": pot,
            "row": selectors.pot_row(request.user, pot),
            "projects": selectors.project_rows(request.user, pot.plan_year, selectors.Filters(pot=pot.pk)),
            "is_coordinator": access.can_manage(request.user, team),
            "history": history_rows(pot),
            "page_title": pot.name,
            "breadcrumbs": pot_crumbs(team, (pot.name, "")),
        },
    )


def _themes(request: HttpRequest, team: Any) -> Any:
    return planning_access.themes_visible_to(request.user).filter(partnership=team).order_by("order", "name")


def _fields(form: PotForm) -> dict[str, Any]:
    names = ("name", "funder_kind", "funder_name", "amount", "conditions", "themes", "return_deadlines")
    return {name: form.cleaned_data[name] for name in names}


@login_required
def pot_create(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    plan_year = selectors.plan_year_by_slug(request.user, team, request.GET.get("year"))
    if plan_year is None:
        raise Http404("No plan year yet.")
    form = PotForm(request.POST or None, themes=_themes(request, team))
    if request.method == "POST" and form.is_valid():
        pot, ok = run_service(
            form, services.pot_create, actor=request.user, plan_year=plan_year, **_fields(form)
        )
        if ok and pot is not None:
            messages.success(request, f"Added the pot “{pot.name}”.")
            return redirect(pot_url(pot))
    return render(
        request,
        "projects/form.html",
        {
            "partnership": team,
            "form": form,
            "page_title": f"Add a funding pot to {plan_year.label}",
            "submit_label": "Add pot",
            "cancel_url": reverse("projects:pots", args=[team.slug]),
            "breadcrumbs": pot_crumbs(team, ("Add a pot", "")),
        },
    )


@login_required
def pot_edit(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    pot = _pot(request, partnership, pk, Purpose.MANAGE)
    team = pot.plan_year.partnership
    if request.method == "POST":
        form = PotForm(request.POST, themes=_themes(request, team))
        if form.is_valid():
            _, ok = run_service(form, services.pot_edit, actor=request.user, pot=pot, **_fields(form))
            if ok:
                messages.success(request, "Saved the pot.")
                return redirect(pot_url(pot))
    else:
        initial = {
            name: getattr(pot, name)
            for name in ("name", "funder_kind", "funder_name", "amount", "conditions")
        }
        initial["themes"] = [theme.pk for theme in selectors.pot_themes(pot)]
        initial["return_deadlines"] = "\n".join(
            f"{d[8:10]}/{d[5:7]}/{d[0:4]}"
            for d in pot.return_deadlines
            if isinstance(d, str) and len(d) == 10
        )
        form = PotForm(initial=initial, themes=_themes(request, team))
    return render(
        request,
        "projects/form.html",
        {
            "partnership": team,
            "form": form,
            "page_title": f"Edit “{pot.name}”",
            "submit_label": "Save pot",
            "cancel_url": pot_url(pot),
            "breadcrumbs": pot_crumbs(team, (pot.name, pot_url(pot)), ("Edit", "")),
        },
    )


@login_required
@require_POST
def pot_publish(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    pot = _pot(request, partnership, pk, Purpose.MANAGE)
    published = request.POST.get("published") == "yes"
    try:
        run_service(None, services.pot_publish_amounts, actor=request.user, pot=pot, published=published)
    except ServiceError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request, "The amounts are now public." if published else "The amounts are no longer public."
        )
    return redirect(pot_url(pot))


def _return_response(
    returns: list[exports.PotReturn], plan_year: Any, fmt: str, pot: FundingPot | None
) -> HttpResponse:
    if fmt == "csv":
        data = exports.return_csv(returns)
    elif fmt == "xlsx":
        data = exports.return_xlsx(returns, all_pots=pot is None)
    else:
        data = exports.return_pdf(returns, plan_year)
    return download(data, fmt, exports.return_filename(plan_year, fmt, pot))


@login_required
def pot_return(request: HttpRequest, partnership: str, pk: int, fmt: str) -> HttpResponse:
    """One pot's funder's return as CSV, XLSX or a tagged PDF."""
    if fmt not in FORMATS:
        raise Http404("No such format.")
    pot = _pot(request, partnership, pk)
    returns = exports.funder_return(request.user, pot.plan_year, pot.name)
    return _return_response(returns, pot.plan_year, fmt, pot)


@login_required
def year_return(request: HttpRequest, partnership: str, year: str, fmt: str) -> HttpResponse:
    """Every pot of a plan year: XLSX with a sheet per pot and "All pots", CSV with a Pot column."""
    if fmt not in FORMATS:
        raise Http404("No such format.")
    plan_year = planning_access.access_plan_year(request.user, partnership, year)
    return _return_response(exports.funder_return(request.user, plan_year), plan_year, fmt, None)
