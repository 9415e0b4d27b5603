"""The Strategic Assessment's computed figures as key-figure sources (planning.figure_sources).

Registered in AssessmentConfig.ready(): a key figure may take its value from the crime counts of the
partnership's districts for the measure's period (whole months) instead of being typed again.
"""

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from assessment.analysis import TOTALS, Period, rate_per_thousand, summarise
from assessment.report import partnership_districts
from assessment.selectors import crime
from crimedata.models import CRIME_TYPES, PopulationTable
from partnership.models import Partnership
from planning.figure_sources import Computed, FigureSource, Parameter, register

TOTAL_LABELS = dict(TOTALS)
RATE_TOTALS = [(key, label) for key, label in TOTALS if key != "other_against_society"]


def _period(start: datetime.date, end: datetime.date) -> Period:
    return Period(start.replace(day=1), end.replace(day=1))


def _counts(
    partnership: Partnership, start: datetime.date, end: datetime.date
) -> tuple[dict[str, Any] | None, str]:
    """The summary of the partnership's districts for the period, None when no month was imported."""
    districts = partnership_districts(partnership)
    period = _period(start, end)
    force_ids = sorted({d.police_force_id for d in districts if d.police_force_id})
    where = f"{', '.join(d.name for d in districts) or 'no districts'}, {period.label}"
    if not districts or not crime.imported_months(period.months(), force_ids):
        return None, where
    return summarise(crime.monthly_counts(districts, period.start, period.end), period), where


def _total(key: str) -> FigureSource:
    def compute(
        partnership: Partnership, params: Mapping[str, str], start: datetime.date, end: datetime.date
    ) -> Computed | None:
        summary, where = _counts(partnership, start, end)
        if summary is None:
            return None
        label = TOTAL_LABELS[key]
        return Computed(Decimal(summary[key]), f"Strategic Assessment: {label.lower()}, {where}")

    return FigureSource(f"crime.{key}", f"Strategic Assessment: {TOTAL_LABELS[key].lower()}", compute)


def _crime_types() -> list[tuple[str, str]]:
    return [(t, t) for t in CRIME_TYPES]


def _by_type(
    partnership: Partnership, params: Mapping[str, str], start: datetime.date, end: datetime.date
) -> Computed | None:
    crime_type = params.get("crime_type", "")
    if crime_type not in CRIME_TYPES:
        return None
    summary, where = _counts(partnership, start, end)
    if summary is None:
        return None
    count = summary["by_crime_type"].get(crime_type, 0)
    return Computed(Decimal(count), f"Strategic Assessment: {crime_type.lower()}, {where}")


def _population_tables() -> list[tuple[str, str]]:
    return [(str(t.pk), t.name) for t in PopulationTable.objects.order_by("name")]


def _rate_totals() -> list[tuple[str, str]]:
    return RATE_TOTALS


def _rate(
    partnership: Partnership, params: Mapping[str, str], start: datetime.date, end: datetime.date
) -> Computed | None:
    """Rate per 1,000 residents of one total, as the assessment's rates table computes it."""
    key = params.get("total", "")
    table = PopulationTable.objects.filter(pk=params.get("population_table") or 0).first()
    if key not in TOTAL_LABELS or table is None:
        return None
    summary, where = _counts(partnership, start, end)
    if summary is None:
        return None
    codes = [d.code for d in partnership_districts(partnership) if d.code]
    population = crime.population_for(table, codes, _period(start, end).start.year)
    rate = rate_per_thousand(summary[key], sum(population.values()) if population else None)
    if rate is None:
        return None
    label = TOTAL_LABELS[key].lower()
    return Computed(
        Decimal(str(rate)), f"Strategic Assessment: {label} per 1,000 residents ({table.name}), {where}"
    )


def register_sources() -> None:
    for key in ("all_crime", "victim_based", "asb"):
        register(_total(key))
    register(
        FigureSource(
            "crime.type",
            "Strategic Assessment: one crime type",
            _by_type,
            (Parameter("crime_type", "Crime type", _crime_types),),
        )
    )
    register(
        FigureSource(
            "crime.rate",
            "Strategic Assessment: rate per 1,000 residents",
            _rate,
            (
                Parameter("total", "Which total (for a rate)", _rate_totals),
                Parameter("population_table", "Population table (for a rate)", _population_tables),
            ),
        )
    )
