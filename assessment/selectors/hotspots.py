"""LSOA hotspots: the raw rows in the current Parquet files, queried with DuckDB.

Only the force-month files that hold rows of the districts are read (found through their counts).
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assessment.analysis import LsoaCounts, Period, hotspot_rows, place_rows
from assessment.cache import cached
from assessment.selectors.crime import DistrictRef, district_filter
from crimedata.models import ASB, VICTIM_BASED, CrimeCount, ForceMonth
from crimedata.store import data_dir, duckdb_cursor
from partnership.models import Partnership
from planning.models import Place


def parquet_paths_for(districts: Sequence[DistrictRef], start: Any, end: Any) -> list[Path]:
    """Current files of the force-months that have rows in these districts between start and end."""
    force_month_ids = (
        CrimeCount.objects.filter(district_filter(districts), month__gte=start, month__lte=end)
        .values_list("force_month_id", flat=True)
        .distinct()
    )
    root = data_dir()
    paths = ForceMonth.objects.filter(pk__in=force_month_ids).values_list("parquet_path", flat=True)
    return [root / p for p in sorted(set(paths)) if (root / p).exists()]


def hotspots(
    districts: Sequence[DistrictRef], period: Period, *, limit: int = 10, include_asb: bool = False
) -> list[dict[str, Any]]:
    """Top LSOAs of the districts by rows in the period (crime only unless include_asb), with the
    count in the period before and the change."""
    previous = period.previous()
    paths = parquet_paths_for(districts, previous.start, period.end)
    if not paths:
        return []
    codes = [d.code for d in districts if d.code]
    names = [n for d in districts for n in d.names]
    where = [
        "(district_code IN (SELECT unnest($codes)) OR (district_code IS NULL AND district_name IN (SELECT unnest($names))))"
    ]
    if not include_asb:
        where.append("crime_type <> $asb")
    sql = f"""
        SELECT lsoa_code, lsoa_name,
               count(*) FILTER (WHERE month >= $start::DATE) AS current,
               count(*) FILTER (WHERE month < $start::DATE) AS previous
        FROM read_parquet($paths, union_by_name = true, hive_partitioning = false)
        WHERE month BETWEEN $previous_start::DATE AND $end::DATE AND lsoa_code IS NOT NULL AND {" AND ".join(where)}
        GROUP BY lsoa_code, lsoa_name
    """  # noqa: S608 - only fixed clauses are joined in; values are parameters
    params: dict[str, Any] = {
        "paths": [str(p) for p in paths],
        "codes": codes or [""],
        "names": names or [""],
        "start": period.start,
        "previous_start": previous.start,
        "end": period.end,
    }
    if not include_asb:
        params["asb"] = ASB
    rows = duckdb_cursor().execute(sql, params).fetchall()
    current = {(code, name or code): int(now) for code, name, now, _ in rows if now}
    before = {(code, name or code): int(then) for code, name, _, then in rows if then}
    return hotspot_rows(current, before, limit=limit)


def lsoa_counts(districts: Sequence[DistrictRef], period: Period, codes: Sequence[str]) -> LsoaCounts | None:
    """Victim-based crime and ASB of these LSOAs in the period and the one before, by LSOA code
    (None when no street-level file of the districts covers the two periods)."""
    previous = period.previous()
    paths = parquet_paths_for(districts, previous.start, period.end)
    if not paths:
        return None
    sql = """
        SELECT lsoa_code,
               count(*) FILTER (WHERE month >= $start::DATE AND crime_type IN (SELECT unnest($victim))),
               count(*) FILTER (WHERE month < $start::DATE AND crime_type IN (SELECT unnest($victim))),
               count(*) FILTER (WHERE month >= $start::DATE AND crime_type = $asb),
               count(*) FILTER (WHERE month < $start::DATE AND crime_type = $asb)
        FROM read_parquet($paths, union_by_name = true, hive_partitioning = false)
        WHERE month BETWEEN $previous_start::DATE AND $end::DATE AND lsoa_code IN (SELECT unnest($codes))
        GROUP BY lsoa_code
    """
    params: dict[str, Any] = {
        "paths": [str(p) for p in paths],
        "codes": list(codes),
        "victim": list(VICTIM_BASED),
        "asb": ASB,
        "start": period.start,
        "previous_start": previous.start,
        "end": period.end,
    }
    rows = duckdb_cursor().execute(sql, params).fetchall()
    return {code: (int(a), int(b), int(c), int(d)) for code, a, b, c, d in rows}


def places(
    partnership: Partnership, districts: Sequence[DistrictRef], period: Period
) -> list[dict[str, Any]]:
    """The partnership's places (it was opened through its door) with their LSOAs' victim-based
    crime and ASB in the period and the period before."""
    found = list(Place.objects.filter(partnership=partnership).order_by("name"))
    codes = sorted({code for place in found for code in place.lsoa_codes})
    counts = None
    if codes and districts:
        key = (
            "lsoa_counts",
            tuple((d.code, d.names) for d in districts),
            period.from_text,
            period.to_text,
            *codes,
        )
        counts = cached(key, lambda: lsoa_counts(districts, period, codes))
    return place_rows(found, counts)
