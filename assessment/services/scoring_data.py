"""Writes for scoring with the data: a criterion's rule for a suggested score (ADR 0029)."""

from collections.abc import Mapping

from django.db import transaction

from assessment.models import ScoringCriterion
from assessment.services._common import _require_manage
from assessment.suggestion import MEASURES, TREND, parse_thresholds
from core.actors import Actor
from core.errors import ServiceError
from core.history import save_as


@transaction.atomic
def criterion_rule_save(
    *,
    criterion: ScoringCriterion,
    actor: Actor,
    measure: str,
    thresholds: Mapping[str, object],
    significant_only: bool = False,
    is_example: bool = False,
) -> ScoringCriterion:
    """Set (or clear, with measure "") the measure and thresholds that suggest a score from the data."""
    _require_manage(actor, criterion.assessment.partnership)
    if measure and measure not in MEASURES:
        raise ServiceError("Choose a measure from the list.")
    try:
        parsed = parse_thresholds(thresholds, criterion.scale_min, criterion.scale_max) if measure else ()
    except ValueError as error:
        raise ServiceError(str(error)) from None
    if measure and not parsed:
        raise ServiceError("Give a threshold for at least one point of the scale, or choose no suggestion.")
    criterion.data_measure = measure
    criterion.data_thresholds = {str(point): f"{least:f}" for point, least in parsed}
    criterion.data_significant_only = bool(significant_only and measure == TREND)
    criterion.data_rule_is_example = is_example
    save_as(criterion, actor)
    return criterion
