"""Reads of plan documents and published versions.

Signed-in pages read through the doors and visibility querysets of `publishing.access`. The
`published_*` functions are the one public exception: they read *published* versions for anyone
(the pages under /p/), never drafts, reviews, photographs or anything else.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from core.access import Purpose
from core.actors import Actor
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership
from planning import access as planning_access
from planning import selectors as planning_selectors
from planning.models import (
    Action,
    Approach,
    Outcome,
    PlanYear,
    Priority,
    Update,
)
from publishing import access
from publishing.models import (
    FeedbackQuote,
    PlanNarrative,
    PlanPublication,
    PlanWithdrawal,
    ProjectPhoto,
    ProjectReview,
)

# Listing versions never loads the stored files.
_FILES = ("html", "pdf", "docx")


# --- Public pages (no sign-in): only what has been published ----------------------------------


class Withdrawn(Exception):
    """Public: the version asked for (or every version of the year) was withdrawn: 410 Gone."""

    def __init__(self, notice: str) -> None:
        super().__init__(notice)
        self.notice = notice


def withdrawal_of(publication: PlanPublication) -> PlanWithdrawal | None:
    """The withdrawal of a version already read (selected with it), None when it stands."""
    return publication.withdrawal_or_none


@dataclass
class PublishedYear:
    plan_year: PlanYear
    versions: list[PlanPublication]

    @property
    def latest(self) -> PlanPublication | None:
        """The newest version not withdrawn (None when every version was withdrawn)."""
        return next((v for v in self.versions if withdrawal_of(v) is None), None)


def published_partnership(slug: str) -> Partnership:
    """Public: a partnership that has published at least one plan or strategy; 404 otherwise (unknown
    ones too)."""
    published = Q(publications__isnull=False) | Q(strategy_publications__isnull=False)
    partnership = Partnership.objects.filter(published, slug=slug).distinct().first()
    if partnership is None:
        raise Http404("No published plans.")
    return partnership


def published_years(partnership: Partnership) -> list[PublishedYear]:
    """Public: the partnership's published versions (withdrawn ones marked), by plan year, newest first."""
    versions = (
        PlanPublication.objects.filter(partnership=partnership)
        .defer(*_FILES)
        .select_related("plan_year", "withdrawal")
        .order_by("-plan_year__start_date", "-number")
    )
    years: dict[int, PublishedYear] = {}
    for version in versions:
        years.setdefault(version.plan_year_id, PublishedYear(version.plan_year, [])).versions.append(version)
    return list(years.values())


def withdrawn_notice(withdrawal: PlanWithdrawal, what: str = "This version") -> str:
    """The public notice of a withdrawal: its date, never its reason."""
    return f"{what} was withdrawn on {withdrawal.withdrawn_at:%-d %B %Y}."


def published_version(partnership_slug: str, year_slug: str, number: int | None = None) -> PlanPublication:
    """Public: the numbered version, or the newest version not withdrawn, of a plan year.

    404 when there is no such version; `Withdrawn` (410) when it, or every version, was withdrawn.
    """
    qs = (
        PlanPublication.objects.filter(partnership__slug=partnership_slug, plan_year__slug=year_slug)
        .select_related("plan_year", "partnership", "withdrawal")
        .order_by("-number")
    )
    if number is not None:
        qs = qs.filter(number=number)
    publications = list(qs.defer(*_FILES))
    if not publications:
        raise Http404("No published plan.")
    standing = next((p for p in publications if withdrawal_of(p) is None), None)
    if standing is None:
        last = max((w for p in publications if (w := withdrawal_of(p))), key=lambda w: w.withdrawn_at)
        raise Withdrawn(withdrawn_notice(last, "This version" if number is not None else "This plan"))
    return qs.get(pk=standing.pk)


# --- Signed-in pages --------------------------------------------------------------------------


def partnership(actor: Actor, slug: str) -> Partnership:
    return access_partnership_by_slug(actor, slug)


def plan_year_partnership(actor: Actor, slug: str, *, for_: Purpose = Purpose.VIEW) -> Partnership:
    """The partnership whose plan documents the actor may use for `for_` (MANAGE: coordinators)."""
    return access_partnership_by_slug(actor, slug, for_=for_)


def plan_year(
    actor: Actor, partnership_slug: str, year_slug: str | None = None, *, for_: Purpose = Purpose.VIEW
) -> PlanYear:
    """A plan year of a partnership the actor may use for `for_`; NotFound otherwise.

    MANAGE is asked of the partnership's documents (coordinators); the plan year itself is read.
    """
    return planning_access.access_plan_year(actor, partnership_slug, year_slug, for_=for_)


def plan_years(actor: Actor, partnership: Partnership) -> QuerySet[PlanYear]:
    return planning_selectors.plan_years(partnership)


def publications(actor: Actor, plan_year: PlanYear) -> QuerySet[PlanPublication]:
    """Every published version of the plan year, newest first, without the stored files."""
    return (
        access.plan_publications_visible_to(actor)
        .filter(plan_year=plan_year)
        .defer(*_FILES)
        .select_related("published_by")
        .order_by("-number")
    )


def withdrawals(actor: Actor, plan_year: PlanYear) -> dict[int, PlanWithdrawal]:
    """The withdrawals of the plan year's versions, by version id."""
    found = (
        access.plan_withdrawals_visible_to(actor)
        .filter(publication__plan_year=plan_year)
        .select_related("withdrawn_by")
    )
    return {w.publication_id: w for w in found}


def publication(actor: Actor, plan_year: PlanYear, number: int) -> PlanPublication:
    """One version of the plan year by its number, through the door (NotFound otherwise)."""
    found = (
        access.plan_publications_visible_to(actor)
        .filter(plan_year=plan_year, number=number)
        .values_list("pk", flat=True)
        .first()
    )
    return access.access_plan_publication_by_id(actor, found, plan_year=plan_year)


def narrative(actor: Actor, plan_year: PlanYear) -> PlanNarrative | None:
    return access.narratives_visible_to(actor).filter(plan_year=plan_year).first()


def project_reviews(actor: Actor, plan_year: PlanYear) -> list[ProjectReview]:
    """The plan year's reviews, each with `quote_count` and `photo_count`."""
    return list(
        access.project_reviews_visible_to(actor)
        .filter(plan_year=plan_year)
        .select_related("priority")
        .annotate(quote_count=Count("quotes", distinct=True), photo_count=Count("photos", distinct=True))
        .order_by("order", "pk")
    )


def project_review(actor: Actor, plan_year: PlanYear, review_id: object, *, for_: Purpose) -> ProjectReview:
    return access.access_project_review_by_id(actor, review_id, for_=for_, plan_year=plan_year)


def quotes(actor: Actor, review: ProjectReview) -> list[FeedbackQuote]:
    return list(access.feedback_quotes_visible_to(actor).filter(review=review).order_by("order", "pk"))


def photos(actor: Actor, review: ProjectReview) -> list[ProjectPhoto]:
    return list(access.project_photos_visible_to(actor).filter(review=review).order_by("order", "pk"))


def quote(actor: Actor, review: ProjectReview, quote_id: object, *, for_: Purpose) -> FeedbackQuote:
    return access.access_feedback_quote_by_id(actor, quote_id, for_=for_, review=review)


def photo(actor: Actor, review: ProjectReview, photo_id: object, *, for_: Purpose) -> ProjectPhoto:
    return access.access_project_photo_by_id(actor, photo_id, for_=for_, review=review)


def reviewable_priorities(plan_year: PlanYear) -> QuerySet[Priority]:
    """Priorities a review of projects can be about: this year's and the previous year's."""
    years = [plan_year] + ([p] if (p := previous_year(plan_year)) else [])
    return (
        Priority.objects.filter(plan_year__in=years)
        .select_related("plan_year")
        .order_by("-plan_year__start_date", "order", "pk")
    )


# --- What the plan document and the progress report read (of a plan year already opened) --------


@dataclass
class ReviewContent:
    review: ProjectReview
    sub_themes: list[str]
    photos: list[ProjectPhoto]
    quotes: list[FeedbackQuote]


def previous_year(plan_year: PlanYear) -> PlanYear | None:
    """The partnership's plan year that starts one year earlier."""
    start = plan_year.start_date
    try:
        wanted = start.replace(year=start.year - 1)
    except ValueError:  # 29 February
        wanted = start.replace(year=start.year - 1, day=28)
    found = PlanYear.objects.filter(partnership_id=plan_year.partnership_id, start_date=wanted).first()
    if found is not None:
        found.partnership = plan_year.partnership
    return found


def sub_theme_names(priority: Priority) -> list[str]:
    """The priority's sub-themes (read once; prefetched by the selectors below)."""
    return [s.name for s in priority.sub_themes.all()]


def document_narrative(plan_year: PlanYear) -> PlanNarrative | None:
    return PlanNarrative.objects.filter(plan_year=plan_year, partnership=plan_year.partnership_id).first()


@dataclass
class DocumentPriority:
    """A priority as the plan document prints it: its sub-themes, approaches, outcomes (each with
    the approach it sits under, if any), cross-cutting themes and places, all in order."""

    priority: Priority
    sub_themes: list[str]
    approaches: list[Approach]
    outcomes: list[Outcome]
    themes: list[str]
    places: list[str]


def document_priorities(plan_year: PlanYear) -> list[DocumentPriority]:
    priorities = Priority.objects.filter(plan_year=plan_year).prefetch_related(
        "sub_themes",
        Prefetch("approaches", queryset=Approach.objects.order_by("order", "pk")),
        Prefetch("outcomes", queryset=Outcome.objects.order_by("order", "pk")),
        "themes",
        "places",
    )
    return [
        DocumentPriority(
            priority=p,
            sub_themes=sub_theme_names(p),
            approaches=list(p.approaches.all()),
            outcomes=list(p.outcomes.all()),
            themes=[t.name for t in p.themes.all()],
            places=[place.name for place in p.places.all()],
        )
        for p in priorities.order_by("order", "pk")
    ]


def document_actions(plan_year: PlanYear) -> list[tuple[Action, list[Update]]]:
    """Every action of the plan year with its updates in period order."""
    return [(a, list(a.updates.all())) for a in planning_selectors.actions_for_year(plan_year)]


def document_reviews(plan_year: PlanYear) -> list[ReviewContent]:
    reviews = (
        ProjectReview.objects.filter(plan_year=plan_year, partnership=plan_year.partnership_id)
        .select_related("priority")
        .prefetch_related(
            Prefetch("photos", queryset=ProjectPhoto.objects.order_by("order", "pk")),
            Prefetch("quotes", queryset=FeedbackQuote.objects.order_by("order", "pk")),
            "priority__sub_themes",
        )
        .order_by("order", "pk")
    )
    return [
        ReviewContent(
            review=r,
            sub_themes=sub_theme_names(r.priority) if r.priority else [],
            photos=list(r.photos.all()),
            quotes=list(r.quotes.all()),
        )
        for r in reviews
    ]
