"""Reads for the assessment app: crime counts (reference data) and the partnership's own records."""

from assessment.selectors.crime import (
    DistrictRef,
    UnknownDistrict,
    crime_summary,
    period_summary,
    rates_for_force,
    resolve_district,
    weights_of,
)
from assessment.selectors.hotspots import hotspots
from assessment.selectors.records import (
    assessment_for_coordinator,
    assessment_for_user,
    assessments,
    community_view_for_coordinator,
    criterion_for_coordinator,
    indicator_for_editor,
    indicator_series,
    issue_for_coordinator,
    issue_for_scorer,
    issues_with_scores,
    scores_by_issue,
)

__all__ = [
    "DistrictRef",
    "UnknownDistrict",
    "assessment_for_coordinator",
    "assessment_for_user",
    "assessments",
    "community_view_for_coordinator",
    "criterion_for_coordinator",
    "crime_summary",
    "hotspots",
    "indicator_for_editor",
    "indicator_series",
    "issue_for_coordinator",
    "issue_for_scorer",
    "issues_with_scores",
    "period_summary",
    "rates_for_force",
    "resolve_district",
    "scores_by_issue",
    "weights_of",
]
