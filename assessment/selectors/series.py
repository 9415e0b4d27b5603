"""Monthly counts of one crime type (or all crime) for districts over up to five years, from the
CrimeCount rows (one indexed query), with which months were imported."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.db.models import Min, Sum

from assessment.analysis import Period, add_months
from assessment.selectors.crime import DistrictRef, district_filter, imported_months
from assessment.series import seasonal_profile, series_months, series_rows, year_on_year
from crimedata.models import ASB, CRIME_TYPES, CrimeCount, ForceMonth

ALL = "all"
CRIME_TYPE_CHOICES: list[tuple[str, str]] = [(ALL, "All crime (excluding anti-social behaviour)")] + [
    (t, t) for t in CRIME_TYPES
]


def types_of(crime_type: str) -> list[str]:
    """The police.uk types a choice covers: `all` is every type but anti-social behaviour."""
    if crime_type == ALL:
        return [t for t in CRIME_TYPES if t != ASB]
    if crime_type in CRIME_TYPES:
        return [crime_type]
    choices = ", ".join(f"'{t}'" for t in CRIME_TYPES)
    raise ValueError(f"{crime_type!r} is not a police.uk crime type: use 'all' or one of {choices}.")


def label_of(crime_type: str) -> str:
    return dict(CRIME_TYPE_CHOICES).get(crime_type, crime_type)


def force_ids_of(districts: Sequence[DistrictRef]) -> list[int]:
    return sorted({d.police_force_id for d in districts if d.police_force_id})


def monthly_totals(
    districts: Sequence[DistrictRef], start: datetime.date, end: datetime.date, crime_type: str = ALL
) -> dict[datetime.date, int]:
    """Count per month of the crime type in the districts, months start..end (months with none left out)."""
    rows = (
        CrimeCount.objects.filter(
            district_filter(districts), month__gte=start, month__lte=end, crime_type__in=types_of(crime_type)
        )
        .values_list("month")
        .annotate(n=Sum("count"))
        .order_by()
    )
    return {month: int(n) for month, n in rows}


def first_imported_month(districts: Sequence[DistrictRef]) -> datetime.date | None:
    query = ForceMonth.objects.all()
    force_ids = force_ids_of(districts)
    if force_ids:
        query = query.filter(force_id__in=force_ids)
    return query.aggregate(first=Min("month"))["first"]


def series_for_months(
    districts: Sequence[DistrictRef], months: Sequence[datetime.date], crime_type: str = ALL
) -> dict[str, Any]:
    """Counts, rolling 12-month totals (reading up to 11 months before the first), year-on-year
    and the seasonal profile for these consecutive months."""
    first = add_months(months[0], -12)
    counts = monthly_totals(districts, first, months[-1], crime_type)
    imported = imported_months([first, months[-1]], force_ids_of(districts))
    imported = {m for m in imported if first <= m <= months[-1]}
    return {
        "months": list(months),
        "rows": series_rows(months, counts, imported),
        "year_on_year": year_on_year(months, counts, imported),
        "seasonal": seasonal_profile(months, counts, imported),
        "imported": imported,
    }


def crime_series(
    districts: Sequence[DistrictRef], period: Period, crime_type: str = ALL
) -> list[dict[str, Any]]:
    """The `crime_series` contract for the months of the period."""
    return series_for_months(districts, period.months(), crime_type)["rows"]


def long_series(
    districts: Sequence[DistrictRef], end: datetime.date, crime_type: str = ALL
) -> dict[str, Any]:
    """Up to five years ending with `end`, starting no earlier than the first imported month."""
    return series_for_months(districts, series_months(end, first_imported_month(districts)), crime_type)
