"""Writes to assessments: keyword-only functions taking the acting user, each in a transaction.

The functions live in modules by topic and are all re-exported here (`from assessment import services`).
"""

from assessment.services.assessments import (
    DEFAULT_CRITERIA,
    assessment_create,
    assessment_edit,
    default_data_period,
    priorities_choose,
)
from assessment.services.evidence import (
    community_view_create,
    community_view_delete,
    community_view_edit,
    indicator_delete,
    indicator_edit,
    indicator_record,
)
from assessment.services.scoring import (
    criterion_delete,
    criterion_save,
    issue_create,
    issue_delete,
    issue_edit,
    score_record,
)

__all__ = [
    "DEFAULT_CRITERIA",
    "assessment_create",
    "assessment_edit",
    "community_view_create",
    "community_view_delete",
    "community_view_edit",
    "criterion_delete",
    "criterion_save",
    "default_data_period",
    "indicator_delete",
    "indicator_edit",
    "indicator_record",
    "issue_create",
    "issue_delete",
    "issue_edit",
    "priorities_choose",
    "score_record",
]
