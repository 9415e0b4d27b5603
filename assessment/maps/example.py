"""Example LSOA boundaries for tests and the demo: one hexagon per LSOA, placed on the free cell
of a hexagonal grid nearest the LSOA's centre, as a GeoJSON FeatureCollection (RFC 7946, 2021-style
LSOA21CD/LSOA21NM properties). Real boundaries cannot be downloaded here; these are marked example.
"""

import math
from collections.abc import Sequence
from typing import Any

from assessment.maps.geometry import Projection, hex_cell, hex_centre, hex_corners

Centre = tuple[str, str, float, float]  # code, name, longitude, latitude


def _neighbours(cell: tuple[int, int], radius: int) -> list[tuple[int, int]]:
    q0, r0 = cell
    return [
        (q0 + dq, r0 + dr)
        for dq in range(-radius, radius + 1)
        for dr in range(max(-radius, -dq - radius), min(radius, -dq + radius) + 1)
    ]


def example_boundaries(centres: Sequence[Centre]) -> dict[str, Any]:
    """A FeatureCollection with a hexagon for each LSOA (none when `centres` is empty)."""
    if not centres:
        return {"type": "FeatureCollection", "features": []}
    projection = Projection.around((lon, lat) for _, _, lon, lat in centres)
    points = {code: projection.forward(lon, lat) for code, _, lon, lat in centres}
    xs = [x for x, _ in points.values()]
    ys = [y for _, y in points.values()]
    area = max((max(xs) - min(xs)) * (max(ys) - min(ys)), 1.0)
    width = max(50.0, math.sqrt(area / (1.3 * len(centres) * math.sqrt(3) / 2)))
    size = width / math.sqrt(3)
    taken: dict[tuple[int, int], str] = {}
    features = []
    for code, name, _, _ in sorted(centres):
        x, y = points[code]
        home = hex_cell(x, y, size)
        radius = 0
        while True:
            free = [c for c in _neighbours(home, radius) if c not in taken]
            if free:
                cell = min(free, key=lambda c: (math.dist((x, y), hex_centre(c, size)), c))
                break
            radius += 1
        taken[cell] = code
        corners = [projection.inverse(px, py) for px, py in reversed(hex_corners(cell, size))]
        ring = [[round(lon, 6), round(lat, 6)] for lon, lat in corners]
        features.append(
            {
                "type": "Feature",
                "properties": {"LSOA21CD": code, "LSOA21NM": name},
                "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
            }
        )
    return {"type": "FeatureCollection", "features": features}
