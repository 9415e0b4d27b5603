"""Scoring with the data beside it: a criterion's rule for suggestions, the coordinator's page of
disagreements and the sensitivity of the ranking to the weights (ADR 0029)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from assessment import scoring_data, selectors
from assessment.scoring_data_forms import CriterionRuleForm
from assessment.services.scoring_data import criterion_rule_save
from assessment.views.common import assessment_crumbs
from core.access import Purpose
from core.errors import ServiceError


@login_required
@require_http_methods(["GET", "POST"])
def criterion_rule(request: HttpRequest, partnership: str, slug: str, criterion_id: int) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=Purpose.MANAGE)
    criterion = selectors.criterion(request.user, assessment, criterion_id, for_=Purpose.MANAGE)
    form = CriterionRuleForm(request.POST if request.method == "POST" else None, criterion=criterion)
    if request.method == "POST" and form.is_valid():
        try:
            criterion_rule_save(
                criterion=criterion,
                actor=request.user,
                measure=form.cleaned_data["measure"],
                thresholds=form.thresholds(),
                significant_only=form.cleaned_data["significant_only"],
            )
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"The suggestion from the data for {criterion.name} is saved.")
            return redirect("assessment:scoring", partnership=partnership, slug=slug)
    title = f"Suggested score from the data: {criterion.name}"
    return render(
        request,
        "assessment/criterion_rule.html",
        {
            "assessment": assessment,
            "criterion": criterion,
            "form": form,
            "rule": scoring_data.criterion_rule_words(criterion),
            "partnership": assessment.partnership,
            "cancel_url": reverse("assessment:scoring", args=[partnership, slug]),
            "page_title": title,
            "breadcrumbs": assessment_crumbs(assessment, title, scoring=True),
        },
    )


@login_required
@require_GET
def disagreements(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=Purpose.MANAGE)
    return render(
        request,
        "assessment/disagreements.html",
        {
            "assessment": assessment,
            "partnership": assessment.partnership,
            **scoring_data.disagreements(assessment),
            "page_title": f"Disagreements in scoring – {assessment.title}",
            "breadcrumbs": assessment_crumbs(assessment, "Disagreements in scoring", scoring=True),
        },
    )


@login_required
@require_GET
def sensitivity(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug)
    return render(
        request,
        "assessment/sensitivity.html",
        {
            "assessment": assessment,
            "partnership": assessment.partnership,
            **scoring_data.sensitivity_view(assessment),
            "page_title": f"How sensitive the ranking is to the weights – {assessment.title}",
            "breadcrumbs": assessment_crumbs(assessment, "Sensitivity to the weights", scoring=True),
        },
    )
