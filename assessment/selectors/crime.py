"""Reads of crime counts for districts: which district a name means, counts for a period, summaries.

A district's counts are the CrimeCount rows with its ONS code, plus rows with no code whose district
name is its name or one of its old names (DistrictAlias).
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Max, Min, Q, Sum

from assessment.analysis import Period, compare, group_totals, rates_and_ranks, summarise
from core.models import District
from crimedata.models import CrimeCount, DistrictAlias, ForceMonth, PopulationTable, WeightSet


class UnknownDistrict(LookupError):
    """No district has that name, old name or code."""


@dataclass(frozen=True)
class DistrictRef:
    """A district as the counts know it: its name, ONS code (or None) and every name it goes by."""

    name: str
    code: str | None
    names: tuple[str, ...] = field(default_factory=tuple)
    police_force_id: int | None = None

    @classmethod
    def of(cls, district: District) -> "DistrictRef":
        aliases = [a.alias for a in DistrictAlias.objects.filter(district=district)]
        return cls(district.name, district.code, (district.name, *aliases), district.police_force_id)


def resolve_district(text: str) -> DistrictRef:
    """A district by ONS code, name or old name (Shepway), ignoring case; UnknownDistrict otherwise."""
    wanted = text.strip()
    if not wanted:
        raise UnknownDistrict("Give a district name or ONS code.")
    district = (
        District.objects.filter(code__iexact=wanted).first()
        or District.objects.filter(name__iexact=wanted).first()
    )
    if district is None:
        alias = DistrictAlias.objects.filter(alias__iexact=wanted).select_related("district").first()
        district = alias.district if alias else None
    if district is not None:
        return DistrictRef.of(district)
    # Known only from imported rows (no District record yet): match the name as the files give it.
    row = (
        CrimeCount.objects.filter(Q(district_name__iexact=wanted) | Q(district_code__iexact=wanted))
        .exclude(district_name="")
        .values("district_name", "district_code")
        .first()
    )
    if row is None:
        raise UnknownDistrict(f"There is no district called {wanted!r} (give its name or ONS code).")
    return DistrictRef(row["district_name"], row["district_code"], (row["district_name"],))


def district_filter(districts: Sequence[DistrictRef]) -> Q:
    codes = [d.code for d in districts if d.code]
    names = [n for d in districts for n in d.names]
    query = Q(district_code__isnull=True, district_name__in=names)
    if codes:
        query |= Q(district_code__in=codes)
    return query


def monthly_counts(
    districts: Sequence[DistrictRef], start: datetime.date, end: datetime.date
) -> list[tuple[datetime.date, str, int]]:
    """(month, crime type, count) summed over the districts for months start..end."""
    rows = (
        CrimeCount.objects.filter(district_filter(districts), month__gte=start, month__lte=end)
        .values_list("month", "crime_type")
        .annotate(n=Sum("count"))
        .order_by()
    )
    return [(month, crime_type, n) for month, crime_type, n in rows]


def has_crime_data(districts: Sequence[DistrictRef]) -> bool:
    """Whether any month of crime counts has been imported for these districts."""
    return CrimeCount.objects.filter(district_filter(districts)).exists()


def available_months(districts: Sequence[DistrictRef]) -> tuple[datetime.date, datetime.date] | None:
    """The first and last imported months of the districts' forces (of any force when none is known)."""
    force_ids = sorted({d.police_force_id for d in districts if d.police_force_id})
    query = ForceMonth.objects.all()
    if force_ids:
        query = query.filter(force_id__in=force_ids)
    found = query.aggregate(first=Min("month"), last=Max("month"))
    return (found["first"], found["last"]) if found["first"] else None


def imported_months(months: Iterable[datetime.date], force_ids: Sequence[int]) -> set[datetime.date]:
    """Months with at least one imported force-month (of the given forces, or of any force)."""
    months = list(months)
    query = ForceMonth.objects.filter(month__gte=min(months), month__lte=max(months))
    if force_ids:
        query = query.filter(force_id__in=force_ids)
    return set(query.values_list("month", flat=True).distinct())


def latest_imported_month(force_ids: Sequence[int]) -> datetime.date | None:
    """The last month imported for any of the forces (for any force when none is given)."""
    query = ForceMonth.objects.all()
    if force_ids:
        query = query.filter(force_id__in=force_ids)
    return query.order_by("-month").values_list("month", flat=True).first()


def default_analysis_period(
    plan_start_year: int | None, force_ids: Sequence[int], today: datetime.date
) -> Period:
    """The plan year (April–March) to analyse when none is chosen.

    The current plan year when any of its months has been imported; otherwise the last April–March
    that has imported data (so the page never opens on a year of zeros); otherwise the last complete
    plan year before today.
    """
    if plan_start_year is not None:
        period = Period.plan_year(plan_start_year)
        if imported_months(period.months(), force_ids):
            return period
    latest = latest_imported_month(force_ids)
    if latest is not None:
        return Period.plan_year(latest.year if latest.month >= 4 else latest.year - 1)
    return Period.plan_year(today.year - (2 if today.month < 4 else 1))


def period_summary(districts: Sequence[DistrictRef], period: Period) -> dict[str, Any]:
    """The crime_summary structure: current totals, previous (or None) and change.

    One query covers both periods; `previous` is None when no month of it was imported.
    """
    previous_period = period.previous()
    rows = monthly_counts(districts, previous_period.start, period.end)
    current = summarise(rows, period)
    force_ids = sorted({d.police_force_id for d in districts if d.police_force_id})
    previous = None
    if imported_months(previous_period.months(), force_ids):
        previous = summarise(rows, previous_period)
    return {
        "current": current,
        "previous": previous,
        "change": compare(current, previous),
        "imported": sorted(f"{m:%Y-%m}" for m in imported_months(period.months(), force_ids)),
    }


def crime_summary(district: DistrictRef, period: Period) -> dict[str, Any]:
    """The JSON contract of `manage.py crime_summary` for one district."""
    result = period_summary([district], period)
    result.pop("imported")
    head = {"district": district.name, "district_code": district.code}
    previous = result["previous"]
    return {
        **head,
        **result["current"],
        "previous": {**head, **previous} if previous is not None else None,
        "change": result["change"],
    }


def force_district_counts(force_id: int, period: Period) -> list[tuple[District, dict[str, int]]]:
    """Every district of a force with its four totals for the period (for rates and ranks)."""
    districts = list(District.objects.filter(police_force_id=force_id).order_by("name"))
    refs = {d.pk: DistrictRef.of(d) for d in districts}
    by_key: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    name_to_code = {n.lower(): ref.code for ref in refs.values() for n in ref.names}
    rows = (
        CrimeCount.objects.filter(
            district_filter(list(refs.values())), month__gte=period.start, month__lte=period.end
        )
        .values_list("district_code", "district_name", "crime_type")
        .annotate(n=Sum("count"))
        .order_by()
    )
    for code, name, crime_type, n in rows:
        key = code or name_to_code.get(name.lower()) or name
        by_key[key][crime_type] += n
    return [(d, group_totals(by_key.get(d.code, {}))) for d in districts]


def population_for(table: PopulationTable, codes: Sequence[str], year: int) -> dict[str, int]:
    """Population per area code for the year, or the latest earlier year the table has (else the earliest)."""
    figures = list(table.figures.filter(area_code__in=codes).order_by("area_code", "year"))
    result: dict[str, int] = {}
    for code in codes:
        mine = [f for f in figures if f.area_code == code]
        earlier = [f for f in mine if f.year <= year]
        chosen = earlier[-1] if earlier else (mine[0] if mine else None)
        if chosen is not None:
            result[code] = chosen.population
    return result


def rates_for_force(
    districts: Sequence[DistrictRef], period: Period, table: PopulationTable
) -> dict[str, Any] | None:
    """Rates per 1,000 residents and rank among the force's districts, for each of the four totals."""
    force_ids = {d.police_force_id for d in districts if d.police_force_id}
    if len(force_ids) != 1:
        return None
    force_id = force_ids.pop()
    counts = force_district_counts(force_id, period)
    population = population_for(table, [d.code for d, _ in counts], period.start.year)
    names = {d.code: d.name for d, _ in counts}
    result: dict[str, Any] = {"table": table, "year": period.start.year, "totals": {}}
    for key in ("all_crime", "victim_based", "asb"):
        rows = rates_and_ranks(
            {d.name: totals[key] for d, totals in counts},
            {names[code]: population.get(code) for code in names},
        )
        for row in rows:
            row["is_mine"] = any(row["area"] == d.name for d in districts)
        result["totals"][key] = rows
    return result


def weights_of(weight_set: WeightSet | None) -> dict[str, Decimal] | None:
    if weight_set is None:
        return None
    return {w.crime_type: w.weight for w in weight_set.weights.all()}


def example_sources(*objects: Any) -> list[str]:
    """Names of the example data sets among the given objects (population tables, weight sets …)."""
    return [str(o) for o in objects if o is not None and getattr(o, "is_example", False)]


def example_force_months(districts: Sequence[DistrictRef], period: Period) -> bool:
    """Whether any imported month behind the counts is flagged as example data (demo files)."""
    if not hasattr(ForceMonth, "is_example"):
        return False
    months = ForceMonth.objects.filter(month__gte=period.previous().start, month__lte=period.end)
    force_ids = [d.police_force_id for d in districts if d.police_force_id]
    if force_ids:
        months = months.filter(force_id__in=force_ids)
    return months.filter(is_example=True).exists()
