"""ASB Case Review pages that reach into case work: linking case-work complaints, the case history
for the panel, and the "Case review recommendations" page of the case-work area."""

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from casereviews import access, selectors_casework, services_casework
from casereviews.forms_casework import FindCaseForm, LinkComplaintsForm
from casereviews.views.applications import CAPTION, _crumbs, _managed
from casereviews.views.common import application_url, case_page, team_for_cases
from casework.models import Task
from casework.views.common import case_work_view, crumbs
from core.views import run_service
from partnership.models import Partnership


@case_page
def complaint_link(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    """Find a case (GET), then tick its complaints to link (POST)."""
    team, found = _managed(request, partnership, pk)
    search = FindCaseForm(request.GET or request.POST or None)
    cases = (
        selectors_casework.linkable(request.user, found, search.cleaned_data["q"])
        if search.is_valid()
        else []
    )
    form = LinkComplaintsForm(request.POST or None, found=cases)
    if request.method == "POST" and form.is_valid():
        made, ok = run_service(
            form,
            services_casework.complaints_link,
            actor=request.user,
            application=found,
            incident_ids=form.cleaned_data["incidents"],
        )
        if ok and made is not None:
            messages.success(
                request, f"{len(made)} complaint{'s' if len(made) != 1 else ''} linked from case work."
            )
            return redirect(application_url(team, found.pk))
    title = "Link complaints from case work"
    return render(
        request,
        "casereviews/complaint_link.html",
        {
            "partnership": team,
            "app": found,
            "search": search,
            "form": form,
            "cases": cases,
            "searched": search.is_bound,
            "page_title": title,
            "breadcrumbs": [*_crumbs(team, found), {"label": title, "url": ""}],
        },
    )


@case_page
def case_history(request: HttpRequest, partnership: str, pk: int) -> HttpResponse:
    """The linked cases' records for the review panel, through case work's doors."""
    team = team_for_cases(request, partnership)
    found = access.access_application_by_id(request.user, pk, partnership=team)
    title = "Case history for the panel"
    return render(
        request,
        "casereviews/case_history.html",
        {
            "partnership": team,
            "app": found,
            "histories": selectors_casework.case_history(request.user, found),
            "linked": bool(selectors_casework.linked_incident_ids(request.user, found)),
            "today": timezone.localdate(),
            "page_title": title,
            "breadcrumbs": [*_crumbs(team, found), {"label": title, "url": ""}],
        },
    )


def task_status(task: Task, today: datetime.date) -> str:
    """Done, overdue or due, in words."""
    if task.done_on is not None:
        return f"Done on {task.done_on:%-d %B %Y}"
    if task.due_on < today:
        return f"Overdue: it was due on {task.due_on:%-d %B %Y}"
    return "Not done yet"


@case_work_view
def recommendations(request: HttpRequest, p: Partnership) -> HttpResponse:
    """Case review recommendations carried out as case-work tasks, on cases the person may see."""
    today = timezone.localdate()
    tasks = selectors_casework.recommendation_tasks(request.user, p)
    title = "Case review recommendations"
    return render(
        request,
        "casereviews/recommendations.html",
        {
            "partnership": p,
            "rows": [
                (task, task_status(task, today), task.due_on < today and not task.done_on) for task in tasks
            ],
            "caption": CAPTION,
            "page_title": title,
            "breadcrumbs": [*crumbs(p), {"label": title, "url": ""}],
        },
    )
