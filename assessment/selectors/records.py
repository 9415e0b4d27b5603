"""Reads of assessments, issues, scores, indicators and community views. Restricted records come
only through these doors, which take the user and answer 404 for missing and forbidden alike."""

from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from assessment import access
from assessment.analysis import change
from assessment.models import Assessment, CandidateIssue, CommunityView, Score, ScoringCriterion
from partnership.models import Partnership
from partnership.selectors import partnership_for_user
from planning.models import Measure, MeasureKind


def assessments(partnership: Partnership) -> QuerySet[Assessment]:
    return Assessment.objects.filter(partnership=partnership).order_by("-slug")


def assessment_for_user(user, partnership_slug: str, slug: str) -> Assessment:  # type: ignore[no-untyped-def]
    partnership = partnership_for_user(user, partnership_slug)
    assessment = (
        Assessment.objects.filter(partnership=partnership)
        .filter(slug=slug)
        .select_related("population_table", "weight_set", "reviewed_plan_year")
        .first()
    )
    if assessment is None:
        raise Http404("No such assessment.")
    assessment.partnership = partnership
    return assessment


def assessment_for_coordinator(user, partnership_slug: str, slug: str) -> Assessment:  # type: ignore[no-untyped-def]
    assessment = assessment_for_user(user, partnership_slug, slug)
    if not access.can_manage(user, assessment.partnership):
        raise Http404("No such page.")
    return assessment


def issues_with_scores(assessment: Assessment) -> list[CandidateIssue]:
    return list(
        assessment.issues.prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("criterion", "scorer"))
        )
    )


def issue_for_scorer(user, assessment: Assessment, issue_id: int) -> CandidateIssue:  # type: ignore[no-untyped-def]
    if not access.can_score(user, assessment.partnership):
        raise Http404("No such page.")
    issue = assessment.issues.filter(pk=issue_id).first()
    if issue is None:
        raise Http404("No such issue.")
    return issue


def indicators(partnership: Partnership) -> QuerySet[Measure]:
    return partnership.measures.filter(kind=MeasureKind.INDICATOR).select_related("source_organisation")


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


def issue_for_coordinator(user, assessment: Assessment, issue_id: int) -> CandidateIssue:  # type: ignore[no-untyped-def]
    """One candidate issue of an assessment the user coordinates (404 otherwise)."""
    if not access.can_manage(user, assessment.partnership):
        raise Http404("No such page.")
    issue = assessment.issues.filter(pk=issue_id).first()
    if issue is None:
        raise Http404("No such issue.")
    return issue


def criterion_for_coordinator(user, assessment: Assessment, criterion_id: int) -> ScoringCriterion:  # type: ignore[no-untyped-def]
    if not access.can_manage(user, assessment.partnership):
        raise Http404("No such page.")
    criterion = assessment.criteria.filter(pk=criterion_id).first()
    if criterion is None:
        raise Http404("No such criterion.")
    return criterion


def community_view_for_coordinator(user, assessment: Assessment, view_id: int) -> CommunityView:  # type: ignore[no-untyped-def]
    if not access.can_manage(user, assessment.partnership):
        raise Http404("No such page.")
    view = assessment.community_views.filter(pk=view_id).first()
    if view is None:
        raise Http404("No such community view.")
    return view


def indicator_for_editor(user, partnership: Partnership, measure_id: int) -> Measure:  # type: ignore[no-untyped-def]
    """A partner indicator figure the user may change: any for coordinators, else their organisation's."""
    allowed = access.indicator_organisation_ids(user, partnership)
    query = indicators(partnership).filter(pk=measure_id)
    if allowed is not None:
        query = query.filter(source_organisation_id__in=allowed)
    measure = query.first()
    if measure is None:
        raise Http404("No such figure.")
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
