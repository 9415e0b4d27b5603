"""What a map shows, independent of how it is drawn: areas (hexagons or LSOAs) with a value,
classes for shading, title and description. Pure: callers pass plain rows in.

The same `Map` is drawn as accessible SVG (pages, PDF, SVG download) and as a PNG (Word, PNG
download), so both carry the same title, description and numbers; the page shows them in a table.
"""

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from django.utils.safestring import SafeString, mark_safe

from assessment.maps.geometry import (
    Projection,
    Ring,
    bounds,
    cell_width_for,
    format_length,
    hex_cell,
    hex_centre,
    hex_corners,
    nice_length,
)

# ColorBrewer "Blues" (sequential, colour-blind safe, prints in grey); every area is outlined.
BLUES = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
PICKS = {1: (3,), 2: (1, 4), 3: (0, 2, 4), 4: (0, 1, 3, 4), 5: (0, 1, 2, 3, 4)}
WORDS = {
    1: ("Every area",),
    2: ("Lower", "Higher"),
    3: ("Low", "Medium", "High"),
    4: ("Low", "Medium low", "Medium high", "High"),
    5: ("Very low", "Low", "Medium", "High", "Very high"),
}
ZERO_COLOUR = "#f3f2f1"
NO_FIGURE_COLOUR = "#ffffff"
ONE = Decimal(1)
TENTH = Decimal("0.1")

Kind = Literal["hex", "lsoa"]


@dataclass(frozen=True)
class MapClass:
    """A shading class: values from `low` to `high` inclusive (None for "no figure")."""

    word: str
    low: Decimal | None
    high: Decimal | None
    colour: str
    areas: int = 0

    def text(self, step: Decimal) -> str:
        if self.low is None or self.high is None:
            return self.word
        if self.low == self.high:
            return f"{self.word}: {number(self.low, step)}"
        return f"{self.word}: {number(self.low, step)} to {number(self.high, step)}"

    def holds(self, value: Decimal | None) -> bool:
        if self.low is None or self.high is None:
            return value is None
        return value is not None and self.low <= value <= self.high


@dataclass(frozen=True)
class Area:
    """One shaded area: a hexagon or an LSOA. `rings` are in projected metres."""

    key: str
    name: str
    rings: tuple[Ring, ...]
    count: int
    value: Decimal | None
    population: int | None = None
    lon: float = 0.0
    lat: float = 0.0
    detail: str = ""


@dataclass(frozen=True)
class Map:
    kind: Kind
    title: str
    desc: str
    areas: tuple[Area, ...]
    classes: tuple[MapClass, ...]
    measure: str  # "crimes" or "crimes per 1,000 residents"
    step: Decimal
    scale_metres: int
    cell_size: int = 0
    unmapped: int = 0
    total: int = 0

    def class_of(self, area: Area) -> MapClass | None:
        return next((c for c in self.classes if c.holds(area.value)), None)

    def colour_of(self, area: Area) -> str:
        found = self.class_of(area)
        return found.colour if found else NO_FIGURE_COLOUR

    def class_text(self, area: Area) -> str:
        found = self.class_of(area)
        return found.word if found else "No figure"

    def legend(self) -> list[tuple[str, str]]:
        """(colour, "Very low: 1 to 3") for every class, lowest first."""
        return [(c.colour, c.text(self.step)) for c in self.classes]

    @property
    def ranked(self) -> list[Area]:
        """Areas by value (highest first; no figure last), then name."""
        return sorted(self.areas, key=lambda a: (a.value is None, -(a.value or 0), a.name))

    def __html__(self) -> SafeString:
        from assessment.maps.svg import render_svg

        return mark_safe(render_svg(self))  # noqa: S308 - every text in it is escaped

    def __str__(self) -> str:
        return str(self.__html__())

    def svg(self) -> str:
        from assessment.maps.svg import render_svg

        return render_svg(self, standalone=True)

    def png(self) -> bytes:
        from assessment.maps.png import render_png

        return render_png(self)


def number(value: Decimal | int, step: Decimal = ONE) -> str:
    """12,345 for counts; 12.5 for rates (one decimal)."""
    if step == ONE:
        return f"{int(value):,}"
    return f"{Decimal(value).quantize(step):,}"


def make_classes(values: Sequence[Decimal | None], step: Decimal = ONE, *, most: int = 5) -> list[MapClass]:
    """Up to `most` classes of the positive values with about as many areas in each (quantiles),
    covering `step` (1, or 0.1 for rates) to the highest value without gaps; a "None: 0" class
    first when any value is zero and a "No figure" class last when any is None."""
    positive = sorted(v for v in values if v is not None and v > 0)
    result: list[MapClass] = []
    if any(v is not None and v == 0 for v in values):
        result.append(MapClass("None", Decimal(0), Decimal(0), ZERO_COLOUR))
    if positive:
        n = min(most, len(set(positive)))
        uppers = sorted({positive[math.ceil(i * len(positive) / n) - 1] for i in range(1, n + 1)})
        n = len(uppers)
        lows = [step, *(u + step for u in uppers[:-1])]
        for i, (low, high) in enumerate(zip(lows, uppers, strict=True)):
            result.append(MapClass(WORDS[n][i], low, high, BLUES[PICKS[n][i]]))
    if any(v is None for v in values):
        result.append(MapClass("No figure", None, None, NO_FIGURE_COLOUR))
    return [MapClass(c.word, c.low, c.high, c.colour, sum(1 for v in values if c.holds(v))) for c in result]


def rate_per_1000(count: int, population: int | None) -> Decimal | None:
    """Count per 1,000 residents to one decimal (half up); None without a population."""
    if not population:
        return None
    return (Decimal(count) * 1000 / Decimal(population)).quantize(TENTH, rounding=ROUND_HALF_UP)


def _extent(rings: Sequence[Ring]) -> tuple[float, float]:
    x0, y0, x1, y1 = bounds(rings)
    return x1 - x0, y1 - y0


def _scale(width: float) -> int:
    return nice_length(max(width, 1.0) / 4)


def _class_sentences(classes: Sequence[MapClass], step: Decimal, noun: str) -> str:
    return "; ".join(
        f"{c.text(step)} ({c.areas:,} {noun if c.areas != 1 else noun.rstrip('s')})" for c in classes
    )


# (longitude, latitude, rows, LSOA name, location text) as the Parquet rows give them.
PointRow = tuple[float, float, int, str | None, str | None]


def hex_map(points: Sequence[PointRow], *, title: str, what: str, unmapped: int = 0) -> Map:
    """Points counted in hexagons about 1/24 of the map's width across (a round size in metres).

    `what` names the rows in the description ("crimes", "burglaries"); `unmapped` counts rows with
    no location, which cannot be drawn.
    """
    projection = Projection.around((lon, lat) for lon, lat, *_ in points)
    projected = [(*projection.forward(lon, lat), n) for lon, lat, n, *_ in points]
    xs = [x for x, _, _ in projected] or [0.0]
    ys = [y for _, y, _ in projected] or [0.0]
    cell_across = cell_width_for(max(xs) - min(xs), max(ys) - min(ys))
    size = cell_across / 3**0.5
    cells: dict[tuple[int, int], int] = {}
    lsoas: dict[tuple[int, int], Counter[str]] = {}
    places: dict[tuple[int, int], Counter[str]] = {}
    for (x, y, n), (_, _, _, lsoa, location) in zip(projected, points, strict=True):
        cell = hex_cell(x, y, size)
        cells[cell] = cells.get(cell, 0) + n
        lsoas.setdefault(cell, Counter())[lsoa or "No LSOA"] += n
        places.setdefault(cell, Counter())[location or "No location"] += n
    areas = []
    for cell, count in cells.items():
        lon, lat = projection.inverse(*hex_centre(cell, size))
        location = places[cell].most_common(1)[0][0]
        lsoa = lsoas[cell].most_common(1)[0][0]
        areas.append(
            Area(
                key=f"{cell[0]},{cell[1]}",
                name=f"{location}, {lsoa}",
                rings=(hex_corners(cell, size),),
                count=count,
                value=Decimal(count),
                lon=round(lon, 5),
                lat=round(lat, 5),
                detail=location,
            )
        )
    classes = make_classes([a.value for a in areas])
    total = sum(cells.values())
    width, _ = _extent([a.rings[0] for a in areas])
    scale = _scale(width)
    if areas:
        top = max(areas, key=lambda a: (a.count, a.name))
        desc = (
            f"Hexagon map of {total:,} {what} in {len(areas):,} hexagonal cells about "
            f"{format_length(cell_across)} across (only cells with at least one are drawn). The busiest cell, "
            f"around {top.name}, has {top.count:,}. Shading classes: "
            f"{_class_sentences(classes, ONE, 'cells')}. North is up; the scale bar shows {format_length(scale)}."
        )
    else:
        desc = f"No {what} with a location to map."
    if unmapped:
        desc += f" {unmapped:,} {what} with no location are not on the map."
    return Map(
        "hex",
        title,
        desc,
        tuple(areas),
        tuple(classes),
        what,
        ONE,
        scale,
        cell_size=cell_across,
        unmapped=unmapped,
        total=total,
    )


@dataclass(frozen=True)
class Boundary:
    """An LSOA's outline: polygons, each a list of rings (the first outer), in (lon, lat)."""

    code: str
    name: str
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]


def choropleth(
    boundaries: Sequence[Boundary],
    counts: Mapping[str, int],
    *,
    title: str,
    what: str,
    population: Mapping[str, int] | None = None,
    unmapped: int = 0,
) -> Map:
    """Each LSOA shaded by its count, or its rate per 1,000 residents when `population` is given
    (LSOAs without a population figure show as "No figure")."""
    corners = [pt for b in boundaries for polygon in b.polygons for ring in polygon[:1] for pt in ring]
    projection = Projection.around(corners)
    areas = []
    for b in boundaries:
        rings = tuple(
            tuple(projection.forward(lon, lat) for lon, lat in ring)
            for polygon in b.polygons
            for ring in polygon
        )
        count = counts.get(b.code, 0)
        people = population.get(b.code) if population is not None else None
        value = rate_per_1000(count, people) if population is not None else Decimal(count)
        lons = [lon for polygon in b.polygons for lon, _ in polygon[0]] or [0.0]
        lats = [lat for polygon in b.polygons for _, lat in polygon[0]] or [0.0]
        areas.append(
            Area(
                key=b.code,
                name=b.name or b.code,
                rings=rings,
                count=count,
                value=value,
                population=people,
                lon=round((min(lons) + max(lons)) / 2, 5),
                lat=round((min(lats) + max(lats)) / 2, 5),
                detail=b.code,
            )
        )
    step = TENTH if population is not None else ONE
    classes = make_classes([a.value for a in areas], step)
    measure = f"{what} per 1,000 residents" if population is not None else what
    total = sum(a.count for a in areas)
    width, _ = _extent([r for a in areas for r in a.rings])
    scale = _scale(width)
    if areas:
        top = max(areas, key=lambda a: (a.value is not None, a.value or 0, a.name))
        desc = (
            f"Map of {len(areas):,} LSOAs shaded by {measure}; {total:,} {what} in all. Highest: {top.name} "
            f"with {number(top.value, step) if top.value is not None else 'no figure'}. Shading classes: "
            f"{_class_sentences(classes, step, 'LSOAs')}. North is up; the scale bar shows {format_length(scale)}."
        )
    else:
        desc = "No LSOA boundaries to draw."
    if unmapped:
        desc += f" {unmapped:,} {what} outside these LSOAs or with no location are not on the map."
    return Map(
        "lsoa",
        title,
        desc,
        tuple(areas),
        tuple(classes),
        measure,
        step,
        scale,
        unmapped=unmapped,
        total=total,
    )
