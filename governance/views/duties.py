"""The partnership's calendar of duties per plan year, and recording the plan sent to the policing body."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.access import Purpose
from core.dates import GovukDateField
from core.errors import ServiceError
from core.views import run_service
from governance import selectors, services
from governance.models import Duty, DutyState
from partnership import access as partnership_access
from planning import selectors as planning_selectors
from planning.models import PlanYear

STATE_COLOURS: dict[str, str] = {
    DutyState.DONE: "green",
    DutyState.OVERDUE: "red",
    DutyState.DUE: "yellow",
    DutyState.UPCOMING: "blue",
    DutyState.NO_DATE: "grey",
}


def calendar_url(plan_year: PlanYear) -> str:
    return reverse(
        "governance:calendar", kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug}
    )


class DutyForm(forms.Form):
    title = forms.CharField(label="Duty", max_length=200, error_messages={"required": "Enter the duty"})
    rule = forms.CharField(
        label="Due-date rule", max_length=300, required=False, help_text="For example, each January"
    )
    due_date = GovukDateField(label="Due date", required=False)
    owner_organisation = forms.TypedChoiceField(
        label="Owner organisation", required=False, coerce=int, empty_value=None
    )
    owner_person = forms.TypedChoiceField(label="Owner", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, organisations: list[Any], people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].choices = [("", "No owner organisation")] + [  # type: ignore[attr-defined]
            (o.pk, o.name) for o in organisations
        ]
        self.fields["owner_person"].choices = [("", "No named person")] + [  # type: ignore[attr-defined]
            (m.user_id, m.user.get_full_name() or m.user.get_username()) for m in people
        ]


class DoneForm(forms.Form):
    done_on = GovukDateField(label="Date done")
    publication = forms.TypedChoiceField(
        label="Published plan version", required=False, coerce=int, empty_value=None
    )
    meeting = forms.TypedChoiceField(label="Meeting", required=False, coerce=int, empty_value=None)
    link = forms.CharField(
        label="Address of a document",
        max_length=500,
        required=False,
        help_text="https://… or a CSP Hub page starting with /",
    )

    def __init__(self, *args: Any, publications: list[Any], meetings: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versions = [("", "None")] + [(p.pk, f"Version {p.number}") for p in publications]
        self.fields["publication"].choices = versions  # type: ignore[attr-defined]
        self.fields["meeting"].choices = [("", "None")] + [(m.pk, str(m)) for m in meetings]  # type: ignore[attr-defined]


class PlanSentForm(forms.Form):
    publication = forms.TypedChoiceField(
        label="Version sent", coerce=int, error_messages={"required": "Choose the version sent"}
    )
    sent_on = GovukDateField(label="Date sent")
    recipient = forms.CharField(
        label="Sent to", max_length=200, error_messages={"required": "Enter who it was sent to"}
    )

    def __init__(self, *args: Any, publications: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["publication"].choices = [(p.pk, f"Version {p.number}") for p in publications]  # type: ignore[attr-defined]


class RecipientForm(forms.Form):
    recipient = forms.CharField(
        label="Who receives the partnership plan",
        max_length=200,
        error_messages={"required": "Enter who receives the plan"},
    )


@login_required
def calendar(request: HttpRequest, partnership: str, year: str | None = None) -> HttpResponse:
    plan_year = planning_selectors.access_plan_year(request.user, partnership, year)
    team = plan_year.partnership
    is_coordinator = partnership_access.is_coordinator(request.user, team)
    rows = selectors.duty_rows(request.user, plan_year, timezone.localdate())
    return render(
        request,
        "governance/calendar.html",
        {
            "partnership": team,
            "plan_year": plan_year,
            "rows": [(r.duty, DutyState(r.state).label, STATE_COLOURS[r.state]) for r in rows],
            "is_coordinator": is_coordinator,
            "recipient": services.plan_recipient(team),
            "recipient_form": RecipientForm(initial={"recipient": services.plan_recipient(team)})
            if is_coordinator
            else None,
            "sent": selectors.plans_sent(request.user, plan_year),
            "published": selectors.plan_published(request.user, plan_year),
            "page_title": f"Calendar {plan_year.label}",
        },
    )


@login_required
@require_POST
def calendar_set_up(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = planning_selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    made, _ = run_service(None, services.calendar_set_up, actor=request.user, plan_year=plan_year)
    messages.success(
        request,
        f"Added {len(made or [])} standard item{'s' if len(made or []) != 1 else ''} to the calendar.",
    )
    return redirect(calendar_url(plan_year))


@login_required
@require_POST
def recipient(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = planning_selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    form = RecipientForm(request.POST)
    if form.is_valid():
        run_service(
            None,
            services.plan_recipient_set,
            actor=request.user,
            partnership=plan_year.partnership,
            recipient=form.cleaned_data["recipient"],
        )
        messages.success(request, "Saved who receives the plan.")
    else:
        messages.error(request, "Enter who receives the plan.")
    return redirect(calendar_url(plan_year))


def _duty_form(request: HttpRequest, plan_year: PlanYear, initial: dict[str, Any] | None = None) -> DutyForm:
    team = plan_year.partnership
    return DutyForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        organisations=list(selectors.partnership_organisations(team)),
        people=selectors.partnership_people(team),
    )


def _duty_fields(form: DutyForm, plan_year: PlanYear) -> services.DutyFields:
    data = form.cleaned_data
    organisations = {o.pk: o for o in selectors.partnership_organisations(plan_year.partnership)}
    people = {m.user_id: m.user for m in selectors.partnership_people(plan_year.partnership)}
    return services.DutyFields(
        title=data["title"],
        rule=data["rule"],
        due_date=data["due_date"],
        owner_organisation=organisations.get(data["owner_organisation"])
        if data["owner_organisation"]
        else None,
        owner_person=people.get(data["owner_person"]) if data["owner_person"] else None,
    )


@login_required
def duty_form(request: HttpRequest, partnership: str, year: str, pk: int | None = None) -> HttpResponse:
    plan_year = planning_selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    duty: Duty | None = (
        selectors.access_duty(request.user, plan_year, pk, for_=Purpose.MANAGE) if pk is not None else None
    )
    initial = (
        {
            "title": duty.title,
            "rule": duty.rule,
            "due_date": duty.due_date,
            "owner_organisation": duty.owner_organisation_id,
            "owner_person": duty.owner_person_id,
        }
        if duty is not None
        else None
    )
    form = _duty_form(request, plan_year, initial)
    if duty is not None and duty.statutory:
        form.fields["title"].disabled = True
        form.fields["rule"].disabled = True
    done_form = None
    if duty is not None:
        done_form = DoneForm(
            publications=selectors.year_publications(request.user, plan_year),
            meetings=selectors.partnership_meetings(request.user, plan_year.partnership),
        )
    if request.method == "POST" and form.is_valid():
        fields = _duty_fields(form, plan_year)
        if duty is None:
            _, ok = run_service(
                form, services.duty_create, actor=request.user, plan_year=plan_year, fields=fields
            )
        else:
            _, ok = run_service(form, services.duty_edit, actor=request.user, duty=duty, fields=fields)
        if ok:
            messages.success(request, f"Saved “{fields.title}”.")
            return redirect(calendar_url(plan_year))
    return render(
        request,
        "governance/duty_form.html",
        {
            "partnership": plan_year.partnership,
            "plan_year": plan_year,
            "duty": duty,
            "form": form,
            "done_form": done_form,
            "page_title": "Add a calendar item" if duty is None else f"Edit: {duty.title}",
            "cancel_url": calendar_url(plan_year),
        },
    )


@login_required
@require_POST
def duty_done(request: HttpRequest, partnership: str, year: str, pk: int) -> HttpResponse:
    plan_year = planning_selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    duty = selectors.access_duty(request.user, plan_year, pk, for_=Purpose.MANAGE)
    if request.POST.get("reopen"):
        run_service(None, services.duty_reopen, actor=request.user, duty=duty)
        messages.success(request, f"“{duty.title}” is no longer marked done.")
        return redirect(calendar_url(plan_year))
    publications = selectors.year_publications(request.user, plan_year)
    meetings = selectors.partnership_meetings(request.user, plan_year.partnership)
    form = DoneForm(request.POST, publications=publications, meetings=meetings)
    if form.is_valid():
        data = form.cleaned_data
        try:
            run_service(
                None,
                services.duty_complete,
                actor=request.user,
                duty=duty,
                done_on=data["done_on"],
                publication={p.pk: p for p in publications}.get(data["publication"])
                if data["publication"]
                else None,
                meeting={m.pk: m for m in meetings}.get(data["meeting"]) if data["meeting"] else None,
                link=data["link"],
            )
        except ServiceError as problem:
            messages.error(request, str(problem))
            return redirect(
                reverse("governance:duty_edit", kwargs={"partnership": partnership, "year": year, "pk": pk})
            )
        messages.success(request, f"Marked “{duty.title}” as done.")
        return redirect(calendar_url(plan_year))
    messages.error(request, "Enter the date it was done, as day, month and year.")
    return redirect(
        reverse("governance:duty_edit", kwargs={"partnership": partnership, "year": year, "pk": pk})
    )


@login_required
def plan_sent(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = planning_selectors.access_plan_year(request.user, partnership, year, for_=Purpose.MANAGE)
    publications = selectors.year_publications(request.user, plan_year)
    form = PlanSentForm(
        request.POST if request.method == "POST" else None,
        initial={
            "recipient": services.plan_recipient(plan_year.partnership),
            "sent_on": timezone.localdate(),
        },
        publications=publications,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _, ok = run_service(
            form,
            services.plan_sent_record,
            actor=request.user,
            publication={p.pk: p for p in publications}[data["publication"]],
            sent_on=data["sent_on"],
            recipient=data["recipient"],
        )
        if ok:
            messages.success(request, f"Recorded the plan as sent to {data['recipient']}.")
            return redirect(reverse("publishing:year", kwargs={"partnership": partnership, "year": year}))
    return render(
        request,
        "governance/plan_sent_form.html",
        {
            "partnership": plan_year.partnership,
            "plan_year": plan_year,
            "form": form,
            "publications": publications,
            "page_title": f"Record the {plan_year.label} plan as sent to the policing body",
            "cancel_url": reverse("publishing:year", kwargs={"partnership": partnership, "year": year}),
        },
    )
