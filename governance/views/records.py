"""The consultation and engagement log (with the public "you said, we did" page) and equality
impact assessments."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from core.access import Purpose
from core.dates import GovukDateField
from core.errors import ServiceError
from core.forms import TextLimitMixin
from core.views import run_service
from governance import selectors, services
from governance.models import PROTECTED_CHARACTERISTICS, EngagementKind, EqualityImpactAssessment
from partnership import access as partnership_access
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership


class EngagementForm(TextLimitMixin, forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=EngagementKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter the title"})
    held_on = GovukDateField(label="Date")
    reach = forms.CharField(
        label="Reach", max_length=200, required=False, help_text="Who and how many, for example 412 residents"
    )
    findings = forms.CharField(label="Findings", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    you_said = forms.CharField(label="You said", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    we_did = forms.CharField(label="We did", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    community_views = forms.TypedMultipleChoiceField(
        label="Community views in the Strategic Assessment it informed",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, views: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["community_views"].choices = [  # type: ignore[attr-defined]
            (v.pk, f"{v.theme} ({v.source}, {v.assessment})") for v in views
        ]


class EiaForm(TextLimitMixin, forms.Form):
    subject = forms.ChoiceField(
        label="Assessment of", error_messages={"required": "Choose the plan year or strategy"}
    )
    characteristics = forms.MultipleChoiceField(
        label="Protected characteristics considered",
        choices=PROTECTED_CHARACTERISTICS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose the protected characteristics the assessment considered"},
    )
    findings = forms.CharField(
        label="Findings",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the findings"},
    )
    mitigations = forms.CharField(
        label="Mitigations", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    approver = forms.CharField(label="Approved by", max_length=120, required=False)
    approved_on = GovukDateField(label="Date approved", required=False)
    print_as_appendix = forms.BooleanField(
        label="Print as an appendix of the plan (or strategy) document",
        required=False,
        help_text="It appears at the end of the document's preview and of every version published from now on.",
    )

    def __init__(self, *args: Any, years: list[Any], strategies: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        subjects = [("", "Choose")] + [(f"year-{y.pk}", f"Plan year {y.label}") for y in years]
        subjects += [(f"strategy-{s.pk}", str(s)) for s in strategies]
        self.fields["subject"].choices = subjects  # type: ignore[attr-defined]


def _log_url(partnership: Partnership) -> str:
    return reverse("governance:engagements", kwargs={"partnership": partnership.slug})


def _eia_list_url(partnership: Partnership) -> str:
    return reverse("governance:eias", kwargs={"partnership": partnership.slug})


@login_required
def engagements(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    entries = selectors.engagements(request.user, team)
    return render(
        request,
        "governance/engagements.html",
        {
            "partnership": team,
            "entries": entries,
            "any_published": any(e.published and not e.is_example for e in entries),
            "is_coordinator": partnership_access.is_coordinator(request.user, team),
            "page_title": "Consultation and engagement",
        },
    )


@login_required
def engagement_form(request: HttpRequest, partnership: str, pk: int | None = None) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    found = (
        selectors.access_engagement(request.user, team, pk, for_=Purpose.MANAGE) if pk is not None else None
    )
    views = list(selectors.community_views(request.user, team))
    initial = None
    if found is not None:
        initial = {
            name: getattr(found, name)
            for name in ("kind", "title", "held_on", "reach", "findings", "you_said", "we_did")
        } | {"community_views": [v.pk for v in selectors.engagement_views(found)]}
    form = EngagementForm(request.POST if request.method == "POST" else None, initial=initial, views=views)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        by_id = {v.pk: v for v in views}
        fields = services.EngagementFields(
            kind=data["kind"],
            title=data["title"],
            held_on=data["held_on"],
            reach=data["reach"],
            findings=data["findings"],
            you_said=data["you_said"],
            we_did=data["we_did"],
            community_views=[by_id[pk] for pk in data["community_views"]],
        )
        _, ok = run_service(
            form,
            services.engagement_save,
            actor=request.user,
            partnership=team,
            fields=fields,
            engagement=found,
        )
        if ok:
            messages.success(request, f"Saved “{fields.title}”.")
            return redirect(_log_url(team))
    return render(
        request,
        "governance/engagement_form.html",
        {
            "partnership": team,
            "entry": found,
            "form": form,
            "page_title": "Add to the engagement log" if found is None else f"Edit: {found.title}",
            "cancel_url": _log_url(team),
        },
    )


@login_required
@require_POST
def engagement_publish(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    found = selectors.access_engagement(request.user, team, pk, for_=Purpose.MANAGE)
    publish = request.POST.get("publish") == "1"
    try:
        run_service(
            None, services.engagement_set_published, actor=request.user, engagement=found, published=publish
        )
    except ServiceError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, f"{'Published' if publish else 'Took down'} “{found.title}”.")
    return redirect(_log_url(team))


@require_GET
def you_said_we_did(request: HttpRequest, partnership: str) -> HttpResponse:
    """Public: the partnership's published "you said, we did" items."""
    team, items = selectors.public_you_said_we_did(partnership)
    return render(
        request,
        "governance/you_said_we_did.html",
        {"public_partnership": team, "items": items, "page_title": f"{team.name}: you said, we did"},
    )


@login_required
def eias(request: HttpRequest, partnership: str) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    return render(
        request,
        "governance/eias.html",
        {
            "partnership": team,
            "assessments": selectors.eias(request.user, team),
            "is_coordinator": partnership_access.is_coordinator(request.user, team),
            "page_title": "Equality impact assessments",
        },
    )


@login_required
def eia_detail(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership)
    found = selectors.access_eia(request.user, team, pk)
    return render(
        request,
        "governance/eia_detail.html",
        {
            "partnership": team,
            "eia": found,
            "is_coordinator": partnership_access.is_coordinator(request.user, team),
            "page_title": str(found),
        },
    )


@login_required
def eia_form(request: HttpRequest, partnership: str, pk: int | None = None) -> HttpResponse:
    team = access_partnership_by_slug(request.user, partnership, for_=Purpose.MANAGE)
    found: EqualityImpactAssessment | None = (
        selectors.access_eia(request.user, team, pk, for_=Purpose.MANAGE) if pk is not None else None
    )
    years, strategies = selectors.eia_subjects(request.user, team)
    initial = None
    if found is not None:
        initial = {
            "subject": f"year-{found.plan_year_id}"
            if found.plan_year_id
            else f"strategy-{found.strategy_id}",
            "characteristics": found.characteristics,
            "findings": found.findings,
            "mitigations": found.mitigations,
            "approver": found.approver,
            "approved_on": found.approved_on,
            "print_as_appendix": found.print_as_appendix,
        }
    form = EiaForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        years=years,
        strategies=strategies,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind, _, number = data["subject"].partition("-")
        fields = services.EiaFields(
            characteristics=data["characteristics"],
            findings=data["findings"],
            mitigations=data["mitigations"],
            approver=data["approver"],
            approved_on=data["approved_on"],
            print_as_appendix=data["print_as_appendix"],
            plan_year={str(y.pk): y for y in years}.get(number) if kind == "year" else None,
            strategy={str(s.pk): s for s in strategies}.get(number) if kind == "strategy" else None,
        )
        saved, ok = run_service(
            form, services.eia_save, actor=request.user, partnership=team, fields=fields, eia=found
        )
        if ok and saved is not None:
            messages.success(request, "Saved the equality impact assessment.")
            return redirect(reverse("governance:eia", kwargs={"partnership": team.slug, "pk": saved.pk}))
    return render(
        request,
        "governance/eia_form.html",
        {
            "partnership": team,
            "form": form,
            "page_title": "Add an equality impact assessment" if found is None else f"Edit the {found}",
            "cancel_url": _eia_list_url(team),
        },
    )
