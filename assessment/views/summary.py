"""The public summary of an assessment: choose sections and publish (coordinators), list versions,
withdraw one. The public pages themselves are in `assessment.views.public`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from assessment import access, selectors
from assessment.selectors.summary import summary_versions
from assessment.services.summary import summary_publish, summary_withdraw
from assessment.summary_forms import DEFAULT_SECTIONS, SummaryForm
from assessment.views.common import assessment_crumbs
from core.access import Purpose
from core.views import run_service
from publishing.forms import WithdrawForm


@login_required
@require_http_methods(["GET", "POST"])
def summary(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    """Members see the published versions; coordinators also choose sections and publish."""
    assessment = selectors.assessment(request.user, partnership, slug)
    can_manage = access.can_manage(request.user, assessment.partnership)
    if request.method == "POST" and not can_manage:
        raise Http404("No such page.")
    versions = list(summary_versions(request.user, assessment))
    initial = {"sections": versions[0].sections if versions else DEFAULT_SECTIONS}
    form = SummaryForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        published, done = run_service(
            form,
            summary_publish,
            assessment=assessment,
            actor=request.user,
            sections=form.cleaned_data["sections"],
        )
        if done and published is not None:
            messages.success(request, f"Published version {published.number} of the public summary.")
            return redirect("assessment:summary", partnership=partnership, slug=slug)
    public_url = reverse("public_assessment:summary", args=[partnership, slug])
    return render(
        request,
        "assessment/summary.html",
        {
            "assessment": assessment,
            "partnership": assessment.partnership,
            "form": form,
            "versions": versions,
            "standing": next((v for v in versions if v.withdrawal_or_none is None), None),
            "public_url": public_url,
            "can_manage": can_manage,
            "page_title": f"Public summary of the {assessment.title}",
            "breadcrumbs": assessment_crumbs(assessment, "Public summary"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def summary_withdraw_view(request: HttpRequest, partnership: str, slug: str, number: int) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=Purpose.MANAGE)
    publication = summary_versions(request.user, assessment).filter(number=number).first()
    if publication is None:
        raise Http404("No such version.")
    withdrawn = publication.withdrawal_or_none
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and withdrawn is None and form.is_valid():
        _, done = run_service(
            form,
            summary_withdraw,
            publication=publication,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        if done:
            messages.success(
                request, f"Withdrew version {number} of the public summary. Its public pages now say so."
            )
            return redirect("assessment:summary", partnership=partnership, slug=slug)
    return render(
        request,
        "assessment/summary_withdraw.html",
        {
            "assessment": assessment,
            "partnership": assessment.partnership,
            "publication": publication,
            "withdrawn": withdrawn,
            "form": form,
            "page_title": f"Withdraw version {number} of the public summary",
            "breadcrumbs": assessment_crumbs(assessment, f"Withdraw version {number} of the public summary"),
        },
    )
