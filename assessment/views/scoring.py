"""The scoring matrix: criteria, candidate issues, each scorer's scores, ranking and choosing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from assessment import access, report, scoring_data, selectors, services
from assessment.forms import ChoosePrioritiesForm, CriterionForm, IssueForm, ScoreForm
from assessment.views.common import assessment_crumbs
from core.access import NotFound, Purpose
from core.errors import ServiceError

MANAGE = Purpose.MANAGE


@login_required
@require_http_methods(["GET", "POST"])
def scoring(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug)
    ranked, criteria, issues = report.ranking(assessment)
    can_manage = access.can_manage(request.user, assessment.partnership)
    ordered_issues = [issues[r.issue_id] for r in ranked]
    form = ChoosePrioritiesForm(
        request.POST if request.method == "POST" else None,
        issues=ordered_issues,
        initial={"issues": [str(i.pk) for i in ordered_issues if i.chosen]},
    )
    if request.method == "POST":
        if not can_manage:
            raise NotFound("No such page.")
        if form.is_valid():
            try:
                plan_year, priorities = services.priorities_choose(
                    assessment=assessment,
                    issue_ids=[int(i) for i in form.cleaned_data["issues"]],
                    actor=request.user,
                )
            except ServiceError as error:
                form.add_error("issues", str(error))
            else:
                messages.success(
                    request, f"{len(priorities)} priorities are in the draft {plan_year.label} plan."
                )
                return redirect("assessment:scoring", partnership=partnership, slug=slug)
    individual = selectors.scores_by_issue(ordered_issues)
    all_scores = [s for i in issues.values() for s in selectors.issue_scores(i)]
    my_scores = {s.issue_id for s in all_scores if s.scorer_id == request.user.pk}
    return render(
        request,
        "assessment/scoring.html",
        {
            "assessment": assessment,
            "partnership": assessment.partnership,
            "ranked": ranked,
            "criteria": criteria,
            "issues": ordered_issues,
            "my_scores": my_scores,
            "individual": [(i, individual[i.pk]) for i in ordered_issues if individual[i.pk]],
            "form": form,
            "can_manage": can_manage,
            "can_score": access.can_score(request.user, assessment.partnership),
            "example_sources": ["Example scores"] if any(s.is_example for s in all_scores) else [],
            "page_title": f"Scoring – {assessment.title}",
            "breadcrumbs": assessment_crumbs(assessment, "Scoring and priorities"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def score(request: HttpRequest, partnership: str, slug: str, issue_id: int) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug)
    issue = selectors.issue(request.user, assessment, issue_id, for_=Purpose.REPORT)
    criteria = selectors.criteria(assessment)
    existing = selectors.own_scores(request.user, issue)
    form = ScoreForm(request.POST if request.method == "POST" else None, criteria=criteria, existing=existing)
    panel = scoring_data.issue_panel(assessment, issue)
    asked = scoring_data.questions(criteria, panel["data"])
    scoring_data.preselect(form, asked, existing)
    if request.method == "POST" and form.is_valid():
        try:
            for criterion in criteria:
                services.score_record(
                    issue=issue,
                    criterion=criterion,
                    actor=request.user,
                    value=form.cleaned_data[f"value_{criterion.pk}"],
                    confidence=form.cleaned_data[f"confidence_{criterion.pk}"],
                    rationale=form.cleaned_data[f"rationale_{criterion.pk}"],
                )
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Your scores for {issue.title} are saved.")
            return redirect("assessment:scoring", partnership=partnership, slug=slug)
    return render(
        request,
        "assessment/score.html",
        {
            "assessment": assessment,
            "issue": issue,
            "form": form,
            "panel": panel,
            "rows": [(*row, q) for row, q in zip(form.rows(), asked, strict=True)],
            "partnership": assessment.partnership,
            "page_title": f"Score {issue.title}",
            "breadcrumbs": assessment_crumbs(assessment, f"Score {issue.title}"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def issue_add(request: HttpRequest, partnership: str, slug: str) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    form = IssueForm(request.POST if request.method == "POST" else None, initial={"kind": "theme"})
    if request.method == "POST" and form.is_valid():
        try:
            services.issue_create(assessment=assessment, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error("title", str(error))
        else:
            messages.success(request, "Candidate issue added.")
            return redirect("assessment:scoring", partnership=partnership, slug=slug)
    return render(
        request,
        "assessment/form.html",
        {
            "form": form,
            "partnership": assessment.partnership,
            "page_title": "Add a candidate issue",
            "button": "Add issue",
            "breadcrumbs": assessment_crumbs(assessment, "Add a candidate issue"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_edit(
    request: HttpRequest, partnership: str, slug: str, criterion_id: int | None = None
) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    criterion = None
    initial = {"weight": 1, "scale_min": 1, "scale_max": 5}
    if criterion_id is not None:
        criterion = selectors.criterion(request.user, assessment, criterion_id, for_=MANAGE)
        initial = {f: getattr(criterion, f) for f in CriterionForm.base_fields}
    form = CriterionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.criterion_save(
                assessment=assessment, criterion=criterion, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Criterion saved.")
            return redirect("assessment:scoring", partnership=partnership, slug=slug)
    title = f"Edit criterion {criterion.name}" if criterion else "Add a criterion"
    return render(
        request,
        "assessment/form.html",
        {
            "form": form,
            "partnership": assessment.partnership,
            "page_title": title,
            "button": "Save criterion",
            "cancel_url": reverse("assessment:scoring", args=[partnership, slug]),
            "delete_url": reverse("assessment:criterion_delete", args=[partnership, slug, criterion.pk])
            if criterion
            else "",
            "delete_label": f"Delete the criterion {criterion.name}" if criterion else "",
            "breadcrumbs": assessment_crumbs(assessment, title),
        },
    )
