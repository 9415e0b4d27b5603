"""The CSU coordinator's pages: applications, their clock, complaints, decision, review and requests."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from casereviews import access, forms, letter, selectors, selectors_casework, services, services_casework
from casereviews.clock import LOCAL_PROCEDURE_LABEL
from casereviews.forms_casework import RecommendationTaskForm
from casereviews.models import Application
from casereviews.views.common import application_url, case_page, form_page, list_url, team_for_cases
from casework.selectors import case_workers
from core.access import NotFound, Purpose
from core.views import run_service
from partnership.models import Partnership

CAPTION = "ASB Case Reviews"


def _crumbs(team: Partnership, application: Application | None = None) -> list[dict[str, str]]:
    crumbs = [{"label": CAPTION, "url": list_url(team)}]
    if application is not None:
        crumbs.append({"label": application.reference, "url": application_url(team, application.pk)})
    return crumbs


@case_page
def applications(request: HttpRequest, partnership: str) -> HttpResponse:
    team = team_for_cases(request, partnership)
    today = timezone.localdate()
    rows = selectors.application_rows(request.user, team, today)
    return render(
        request,
        "casereviews/applications.html",
        {
            "partnership": team,
            "rows": rows,
            "overdue": [(row, step) for row in rows for step in row.overdue],
            "today": today,
            "can_manage": access.can_manage_cases(request.user, team),
            "can_set_procedure": access.can_set_procedure(request.user, team),
            "clock_label": LOCAL_PROCEDURE_LABEL,
            "page_title": CAPTION,
        },
    )


@case_page
def application_create(request: HttpRequest, partnership: str) -> HttpResponse:
    team = team_for_cases(request, partnership, manage=True)
    procedure = selectors.procedure_of(team)
    form = forms.OfficerApplicationForm(request.POST or None, procedure=procedure)
    if request.method == "POST" and form.is_valid():
        made, ok = run_service(
            form,
            services.application_record,
            actor=request.user,
            partnership=team,
            route=form.cleaned_data["route"],
            application_date=form.cleaned_data["application_date"],
            complaints=form.complaints(),
            **form.applicant_fields(),
        )
        if ok and made is not None:
            messages.success(request, f"Application {made.reference} recorded.")
            return redirect(application_url(team, made.pk))
    return render(
        request,
        "casereviews/application_form.html",
        {
            "partnership": team,
            "form": form,
            "page_title": "Record an application",
            "breadcrumbs": [*_crumbs(team), {"label": "Record an application", "url": ""}],
        },
    )


@case_page
def application(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team = team_for_cases(request, partnership)
    found = selectors.application_file(request.user, team, pk)
    return render(
        request,
        "casereviews/application.html",
        {
            "partnership": team,
            "file": found,
            "app": found.application,
            "recommendation_rows": selectors_casework.recommendation_rows(
                request.user, found.recommendations
            ),
            "steps": [(step, step.state(timezone.localdate())) for step in found.steps],
            "today": timezone.localdate(),
            "can_manage": access.can_manage_cases(request.user, team),
            "clock_label": LOCAL_PROCEDURE_LABEL,
            "page_title": f"Application {found.application.reference}",
            "breadcrumbs": [*_crumbs(team), {"label": found.application.reference, "url": ""}],
        },
    )


def _managed(request: HttpRequest, partnership: str, pk: int) -> tuple[Partnership, Application]:
    team = team_for_cases(request, partnership, manage=True)
    return team, access.access_application_by_id(request.user, pk, for_=Purpose.MANAGE, partnership=team)


def _done(request: HttpRequest, team: Partnership, found: Application, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(application_url(team, found.pk))


@case_page
def acknowledge(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team, found = _managed(request, partnership, pk)
    form = forms.DateForm(request.POST or None, label="Date of the acknowledgement")
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form,
            services.application_acknowledge,
            actor=request.user,
            application=found,
            on=form.cleaned_data["on"],
        )
        if ok:
            return _done(request, team, found, "Acknowledgement recorded.")
    return form_page(
        request,
        team,
        form,
        title="Record the acknowledgement",
        caption=found.reference,
        submit="Save",
        cancel_url=application_url(team, found.pk),
        crumbs=_crumbs(team, found),
    )


@case_page
def contact(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team, found = _managed(request, partnership, pk)
    initial = {"contact_officer": found.contact_officer, "involvement": found.involvement}
    form = forms.ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.application_set_contact, actor=request.user, application=found, **form.cleaned_data
        )
        if ok:
            return _done(request, team, found, "Contact and involvement saved.")
    return form_page(
        request,
        team,
        form,
        title="Single point of contact and involvement",
        caption=found.reference,
        submit="Save",
        cancel_url=application_url(team, found.pk),
        crumbs=_crumbs(team, found),
    )


@case_page
def complaint_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team, found = _managed(request, partnership, pk)
    form = forms.ComplaintForm(request.POST or None, organisations=selectors.organisations_of(team))
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.complaint_add, actor=request.user, application=found, complaint=form.complaint()
        )
        if ok:
            return _done(request, team, found, "Complaint added.")
    return form_page(
        request,
        team,
        form,
        title="Add a complaint",
        caption=found.reference,
        submit="Add complaint",
        cancel_url=application_url(team, found.pk),
        crumbs=_crumbs(team, found),
        intro="A complaint qualifies when it was made within one month of the behaviour and the "
        "application within six months of the complaint (s.104(11)).",
    )


@case_page
def decision(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team, found = _managed(request, partnership, pk)
    file = selectors.file_of(request.user, found)
    form = forms.DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form,
            services.threshold_decide,
            actor=request.user,
            application=found,
            decided_on=form.cleaned_data["decided_on"],
            officer_met=form.officer_met(),
            reasons=form.cleaned_data["reasons"],
        )
        if ok:
            return _done(request, team, found, "Threshold decision recorded.")
    differ = (
        "An officer may record a different decision, with reasons, because the statutory rule did not decide it."
        if file.engine.officer_may_differ
        else "The statutory rule decided it (s.104(4)): the threshold must be met."
    )
    return form_page(
        request,
        team,
        form,
        title="Decide whether the threshold is met",
        caption=found.reference,
        submit="Record the decision",
        cancel_url=application_url(team, found.pk),
        crumbs=_crumbs(team, found),
        extra={"notes_title": "What the rules say", "notes": [*file.engine.explanation, differ]},
    )


@case_page
def review(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team, found = _managed(request, partnership, pk)
    current = selectors.file_of(request.user, found).review
    initial: dict[str, Any] = {}
    if current is not None:
        initial = {name: getattr(current, name) for name in services.REVIEW_FIELDS}
    form = forms.ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.review_save, actor=request.user, application=found, **form.cleaned_data
        )
        if ok:
            return _done(request, team, found, "Review saved.")
    procedure = selectors.procedure_of(team)
    intro = (
        "The partnership's procedure asks for an independent chair." if procedure.chair_independent else ""
    )
    return form_page(
        request,
        team,
        form,
        title="The case review",
        caption=found.reference,
        submit="Save the review",
        cancel_url=application_url(team, found.pk),
        crumbs=_crumbs(team, found),
        intro=intro,
    )


def _review_of(request: HttpRequest, partnership: str, pk: int) -> tuple[Partnership, Application, Any]:
    team, found = _managed(request, partnership, pk)
    current = selectors.file_of(request.user, found).review
    if current is None:
        messages.info(request, "Record the review meeting first.")
    return team, found, current


@case_page
def attendee_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team, found, current = _review_of(request, partnership, pk)
    if current is None:
        return redirect(application_url(team, found.pk))
    form = forms.AttendeeForm(request.POST or None, organisations=selectors.organisations_of(team))
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.attendee_add, actor=request.user, review=current, **form.cleaned_data
        )
        if ok:
            return _done(request, team, found, "Attendee added.")
    return form_page(
        request,
        team,
        form,
        title="Add an attendee",
        caption=found.reference,
        submit="Add attendee",
        cancel_url=application_url(team, found.pk),
        crumbs=_crumbs(team, found),
    )


@case_page
def recommendation_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team, found, current = _review_of(request, partnership, pk)
    if current is None:
        return redirect(application_url(team, found.pk))
    cases = list(selectors_casework.linked_cases(request.user, found))
    form = RecommendationTaskForm(
        request.POST or None,
        organisations=selectors.organisations_of(team),
        cases=cases,
        people=case_workers(team),
    )
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form,
            services_casework.recommendation_record,
            actor=request.user,
            review=current,
            **form.service_kwargs(),
        )
        if ok:
            return _done(request, team, found, "Recommendation added.")
    intro = (
        "It becomes a task on the linked case you choose, listed on the case-work page "
        "\u201cCase review recommendations\u201d."
        if cases
        else "No case is linked to this application, so the recommendation is recorded on the review "
        "only, not as a case-work task. To make it a task, link complaints from case work first."
    )
    return form_page(
        request,
        team,
        form,
        title="Add a recommendation",
        caption=found.reference,
        submit="Add recommendation",
        cancel_url=application_url(team, found.pk),
        crumbs=_crumbs(team, found),
        intro=intro,
    )


@case_page
def dissatisfaction_create(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    team, found = _managed(request, partnership, pk)
    form = forms.DissatisfactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.dissatisfaction_add, actor=request.user, application=found, **form.cleaned_data
        )
        if ok:
            return _done(request, team, found, "Request recorded.")
    body = selectors.procedure_of(team).dissatisfaction_body
    return form_page(
        request,
        team,
        form,
        title="Record a request to review the handling",
        caption=found.reference,
        submit="Record the request",
        cancel_url=application_url(team, found.pk),
        crumbs=_crumbs(team, found),
        intro=f"Heard by: {body}." if body else "The partnership has not yet set who hears these requests.",
    )


@case_page
def dissatisfaction_decide(request: HttpRequest, partnership: str, pk: int, request_id: int) -> HttpResponse:
    team, found = _managed(request, partnership, pk)
    current = selectors.dissatisfaction_of(request.user, found, request_id, for_=Purpose.MANAGE)
    initial = {"heard_by": current.heard_by, "decision": current.decision, "decided_on": current.decided_on}
    form = forms.DissatisfactionDecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        _, ok = run_service(
            form, services.dissatisfaction_decide, actor=request.user, request=current, **form.cleaned_data
        )
        if ok:
            return _done(request, team, found, "Decision on the request recorded.")
    return form_page(
        request,
        team,
        form,
        title="Decide on the request",
        caption=found.reference,
        submit="Record the decision",
        cancel_url=application_url(team, found.pk),
        crumbs=_crumbs(team, found),
        extra={"notes_title": "Grounds", "notes": [current.grounds]},
    )


@case_page
def outcome_letter(request: HttpRequest, partnership: str, pk: int, kind: str) -> HttpResponse:
    team = team_for_cases(request, partnership)
    found = selectors.application_file(request.user, team, pk)
    if found.review is None:
        raise NotFound("No such page.")
    built = letter.letter_of(found)
    name = f"{found.application.reference}-outcome-letter.{kind}"
    if kind == "pdf":
        response = HttpResponse(letter.letter_pdf(built), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{name}"'
    else:
        response = HttpResponse(
            letter.letter_docx(built),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
