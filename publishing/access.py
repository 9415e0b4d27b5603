"""Who may see, edit and publish plan documents: one visibility queryset and one door per record.

Every member of a partnership reads its narratives, reviews, quotes, photographs and published
versions and withdrawals (VIEW); coordinators change them, publish and withdraw (MANAGE). Nobody
reports on them (REPORT answers none). Published versions and withdrawals never change, so MANAGE
answers none for them too.

The public pages under /p/ read *published* versions without an actor: that is the one public
exception, kept apart in `publishing.selectors.published_*` and never through these doors.
"""

from django.db.models import F, QuerySet

from core.access import Purpose, open_door, restricted
from core.actors import Actor
from partnership import access as partnership_access
from partnership.access import partnerships_visible_to
from partnership.models import Partnership
from planning.models import PlanYear, Strategy
from publishing.models import (
    FeedbackQuote,
    PlanNarrative,
    PlanPublication,
    PlanWithdrawal,
    ProjectPhoto,
    ProjectReview,
    StrategyPublication,
    StrategyWithdrawal,
)

# Every record also names its partnership: it must be its plan year's (defence in depth).


def _document_partnerships(actor: Actor, for_: Purpose) -> QuerySet[Partnership] | None:
    """Partnerships whose documents the actor may use for `for_`; None when the purpose has no sense."""
    if for_ == Purpose.REPORT:
        return None
    return partnerships_visible_to(actor, for_=for_)


@restricted(PlanNarrative, partnership="partnership")
def narratives_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[PlanNarrative]:
    partnerships = _document_partnerships(actor, for_)
    if partnerships is None:
        return PlanNarrative.objects.none()
    return PlanNarrative.objects.filter(partnership__in=partnerships, plan_year__partnership=F("partnership"))


@restricted(ProjectReview, partnership="partnership")
def project_reviews_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ProjectReview]:
    partnerships = _document_partnerships(actor, for_)
    if partnerships is None:
        return ProjectReview.objects.none()
    return ProjectReview.objects.filter(partnership__in=partnerships, plan_year__partnership=F("partnership"))


@restricted(ProjectPhoto, partnership="review__partnership")
def project_photos_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ProjectPhoto]:
    return ProjectPhoto.objects.filter(review__in=project_reviews_visible_to(actor, for_=for_))


@restricted(FeedbackQuote, partnership="review__partnership")
def feedback_quotes_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[FeedbackQuote]:
    return FeedbackQuote.objects.filter(review__in=project_reviews_visible_to(actor, for_=for_))


@restricted(PlanPublication, partnership="partnership")
def plan_publications_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[PlanPublication]:
    """Members see every version of their partnership's plans; nobody changes one."""
    if for_ != Purpose.VIEW:
        return PlanPublication.objects.none()
    return PlanPublication.objects.filter(
        partnership__in=partnerships_visible_to(actor, for_=for_), plan_year__partnership=F("partnership")
    )


@restricted(PlanWithdrawal, partnership="publication__partnership")
def plan_withdrawals_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[PlanWithdrawal]:
    """Members see the withdrawals (with their reasons) of their partnership's versions; nobody changes one."""
    if for_ != Purpose.VIEW:
        return PlanWithdrawal.objects.none()
    return PlanWithdrawal.objects.filter(publication__in=plan_publications_visible_to(actor, for_=for_))


def _within(**parent: object) -> dict[str, object] | None:
    found = {name: value for name, value in parent.items() if value is not None}
    return found or None


def access_plan_narrative_by_id(
    actor: Actor, narrative_id: object, *, for_: Purpose = Purpose.VIEW, plan_year: PlanYear | None = None
) -> PlanNarrative:
    return open_door(
        PlanNarrative,
        actor,
        narrative_id,
        for_=for_,
        within=_within(plan_year=plan_year),
        queryset=lambda qs: qs.select_related("plan_year", "partnership"),
    )


def access_project_review_by_id(
    actor: Actor, review_id: object, *, for_: Purpose = Purpose.VIEW, plan_year: PlanYear | None = None
) -> ProjectReview:
    return open_door(
        ProjectReview,
        actor,
        review_id,
        for_=for_,
        within=_within(plan_year=plan_year),
        queryset=lambda qs: qs.select_related("plan_year__partnership", "partnership", "priority"),
    )


def access_project_photo_by_id(
    actor: Actor, photo_id: object, *, for_: Purpose = Purpose.VIEW, review: ProjectReview | None = None
) -> ProjectPhoto:
    return open_door(
        ProjectPhoto,
        actor,
        photo_id,
        for_=for_,
        within=_within(review=review),
        queryset=lambda qs: qs.select_related("review__plan_year", "review__partnership"),
    )


def access_feedback_quote_by_id(
    actor: Actor, quote_id: object, *, for_: Purpose = Purpose.VIEW, review: ProjectReview | None = None
) -> FeedbackQuote:
    return open_door(
        FeedbackQuote,
        actor,
        quote_id,
        for_=for_,
        within=_within(review=review),
        queryset=lambda qs: qs.select_related("review__plan_year", "review__partnership"),
    )


def access_plan_publication_by_id(
    actor: Actor, publication_id: object, *, for_: Purpose = Purpose.VIEW, plan_year: PlanYear | None = None
) -> PlanPublication:
    return open_door(
        PlanPublication,
        actor,
        publication_id,
        for_=for_,
        within=_within(plan_year=plan_year),
        queryset=lambda qs: qs.defer("html", "pdf", "docx").select_related("plan_year", "partnership"),
    )


def access_plan_withdrawal_by_id(
    actor: Actor,
    withdrawal_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    publication: PlanPublication | None = None,
) -> PlanWithdrawal:
    return open_door(
        PlanWithdrawal,
        actor,
        withdrawal_id,
        for_=for_,
        within=_within(publication=publication),
        queryset=lambda qs: qs.select_related("publication__plan_year", "publication__partnership"),
    )


def can_edit_documents(actor: Actor, plan_year: PlanYear) -> bool:
    """Coordinators edit the narrative, the reviews and publish (pages use it to show the buttons)."""
    return partnership_access.may(actor, plan_year.partnership, Purpose.MANAGE)


@restricted(StrategyPublication, partnership="partnership")
def strategy_publications_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[StrategyPublication]:
    """Members see every version of their partnership's strategies; nobody changes one."""
    if for_ != Purpose.VIEW:
        return StrategyPublication.objects.none()
    return StrategyPublication.objects.filter(
        partnership__in=partnerships_visible_to(actor, for_=for_), strategy__partnership=F("partnership")
    )


@restricted(StrategyWithdrawal, partnership="publication__partnership")
def strategy_withdrawals_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[StrategyWithdrawal]:
    if for_ != Purpose.VIEW:
        return StrategyWithdrawal.objects.none()
    return StrategyWithdrawal.objects.filter(
        publication__in=strategy_publications_visible_to(actor, for_=for_)
    )


def access_strategy_publication_by_id(
    actor: Actor, publication_id: object, *, for_: Purpose = Purpose.VIEW, strategy: Strategy | None = None
) -> StrategyPublication:
    return open_door(
        StrategyPublication,
        actor,
        publication_id,
        for_=for_,
        within=_within(strategy=strategy),
        queryset=lambda qs: qs.defer("html", "pdf", "docx").select_related("strategy", "partnership"),
    )


def access_strategy_withdrawal_by_id(
    actor: Actor,
    withdrawal_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    publication: StrategyPublication | None = None,
) -> StrategyWithdrawal:
    return open_door(
        StrategyWithdrawal,
        actor,
        withdrawal_id,
        for_=for_,
        within=_within(publication=publication),
        queryset=lambda qs: qs.select_related("publication__strategy", "publication__partnership"),
    )


def can_edit_strategy_documents(actor: Actor, strategy: Strategy) -> bool:
    """Coordinators preview-check, publish and withdraw the strategy document."""
    return partnership_access.may(actor, strategy.partnership, Purpose.MANAGE)
