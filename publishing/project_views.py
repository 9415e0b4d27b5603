"""Coordinators' pages for the review of projects and initiatives: narrative, quotes and photographs."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.errors import ServiceError
from core.history import history_rows
from publishing import selectors, services
from publishing.forms import PhotoForm, ProjectReviewForm, QuoteForm


def _urls(plan_year: Any) -> tuple[str, str]:
    kwargs = {"partnership": plan_year.partnership.slug, "year": plan_year.slug}
    return reverse("publishing:documents", args=[plan_year.partnership.slug]), reverse(
        "publishing:year", kwargs=kwargs
    )


def _review_url(review: Any) -> str:
    return reverse(
        "publishing:project",
        kwargs={"partnership": review.partnership.slug, "year": review.plan_year.slug, "review": review.pk},
    )


def _page(request: HttpRequest, plan_year: Any, context: dict[str, Any], label: str) -> HttpResponse:
    documents_url, year_url = _urls(plan_year)
    context.setdefault("quote_form", None)
    context.setdefault("photo_form", None)
    context.update(
        partnership=plan_year.partnership,
        plan_year=plan_year,
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
    plan_year = selectors.plan_year_for_coordinator(request.user, partnership, year)
    form = ProjectReviewForm(request.POST or None, plan_year=plan_year)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.project_review_save(plan_year=plan_year, user=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Added the review. You can now add quotes and photographs.")
            return redirect(_review_url(review))
    return _page(request, plan_year, {"form": form}, "Add a review of projects and initiatives")


@login_required
def project(request: HttpRequest, partnership: str, year: str, review: int) -> HttpResponse:
    plan_year = selectors.plan_year_for_coordinator(request.user, partnership, year)
    found = selectors.project_review_for_coordinator(request.user, plan_year, review)
    initial = {"priority": found.priority, "title": found.title, "narrative": found.narrative}
    form = ProjectReviewForm(request.POST or None, plan_year=plan_year, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_review_save(
                plan_year=plan_year, user=request.user, review=found, **form.cleaned_data
            )
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
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
    plan_year = selectors.plan_year_for_coordinator(request.user, partnership, year)
    found = selectors.project_review_for_coordinator(request.user, plan_year, review)
    services.project_review_delete(review=found, user=request.user)
    messages.success(request, "Deleted the review.")
    return redirect(_urls(plan_year)[1])


def _child_form_page(request: HttpRequest, plan_year: Any, review: Any, **forms: Any) -> HttpResponse:
    form = ProjectReviewForm(
        plan_year=plan_year,
        initial={"priority": review.priority, "title": review.title, "narrative": review.narrative},
    )
    context = {"form": form, "review": review, "quote_form": QuoteForm(), "photo_form": PhotoForm()}
    context.update(forms, history=history_rows(review))
    return _page(request, plan_year, context, f"Edit the review: {review}")


@login_required
@require_POST
def quote_add(request: HttpRequest, partnership: str, year: str, review: int) -> HttpResponse:
    plan_year = selectors.plan_year_for_coordinator(request.user, partnership, year)
    found = selectors.project_review_for_coordinator(request.user, plan_year, review)
    form = QuoteForm(request.POST)
    if form.is_valid():
        services.quote_add(review=found, user=request.user, **form.cleaned_data)
        messages.success(request, "Added the quote.")
        return redirect(_review_url(found))
    return _child_form_page(request, plan_year, found, quote_form=form)


@login_required
@require_POST
def quote_delete(request: HttpRequest, partnership: str, year: str, review: int, quote: int) -> HttpResponse:
    plan_year = selectors.plan_year_for_coordinator(request.user, partnership, year)
    found = selectors.project_review_for_coordinator(request.user, plan_year, review)
    services.quote_delete(
        quote=selectors.quote_for_coordinator(request.user, found, quote), user=request.user
    )
    messages.success(request, "Removed the quote.")
    return redirect(_review_url(found))


@login_required
@require_POST
def photo_add(request: HttpRequest, partnership: str, year: str, review: int) -> HttpResponse:
    plan_year = selectors.plan_year_for_coordinator(request.user, partnership, year)
    found = selectors.project_review_for_coordinator(request.user, plan_year, review)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        services.photo_add(review=found, user=request.user, **form.cleaned_data)
        messages.success(request, "Added the photograph.")
        return redirect(_review_url(found))
    return _child_form_page(request, plan_year, found, photo_form=form)


@login_required
@require_POST
def photo_delete(request: HttpRequest, partnership: str, year: str, review: int, photo: int) -> HttpResponse:
    plan_year = selectors.plan_year_for_coordinator(request.user, partnership, year)
    found = selectors.project_review_for_coordinator(request.user, plan_year, review)
    services.photo_delete(
        photo=selectors.photo_for_coordinator(request.user, found, photo), user=request.user
    )
    messages.success(request, "Removed the photograph.")
    return redirect(_review_url(found))
