"""Reads of assessments, issues, scores, indicators and community views. Restricted records come
only through these doors, which take the user and answer 404 for missing and forbidden alike."""

from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from assessment import access
from assessment.models import Assessment, CandidateIssue, Score
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
    """Partner indicators grouped by name, each a list of quarterly values in date order."""
    series: dict[str, list[Measure]] = defaultdict(list)
    for measure in indicators(partnership).order_by("name", "period_start", "pk"):
        series[measure.name].append(measure)
    result = []
    for name, values in series.items():
        organisations = sorted({m.source_organisation.name for m in values if m.source_organisation})
        result.append(
            {
                "name": name,
                "unit": values[-1].unit,
                "organisations": organisations,
                "values": values,
                "is_example": any(m.is_example for m in values),
            }
        )
    return result
