"""Pure map geometry (no database): a local projection, hexagonal cells and polygon helpers.

Projection (ADR 0020): a local equirectangular projection around the map's centre,
x = R·(λ − λ₀)·cos φ₀, y = R·(φ − φ₀) in metres, north up. Over a district (tens of kilometres)
its distortion is well under 1%, which a count map does not notice; it needs no projection
library and no British National Grid transformation.

Hexagons are "pointy-top" with circumradius `size` metres, addressed by axial coordinates (q, r)
(https://www.redblobgames.com/grids/hexagons/): a point belongs to the hexagon whose centre is
nearest, found by cube rounding.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

EARTH_RADIUS = 6_371_008.8  # metres, the mean radius
SQRT3 = math.sqrt(3.0)
NICE_LENGTHS = (
    50, 100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 25_000, 50_000, 100_000,
)  # fmt: skip

Point = tuple[float, float]
Ring = tuple[Point, ...]
Cell = tuple[int, int]


@dataclass(frozen=True)
class Projection:
    """Longitude/latitude in degrees ⇄ metres east and north of (lon0, lat0)."""

    lon0: float
    lat0: float

    @classmethod
    def around(cls, points: Iterable[Point]) -> "Projection":
        """Centred on the middle of the points' bounding box (0, 0 when there are none)."""
        lons, lats = [], []
        for lon, lat in points:
            lons.append(lon)
            lats.append(lat)
        if not lons:
            return cls(0.0, 0.0)
        return cls((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)

    @property
    def _k(self) -> float:
        return math.cos(math.radians(self.lat0))

    def forward(self, lon: float, lat: float) -> Point:
        x = EARTH_RADIUS * math.radians(lon - self.lon0) * self._k
        y = EARTH_RADIUS * math.radians(lat - self.lat0)
        return x, y

    def inverse(self, x: float, y: float) -> Point:
        lon = self.lon0 + math.degrees(x / (EARTH_RADIUS * self._k))
        lat = self.lat0 + math.degrees(y / EARTH_RADIUS)
        return lon, lat


def hex_cell(x: float, y: float, size: float) -> Cell:
    """The axial (q, r) of the pointy-top hexagon of circumradius `size` holding (x, y)."""
    qf = (SQRT3 / 3 * x - y / 3) / size
    rf = (2 / 3 * y) / size
    sf = -qf - rf
    q, r, s = round(qf), round(rf), round(sf)
    dq, dr, ds = abs(q - qf), abs(r - rf), abs(s - sf)
    if dq > dr and dq > ds:
        q = -r - s
    elif dr > ds:
        r = -q - s
    return int(q), int(r)


def hex_centre(cell: Cell, size: float) -> Point:
    q, r = cell
    return size * SQRT3 * (q + r / 2), size * 1.5 * r


def hex_corners(cell: Cell, size: float) -> Ring:
    """The six corners, clockwise on the page (y north up), starting at the top."""
    cx, cy = hex_centre(cell, size)
    return tuple(
        (cx + size * math.cos(math.radians(90 - 60 * i)), cy + size * math.sin(math.radians(90 - 60 * i)))
        for i in range(6)
    )


def nice_length(target: float) -> int:
    """The largest of NICE_LENGTHS not above `target` (the smallest when all are)."""
    chosen = NICE_LENGTHS[0]
    for length in NICE_LENGTHS:
        if length <= target:
            chosen = length
    return chosen


def cell_width_for(width: float, height: float, *, across: int = 24) -> int:
    """A round width of a hexagon (flat side to flat side, metres) giving about `across` cells over
    the wider side of the map; the circumradius is that width / √3."""
    extent = max(width, height, 1.0)
    return nice_length(extent / across)


def bounds(rings: Iterable[Ring]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of every point of the rings; all zero when there are none."""
    xs: list[float] = []
    ys: list[float] = []
    for ring in rings:
        for x, y in ring:
            xs.append(x)
            ys.append(y)
    if not xs:
        return 0.0, 0.0, 0.0, 0.0
    return min(xs), min(ys), max(xs), max(ys)


def format_length(metres: int) -> str:
    return (
        f"{metres // 1000:,} km"
        if metres >= 1000 and metres % 1000 == 0
        else (f"{metres / 1000:g} km" if metres >= 1000 else f"{metres} m")
    )
