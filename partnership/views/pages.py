"""Partnership pages: members and contacts, organisations, glossary and settings.

Every page needs sign-in and a membership; coordinator pages answer 404 to everyone else.
Records come through the doors of `partnership.access` and `partnership.selectors`, writes
through `partnership.services`.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core.access import Purpose, audit_search
from core.history import history_rows
from core.views import run_service
from partnership import access, selectors, services
from partnership.access import access_partnership_by_slug
from partnership.forms import GlossaryTermForm, OrganisationForm, PartnershipSettingsForm
from partnership.models import GlossaryTerm, Organisation


def crumbs(partnership: Any, *items: tuple[str, str]) -> list[dict[str, str]]:
    home = {"label": partnership.name, "url": reverse("planning:dashboard", args=[partnership.slug])}
    return [home, *({"label": label, "url": url} for label, url in items)]


@login_required
def members(request: HttpRequest, partnership: str) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership)
    audit_search(request.user, Organisation, partnership=p, filters={})
    others = list(selectors.other_organisations(p))
    return render(
        request,
        "partnership/members.html",
        {
            "partnership": p,
            "members": selectors.membership_list(p),
            "owners": [o for o in others if o.action_count],  # type: ignore[attr-defined]
            "unused": [o for o in others if not o.action_count],  # type: ignore[attr-defined]
            "is_coordinator": access.is_coordinator(request.user, p),
            "page_title": "Members and contact details",
            "breadcrumbs": crumbs(p),
        },
    )


@login_required
def organisation(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership)
    org = access.access_organisation_by_id(request.user, pk, partnership=p)
    return render(
        request,
        "partnership/organisation.html",
        {
            "partnership": p,
            "organisation": org,
            "plan_year": p.current_plan_year,
            "actions": selectors.owned_actions(org, p.current_plan_year),
            "is_coordinator": access.is_coordinator(request.user, p),
            "page_title": org.name,
            "breadcrumbs": crumbs(p, ("Members", reverse("partnership:members", args=[p.slug]))),
        },
    )


@login_required
def organisation_edit(request: HttpRequest, partnership: str, pk: int | None = None) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    instance = (
        access.access_organisation_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=p) if pk else None
    )
    names = [n.name for n in access.organisation_names_visible_to(request.user).filter(organisation=instance)]
    form = OrganisationForm(request.POST or None, instance=instance, other_names=names)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.ORGANISATION_FIELDS}
        saved, ok = run_service(
            form,
            services.organisation_save,
            partnership=p,
            actor=request.user,
            organisation=instance,
            other_names=form.other_names(),
            **fields,
        )
        if ok and saved is not None:
            messages.success(request, f"{saved.name} saved.")
            return redirect("partnership:organisation", partnership=p.slug, pk=saved.pk)
    title = f"Edit {instance.name}" if instance else "Add an organisation"
    members_url = reverse("partnership:members", args=[p.slug])
    return render(
        request,
        "partnership/organisation_form.html",
        {
            "partnership": p,
            "form": form,
            "organisation": instance,
            "history": history_rows(instance) if instance else [],
            "page_title": title,
            "breadcrumbs": crumbs(p, ("Members", members_url)),
        },
    )


@login_required
def glossary(request: HttpRequest, partnership: str) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership)
    audit_search(request.user, GlossaryTerm, partnership=p, filters={})
    return render(
        request,
        "partnership/glossary.html",
        {
            "partnership": p,
            "terms": selectors.glossary(p),
            "is_coordinator": access.is_coordinator(request.user, p),
            "page_title": "Glossary",
            "breadcrumbs": crumbs(p),
        },
    )


@login_required
def glossary_edit(request: HttpRequest, partnership: str, pk: int | None = None) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    instance = (
        access.access_glossary_term_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=p)
        if pk
        else None
    )
    form = GlossaryTermForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved, ok = run_service(
            form,
            services.glossary_term_save,
            partnership=p,
            actor=request.user,
            instance=instance,
            term=form.cleaned_data["term"],
            meaning=form.cleaned_data["meaning"],
        )
        if ok and saved is not None:
            messages.success(request, f"“{saved.term}” saved.")
            return redirect("partnership:glossary", partnership=p.slug)
    return render(
        request,
        "partnership/glossary_form.html",
        {
            "partnership": p,
            "form": form,
            "term": instance,
            "history": history_rows(instance) if instance else [],
            "page_title": f"Edit “{instance.term}”" if instance else "Add a term",
            "breadcrumbs": crumbs(p, ("Glossary", reverse("partnership:glossary", args=[p.slug]))),
        },
    )


@login_required
def glossary_delete(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    term = access.access_glossary_term_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=p)
    if request.method == "POST":
        services.glossary_term_delete(term=term, actor=request.user)
        messages.success(request, f"“{term.term}” deleted from the glossary.")
        return redirect("partnership:glossary", partnership=p.slug)
    return render(
        request,
        "partnership/glossary_delete.html",
        {
            "partnership": p,
            "term": term,
            "page_title": f"Delete “{term.term}”",
            "breadcrumbs": crumbs(p, ("Glossary", reverse("partnership:glossary", args=[p.slug]))),
        },
    )


@login_required
def settings(request: HttpRequest, partnership: str) -> HttpResponse:
    p = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    form = PartnershipSettingsForm(request.POST or None, instance=p)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.PARTNERSHIP_FIELDS}
        p.refresh_from_db()  # the form wrote to the instance; the service applies the change
        saved, ok = run_service(form, services.partnership_edit, partnership=p, actor=request.user, **fields)
        if ok:
            messages.success(request, "Partnership settings saved.")
            return redirect("partnership:settings", partnership=p.slug)
    return render(
        request,
        "partnership/settings.html",
        {
            "partnership": p,
            "form": form,
            "districts": selectors.districts(p),
            "history": history_rows(p),
            "page_title": "Partnership settings",
            "breadcrumbs": crumbs(p),
        },
    )
