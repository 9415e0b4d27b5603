"""Street-level aggregates of the districts' raw police.uk rows for a period and the one before:
counts by LSOA and crime type, by repeat location ("On or near …", longitude, latitude) and crime
type, and last outcome categories by crime type. One pass of DuckDB over the current Parquet files
(on this thread's cursor of the process's connection), cached until the crime data change."""

from collections.abc import Sequence
from typing import Any

from assessment.analysis import Period
from assessment.cache import cached
from assessment.selectors.crime import DistrictRef
from assessment.selectors.hotspots import parquet_paths_for
from assessment.street import StreetAggregates
from crimedata.models import PopulationFigure, PopulationTable
from crimedata.store import duckdb_cursor

WHERE = """month BETWEEN $previous_start::DATE AND $end::DATE AND (district_code IN (SELECT unnest($codes))
    OR (district_code IS NULL AND district_name IN (SELECT unnest($names))))"""
PERIODS = """count(*) FILTER (WHERE month >= $start::DATE) AS current,
    count(*) FILTER (WHERE month < $start::DATE) AS previous"""
SOURCE = "read_parquet($paths, union_by_name = true, hive_partitioning = false)"


def _query(districts: Sequence[DistrictRef], period: Period) -> StreetAggregates:
    previous = period.previous()
    paths = parquet_paths_for(districts, previous.start, period.end)
    if not paths:
        return StreetAggregates(has_files=False, lsoa=(), location=(), outcomes=())
    params: dict[str, Any] = {
        "paths": [str(p) for p in paths],
        "codes": [d.code for d in districts if d.code] or [""],
        "names": [n for d in districts for n in d.names] or [""],
        "start": period.start,
        "previous_start": previous.start,
        "end": period.end,
    }
    cursor = duckdb_cursor()
    lsoa = cursor.execute(
        f"""SELECT lsoa_code, coalesce(max(lsoa_name), lsoa_code), crime_type, {PERIODS}
        FROM {SOURCE} WHERE {WHERE} AND lsoa_code IS NOT NULL GROUP BY lsoa_code, crime_type""",  # noqa: S608 - constants
        params,
    ).fetchall()
    location = cursor.execute(
        f"""SELECT location, longitude, latitude, min(lsoa_code), crime_type, {PERIODS}
        FROM {SOURCE} WHERE {WHERE} AND location IS NOT NULL AND longitude IS NOT NULL
        GROUP BY location, longitude, latitude, crime_type""",  # noqa: S608 - constants
        params,
    ).fetchall()
    outcomes = cursor.execute(
        f"""SELECT crime_type, last_outcome_category, count(*) FROM {SOURCE}
        WHERE {WHERE} AND month >= $start::DATE GROUP BY crime_type, last_outcome_category""",  # noqa: S608 - constants
        params,
    ).fetchall()
    return StreetAggregates(
        has_files=True,
        lsoa=tuple((c, n, t, int(a), int(b)) for c, n, t, a, b in lsoa),
        location=tuple(
            (loc, float(x), float(y), code, t, int(a), int(b)) for loc, x, y, code, t, a, b in location
        ),
        outcomes=tuple((t, o, int(n)) for t, o, n in outcomes),
    )


def street_aggregates(districts: Sequence[DistrictRef], period: Period) -> StreetAggregates:
    """The aggregates for these districts and period (from the cache when the data are unchanged)."""
    key = ("street", tuple((d.code, d.names) for d in districts), period.from_text, period.to_text)
    return cached(key, lambda: _query(districts, period))


def lsoa_population(codes: Sequence[str], year: int, table: PopulationTable | None = None) -> dict[str, int]:
    """Residents per LSOA code for the year (or the nearest earlier year) from the table, or, when
    none is given, from the most recently imported table that has figures for these LSOAs."""
    if not codes:
        return {}
    figures = PopulationFigure.objects.filter(area_code__in=list(codes))
    if table is None:
        table_id = (
            figures.order_by("table__is_example", "-table__imported_at")
            .values_list("table_id", flat=True)
            .first()
        )
        if table_id is None:
            return {}
        figures = figures.filter(table_id=table_id)
    else:
        figures = figures.filter(table=table)
    chosen: dict[str, tuple[int, int]] = {}
    for code, figure_year, population in figures.order_by("area_code", "year").values_list(
        "area_code", "year", "population"
    ):
        best = chosen.get(code)
        if best is None or (figure_year <= year and (best[0] > year or figure_year > best[0])):
            chosen[code] = (figure_year, population)
    return {code: population for code, (_, population) in chosen.items()}
