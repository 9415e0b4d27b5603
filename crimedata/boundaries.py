"""Import LSOA boundaries from an ONS GeoJSON file (2011 or 2021 codes) as reference data.

The file is checked completely before anything is saved; a refusal names the file, the feature
(by its position and code) and the field. Coordinates must be longitude/latitude (WGS84, as the ONS
Open Geography Portal's GeoJSON downloads are); British National Grid metres are refused with a
message saying so. GeoPackage files are not read: no GeoPackage reader is installed.
Coordinates are kept to 5 decimals (about a metre).
"""

import json
import re
from pathlib import Path
from typing import Any

from django.db import transaction

from crimedata.importer.errors import ImportValidationError
from crimedata.models import BoundarySet, LsoaBoundary

CODE = re.compile(r"^[EW]01[0-9]{6}$")
CODE_PROPERTY = re.compile(r"^LSOA(\d{2})CD$", re.IGNORECASE)
NAME_PROPERTY = re.compile(r"^LSOA(\d{2})NM$", re.IGNORECASE)
MAX_BYTES = 300 * 1024 * 1024
MAX_POSITIONS = 5_000_000

Polygons = list[list[list[list[float]]]]


def _fail(display: str, message: str, feature: int | None = None, code: str = "", field: str = "") -> None:
    where = []
    if feature is not None:
        where.append(f"feature {feature}" + (f" ({code})" if code else ""))
    if field:
        where.append(f'field "{field}"')
    raise ImportValidationError(display, (", ".join(where) + ": " if where else "") + message)


def _load(path: Path, display: str) -> Any:
    if path.stat().st_size > MAX_BYTES:
        _fail(
            display,
            f"the file is larger than {MAX_BYTES // 1024 // 1024} MB; use the generalised boundaries.",
        )
    raw = path.read_bytes()
    if raw[:16].startswith(b"SQLite format 3"):
        _fail(
            display, "this is a GeoPackage; only GeoJSON can be imported (no GeoPackage reader is installed)."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        _fail(display, "the file is not UTF-8 text; download the boundaries as GeoJSON.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        _fail(display, f"this is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).")


def _property(properties: dict[str, Any], pattern: re.Pattern[str]) -> str | None:
    return next((key for key in properties if pattern.match(str(key))), None)


def _position(value: Any) -> tuple[float, float] | None:
    if (
        isinstance(value, list)
        and len(value) >= 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value[:2])
    ):
        return float(value[0]), float(value[1])
    return None


def _polygons(geometry: Any, fail: Any) -> Polygons:
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        kind = geometry.get("type") if isinstance(geometry, dict) else "none"
        fail(f"the geometry is {kind!s}; an LSOA must be a Polygon or MultiPolygon.", "geometry")
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        fail("the geometry has no coordinates.", "geometry")
    result: Polygons = []
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            fail("a polygon has no rings.", "geometry")
        rings = []
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                fail("a ring has fewer than 4 positions.", "geometry")
            points = []
            for value in ring:
                position = _position(value)
                if position is None:
                    fail(f"{json.dumps(value)[:40]} is not a [longitude, latitude] position.", "geometry")
                lon, lat = position  # type: ignore[misc]
                if abs(lon) > 180 or abs(lat) > 90:
                    fail(
                        f"[{lon:g}, {lat:g}] is not a longitude and latitude; the file looks like British "
                        "National Grid metres: download it in WGS84 (longitude/latitude).",
                        "geometry",
                    )
                points.append([round(lon, 5), round(lat, 5)])
            rings.append(points)
        result.append(rings)
    return result


def boundaries_import(
    *, user: Any, path: Path, name: str, source: str, is_example: bool = False, display: str | None = None
) -> BoundarySet:
    """Install the LSOA boundaries of a GeoJSON FeatureCollection as a set called `name`
    (replacing a set of that name). All or nothing."""
    display = display or str(path)
    data = _load(path, display)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        _fail(display, 'the file is not a GeoJSON FeatureCollection (no "type": "FeatureCollection").')
    features = data.get("features")
    if not isinstance(features, list) or not features:
        _fail(display, "the file has no features.")
    crs = json.dumps(data.get("crs") or {})
    if "27700" in crs:
        _fail(
            display,
            "the file uses British National Grid (EPSG:27700); download it in WGS84 (longitude/latitude).",
        )
    records: dict[str, LsoaBoundary] = {}
    vintages: set[str] = set()
    positions = 0
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            _fail(display, "the feature has no properties.", number)
        assert isinstance(properties, dict)
        key = _property(properties, CODE_PROPERTY)
        if key is None:
            _fail(display, "no LSOA code property (LSOA11CD or LSOA21CD).", number)
        assert key is not None
        code = str(properties.get(key) or "").strip()
        if not CODE.match(code):
            _fail(display, f'"{code[:20]}" is not an LSOA code (E01 or W01 and 6 digits).', number, field=key)
        vintages.add("20" + CODE_PROPERTY.match(key).group(1))  # type: ignore[union-attr]
        if code in records:
            _fail(display, f"{code} is in the file twice.", number, code, key)
        name_key = _property(properties, NAME_PROPERTY)
        lsoa_name = str(properties.get(name_key) or "").strip()[:200] if name_key else ""

        def fail(message: str, field: str, number: int = number, code: str = code) -> None:
            _fail(display, message, number, code, field)

        polygons = _polygons(feature.get("geometry"), fail)
        positions += sum(len(ring) for polygon in polygons for ring in polygon)
        if positions > MAX_POSITIONS:
            _fail(display, f"more than {MAX_POSITIONS:,} positions; use the generalised boundaries.")
        lons = [p[0] for polygon in polygons for p in polygon[0]]
        lats = [p[1] for polygon in polygons for p in polygon[0]]
        records[code] = LsoaBoundary(
            lsoa_code=code,
            lsoa_name=lsoa_name,
            polygons=polygons,
            min_lon=min(lons),
            min_lat=min(lats),
            max_lon=max(lons),
            max_lat=max(lats),
        )
    if len(vintages) > 1:
        _fail(display, "the file mixes 2011 and 2021 LSOA codes; import each year's boundaries separately.")
    with transaction.atomic():
        boundary_set, _ = BoundarySet.objects.update_or_create(
            name=name, defaults={"source": source, "is_example": is_example, "vintage": vintages.pop()}
        )
        LsoaBoundary.objects.filter(boundary_set=boundary_set).delete()
        for record in records.values():
            record.boundary_set = boundary_set
        LsoaBoundary.objects.bulk_create(records.values(), batch_size=1000)
    return boundary_set
