"""The four ASB Case Review figures as key-figure sources (planning's registry), so a coordinator
can choose to show them in the plan: a measure whose value comes from one of these is computed
from the records for the measure's period."""

import datetime
from collections.abc import Mapping
from decimal import Decimal

from casereviews import selectors
from partnership.models import Partnership
from planning.figure_sources import Computed, FigureSource, register

LABELS = {
    "applications": "applications received",
    "threshold_not_met": "applications where the threshold was not met",
    "reviews_carried_out": "reviews carried out",
    "reviews_with_recommendations": "reviews that resulted in recommendations",
}


def _source(key: str) -> FigureSource:
    def compute(
        partnership: Partnership, params: Mapping[str, str], start: datetime.date, end: datetime.date
    ) -> Computed | None:
        count = selectors.counts_between(partnership, start, end)[key]
        period = f"{start:%-d %B %Y} – {end:%-d %B %Y}"
        return Computed(Decimal(count), f"ASB Case Reviews: {LABELS[key]}, {period}")

    return FigureSource(f"casereviews.{key}", f"ASB Case Reviews: {LABELS[key]}", compute)


def register_sources() -> None:
    for key in LABELS:
        register(_source(key))
