"""Reads of assessments, issues, scores, indicators and community views. Restricted records come
only through the doors of `assessment.access`, which answer NotFound for missing and forbidden alike;
the lists here read records of an assessment that already came through its door."""

from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, QuerySet

from assessment import access
from assessment.analysis import change
from assessment.models import Assessment, CandidateIssue, CommunityView, Score, ScoringCriterion
from core.access import NotFound, Purpose, as_id
from core.actors import Actor
from partnership.access import access_partnership_by_slug
from partnership.models import Partnership
from planning.models import Measure, MeasureKind


def assessments(actor: Actor, partnership: Partnership) -> QuerySet[Assessment]:
    """The partnership's assessments the actor may read (no filters: no `searched` event)."""
    return access.assessments_visible_to(actor).filter(partnership=partnership).order_by("-slug")


def partnership(actor: Actor, slug: str, *, for_: Purpose = Purpose.VIEW) -> Partnership:
    return access_partnership_by_slug(actor, slug, for_=for_)


def assessment(actor: Actor, partnership_slug: str, slug: str, *, for_: Purpose = Purpose.VIEW) -> Assessment:
    """The partnership's assessment for plan year `slug`, through the partnership's and its own door.

    NotFound for a stranger (audited on the partnership), a missing slug, and a member asking for a
    purpose they lack (audited on the assessment)."""
    found = access_partnership_by_slug(actor, partnership_slug)
    if not isinstance(slug, str) or len(slug) > 7:
        raise NotFound("No such assessment.")
    opened = access.access_assessment_by_id(actor, slug, for_=for_, partnership=found, by="slug")
    opened.partnership = found
    return opened


def issues_with_scores(assessment: Assessment) -> list[CandidateIssue]:
    """The assessment's issues (of an assessment already opened), each with its scores loaded."""
    return list(
        CandidateIssue.objects.filter(assessment=assessment).prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("criterion", "scorer"))
        )
    )


def criteria(assessment: Assessment) -> list[ScoringCriterion]:
    return list(ScoringCriterion.objects.filter(assessment=assessment).order_by("order", "pk"))


def community_views(assessment: Assessment) -> list[CommunityView]:
    return list(CommunityView.objects.filter(assessment=assessment).order_by("order", "pk"))


def issue_scores(issue: CandidateIssue) -> list[Score]:
    """The issue's scores (prefetched by `issues_with_scores`)."""
    return list(issue.scores.all())


def own_scores(actor: Actor, issue: CandidateIssue) -> dict[int, Score]:
    """The actor's scores of the issue, by criterion id."""
    return {
        s.criterion_id: s for s in access.scores_visible_to(actor, for_=Purpose.REPORT).filter(issue=issue)
    }


def score_count(*, issue: CandidateIssue | None = None, criterion: ScoringCriterion | None = None) -> int:
    """How many scores an issue or a criterion has (shown before deleting it)."""
    scores = Score.objects.all()
    if issue is not None:
        scores = scores.filter(issue=issue)
    if criterion is not None:
        scores = scores.filter(criterion=criterion)
    return scores.count()


def issue(actor: Actor, assessment: Assessment, issue_id: object, *, for_: Purpose) -> CandidateIssue:
    """A candidate issue of the (opened) assessment: VIEW, REPORT (to score it) or MANAGE."""
    found = access.access_candidate_issue_by_id(actor, issue_id, for_=for_, assessment=assessment)
    found.assessment = assessment
    return found


def criterion(
    actor: Actor, assessment: Assessment, criterion_id: object, *, for_: Purpose
) -> ScoringCriterion:
    found = access.access_scoring_criterion_by_id(actor, criterion_id, for_=for_, assessment=assessment)
    found.assessment = assessment
    return found


def community_view(actor: Actor, assessment: Assessment, view_id: object, *, for_: Purpose) -> CommunityView:
    found = access.access_community_view_by_id(actor, view_id, for_=for_, assessment=assessment)
    found.assessment = assessment
    return found


def indicators(partnership: Partnership) -> QuerySet[Measure]:
    return Measure.objects.filter(partnership=partnership, kind=MeasureKind.INDICATOR).select_related(
        "source_organisation"
    )


def indicator_series(partnership: Partnership) -> list[dict[str, Any]]:
    """Partner indicators, one series per indicator and organisation, quarterly values in date order,
    each with its trend (latest quarter against the one before and the same quarter a year before)."""
    series: dict[tuple[str, str], list[Measure]] = defaultdict(list)
    for measure in indicators(partnership).order_by("name", "period_start", "pk"):
        organisation = measure.source_organisation.name if measure.source_organisation else ""
        series[(measure.name.strip().lower(), organisation)].append(measure)
    names: dict[str, int] = defaultdict(int)
    for name, _ in series:
        names[name] += 1
    result = []
    for (key, organisation), values in series.items():
        name = values[-1].name
        result.append(
            {
                "name": f"{name} ({organisation})" if names[key] > 1 and organisation else name,
                "unit": values[-1].unit,
                "organisations": [organisation] if organisation else [],
                "values": values,
                "trend": indicator_trend(values),
                "is_example": any(m.is_example for m in values),
            }
        )
    return result


def indicator_trend(values: list[Measure]) -> str:
    """ "Latest, Q4 2019/20: 42, up 5 (+13.5%) on Q3 2019/20 and up 10 (+31.3%) on Q4 2018/19."."""
    if not values:
        return ""
    latest = values[-1]
    text = f"Latest, {latest.period_label}: {latest.display_value}"
    comparisons = []
    year_before = (
        latest.period_start.replace(year=latest.period_start.year - 1) if latest.period_start else None
    )
    before = [values[-2]] if len(values) > 1 else []
    before += [m for m in values[:-1] if year_before and m.period_start == year_before and m not in before]
    for other in before:
        if latest.value is None or other.value is None:
            continue
        difference = change(float(latest.value), float(other.value))
        count = round(difference["count"], 2)
        amount = f"{abs(count):,.2f}".rstrip("0").rstrip(".")
        words = "no change" if count == 0 else f"{'up' if count > 0 else 'down'} {amount}"
        if count and difference["percent"] is not None:
            percent = difference["percent"]
            words += f" ({'+' if percent > 0 else '−' if percent < 0 else ''}{abs(percent):.1f}%)"
        comparisons.append(f"{words} on {other.period_label}")
    if comparisons:
        text += ", " + " and ".join(comparisons)
    elif len(values) == 1:
        text += " (only one quarter so far)"
    return text + "."


def indicator_for_editor(actor: Actor, partnership: Partnership, measure_id: object) -> Measure:
    """A partner indicator figure the actor may change: any for coordinators, else their organisation's.

    The partnership came through its door; the figure is a planning Measure (planning's door to come).
    """
    allowed = access.indicator_organisation_ids(actor, partnership)
    number = as_id(measure_id)
    if number is None:
        raise NotFound("No such figure.")
    query = indicators(partnership).filter(pk=number)
    if allowed is not None:
        query = query.filter(source_organisation_id__in=allowed)
    measure = query.first()
    if measure is None:
        raise NotFound("No such figure.")
    measure.partnership = partnership
    return measure


def scores_by_issue(issues: list[CandidateIssue]) -> dict[int, list[dict[str, Any]]]:
    """Each scorer's scores of each issue: who, criterion, value, confidence and rationale."""
    result: dict[int, list[dict[str, Any]]] = {}
    for issue in issues:
        rows = sorted(
            issue.scores.all(),
            key=lambda s: (
                (s.scorer.get_full_name() or s.scorer.username).lower(),
                s.criterion.order,
                s.criterion_id,
            ),
        )
        result[issue.pk] = [
            {
                "scorer": s.scorer.get_full_name() or s.scorer.username,
                "criterion": s.criterion.name,
                "value": s.value,
                "scale": f"{s.criterion.scale_min} to {s.criterion.scale_max}",
                "confidence": s.get_confidence_display(),
                "rationale": s.rationale,
                "is_example": s.is_example,
                "modified": s.modified,
            }
            for s in rows
        ]
    return result
