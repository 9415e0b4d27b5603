"""Reads of published public summaries.

`published_summary` is the one public exception (pages under /p/, no sign-in): it reads only
*published* versions, byte for byte. The signed-in page lists versions through the visibility
queryset of `assessment.access`.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from assessment.access import summary_publications_visible_to
from assessment.models import Assessment, SummaryPublication
from core.actors import Actor
from partnership.models import Partnership
from publishing.selectors import Withdrawn, withdrawn_notice

_FILES = ("html", "pdf")


def published_summary(partnership_slug: str, slug: str, number: int | None = None) -> SummaryPublication:
    """Public: the numbered version, or the newest version not withdrawn, of an assessment's summary.

    404 when nothing is published (or no such version); `Withdrawn` (410) when it, or every version,
    was withdrawn.
    """
    qs = (
        SummaryPublication.objects.filter(partnership__slug=partnership_slug, assessment__slug=slug)
        .select_related("assessment", "partnership", "withdrawal")
        .order_by("-number")
    )
    if number is not None:
        qs = qs.filter(number=number)
    publications = list(qs.defer(*_FILES))
    if not publications:
        raise Http404("No published summary.")
    standing = next((p for p in publications if p.withdrawal_or_none is None), None)
    if standing is None:
        last = max((p.withdrawal_or_none for p in publications), key=lambda w: w.withdrawn_at)
        raise Withdrawn(withdrawn_notice(last, "This version" if number is not None else "This summary"))
    return qs.get(pk=standing.pk)


def summary_versions(actor: Actor, assessment: Assessment) -> QuerySet[SummaryPublication]:
    """Signed-in: every published version of the assessment's summary, newest first (no files)."""
    return (
        summary_publications_visible_to(actor)
        .filter(assessment=assessment)
        .defer(*_FILES)
        .select_related("withdrawal", "published_by")
        .order_by("-number")
    )


def published_summary_links(partnership: Partnership) -> list[tuple[str, list[tuple[str, str]]]]:
    """Public: a link to each assessment's summary that has a version standing (for the partnership's
    public page, through `publishing.public_links`)."""
    standing = (
        SummaryPublication.objects.filter(partnership=partnership, withdrawal__isnull=True)
        .defer(*_FILES)
        .select_related("assessment")
        .order_by("-assessment__slug", "-number")
    )
    links: dict[str, tuple[str, str]] = {}
    for version in standing:
        assessment = version.assessment
        links.setdefault(
            assessment.slug,
            (
                f"{assessment.title}: public summary (version {version.number}, "
                f"published {version.published_at:%-d %B %Y})",
                reverse("public_assessment:summary", args=[partnership.slug, assessment.slug]),
            ),
        )
    return [("Strategic Assessments", list(links.values()))] if links else []
