"""The data beside each scoring question: for every crime-type issue of an assessment its count in
the assessment's period, change and significance, harm weight and share, and rate per 1,000
residents against the force average and the most similar group's average (where installed).

Built from the installation-wide counts and cached by crime-data version, the assessment's last
change and the issues' crime types (ADR 0024); partnership records are not cached here.
"""

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from django.db.models import Sum

from assessment.analysis import Period, harm_rows, percent_change, rate_per_thousand
from assessment.cache import cached
from assessment.models import Assessment, CandidateIssue, ComparatorGroup, ComparatorMember
from assessment.selectors.comparators import complete_forces
from assessment.selectors.crime import (
    DistrictRef,
    district_filter,
    period_summary,
    population_for,
    weights_of,
)
from assessment.significance import change_significance
from assessment.suggestion import IssueData
from core.models import District
from crimedata.models import CrimeCount, PopulationTable


def _type_counts(
    refs: Sequence[DistrictRef], period: Period, types: Sequence[str]
) -> dict[str, dict[str, int]]:
    """{district code: {crime type: count}} for the districts (rows without a code matched by name)."""
    by_name = {n.lower(): ref.code for ref in refs for n in ref.names if ref.code}
    rows = (
        CrimeCount.objects.filter(
            district_filter(list(refs)), month__gte=period.start, month__lte=period.end, crime_type__in=types
        )
        .values_list("district_code", "district_name", "crime_type")
        .annotate(n=Sum("count"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for code, name, crime_type, n in rows:
        key = code or by_name.get((name or "").lower())
        if key:
            counts[key][crime_type] += n
    return counts


def _average_rates(
    counts: dict[str, dict[str, int]], population: dict[str, int], codes: Sequence[str], types: Sequence[str]
) -> dict[str, float | None]:
    """Rate per 1,000 over the areas (codes) that have a population figure, for each crime type."""
    known = [c for c in codes if population.get(c)]
    total = sum(population[c] for c in known)
    return {t: rate_per_thousand(sum(counts.get(c, {}).get(t, 0) for c in known), total) for t in types}


def _force_rates(
    districts: Sequence[DistrictRef], period: Period, table: PopulationTable, types: Sequence[str]
) -> dict[str, float | None]:
    force_ids = {d.police_force_id for d in districts if d.police_force_id}
    if len(force_ids) != 1:
        return {}
    refs = [DistrictRef.of(d) for d in District.objects.filter(police_force_id=force_ids.pop())]
    codes = [r.code for r in refs if r.code]
    population = population_for(table, codes, period.start.year)
    return _average_rates(_type_counts(refs, period, types), population, codes, types)


def _group_rates(
    districts: Sequence[DistrictRef], period: Period, table: PopulationTable, types: Sequence[str]
) -> tuple[str, dict[str, float | None]]:
    """The first most similar group holding one of the districts: its members' average rate per type
    (members whose force has every month of the period and a population figure)."""
    codes = [d.code for d in districts if d.code]
    group = ComparatorGroup.objects.filter(members__district_code__in=codes).order_by("name").first()
    if group is None:
        return "", {}
    members = list(ComparatorMember.objects.filter(group=group))
    known = {d.code: d for d in District.objects.filter(code__in=[m.district_code for m in members])}
    complete = complete_forces(period)
    usable = [c for c, d in known.items() if d.police_force_id in complete]
    refs = [DistrictRef.of(known[c]) for c in usable]
    population = population_for(table, usable, period.start.year)
    return group.name, _average_rates(_type_counts(refs, period, types), population, usable, types)


def build_issue_data(
    districts: Sequence[DistrictRef],
    period: Period,
    types: Sequence[str],
    *,
    population_table: PopulationTable | None,
    weights: dict[str, Decimal] | None,
) -> dict[str, IssueData]:
    """IssueData for each crime type, over the districts together."""
    if not districts or not types:
        return {}
    summary = period_summary(districts, period)
    current = summary["current"]["by_crime_type"]
    previous = summary["previous"]["by_crime_type"] if summary["previous"] else None
    harm = {r["crime_type"]: r for r in harm_rows(current, weights)} if weights is not None else {}
    harm_known = any(r["weighted"] for r in harm.values())  # all zero: no share to speak of
    rate_of: dict[str, float | None] = {}
    force: dict[str, float | None] = {}
    group_name, group = "", dict[str, float | None]()
    if population_table is not None:
        codes = [d.code for d in districts if d.code]
        population = population_for(population_table, codes, period.start.year)
        whole = len(population) == len(districts)
        rate_of = {
            t: rate_per_thousand(current.get(t, 0), sum(population.values())) if whole else None
            for t in types
        }
        force = _force_rates(districts, period, population_table, types)
        group_name, group = _group_rates(districts, period, population_table, types)
    result = {}
    for crime_type in types:
        count = current.get(crime_type, 0)
        before = previous.get(crime_type, 0) if previous is not None else None
        flag = change_significance(before, count)
        row = harm.get(crime_type)
        result[crime_type] = IssueData(
            crime_type=crime_type,
            count=count,
            previous=before,
            change_percent=percent_change(count, before) if before is not None else None,
            significant=flag.significant if flag else None,
            significance_words=f"{flag.words} ({flag.p_text})" if flag else "",
            weight=row["weight"] if row else None,
            harm_share=row["share"] if row and harm_known else None,
            harm_rank=row["harm_rank"] if row and harm_known else None,
            rate=rate_of.get(crime_type),
            force_rate=force.get(crime_type),
            group_rate=group.get(crime_type),
            group_name=group_name,
        )
    return result


def issue_data(assessment: Assessment, issues: Sequence[CandidateIssue]) -> dict[int, IssueData]:
    """The data for each crime-type issue, by issue id (themes have none)."""
    types = sorted({i.crime_type for i in issues if i.crime_type})
    if not types:
        return {}
    districts = [DistrictRef.of(d) for d in assessment.partnership.districts.order_by("name")]
    period = Period(assessment.data_from, assessment.data_to)
    table, weight_set = assessment.population_table, assessment.weight_set
    key = (
        "issue-data",
        assessment.pk,
        assessment.modified.isoformat() if assessment.modified else "",
        tuple((d.code, d.names) for d in districts),
        tuple(types),
    )
    by_type = cached(
        key,
        lambda: build_issue_data(
            districts, period, types, population_table=table, weights=weights_of(weight_set)
        ),
    )
    return {i.pk: by_type[i.crime_type] for i in issues if i.crime_type in by_type}


__all__ = ["build_issue_data", "issue_data"]
