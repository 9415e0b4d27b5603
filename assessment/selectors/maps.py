"""Reads behind the maps: street-level rows of districts (or of a place's LSOAs) grouped by point
or by LSOA, LSOA centres, and the installed LSOA boundaries (installation-wide reference data)."""

from collections.abc import Sequence
from typing import Any

from assessment.analysis import Period
from assessment.maps.model import Boundary, PointRow
from assessment.selectors.crime import DistrictRef
from assessment.selectors.hotspots import parquet_paths_for
from crimedata.models import ASB, BoundarySet, LsoaBoundary, LsoaDistrict
from crimedata.store import duckdb_cursor
from planning.models import Place

ALL_CRIME = "all"  # every type except anti-social behaviour, as crime_summary's all_crime


def _where(
    districts: Sequence[DistrictRef], crime_type: str, lsoa_codes: Sequence[str] | None
) -> tuple[str, dict[str, Any]]:
    clauses = [
        "month BETWEEN $start::DATE AND $end::DATE",
        "(district_code IN (SELECT unnest($codes)) OR (district_code IS NULL AND district_name IN (SELECT unnest($names))))",
    ]
    params: dict[str, Any] = {
        "codes": [d.code for d in districts if d.code] or [""],
        "names": [n for d in districts for n in d.names] or [""],
        "crime_type": ASB if crime_type == ALL_CRIME else crime_type,
    }
    clauses.append("crime_type <> $crime_type" if crime_type == ALL_CRIME else "crime_type = $crime_type")
    if lsoa_codes is not None:
        clauses.append("lsoa_code IN (SELECT unnest($lsoas))")
        params["lsoas"] = list(lsoa_codes) or [""]
    return " AND ".join(clauses), params


def _query(
    districts: Sequence[DistrictRef],
    period: Period,
    select: str,
    where: str,
    params: dict[str, Any],
    group: str,
) -> list[tuple[Any, ...]]:
    paths = parquet_paths_for(districts, period.start, period.end)
    if not paths:
        return []
    sql = f"""
        SELECT {select}
        FROM read_parquet($paths, union_by_name = true, hive_partitioning = false)
        WHERE {where}
        GROUP BY {group}
    """  # noqa: S608 - only fixed clauses are joined in; values are parameters
    return (
        duckdb_cursor()
        .execute(sql, {**params, "paths": [str(p) for p in paths], "start": period.start, "end": period.end})
        .fetchall()
    )


def map_points(
    districts: Sequence[DistrictRef], period: Period, crime_type: str, lsoa_codes: Sequence[str] | None = None
) -> tuple[list[PointRow], int]:
    """(longitude, latitude, rows, LSOA name, location) of the rows with a location, and the number
    of rows without one."""
    where, params = _where(districts, crime_type, lsoa_codes)
    rows = _query(
        districts,
        period,
        "longitude, latitude, count(*), any_value(lsoa_name), any_value(location)",
        where,
        params,
        "longitude, latitude",
    )
    points = [
        (lon, lat, int(n), name, location)
        for lon, lat, n, name, location in rows
        if lon is not None and lat is not None
    ]
    unmapped = sum(int(n) for lon, lat, n, _, _ in rows if lon is None or lat is None)
    return points, unmapped


def lsoa_map_counts(
    districts: Sequence[DistrictRef], period: Period, crime_type: str, lsoa_codes: Sequence[str] | None = None
) -> tuple[dict[str, int], dict[str, str], int]:
    """Rows by LSOA code, the LSOA names the files give, and the rows with no LSOA."""
    where, params = _where(districts, crime_type, lsoa_codes)
    rows = _query(districts, period, "lsoa_code, any_value(lsoa_name), count(*)", where, params, "lsoa_code")
    counts = {code: int(n) for code, _, n in rows if code}
    names = {code: name or code for code, name, _ in rows if code}
    return counts, names, sum(int(n) for code, _, n in rows if not code)


def lsoa_centres(districts: Sequence[DistrictRef], period: Period) -> list[tuple[str, str, float, float]]:
    """(code, name, mean longitude, mean latitude) of every LSOA with located rows in the period."""
    where, params = _where(districts, ALL_CRIME, None)
    where = where.replace("crime_type <> $crime_type", "longitude IS NOT NULL")
    params.pop("crime_type")
    rows = _query(
        districts,
        period,
        "lsoa_code, any_value(lsoa_name), avg(longitude), avg(latitude)",
        where + " AND lsoa_code IS NOT NULL",
        params,
        "lsoa_code",
    )
    return sorted((code, name or code, float(lon), float(lat)) for code, name, lon, lat in rows)


def district_lsoa_codes(districts: Sequence[DistrictRef]) -> set[str]:
    """LSOA codes the installed ONS lookup gives the districts (empty without a lookup)."""
    codes = [d.code for d in districts if d.code]
    return set(LsoaDistrict.objects.filter(district_code__in=codes).values_list("lsoa_code", flat=True))


def boundaries(codes: Sequence[str] | set[str]) -> tuple[list[Boundary], list[BoundarySet]]:
    """The installed outlines of these LSOAs (from the most recently imported set that has each)
    and the sets they came from."""
    found: dict[str, LsoaBoundary] = {}
    wanted = sorted(codes)
    for start in range(0, len(wanted), 5000):
        rows = LsoaBoundary.objects.filter(lsoa_code__in=wanted[start : start + 5000]).select_related(
            "boundary_set"
        )
        for row in rows.order_by("boundary_set__imported_at", "boundary_set_id"):
            found[row.lsoa_code] = row  # later sets win
    sets = {row.boundary_set_id: row.boundary_set for row in found.values()}
    shapes = [
        Boundary(
            row.lsoa_code,
            row.lsoa_name,
            tuple(
                tuple(tuple((float(lon), float(lat)) for lon, lat in ring) for ring in polygon)
                for polygon in row.polygons
            ),
        )
        for row in sorted(found.values(), key=lambda r: r.lsoa_code)
    ]
    return shapes, sorted(sets.values(), key=lambda s: s.name)


def boundaries_installed() -> bool:
    return LsoaBoundary.objects.exists()


def places_with_lsoas(partnership: Any) -> list[Any]:
    """The partnership's places (it was opened through its door) that list LSOAs, by name."""
    return [p for p in Place.objects.filter(partnership=partnership).order_by("name") if p.lsoa_codes]
