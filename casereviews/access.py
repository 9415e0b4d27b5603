"""Who may see and do what with ASB Case Reviews (ADR 0021): one visibility queryset and one door
per record.

Applications and everything under them are sensitive (reads audited): members holding the
Community Safety Unit coordinator role in the partnership see and manage them (VIEW, MANAGE); the
partnership coordinator sees them (VIEW) for oversight. Nobody reports on them (REPORT answers
none). The system actor reads none of them (ADR 0008) but may write them through the services (the
demo). The local procedure is set by CSU coordinators and partnership coordinators; published
figures are seen by members and published by coordinators.
"""

from django.db.models import QuerySet

from casereviews.models import (
    Application,
    DiscretionaryRoute,
    DissatisfactionReview,
    FiguresPublication,
    Procedure,
    QualifyingComplaint,
    Recommendation,
    Review,
    ReviewAttendee,
    ThresholdDecision,
    ThresholdSetting,
)
from core.access import Purpose, open_door, restricted
from core.actors import Actor, is_signed_in, is_system_actor
from partnership import access as partnership_access
from partnership.access import partnerships_visible_to, partnerships_with_grant
from partnership.models import Grant, Partnership

# --- The rules for one partnership (pages show or hide links with these). ---


def can_manage_cases(actor: Actor | None, partnership: Partnership) -> bool:
    """CSU coordinators record applications, decisions, reviews and requests."""
    return partnership_access.holds_grant(actor, partnership, Grant.CSU_COORDINATOR)


def can_view_cases(actor: Actor | None, partnership: Partnership) -> bool:
    """CSU coordinators, and the partnership coordinator (a person, never the system actor)."""
    return can_manage_cases(actor, partnership) or (
        is_signed_in(actor) and partnership_access.is_coordinator(actor, partnership)
    )


def can_record(actor: Actor | None, partnership: Partnership) -> bool:
    """Who the services let write case reviews: CSU coordinators and the system actor (the demo)."""
    return is_system_actor(actor) or can_manage_cases(actor, partnership)


def can_set_procedure(actor: Actor | None, partnership: Partnership) -> bool:
    return can_manage_cases(actor, partnership) or partnership_access.is_coordinator(actor, partnership)


def can_publish_figures(actor: Actor | None, partnership: Partnership) -> bool:
    return partnership_access.is_coordinator(actor, partnership)


# --- Visibility querysets and doors. ---


def _case_partnerships(actor: Actor, for_: Purpose) -> QuerySet[Partnership]:
    if for_ == Purpose.REPORT or not is_signed_in(actor):
        return Partnership.objects.none()
    csu = partnerships_with_grant(actor, Grant.CSU_COORDINATOR)
    if for_ == Purpose.MANAGE:
        return csu
    coordinated = partnerships_visible_to(actor, for_=Purpose.MANAGE)
    return Partnership.objects.filter(pk__in=csu.values("pk")) | Partnership.objects.filter(
        pk__in=coordinated.values("pk")
    )


def _procedure_partnerships(actor: Actor, for_: Purpose) -> QuerySet[Partnership]:
    if for_ == Purpose.REPORT:
        return Partnership.objects.none()
    coordinated = partnerships_visible_to(actor, for_=Purpose.MANAGE)
    csu = partnerships_with_grant(actor, Grant.CSU_COORDINATOR)
    return Partnership.objects.filter(pk__in=csu.values("pk")) | Partnership.objects.filter(
        pk__in=coordinated.values("pk")
    )


def _within(parent_field: str, parent: object | None) -> dict[str, object] | None:
    return {parent_field: parent} if parent is not None else None


@restricted(Procedure, partnership="partnership")
def procedures_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Procedure]:
    return Procedure.objects.filter(partnership__in=_procedure_partnerships(actor, for_))


def access_procedure_by_id(
    actor: Actor,
    procedure_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    partnership: Partnership | None = None,
) -> Procedure:
    return open_door(Procedure, actor, procedure_id, for_=for_, within=_within("partnership", partnership))


@restricted(ThresholdSetting, partnership="partnership")
def threshold_settings_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[ThresholdSetting]:
    return ThresholdSetting.objects.filter(partnership__in=_procedure_partnerships(actor, for_))


def access_threshold_setting_by_id(
    actor: Actor, setting_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> ThresholdSetting:
    return open_door(
        ThresholdSetting, actor, setting_id, for_=for_, within=_within("partnership", partnership)
    )


@restricted(DiscretionaryRoute, partnership="partnership")
def discretionary_routes_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[DiscretionaryRoute]:
    return DiscretionaryRoute.objects.filter(partnership__in=_procedure_partnerships(actor, for_))


def access_discretionary_route_by_id(
    actor: Actor, route_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> DiscretionaryRoute:
    return open_door(
        DiscretionaryRoute, actor, route_id, for_=for_, within=_within("partnership", partnership)
    )


@restricted(Application, partnership="partnership", audit_reads=True)
def applications_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Application]:
    return Application.objects.filter(partnership__in=_case_partnerships(actor, for_))


def access_application_by_id(
    actor: Actor,
    application_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    partnership: Partnership | None = None,
) -> Application:
    return open_door(
        Application,
        actor,
        application_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=lambda qs: qs.select_related("partnership"),
    )


@restricted(QualifyingComplaint, partnership="application__partnership", audit_reads=True)
def complaints_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[QualifyingComplaint]:
    return QualifyingComplaint.objects.filter(application__in=applications_visible_to(actor, for_=for_))


def access_complaint_by_id(
    actor: Actor,
    complaint_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    application: Application | None = None,
) -> QualifyingComplaint:
    return open_door(
        QualifyingComplaint, actor, complaint_id, for_=for_, within=_within("application", application)
    )


@restricted(ThresholdDecision, partnership="application__partnership", audit_reads=True)
def decisions_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ThresholdDecision]:
    return ThresholdDecision.objects.filter(application__in=applications_visible_to(actor, for_=for_))


def access_decision_by_id(
    actor: Actor, decision_id: object, *, for_: Purpose = Purpose.VIEW, application: Application | None = None
) -> ThresholdDecision:
    return open_door(
        ThresholdDecision, actor, decision_id, for_=for_, within=_within("application", application)
    )


@restricted(Review, partnership="application__partnership", audit_reads=True)
def reviews_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Review]:
    return Review.objects.filter(application__in=applications_visible_to(actor, for_=for_))


def access_review_by_id(
    actor: Actor, review_id: object, *, for_: Purpose = Purpose.VIEW, application: Application | None = None
) -> Review:
    return open_door(Review, actor, review_id, for_=for_, within=_within("application", application))


@restricted(ReviewAttendee, partnership="review__application__partnership", audit_reads=True)
def attendees_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ReviewAttendee]:
    return ReviewAttendee.objects.filter(review__in=reviews_visible_to(actor, for_=for_))


def access_attendee_by_id(
    actor: Actor, attendee_id: object, *, for_: Purpose = Purpose.VIEW, review: Review | None = None
) -> ReviewAttendee:
    return open_door(ReviewAttendee, actor, attendee_id, for_=for_, within=_within("review", review))


@restricted(Recommendation, partnership="review__application__partnership", audit_reads=True)
def recommendations_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(review__in=reviews_visible_to(actor, for_=for_))


def access_recommendation_by_id(
    actor: Actor, recommendation_id: object, *, for_: Purpose = Purpose.VIEW, review: Review | None = None
) -> Recommendation:
    return open_door(Recommendation, actor, recommendation_id, for_=for_, within=_within("review", review))


@restricted(DissatisfactionReview, partnership="application__partnership", audit_reads=True)
def dissatisfactions_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[DissatisfactionReview]:
    return DissatisfactionReview.objects.filter(application__in=applications_visible_to(actor, for_=for_))


def access_dissatisfaction_by_id(
    actor: Actor, request_id: object, *, for_: Purpose = Purpose.VIEW, application: Application | None = None
) -> DissatisfactionReview:
    return open_door(
        DissatisfactionReview, actor, request_id, for_=for_, within=_within("application", application)
    )


@restricted(FiguresPublication, partnership="partnership")
def figures_publications_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[FiguresPublication]:
    """Members see which years are published; coordinators publish (nobody reports on one)."""
    if for_ == Purpose.REPORT:
        return FiguresPublication.objects.none()
    return FiguresPublication.objects.filter(partnership__in=partnerships_visible_to(actor, for_=for_))


def access_figures_publication_by_id(
    actor: Actor,
    publication_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    partnership: Partnership | None = None,
) -> FiguresPublication:
    return open_door(
        FiguresPublication, actor, publication_id, for_=for_, within=_within("partnership", partnership)
    )
