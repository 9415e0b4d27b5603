"""Permission matrix rows for scoring with the data: a criterion's rule for suggested scores
(coordinator), the disagreements page (coordinator) and the sensitivity page (members).

Imported at the bottom of tests/permission_matrix_data.py."""

from assessment.models import ScoringCriterion
from tests.permission_matrix_data import AS, COORDINATOR, KW, MEMBERS, Case
from tests.permission_matrix_records import rows

SCORING = AS + "scoring/"
RULE = SCORING + "criteria/<int:criterion_id>/data/"

CASES_SCORE: list[Case] = [
    Case("assessment:criterion_rule", RULE, KW["criterion"], COORDINATOR),
    Case(
        "assessment:criterion_rule",
        RULE,
        KW["criterion"],
        COORDINATOR,
        "POST",
        "set a rule",
        {"measure": "volume", "at_least_5": "100"},
        guard=lambda o: rows(ScoringCriterion, o.criterion_pk),
        changes=True,
    ),
    Case("assessment:disagreements", SCORING + "disagreements/", KW["assessment"], COORDINATOR),
    Case("assessment:sensitivity", SCORING + "sensitivity/", KW["assessment"], MEMBERS),
]
