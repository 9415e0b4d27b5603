"""The case-review agenda of a meeting (the CSU weekly meeting, ADR 0031) and the page recording
its minutes and actions for one case. Both behind the case-work door and two-factor sign-in; the
meeting is opened through governance's door, the cases through case work's (every read audited)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from casework import access, selectors, selectors_review, services_review
from casework.forms_review import CaseReviewForm
from casework.views.common import case_url, case_work_view, crumbs
from core.access import NotFound, Purpose
from core.views import run_service
from partnership.models import Partnership


def _agenda_url(p: Partnership, meeting_id: int) -> str:
    return reverse("casework:review_agenda", args=[p.slug, meeting_id])


@case_work_view
def review_agenda(request: HttpRequest, p: Partnership, meeting: int) -> HttpResponse:
    found = selectors_review.review_meeting(request.user, p.slug, meeting)
    agenda = selectors_review.review_agenda(request.user, found)
    return render(
        request,
        "casework/review_agenda.html",
        {
            "partnership": p,
            "agenda": agenda,
            "meeting": found,
            "page_title": f"Case-review agenda, {found.series.name}, {agenda.day:%-d %B %Y}",
            "breadcrumbs": crumbs(p, (f"{found.series.name}, {agenda.day:%-d %B %Y}", "")),
        },
    )


@case_work_view
def review_record(request: HttpRequest, p: Partnership, meeting: int, pk: int) -> HttpResponse:
    found = selectors_review.review_meeting(request.user, p.slug, meeting)
    case = access.access_case_by_id(request.user, pk, partnership=p)
    if not access.cases_visible_to(request.user, for_=Purpose.REPORT).filter(pk=case.pk).exists():
        raise NotFound("No such page.")  # reading a case is not enough to write into it
    form = CaseReviewForm(
        request.POST if request.method == "POST" else None,
        organisations=selectors.organisations(request.user, p),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _, ok = run_service(
            form,
            services_review.case_review_record,
            actor=request.user,
            meeting=found,
            case=case,
            minutes=data["minutes"],
            confidentiality=data["confidentiality"],
            action=data["action"],
            owner_organisation=data["owner_organisation"],
            due_on=data["due_on"],
        )
        if ok:
            messages.success(request, f"Recorded for case {case.reference}.")
            return redirect(_agenda_url(p, found.pk))
    day = selectors_review.meeting_day(found)
    return render(
        request,
        "casework/review_record.html",
        {
            "partnership": p,
            "form": form,
            "case": case,
            "meeting": found,
            "entries": selectors_review.case_entries(request.user, found, case),
            "page_title": f"Minutes and actions for case {case.reference}",
            "caption": f"{found.series.name}, {day:%-d %B %Y}",
            "breadcrumbs": crumbs(
                p,
                (f"{found.series.name}, {day:%-d %B %Y}", _agenda_url(p, found.pk)),
                (f"Case {case.reference}", case_url(p, case.pk)),
            ),
            "cancel": _agenda_url(p, found.pk),
        },
    )
