"""Who may read and change a partnership's assessments, scores and partner indicators.

One visibility queryset and one door per record (ADR 0008). Purposes:
- VIEW: every member reads the assessments, criteria, issues, scores and community views;
- REPORT: coordinators and lead officers score candidate issues (a Score: only their own);
- MANAGE: coordinators create and change assessments, criteria, issues and community views
  (a Score is changed only by its scorer, through REPORT: MANAGE answers none).
"""

from django.db.models import F, Q, QuerySet

from assessment.models import (
    Assessment,
    CandidateIssue,
    CommunityView,
    DataRequest,
    RequestedFigure,
    Score,
    ScoringCriterion,
    SummaryPublication,
    SummaryWithdrawal,
)
from core.access import Purpose, open_door, restricted
from core.actors import Actor, is_signed_in, is_system_actor
from partnership import access as partnership_access
from partnership.access import partnerships_visible_to
from partnership.models import Membership, Partnership, Role


@restricted(Assessment, partnership="partnership")
def assessments_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Assessment]:
    return Assessment.objects.filter(partnership__in=partnerships_visible_to(actor, for_=for_))


@restricted(ScoringCriterion, partnership="assessment__partnership")
def scoring_criteria_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[ScoringCriterion]:
    if for_ == Purpose.REPORT:  # scorers read the criteria; nobody reports on one
        return ScoringCriterion.objects.none()
    return ScoringCriterion.objects.filter(assessment__in=assessments_visible_to(actor, for_=for_))


@restricted(CandidateIssue, partnership="assessment__partnership")
def candidate_issues_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[CandidateIssue]:
    """REPORT: the issues a coordinator or lead officer may score."""
    return CandidateIssue.objects.filter(assessment__in=assessments_visible_to(actor, for_=for_))


@restricted(Score, partnership="issue__assessment__partnership")
def scores_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Score]:
    """Members read every score; REPORT gives the actor's own scores of issues they may score."""
    if for_ == Purpose.MANAGE:
        return Score.objects.none()
    visible = Score.objects.filter(issue__in=candidate_issues_visible_to(actor, for_=for_))
    if for_ == Purpose.REPORT and not is_system_actor(actor):
        return visible.filter(scorer_id=actor.pk) if is_signed_in(actor) else Score.objects.none()
    return visible


@restricted(CommunityView, partnership="assessment__partnership")
def community_views_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[CommunityView]:
    if for_ == Purpose.REPORT:
        return CommunityView.objects.none()
    return CommunityView.objects.filter(assessment__in=assessments_visible_to(actor, for_=for_))


def access_assessment_by_id(
    actor: Actor,
    assessment_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    partnership: Partnership | None = None,
    by: str = "pk",
) -> Assessment:
    """An assessment by id (or, with `by="slug"` and its partnership, by slug: one query)."""
    return open_door(
        Assessment,
        actor,
        assessment_id,
        for_=for_,
        by=by,
        within={"partnership": partnership} if partnership is not None else None,
        queryset=lambda qs: qs.select_related(
            "partnership", "population_table", "weight_set", "reviewed_plan_year"
        ),
    )


def _within(assessment: Assessment | None) -> dict[str, object] | None:
    return {"assessment": assessment} if assessment is not None else None


def access_scoring_criterion_by_id(
    actor: Actor, criterion_id: object, *, for_: Purpose = Purpose.VIEW, assessment: Assessment | None = None
) -> ScoringCriterion:
    return open_door(
        ScoringCriterion,
        actor,
        criterion_id,
        for_=for_,
        within=_within(assessment),
        queryset=lambda qs: qs.select_related("assessment__partnership"),
    )


def access_candidate_issue_by_id(
    actor: Actor, issue_id: object, *, for_: Purpose = Purpose.VIEW, assessment: Assessment | None = None
) -> CandidateIssue:
    return open_door(
        CandidateIssue,
        actor,
        issue_id,
        for_=for_,
        within=_within(assessment),
        queryset=lambda qs: qs.select_related("assessment__partnership"),
    )


def access_score_by_id(
    actor: Actor, score_id: object, *, for_: Purpose = Purpose.VIEW, issue: CandidateIssue | None = None
) -> Score:
    return open_door(
        Score,
        actor,
        score_id,
        for_=for_,
        within={"issue": issue} if issue is not None else None,
        queryset=lambda qs: qs.select_related("issue__assessment__partnership", "criterion", "scorer"),
    )


def access_community_view_by_id(
    actor: Actor, view_id: object, *, for_: Purpose = Purpose.VIEW, assessment: Assessment | None = None
) -> CommunityView:
    return open_door(
        CommunityView,
        actor,
        view_id,
        for_=for_,
        within=_within(assessment),
        queryset=lambda qs: qs.select_related("assessment__partnership"),
    )


# --- Partnership-level rules the pages ask (to show buttons) and the services check ------------


def can_view(actor: Actor, partnership: Partnership) -> bool:
    """Every member reads the partnership's assessments and analysis."""
    return partnership_access.may(actor, partnership, Purpose.VIEW)


def can_manage(actor: Actor, partnership: Partnership) -> bool:
    """Coordinators create and edit assessments, criteria, issues and choose priorities."""
    return partnership_access.may(actor, partnership, Purpose.MANAGE)


def can_score(actor: Actor, partnership: Partnership) -> bool:
    """Coordinators and lead officers score candidate issues (each their own scores)."""
    return partnership_access.may(actor, partnership, Purpose.REPORT)


def indicator_organisation_ids(actor: Actor, partnership: Partnership) -> set[int] | None:
    """Organisations the actor may enter partner indicators for: None means any (coordinators)."""
    if can_manage(actor, partnership):
        return None
    organisation_id = partnership_access.lead_organisation_id(actor, partnership)
    return {organisation_id} if organisation_id is not None else set()


def can_enter_indicators(actor: Actor, partnership: Partnership) -> bool:
    allowed = indicator_organisation_ids(actor, partnership)
    return allowed is None or bool(allowed)


# --- Partner data requests: coordinators see and manage all; lead officers see their organisation's. ---


def _own_organisations(actor: Actor) -> QuerySet[Membership]:
    if not is_signed_in(actor) or is_system_actor(actor):
        return Membership.objects.none()
    return Membership.objects.filter(
        user_id=actor.pk or 0, is_active=True, role=Role.LEAD_OFFICER, organisation__isnull=False
    )


@restricted(DataRequest, partnership="assessment__partnership")
def data_requests_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[DataRequest]:
    coordinated = Q(assessment__partnership__in=partnerships_visible_to(actor, for_=Purpose.MANAGE))
    if for_ == Purpose.MANAGE:
        return DataRequest.objects.filter(coordinated)
    own = _own_organisations(actor)
    asked = Q(
        assessment__partnership__in=own.values("partnership_id"),
        organisation_id__in=own.values("organisation_id"),
    )
    return DataRequest.objects.filter(coordinated | asked)


@restricted(RequestedFigure, partnership="request__assessment__partnership")
def requested_figures_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[RequestedFigure]:
    return RequestedFigure.objects.filter(request__in=data_requests_visible_to(actor, for_=for_))


def access_data_request_by_id(
    actor: Actor, request_id: object, *, for_: Purpose = Purpose.VIEW, assessment: object | None = None
) -> DataRequest:
    return open_door(
        DataRequest,
        actor,
        request_id,
        for_=for_,
        within={"assessment": assessment} if assessment is not None else None,
        queryset=lambda qs: qs.select_related("assessment__partnership", "organisation"),
    )


def access_requested_figure_by_id(
    actor: Actor, figure_id: object, *, for_: Purpose = Purpose.VIEW, request: DataRequest | None = None
) -> RequestedFigure:
    return open_door(
        RequestedFigure,
        actor,
        figure_id,
        for_=for_,
        within={"request": request} if request is not None else None,
        queryset=lambda qs: qs.select_related("request__assessment__partnership"),
    )


# --- Published public summaries: members read every version and withdrawal; nobody changes one ---
# Coordinators publish and withdraw through `can_manage`; the public pages read published versions
# without an actor (assessment.selectors.summary.published_summary), never through these doors.


@restricted(SummaryPublication, partnership="partnership")
def summary_publications_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[SummaryPublication]:
    if for_ != Purpose.VIEW:
        return SummaryPublication.objects.none()
    return SummaryPublication.objects.filter(
        partnership__in=partnerships_visible_to(actor, for_=for_), assessment__partnership=F("partnership")
    )


@restricted(SummaryWithdrawal, partnership="publication__partnership")
def summary_withdrawals_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[SummaryWithdrawal]:
    if for_ != Purpose.VIEW:
        return SummaryWithdrawal.objects.none()
    return SummaryWithdrawal.objects.filter(publication__in=summary_publications_visible_to(actor, for_=for_))


def access_summary_publication_by_id(
    actor: Actor, publication_id: object, *, for_: Purpose = Purpose.VIEW, assessment: object = None
) -> SummaryPublication:
    return open_door(
        SummaryPublication,
        actor,
        publication_id,
        for_=for_,
        within={"assessment": assessment} if assessment is not None else None,
        queryset=lambda qs: qs.defer("html", "pdf").select_related("assessment", "partnership", "withdrawal"),
    )


def access_summary_withdrawal_by_id(
    actor: Actor, withdrawal_id: object, *, for_: Purpose = Purpose.VIEW, publication: object = None
) -> SummaryWithdrawal:
    return open_door(
        SummaryWithdrawal,
        actor,
        withdrawal_id,
        for_=for_,
        within={"publication": publication} if publication is not None else None,
        queryset=lambda qs: qs.select_related("publication__assessment", "publication__partnership"),
    )
