"""Where everything on a map goes, as simple shapes in map units (640 wide), drawn the same way
by the SVG and PNG renderers: title, areas, legend, scale bar and north arrow."""

import textwrap
from dataclasses import dataclass

from assessment.charts.layout import Box, Line, Text
from assessment.charts.model import FONT_SIZE, TEXT, WIDTH
from assessment.maps.geometry import bounds, format_length
from assessment.maps.model import Map

OUTLINE = "#505a5f"
MARGIN = 16.0
MAX_PLOT_HEIGHT = 460.0
LINE_HEIGHT = 22.0


@dataclass(frozen=True)
class Polygon:
    """One shaded area: its rings (even-odd fill, so holes stay empty)."""

    rings: tuple[tuple[tuple[float, float], ...], ...]
    colour: str
    outline: str = OUTLINE
    width: float = 0.75


Shape = Text | Line | Box | Polygon


def title_lines(title: str) -> list[str]:
    return textwrap.wrap(title, width=int((WIDTH - 2 * MARGIN) / (FONT_SIZE * 0.6))) or [""]


def layout(m: Map) -> tuple[int, int, list[Shape]]:
    """(width, height, shapes) of the map."""
    shapes: list[Shape] = []
    y = MARGIN + FONT_SIZE
    for line in title_lines(m.title):
        shapes.append(Text(MARGIN, y, line))
        y += LINE_HEIGHT
    top = y
    x0, y0, x1, y1 = bounds(ring for a in m.areas for ring in a.rings)
    plot_w = WIDTH - 2 * MARGIN
    width, height = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    k = min(plot_w / width, MAX_PLOT_HEIGHT / height)
    plot_h = height * k if m.areas else 120.0
    left = MARGIN + (plot_w - width * k) / 2

    def at(x: float, y_: float) -> tuple[float, float]:
        return round(left + (x - x0) * k, 1), round(top + (y1 - y_) * k, 1)

    for area in sorted(m.areas, key=lambda a: a.key):
        rings = tuple(tuple(at(x, y_) for x, y_ in ring) for ring in area.rings)
        shapes.append(Polygon(rings, m.colour_of(area)))
    if not m.areas:
        shapes.append(Text(WIDTH / 2, top + plot_h / 2, "Nothing to map", "middle"))
    y = top + plot_h + 24
    legend_top = y
    shapes.append(Text(MARGIN, y + FONT_SIZE * 0.35, f"{m.measure[:1].upper()}{m.measure[1:]}"))
    y += LINE_HEIGHT
    for colour, label in m.legend():
        shapes.append(
            Polygon((((MARGIN, y - 8), (MARGIN + 28, y - 8), (MARGIN + 28, y + 8), (MARGIN, y + 8)),), colour)
        )
        shapes.append(Text(MARGIN + 38, y + FONT_SIZE * 0.35, label))
        y += LINE_HEIGHT
    # Scale bar and north arrow at the right of the legend.
    if m.areas:
        bar = m.scale_metres * k
        right = WIDTH - MARGIN
        sy = legend_top + 8
        shapes.append(Line(((right - bar, sy), (right, sy)), TEXT, 2.0))
        for x in (right - bar, right):
            shapes.append(Line(((x, sy - 6), (x, sy + 6)), TEXT, 1.5))
        shapes.append(Text(right - bar / 2, sy + 24, format_length(m.scale_metres), "middle"))
        nx, ny = right - 10, sy + 48
        shapes.append(Line(((nx, ny + 30), (nx, ny)), TEXT, 2.0))
        shapes.append(Line(((nx - 6, ny + 8), (nx, ny), (nx + 6, ny + 8)), TEXT, 2.0))
        shapes.append(Text(nx - 14, ny + 22, "N", "end"))
        y = max(y, ny + 40)
    return WIDTH, int(y + 8), shapes
