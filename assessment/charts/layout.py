"""Where everything in a chart goes, as a list of simple shapes in chart units (640 wide).

Both renderers draw exactly these shapes, so the SVG and the PNG look the same.
"""

from dataclasses import dataclass
from typing import Literal

from assessment.charts.model import FONT_SIZE, GRID, TEXT, WIDTH, Chart, tick_text

Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    anchor: Anchor = "start"


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    colour: str
    width: float
    dashed: bool = False


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    radius: float
    colour: str


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    colour: str


Shape = Text | Line | Dot | Box


def text_width(text: str) -> float:
    """A generous estimate of the width of `text` in Arial at FONT_SIZE (0.6 em a character)."""
    return len(text) * FONT_SIZE * 0.6


def layout(chart: Chart) -> tuple[int, int, list[Shape]]:
    """(width, height, shapes) of the chart."""
    return _line(chart) if chart.kind == "line" else _bar(chart)


def _line(chart: Chart) -> tuple[int, int, list[Shape]]:
    ticks = chart.ticks
    left = max(48.0, 16 + max(text_width(tick_text(t, ticks)) for t in ticks))
    right, top, plot_h = 16.0, 14.0, 220.0
    bottom = top + plot_h
    height = int(bottom + 100)
    plot_w = WIDTH - left - right
    slot = plot_w / max(len(chart.labels), 1)
    low, high = ticks[0], ticks[-1]

    def x_of(index: int) -> float:
        return round(left + (index + 0.5) * slot, 1)

    def y_of(value: float) -> float:
        return round(bottom - (value - low) / (high - low) * plot_h, 1)

    shapes: list[Shape] = []
    for tick in ticks:
        y = y_of(tick)
        colour, width = (TEXT, 1.5) if tick == low else (GRID, 1.0)
        shapes.append(Line(((left, y), (WIDTH - right, y)), colour, width))
        shapes.append(Text(left - 8, y + FONT_SIZE * 0.35, tick_text(tick, ticks), "end"))
    for index, first, second in chart.x_labels():
        x = x_of(index)
        shapes.append(Line(((x, bottom), (x, bottom + 5)), TEXT, 1.0))
        shapes.append(Text(x, bottom + 24, first, "middle"))
        if second:
            shapes.append(Text(x, bottom + 44, second, "middle"))
    for series in reversed(chart.series):  # the current period drawn last, on top
        points = tuple((x_of(i), y_of(v)) for i, v in enumerate(series.values))
        if len(points) > 1:
            shapes.append(Line(points, series.colour, 2.0 if series.dashed else 3.0, series.dashed))
        if not series.dashed:
            shapes.extend(Dot(x, y, 4.0, series.colour) for x, y in points)
    x, y = left, bottom + 82
    for series in chart.series:
        shapes.append(
            Line(((x, y - 5), (x + 28, y - 5)), series.colour, 2.0 if series.dashed else 3.0, series.dashed)
        )
        shapes.append(Text(x + 36, y, series.name))
        x += 36 + text_width(series.name) + 28
    return WIDTH, height, shapes


def _bar(chart: Chart) -> tuple[int, int, list[Shape]]:
    values = chart.series[0].values if chart.series else ()
    row_h, top = 32.0, 8.0
    left = min(300.0, 16 + max((text_width(label) for label in chart.labels), default=0.0))
    right = 16 + text_width(f"{max(values, default=0):,.0f}{chart.unit}")
    plot_w = WIDTH - left - right
    peak = chart.ticks[-1] or 1.0
    shapes: list[Shape] = [Line(((left, top), (left, top + row_h * max(len(values), 1))), TEXT, 1.5)]
    for row, (label, value) in enumerate(zip(chart.labels, values, strict=True)):
        y = top + row * row_h
        bar = round(value / peak * plot_w, 1)
        baseline = y + row_h / 2 + FONT_SIZE * 0.35
        shapes.append(Text(left - 8, baseline, label, "end"))
        if bar > 0:
            shapes.append(Box(left, y + 5, bar, row_h - 10, chart.series[0].colour))
        shapes.append(Text(left + bar + 6, baseline, f"{value:,.0f}{chart.unit}"))
    height = int(top * 2 + row_h * max(len(values), 1))
    return WIDTH, height, shapes
