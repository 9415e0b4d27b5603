"""Changing and deleting what the partnership recorded: candidate issues, criteria, community views
and partner indicator figures. Every deletion asks first and is kept in history."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from assessment import access, community_links, selectors, services
from assessment.forms import CommunityViewForm, IndicatorForm, IssueForm
from assessment.views.common import assessment_crumbs, indicator_crumbs
from core.access import Purpose
from core.errors import ServiceError
from partnership.selectors import organisations

MANAGE = Purpose.MANAGE


def _confirm(
    request: HttpRequest,
    *,
    thing: str,
    name: str,
    caption: str,
    detail: str,
    cancel_url: str,
    delete: Callable[[], str],
    breadcrumbs: list[dict[str, str]],
) -> HttpResponse:
    """The "Delete this …?" page; on POST runs `delete` (which returns the success message)."""
    error = None
    if request.method == "POST":
        try:
            message = delete()
        except ServiceError as exc:
            error = str(exc)
        else:
            messages.success(request, message)
            return redirect(cancel_url)
    context = {
        "thing": thing,
        "name": name,
        "caption": caption,
        "detail": detail,
        "cancel_url": cancel_url,
        "error": error,
        "page_title": f"Delete this {thing}?",
        "breadcrumbs": breadcrumbs,
    }
    return render(request, "assessment/confirm_delete.html", context, status=400 if error else 200)


def _form_page(request: HttpRequest, form: Any, partnership: Any, **context: Any) -> HttpResponse:
    return render(request, "assessment/form.html", {"form": form, "partnership": partnership, **context})


@login_required
@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, partnership: str, slug: str, issue_id: int) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    issue = selectors.issue(request.user, assessment, issue_id, for_=MANAGE)
    fields = ("title", "kind", "crime_type", "description", "evidence")
    form = IssueForm(
        request.POST if request.method == "POST" else None, initial={f: getattr(issue, f) for f in fields}
    )
    scoring_url = reverse("assessment:scoring", args=[partnership, slug])
    if request.method == "POST" and form.is_valid():
        try:
            services.issue_edit(issue=issue, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error("title", str(error))
        else:
            messages.success(request, f"{issue.title} saved.")
            return redirect(scoring_url)
    return _form_page(
        request,
        form,
        assessment.partnership,
        page_title=f"Change {issue.title}",
        button="Save issue",
        cancel_url=scoring_url,
        delete_url=reverse("assessment:issue_delete", args=[partnership, slug, issue.pk]),
        delete_label=f"Delete {issue.title}",
        breadcrumbs=assessment_crumbs(assessment, "Change an issue", scoring=True),
    )


@login_required
@require_http_methods(["GET", "POST"])
def issue_delete(request: HttpRequest, partnership: str, slug: str, issue_id: int) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    issue = selectors.issue(request.user, assessment, issue_id, for_=MANAGE)
    count = selectors.score_count(issue=issue)
    detail = f"Its {count} score{'s' if count != 1 else ''} will be deleted too."
    if issue.priority_id:
        detail += " The priority already added to the plan from it stays in the plan."

    def delete() -> str:
        services.issue_delete(issue=issue, actor=request.user)
        return f"{issue.title} deleted."

    return _confirm(
        request,
        thing="candidate issue",
        name=issue.title,
        caption=assessment.title,
        detail=detail,
        cancel_url=reverse("assessment:scoring", args=[partnership, slug]),
        delete=delete,
        breadcrumbs=assessment_crumbs(assessment, "Delete an issue", scoring=True),
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_delete(request: HttpRequest, partnership: str, slug: str, criterion_id: int) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    criterion = selectors.criterion(request.user, assessment, criterion_id, for_=MANAGE)
    count = selectors.score_count(criterion=criterion)

    def delete() -> str:
        services.criterion_delete(criterion=criterion, actor=request.user)
        return f"Criterion {criterion.name} deleted."

    return _confirm(
        request,
        thing="criterion",
        name=criterion.name,
        caption=assessment.title,
        detail=f"Its {count} score{'s' if count != 1 else ''} will be deleted too, and the ranking recalculated.",
        cancel_url=reverse("assessment:scoring", args=[partnership, slug]),
        delete=delete,
        breadcrumbs=assessment_crumbs(assessment, "Delete a criterion", scoring=True),
    )


@login_required
@require_http_methods(["GET", "POST"])
def community_edit(request: HttpRequest, partnership: str, slug: str, view_id: int) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    view = selectors.community_view(request.user, assessment, view_id, for_=MANAGE)
    initial = {f: getattr(view, f) for f in CommunityViewForm.base_fields}
    form = CommunityViewForm(request.POST if request.method == "POST" else None, initial=initial)
    back = reverse("assessment:detail", args=[partnership, slug]) + "#community"
    if request.method == "POST" and form.is_valid():
        try:
            services.community_view_edit(view=view, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Community view saved.")
            return redirect(back)
    return _form_page(
        request,
        form,
        assessment.partnership,
        page_title="Change a community view",
        button="Save community view",
        cancel_url=back,
        delete_url=reverse("assessment:community_delete", args=[partnership, slug, view.pk]),
        delete_label=f"Delete the community view on {view.theme}",
        breadcrumbs=assessment_crumbs(assessment, "Change a community view"),
        # The engagement entries linked to it (linked from the engagement log's side).
        linked_engagement=community_links.links_for(request.user, [view.pk]).get(view.pk, []),
    )


@login_required
@require_http_methods(["GET", "POST"])
def community_delete(request: HttpRequest, partnership: str, slug: str, view_id: int) -> HttpResponse:
    assessment = selectors.assessment(request.user, partnership, slug, for_=MANAGE)
    view = selectors.community_view(request.user, assessment, view_id, for_=MANAGE)

    def delete() -> str:
        services.community_view_delete(view=view, actor=request.user)
        return f"Community view on {view.theme} deleted."

    return _confirm(
        request,
        thing="community view",
        name=f"{view.theme} ({view.source})",
        caption=assessment.title,
        detail="",
        cancel_url=reverse("assessment:detail", args=[partnership, slug]) + "#community",
        delete=delete,
        breadcrumbs=assessment_crumbs(assessment, "Delete a community view"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, partnership: str, measure_id: int) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership)
    measure = selectors.indicator_for_editor(request.user, csp, measure_id)
    allowed = access.indicator_organisation_ids(request.user, csp)
    orgs = organisations(csp) if allowed is None else organisations(csp).filter(pk__in=allowed)
    initial = {
        "name": measure.name,
        "organisation": measure.source_organisation,
        "quarter": measure.period_start,
        "value": measure.value,
        "unit": measure.unit,
        "note": measure.note,
    }
    form = IndicatorForm(
        request.POST if request.method == "POST" else None, organisations=orgs, initial=initial
    )
    back = reverse("assessment:indicators", args=[csp.slug])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.indicator_edit(measure=measure, actor=request.user, **form.indicator_fields())
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{data['name']} saved.")
            return redirect(back)
    return _form_page(
        request,
        form,
        csp,
        page_title=f"Change {measure.name}, {measure.period_label}",
        button="Save figure",
        cancel_url=back,
        delete_url=reverse("assessment:indicator_delete", args=[csp.slug, measure.pk]),
        delete_label=f"Delete this {measure.name} figure",
        breadcrumbs=indicator_crumbs(csp, "Change a figure"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_delete(request: HttpRequest, partnership: str, measure_id: int) -> HttpResponse:
    csp = selectors.partnership(request.user, partnership)
    measure = selectors.indicator_for_editor(request.user, csp, measure_id)
    organisation = measure.source_organisation.name if measure.source_organisation else "No organisation"

    def delete() -> str:
        services.indicator_delete(measure=measure, actor=request.user)
        return f"{measure.name}, {measure.period_label} deleted."

    return _confirm(
        request,
        thing="figure",
        name=f"{measure.name}, {measure.period_label} ({organisation}): {measure.display_value}",
        caption="Partner indicators",
        detail="",
        cancel_url=reverse("assessment:indicators", args=[csp.slug]),
        delete=delete,
        breadcrumbs=indicator_crumbs(csp, "Delete a figure"),
    )
