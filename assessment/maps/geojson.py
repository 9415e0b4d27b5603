"""A drawn map as GeoJSON in longitude/latitude, for the optional interactive tile layer.

The `Map` keeps its areas in projected metres and each area's centre in degrees. The local
equirectangular projection (ADR 0020) is linear in each axis, so its centre (lon0, lat0) is recovered
from any area: lat0 = lat − deg(y / R) and lon0 = lon − deg(x / (R·cos lat0)), where (x, y) is the
middle of the area's bounding box. The mean over all areas evens out the 5-decimal rounding of the
centres (about a metre). Pure: no database.
"""

import math
from typing import Any

from assessment.maps.geometry import EARTH_RADIUS, Projection, bounds
from assessment.maps.model import Map, number


def recovered_projection(m: Map) -> Projection | None:
    """The projection the map was drawn with (None for a map without areas)."""
    centres = []
    for area in m.areas:
        x0, y0, x1, y1 = bounds(area.rings)
        centres.append(((x0 + x1) / 2, (y0 + y1) / 2, area.lon, area.lat))
    if not centres:
        return None
    lat0 = sum(lat - math.degrees(y / EARTH_RADIUS) for _, y, _, lat in centres) / len(centres)
    k = math.cos(math.radians(lat0))
    lon0 = sum(lon - math.degrees(x / (EARTH_RADIUS * k)) for x, _, lon, _ in centres) / len(centres)
    return Projection(lon0, lat0)


def map_geojson(m: Map) -> dict[str, Any]:
    """A FeatureCollection: one polygon per area holding all its rings, closed (drawn even-odd like the
    SVG map, so holes stay holes and a second part is filled), with its colour and a label in words ("Tonbridge 001A: 12 crimes (High)")."""
    projection = recovered_projection(m)
    features = []
    for area in m.areas if projection else ():
        assert projection is not None
        rings = []
        for ring in area.rings:
            points = [[round(c, 6) for c in projection.inverse(x, y)] for x, y in ring]
            if points and points[0] != points[-1]:
                points.append(points[0])
            rings.append(points)
        value = "no figure" if area.value is None else f"{number(area.value, m.step)} {m.measure}"
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": rings},
                "properties": {
                    "label": f"{area.name}: {value} ({m.class_text(area)})",
                    "colour": m.colour_of(area),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
