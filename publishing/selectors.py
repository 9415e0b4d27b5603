"""Reads of plan documents and published versions. Restricted records come only through these doors."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from partnership.models import Partnership
from planning import selectors as planning_selectors
from planning.models import PlanYear, Priority
from publishing import access
from publishing.models import FeedbackQuote, PlanNarrative, PlanPublication, ProjectPhoto, ProjectReview

# Listing versions never loads the stored files.
_FILES = ("html", "pdf", "docx")


def publications(plan_year: PlanYear) -> QuerySet[PlanPublication]:
    return (
        PlanPublication.objects.filter(plan_year=plan_year, partnership=plan_year.partnership)
        .defer(*_FILES)
        .select_related("published_by")
        .order_by("-number")
    )


# --- Public pages (no sign-in): only what has been published ----------------------------------


@dataclass
class PublishedYear:
    plan_year: PlanYear
    versions: list[PlanPublication]

    @property
    def latest(self) -> PlanPublication:
        return self.versions[0]


def public_partnership(slug: str) -> Partnership:
    """A partnership that has published at least one plan; 404 otherwise (unknown ones included)."""
    partnership = Partnership.objects.filter(slug=slug, publications__isnull=False).distinct().first()
    if partnership is None:
        raise Http404("No published plans.")
    return partnership


def published_years(partnership: Partnership) -> list[PublishedYear]:
    versions = (
        PlanPublication.objects.filter(partnership=partnership)
        .defer(*_FILES)
        .select_related("plan_year")
        .order_by("-plan_year__start_date", "-number")
    )
    years: dict[int, PublishedYear] = {}
    for version in versions:
        years.setdefault(version.plan_year_id, PublishedYear(version.plan_year, [])).versions.append(version)
    return list(years.values())


def public_publication(partnership_slug: str, year_slug: str, number: int | None = None) -> PlanPublication:
    """The latest (or the numbered) published version of a plan year; 404 when there is none."""
    qs = PlanPublication.objects.filter(
        partnership__slug=partnership_slug, plan_year__slug=year_slug
    ).select_related("plan_year", "partnership")
    if number is not None:
        qs = qs.filter(number=number)
    publication = qs.order_by("-number").first()
    if publication is None:
        raise Http404("No published plan.")
    return publication


# --- Signed-in pages --------------------------------------------------------------------------


def plan_year_for_member(user, partnership_slug: str, year_slug: str | None = None) -> PlanYear:  # type: ignore[no-untyped-def]
    """A plan year of a partnership the user belongs to (any role); 404 otherwise."""
    return planning_selectors.access_plan_year(user, partnership_slug, year_slug)


def plan_year_for_coordinator(user, partnership_slug: str, year_slug: str) -> PlanYear:  # type: ignore[no-untyped-def]
    plan_year = plan_year_for_member(user, partnership_slug, year_slug)
    if not access.can_edit_documents(user, plan_year):
        raise Http404("No such page.")
    return plan_year


def narrative(plan_year: PlanYear) -> PlanNarrative | None:
    return PlanNarrative.objects.filter(plan_year=plan_year, partnership=plan_year.partnership).first()


def project_reviews(plan_year: PlanYear) -> QuerySet[ProjectReview]:
    return (
        ProjectReview.objects.filter(plan_year=plan_year, partnership=plan_year.partnership)
        .select_related("priority")
        .prefetch_related("photos", "quotes")
        .order_by("order", "pk")
    )


def project_review_for_coordinator(user, plan_year: PlanYear, review_id: int) -> ProjectReview:  # type: ignore[no-untyped-def]
    review = project_reviews(plan_year).filter(pk=review_id).first()
    if review is None or not access.can_edit_documents(user, plan_year):
        raise Http404("No such review.")
    return review


def quote_for_coordinator(user, review: ProjectReview, quote_id: int) -> FeedbackQuote:  # type: ignore[no-untyped-def]
    quote = review.quotes.filter(pk=quote_id).first()
    if quote is None or not access.can_edit_documents(user, review.plan_year):
        raise Http404("No such quote.")
    return quote


def photo_for_coordinator(user, review: ProjectReview, photo_id: int) -> ProjectPhoto:  # type: ignore[no-untyped-def]
    photo = review.photos.filter(pk=photo_id).first()
    if photo is None or not access.can_edit_documents(user, review.plan_year):
        raise Http404("No such photograph.")
    return photo


def reviewable_priorities(plan_year: PlanYear) -> QuerySet[Priority]:
    """Priorities a review of projects can be about: this year's and the previous year's."""
    from publishing.render.document import previous_year

    years = [plan_year] + ([p] if (p := previous_year(plan_year)) else [])
    return (
        Priority.objects.filter(plan_year__in=years)
        .select_related("plan_year")
        .order_by("-plan_year__start_date", "order", "pk")
    )
