"""Breadcrumbs shared by the assessment views."""

from typing import Any

from django.urls import reverse


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
