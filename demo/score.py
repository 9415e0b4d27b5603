"""Example rules for suggested scores on the demo assessment's criteria (ADR 0029), so its score
pages show a suggestion from the data beside each crime-type issue. Marked as example; a criterion
that already has a rule is left alone, so running it again changes nothing."""

from io import TextIOBase

from accounts.models import User
from assessment.access import assessments_visible_to, scoring_criteria_visible_to
from assessment.services.scoring_data import criterion_rule_save
from demo.assessment import SLUG
from demo.partnership import DemoResult

# criterion name: (measure, {scale point: least value}, a change within normal variation counts as none)
EXAMPLE_RULES: dict[str, tuple[str, dict[str, str], bool]] = {
    "Volume": ("volume", {"5": "3000", "4": "1500", "3": "600", "2": "200"}, False),
    "Trend": ("trend", {"5": "20", "4": "5", "3": "-5", "2": "-20"}, True),
    "Harm": ("harm", {"5": "25", "4": "10", "3": "5", "2": "2"}, False),
}


def score_rules_load(result: DemoResult, actor: User, stdout: TextIOBase) -> int:
    """Give the demo assessment's Volume, Trend and Harm criteria an example rule; returns how many."""
    assessment = assessments_visible_to(actor).filter(partnership=result.partnership, slug=SLUG).first()
    if assessment is None:
        return 0
    criteria = scoring_criteria_visible_to(actor).filter(assessment=assessment, data_measure="")
    added = 0
    for criterion in criteria.filter(name__in=EXAMPLE_RULES).order_by("order"):
        measure, thresholds, significant_only = EXAMPLE_RULES[criterion.name]
        criterion_rule_save(
            criterion=criterion,
            actor=actor,
            measure=measure,
            thresholds=thresholds,
            significant_only=significant_only,
            is_example=True,
        )
        added += 1
    if added:
        stdout.write(f"Scoring: example rules for suggested scores on {added} criteria.\n")
    else:
        stdout.write("Scoring: the example rules for suggested scores are already set; skipped.\n")
    return added
