"""Comparators for a district's crime rate: the force average, England and Wales (only when every
force's data and every district's population for the period are installed), most similar groups
(reference data), and counts by electoral ward (when an LSOA → ward lookup is installed)."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import Count, Sum

from assessment.analysis import Period, rate_per_thousand, rates_and_ranks
from assessment.models import ComparatorGroup, ComparatorMember, LsoaWard
from assessment.selectors.crime import DistrictRef, district_filter, population_for
from assessment.street import StreetAggregates
from core.models import District, PoliceForce
from crimedata.models import ASB, VICTIM_BASED, CrimeCount, ForceMonth, PopulationTable

SHOWN = 5


def _names(items: Sequence[str]) -> str:
    shown = ", ".join(items[:SHOWN])
    return shown + (f" and {len(items) - SHOWN} more" if len(items) > SHOWN else "")


def force_average(rates: dict[str, Any] | None) -> dict[str, Any] | None:
    """The force's rate per 1,000 over its districts with a population figure, for each total."""
    if not rates:
        return None
    result = {}
    for key, rows in rates["totals"].items():
        known = [r for r in rows if r["population"]]
        count = sum(r["count"] for r in known)
        population = sum(r["population"] for r in known)
        result[key] = {
            "count": count,
            "population": population,
            "rate": rate_per_thousand(count, population),
            "districts": len(known),
            "of": len(rows),
        }
    return result


def england_and_wales(period: Period, table: PopulationTable | None) -> dict[str, Any]:
    """{"rate": …} for victim-based crime when complete, else {"rate": None, "missing": [sentences]}."""
    forces = list(PoliceForce.objects.filter(pfa_code__isnull=False).order_by("name"))
    months = dict(
        ForceMonth.objects.filter(force__in=forces, month__gte=period.start, month__lte=period.end)
        .values_list("force_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    missing_forces = [f.name for f in forces if months.get(f.pk, 0) < period.length]
    missing = []
    if not forces:
        missing.append("No police forces are installed.")
    if missing_forces:
        missing.append(
            f"{len(missing_forces)} of {len(forces)} forces have no data for some or all months of "
            f"{period.label}: {_names(missing_forces)}."
        )
    districts = list(District.objects.filter(police_force__in=forces).order_by("name"))
    if table is None:
        missing.append("No population table is chosen.")
        population: dict[str, int] = {}
    else:
        population = population_for(table, [d.code for d in districts], period.start.year)
        without = [d.name for d in districts if d.code not in population]
        if without:
            missing.append(
                f"{len(without)} of {len(districts)} districts have no population figure in {table.name}: "
                f"{_names(without)}."
            )
    if missing:
        return {"rate": None, "missing": missing}
    count = (
        CrimeCount.objects.filter(
            force_month__force__in=forces,
            month__gte=period.start,
            month__lte=period.end,
            crime_type__in=VICTIM_BASED,
        )
        .exclude(district_name="")
        .aggregate(n=Sum("count"))["n"]
        or 0
    )
    total = sum(population.values())
    return {"rate": rate_per_thousand(count, total), "count": count, "population": total, "missing": []}


def _member_counts(members: Sequence[ComparatorMember], period: Period) -> dict[str, int]:
    """Victim-based crime per member district code (by code, or by name for rows with no code)."""
    known = {d.code: d for d in District.objects.filter(code__in=[m.district_code for m in members])}
    refs = {
        m.district_code: DistrictRef.of(known[m.district_code])
        if m.district_code in known
        else DistrictRef(m.district_name, m.district_code, (m.district_name,))
        for m in members
    }
    rows = (
        CrimeCount.objects.filter(
            district_filter(list(refs.values())),
            month__gte=period.start,
            month__lte=period.end,
            crime_type__in=VICTIM_BASED,
        )
        .values_list("district_code", "district_name")
        .annotate(n=Sum("count"))
        .order_by()
    )
    by_name = {n.lower(): code for code, ref in refs.items() for n in ref.names}
    counts: dict[str, int] = defaultdict(int)
    for code, name, n in rows:
        key = code if code in refs else by_name.get((name or "").lower())
        if key:
            counts[key] += n
    return counts


def complete_forces(period: Period) -> set[int]:
    """Forces with every month of the period imported."""
    rows = (
        ForceMonth.objects.filter(month__gte=period.start, month__lte=period.end)
        .values_list("force_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {force_id for force_id, n in rows if n >= period.length}


def similar_groups(
    districts: Sequence[DistrictRef], period: Period, table: PopulationTable | None
) -> list[dict[str, Any]]:
    """Each most similar group holding one of the districts: members' victim-based crime rates,
    ranked (1 = lowest) among members with complete data and a population figure."""
    codes = [d.code for d in districts if d.code]
    groups = list(
        ComparatorGroup.objects.filter(members__district_code__in=codes).distinct().order_by("name")
    )
    if not groups:
        return []
    complete = complete_forces(period)
    result = []
    for group in groups:
        members = list(ComparatorMember.objects.filter(group=group).order_by("district_name"))
        counts = _member_counts(members, period)
        forces = dict(
            District.objects.filter(code__in=[m.district_code for m in members]).values_list(
                "code", "police_force_id"
            )
        )
        population = (
            population_for(table, [m.district_code for m in members], period.start.year) if table else {}
        )
        usable = {
            m.district_name: population.get(m.district_code)
            if forces.get(m.district_code) in complete
            else None
            for m in members
        }
        rows = rates_and_ranks({m.district_name: counts.get(m.district_code, 0) for m in members}, usable)
        complete_names = {m.district_name for m in members if forces.get(m.district_code) in complete}
        mine_names = {n for d in districts for n in d.names}
        for row in rows:
            row["is_mine"] = row["area"] in mine_names
            row["complete"] = row["area"] in complete_names
            if not row["complete"]:
                row["count"] = None
        mine = next((r for r in rows if r["is_mine"]), None)
        result.append(
            {
                "group": group,
                "rows": rows,
                "rank": mine["rank"] if mine else None,
                "of": rows[0]["of"] if rows else 0,
                "incomplete": sorted(
                    m.district_name for m in members if m.district_name not in complete_names
                ),
            }
        )
    return result


def ward_rows(aggregates: StreetAggregates) -> dict[str, Any] | None:
    """{"rows": victim-based crime and ASB by electoral ward (LSOAs summed through the installed
    lookup), "unmatched": LSOAs the lookup lacks}, or None when no lookup row covers these LSOAs."""
    codes = sorted({row[0] for row in aggregates.lsoa})
    if not codes:
        return None
    wards = {
        lsoa: (code, name)
        for lsoa, code, name in LsoaWard.objects.filter(lsoa_code__in=codes).values_list(
            "lsoa_code", "ward_code", "ward_name"
        )
    }
    if not wards:
        return None
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    unmatched = set()
    for lsoa, _, crime_type, current, previous in aggregates.lsoa:
        ward = wards.get(lsoa)
        if ward is None:
            unmatched.add(lsoa)
            continue
        if crime_type in VICTIM_BASED:
            sums[ward][0] += current
            sums[ward][1] += previous
        elif crime_type == ASB:
            sums[ward][2] += current
            sums[ward][3] += previous
    rows = [
        {
            "code": code,
            "name": name,
            "victim_based": v[0],
            "victim_before": v[1],
            "asb": v[2],
            "asb_before": v[3],
        }
        for (code, name), v in sorted(sums.items(), key=lambda item: (-item[1][0], item[0][1]))
    ]
    return {"rows": rows, "unmatched": len(unmatched)}


__all__ = ["england_and_wales", "force_average", "similar_groups", "ward_rows"]
