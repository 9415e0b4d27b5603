"""A criterion's rule for suggested scores, in words, for the scoring page."""

from django import template

from assessment.models import ScoringCriterion
from assessment.scoring_data import criterion_rule_words

register = template.Library()


@register.filter
def rule_words(criterion: ScoringCriterion) -> list[str]:
    """Sentences of the rule; a rule that no longer fits the scale says so."""
    words = criterion_rule_words(criterion)
    if criterion.data_measure and not words:
        return ["The rule no longer fits the scale: set it again."]
    return words
