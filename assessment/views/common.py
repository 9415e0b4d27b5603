"""Breadcrumbs and the cached page content shared by the assessment views."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

from assessment.cache import crime_data_version
from core.pagecache import page_part


def crumbs(csp: Any, *items: tuple[str, str]) -> list[dict[str, str]]:
    """'Strategic assessment', then each (label, url); the current page comes last with url ""."""
    home = {"label": "Strategic assessment", "url": reverse("assessment:index", args=[csp.slug])}
    return [home, *({"label": label, "url": url} for label, url in items)]


def indicator_crumbs(csp: Any, label: str) -> list[dict[str, str]]:
    return crumbs(csp, ("Partner indicators", reverse("assessment:indicators", args=[csp.slug])), (label, ""))


def assessment_crumbs(
    assessment: Any, label: str | None = None, *, scoring: bool = False
) -> list[dict[str, str]]:
    """The assessment's own page, or a page below it (through 'Scoring and priorities' if `scoring`)."""
    csp = assessment.partnership
    if label is None:
        return crumbs(csp, (assessment.title, ""))
    items = [(assessment.title, reverse("assessment:detail", args=[csp.slug, assessment.slug]))]
    if scoring:
        items.append(
            ("Scoring and priorities", reverse("assessment:scoring", args=[csp.slug, assessment.slug]))
        )
    return crumbs(csp, *items, (label, ""))


def cached_page(
    request: HttpRequest,
    *,
    name: str,
    partnership: Any,
    template: str,
    content: Callable[[], dict[str, Any]],
    **layout: Any,
) -> HttpResponse:
    """`template`'s content block rendered with `content()`, cached until the partnership's records
    (ADR 0019) or the crime and reference data (ADR 0024) change, inside the layout (`base.html`
    with `layout`: the title and breadcrumbs), which is rendered on every request. The door must
    have opened before; audit events the content writes are written again when it is served."""
    body = page_part(
        request,
        name=f"{name}:{crime_data_version()}",
        partnership_id=partnership.pk,
        build=lambda: render_to_string(
            template,
            {"partnership": partnership, **content(), **layout, "layout": "assessment/part.html"},
            request=request,
        ),
    )
    return render(request, "assessment/page.html", {"partnership": partnership, **layout, "body": body})
