"""Coordinators' pages for the review of projects and initiatives: narrative, quotes and photographs,
and the photograph files themselves (members only)."""

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from core.access import NotFound, Purpose
from core.history import history_rows
from core.views import run_service
from planning.models import PlanYear
from publishing import selectors, services
from publishing.forms import PhotoForm, ProjectReviewForm, QuoteForm
from publishing.models import ProjectReview
from publishing.storage import private_file_response

MANAGE = Purpose.MANAGE


def _urls(plan_year: PlanYear) -> tuple[str, str]:
    kwargs = {"partnership": plan_year.partnership.slug, "year": plan_year.slug}
    return reverse("publishing:documents", args=[plan_year.partnership.slug]), reverse(
        "publishing:year", kwargs=kwargs
    )


def _review_url(review: ProjectReview) -> str:
    return reverse(
        "publishing:project",
        kwargs={"partnership": review.partnership.slug, "year": review.plan_year.slug, "review": review.pk},
    )


def _review(request: HttpRequest, partnership: str, year: str, review: int) -> tuple[PlanYear, ProjectReview]:
    """The plan year (coordinators only) and its review, through their doors."""
    plan_year = selectors.plan_year(request.user, partnership, year, for_=MANAGE)
    return plan_year, selectors.project_review(request.user, plan_year, review, for_=MANAGE)


def _review_form(plan_year: PlanYear, review: ProjectReview, data: Any = None) -> ProjectReviewForm:
    return ProjectReviewForm(
        data,
        priorities=selectors.reviewable_priorities(plan_year),
        initial={"priority": review.priority, "title": review.title, "narrative": review.narrative},
    )


def _page(request: HttpRequest, plan_year: PlanYear, context: dict[str, Any], label: str) -> HttpResponse:
    documents_url, year_url = _urls(plan_year)
    context.setdefault("quote_form", None)
    context.setdefault("photo_form", None)
    review = context.get("review")
    context.update(
        partnership=plan_year.partnership,
        plan_year=plan_year,
        quotes=selectors.quotes(request.user, review) if review else [],
        photos=selectors.photos(request.user, review) if review else [],
        page_title=label,
        breadcrumbs=[
            {"label": "Plan documents", "url": documents_url},
            {"label": plan_year.label, "url": year_url},
            {"label": label, "url": ""},
        ],
    )
    return render(request, "publishing/project_form.html", context)


@login_required
def project_add(request: HttpRequest, partnership: str, year: str) -> HttpResponse:
    plan_year = selectors.plan_year(request.user, partnership, year, for_=MANAGE)
    form = ProjectReviewForm(request.POST or None, priorities=selectors.reviewable_priorities(plan_year))
    if request.method == "POST" and form.is_valid():
        review, saved = run_service(
            form, services.project_review_save, plan_year=plan_year, actor=request.user, **form.cleaned_data
        )
        if saved and review is not None:
            messages.success(request, "Added the review. You can now add quotes and photographs.")
            return redirect(_review_url(review))
    return _page(request, plan_year, {"form": form}, "Add a review of projects and initiatives")


@login_required
def project(request: HttpRequest, partnership: str, year: str, review: int) -> HttpResponse:
    plan_year, found = _review(request, partnership, year, review)
    form = _review_form(plan_year, found, request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, saved = run_service(
            form,
            services.project_review_save,
            plan_year=plan_year,
            actor=request.user,
            review=found,
            **form.cleaned_data,
        )
        if saved:
            messages.success(request, "Saved the review.")
            return redirect(_urls(plan_year)[1])
    context = {
        "form": form,
        "review": found,
        "quote_form": QuoteForm(),
        "photo_form": PhotoForm(),
        "history": history_rows(found),
    }
    return _page(request, plan_year, context, f"Edit the review: {found}")


@login_required
@require_POST
def project_delete(request: HttpRequest, partnership: str, year: str, review: int) -> HttpResponse:
    plan_year, found = _review(request, partnership, year, review)
    run_service(None, services.project_review_delete, review=found, actor=request.user)
    messages.success(request, "Deleted the review.")
    return redirect(_urls(plan_year)[1])


def _child_form_page(
    request: HttpRequest, plan_year: PlanYear, review: ProjectReview, **forms: Any
) -> HttpResponse:
    context = {
        "form": _review_form(plan_year, review),
        "review": review,
        "quote_form": QuoteForm(),
        "photo_form": PhotoForm(),
    }
    context.update(forms, history=history_rows(review))
    return _page(request, plan_year, context, f"Edit the review: {review}")


@login_required
@require_POST
def quote_add(request: HttpRequest, partnership: str, year: str, review: int) -> HttpResponse:
    plan_year, found = _review(request, partnership, year, review)
    form = QuoteForm(request.POST)
    if form.is_valid():
        _, saved = run_service(
            form, services.quote_add, review=found, actor=request.user, **form.cleaned_data
        )
        if saved:
            messages.success(request, "Added the quote.")
            return redirect(_review_url(found))
    return _child_form_page(request, plan_year, found, quote_form=form)


@login_required
@require_POST
def quote_delete(request: HttpRequest, partnership: str, year: str, review: int, quote: int) -> HttpResponse:
    _, found = _review(request, partnership, year, review)
    chosen = selectors.quote(request.user, found, quote, for_=MANAGE)
    run_service(None, services.quote_delete, quote=chosen, actor=request.user)
    messages.success(request, "Removed the quote.")
    return redirect(_review_url(found))


@login_required
@require_POST
def photo_add(request: HttpRequest, partnership: str, year: str, review: int) -> HttpResponse:
    plan_year, found = _review(request, partnership, year, review)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        _, saved = run_service(
            form, services.photo_add, review=found, actor=request.user, **form.cleaned_data
        )
        if saved:
            messages.success(request, "Added the photograph.")
            return redirect(_review_url(found))
    return _child_form_page(request, plan_year, found, photo_form=form)


@login_required
@require_POST
def photo_delete(request: HttpRequest, partnership: str, year: str, review: int, photo: int) -> HttpResponse:
    _, found = _review(request, partnership, year, review)
    chosen = selectors.photo(request.user, found, photo, for_=MANAGE)
    run_service(None, services.photo_delete, photo=chosen, actor=request.user)
    messages.success(request, "Removed the photograph.")
    return redirect(_review_url(found))


@login_required
@require_GET
def photo_file(
    request: HttpRequest, partnership: str, year: str, review: int, photo: int
) -> HttpResponseBase:
    """The uploaded file, to members of the partnership only (ADR 0009): never public, never cached.

    The public sees a photograph only as part of a published plan, where it is embedded in the
    stored, immutable HTML, PDF and Word files.
    """
    plan_year = selectors.plan_year(request.user, partnership, year)
    found = selectors.project_review(request.user, plan_year, review, for_=Purpose.VIEW)
    chosen = selectors.photo(request.user, found, photo, for_=Purpose.VIEW)
    name = chosen.image.name or ""
    if not name or not chosen.image.storage.exists(name):
        raise NotFound("The photograph's file is missing.")
    suffix = Path(name).suffix.lower()
    return private_file_response(chosen.image, filename=f"photo-{chosen.pk}{suffix}")
