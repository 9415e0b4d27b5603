"""The scoring matrix: criteria, candidate issues and each scorer's scores."""

from typing import Any

from django.db import transaction
from django.db.models import Max

from accounts.models import User
from assessment import access
from assessment.models import Assessment, CandidateIssue, Confidence, IssueKind, Score, ScoringCriterion
from assessment.scoring import Criterion, validate_value
from assessment.services._common import _require_manage
from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from crimedata.models import CRIME_TYPES


@transaction.atomic
def criterion_save(
    *, assessment: Assessment, actor: Actor, criterion: ScoringCriterion | None = None, **fields: Any
) -> ScoringCriterion:
    """Add a criterion or change one (name, description, weight, scale and its labels)."""
    _require_manage(actor, assessment.partnership)
    if criterion is None:
        order = (assessment.criteria.aggregate(m=Max("order"))["m"] or 0) + 1
        criterion = ScoringCriterion(assessment=assessment, order=order)
    elif criterion.assessment_id != assessment.pk:
        raise ServiceError("That criterion belongs to another assessment.")
    for name, value in fields.items():
        setattr(criterion, name, value)
    if criterion.scale_max <= criterion.scale_min:
        raise ServiceError("The top of the scale must be above the bottom.")
    clash = assessment.criteria.filter(name__iexact=criterion.name.strip()).exclude(pk=criterion.pk)
    if clash.exists():
        raise ServiceError(f"There is already a criterion called {criterion.name!r}.")
    outside = (
        criterion.scores.exclude(value__gte=criterion.scale_min, value__lte=criterion.scale_max)
        if criterion.pk
        else None
    )
    if outside is not None and outside.exists():
        raise ServiceError(
            f"{outside.count()} existing scores fall outside {criterion.scale_min} to {criterion.scale_max}; "
            "change them first."
        )
    save_as(criterion, actor)
    return criterion


@transaction.atomic
def issue_create(
    *,
    assessment: Assessment,
    title: str,
    actor: Actor,
    kind: str = IssueKind.THEME,
    crime_type: str = "",
    description: str = "",
    evidence: str = "",
) -> CandidateIssue:
    _require_manage(actor, assessment.partnership)
    title = _issue_fields(assessment, None, title, kind, crime_type)
    order = (assessment.issues.aggregate(m=Max("order"))["m"] or 0) + 1
    issue = CandidateIssue(
        assessment=assessment,
        title=title,
        kind=kind,
        crime_type=crime_type if kind == IssueKind.CRIME_TYPE else "",
        description=description,
        evidence=evidence,
        order=order,
    )
    save_as(issue, actor)
    return issue


@transaction.atomic
def score_record(
    *,
    issue: CandidateIssue,
    criterion: ScoringCriterion,
    actor: Actor,
    value: int,
    confidence: str,
    rationale: str = "",
    is_example: bool = False,
    scorer: User | None = None,
) -> Score:
    """Record (or change) the actor's score of one issue on one criterion.

    Only a coordinator (or the system actor of the demo) records a score in another scorer's name
    (`scorer`), e.g. typing up a scoring workshop's paper forms.
    """
    partnership = issue.assessment.partnership
    if not access.can_score(actor, partnership):
        raise AccessDenied("Only coordinators and lead officers score issues.")
    if scorer is not None and scorer != actor and not access.can_manage(actor, partnership):
        raise AccessDenied("You can only record your own scores.")
    if not isinstance(actor, User):
        raise AccessDenied("Only coordinators and lead officers score issues.")
    who = scorer or actor
    if criterion.assessment_id != issue.assessment_id:
        raise ServiceError("That criterion belongs to another assessment.")
    if confidence not in Confidence.values:
        raise ServiceError(f"{criterion.name}: choose high, medium or low confidence.")
    try:
        validate_value(
            Criterion(
                criterion.pk, criterion.name, criterion.weight, criterion.scale_min, criterion.scale_max
            ),
            value,
        )
    except ValueError as error:
        raise ServiceError(str(error)) from None
    score = Score.objects.filter(issue=issue, criterion=criterion, scorer=who).first() or Score(
        issue=issue, criterion=criterion, scorer=who
    )
    score.value, score.confidence, score.rationale, score.is_example = (
        value,
        confidence,
        rationale,
        is_example,
    )
    save_as(score, actor)
    return score


@transaction.atomic
def criterion_delete(*, criterion: ScoringCriterion, actor: Actor) -> int:
    """Remove a criterion and every score given on it (history keeps them); returns how many scores went.

    The last criterion stays: a matrix needs at least one.
    """
    assessment = criterion.assessment
    _require_manage(actor, assessment.partnership)
    if assessment.criteria.count() <= 1:
        raise ServiceError(
            "An assessment needs at least one criterion: add another before removing this one."
        )
    scores = list(criterion.scores.all())
    for score in scores:
        delete_as(score, actor)
    delete_as(criterion, actor)
    return len(scores)


def _issue_fields(
    assessment: Assessment, issue: CandidateIssue | None, title: str, kind: str, crime_type: str
) -> str:
    """The cleaned title after checking it is given and unique, and that a crime type names one."""
    title = title.strip()
    if not title:
        raise ServiceError("Give the issue a title.")
    clash = assessment.issues.filter(title__iexact=title)
    if issue is not None:
        clash = clash.exclude(pk=issue.pk)
    if clash.exists():
        raise ServiceError(f"There is already an issue called {title!r}.")
    if kind not in IssueKind.values:
        raise ServiceError("Choose whether the issue is a crime type or a theme.")
    if kind == IssueKind.CRIME_TYPE and crime_type not in CRIME_TYPES:
        raise ServiceError("Choose the police.uk crime type this issue covers.")
    return title


@transaction.atomic
def issue_edit(
    *,
    issue: CandidateIssue,
    actor: Actor,
    title: str,
    kind: str = IssueKind.THEME,
    crime_type: str = "",
    description: str = "",
    evidence: str = "",
) -> CandidateIssue:
    """Change an issue's title, kind, crime type, description or evidence (its scores stay).

    A priority already added to the plan from this issue is not renamed: the plan is changed in the plan.
    """
    _require_manage(actor, issue.assessment.partnership)
    issue.title = _issue_fields(issue.assessment, issue, title, kind, crime_type)
    issue.kind = kind
    issue.crime_type = crime_type if kind == IssueKind.CRIME_TYPE else ""
    issue.description, issue.evidence = description, evidence
    save_as(issue, actor)
    return issue


@transaction.atomic
def issue_delete(*, issue: CandidateIssue, actor: Actor) -> int:
    """Remove a candidate issue and its scores (history keeps them); returns how many scores went.

    A priority already added to the plan from it stays in the plan.
    """
    _require_manage(actor, issue.assessment.partnership)
    scores = list(issue.scores.all())
    for score in scores:
        delete_as(score, actor)
    delete_as(issue, actor)
    return len(scores)
