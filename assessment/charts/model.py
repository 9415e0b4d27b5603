"""What a chart shows, independent of how it is drawn: series, axis ticks, title and description.

The same `Chart` is drawn as accessible SVG for the web page and PDF (`svg.py`) and as a PNG for
the Word document (`png.py`), so both carry the same title, description and numbers.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from django.utils.safestring import SafeString, mark_safe

# GOV.UK colours. Text #0b0c0c on the white background: 19.4:1; the current line #1d70b8: 5.2:1 and
# the previous period's #505a5f: 7.0:1, so both lines would even pass as text (4.5:1).
BACKGROUND = "#ffffff"
TEXT = "#0b0c0c"
CURRENT = "#1d70b8"
PREVIOUS = "#505a5f"
GRID = "#b1b4b6"
FONT_SIZE = 16  # in chart units; 640 units wide, so ≥ 12 px whenever drawn ≥ 480 px wide
WIDTH = 640


def fmt(value: float) -> str:
    """12,345 for whole numbers, 28.5 otherwise."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def axis_ticks(values: Sequence[float], *, from_zero: bool = False, target: int = 5) -> list[float]:
    """Evenly spaced round ticks (1, 2, 2.5 or 5 × 10ⁿ apart, about `target` gaps) covering every value.

    A line chart's axis starts near its lowest value so that changes show, unless the values come
    close to zero anyway (lowest under 40% of the highest), are small whole numbers (up to 10, where
    a step of 1 would look like a steep change), or `from_zero` (bars must start at 0).
    Whole-number data gets whole-number ticks.
    """
    high = max([*values, 0.0])
    low = min(values, default=0.0)
    integer = all(float(v).is_integer() for v in values)
    if from_zero or low <= 0 or low < 0.4 * high or low == high or (integer and high <= 10):
        low = min(low, 0.0)
    if high == low:
        high = low + 1
    raw = (high - low) / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = 10 * magnitude
    for multiple in (1, 2, 2.5, 5):
        candidate = multiple * magnitude
        if candidate >= raw and not (integer and not float(candidate).is_integer()):
            step = candidate
            break
    if integer:
        step = max(step, 1.0)
    start = math.floor(round(low / step, 9)) * step
    end = math.ceil(round(high / step, 9)) * step
    return [round(start + i * step, 9) for i in range(round((end - start) / step) + 1)]


def tick_text(value: float, ticks: Sequence[float]) -> str:
    """A tick's label with as many decimals as the gap between ticks needs: 800, 2.5, 0.25."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = 0
    while decimals < 6 and not math.isclose(round(step, decimals), step, abs_tol=1e-9):
        decimals += 1
    return f"{value:,.{decimals}f}"


def split_label(label: str) -> tuple[str, str]:
    """ "Apr 2019" → ("Apr", "2019"); "Q1 2018/19" → ("Q1", "2018/19"); "All" → ("All", "")."""
    first, _, rest = label.partition(" ")
    return first, rest


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    dashed: bool = False
    colour: str = CURRENT


@dataclass(frozen=True)
class Chart:
    """A line chart (labels along the bottom) or a horizontal bar chart (one bar per label)."""

    kind: Literal["line", "bar"]
    title: str
    desc: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    ticks: tuple[float, ...]
    unit: str = ""
    number: int = field(default=0, compare=False)

    def __html__(self) -> SafeString:
        """Django templates print the SVG ({{ chart }})."""
        from assessment.charts.svg import render_svg

        return mark_safe(render_svg(self))  # noqa: S308 - every text in it is escaped

    def __str__(self) -> str:
        return str(self.__html__())

    def png(self) -> bytes:
        from assessment.charts.png import render_png

        return render_png(self)

    def x_labels(self) -> list[tuple[int, str, str]]:
        """(index, first line, second line) of the labels written under a line chart: at most 12,
        the second line (the year) only where it changes."""
        every = max(1, math.ceil(len(self.labels) / 12))
        shown, last = [], None
        for index in range(0, len(self.labels), every):
            first, second = split_label(self.labels[index])
            shown.append((index, first, second if second != last else ""))
            last = second
        return shown


def line_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    previous: Sequence[float] | None = None,
    previous_label: str = "Previous period",
    current_label: str = "This period",
    points: str = "months",
    from_zero: bool = False,
) -> Chart:
    """A monthly (or quarterly) trend line, and the previous period as a dashed grey line when given
    (`from_zero`: the vertical axis starts at zero whatever the values)."""
    values = [float(v) for v in values]
    earlier = [float(v) for v in (previous or [])][: len(values)]
    ticks = axis_ticks([*values, *earlier], from_zero=from_zero)
    if values:
        high = max(range(len(values)), key=lambda i: values[i])
        low = min(range(len(values)), key=lambda i: values[i])
        desc = (
            f"Line chart of {len(values)} {points if len(values) != 1 else points.rstrip('s')} from {labels[0]} "
            f"to {labels[-1]}. Highest {fmt(values[high])} in {labels[high]}, lowest {fmt(values[low])} "
            f"in {labels[low]}."
        )
        if len(values) > 1:
            desc += f" First {fmt(values[0])}, last {fmt(values[-1])}."
        if ticks[0] != 0:
            desc += (
                f" The vertical axis runs from {tick_text(ticks[0], ticks)} to {tick_text(ticks[-1], ticks)}, "
                "not from zero."
            )
    else:
        desc = "No data."
    series = [Series(current_label, tuple(values))]
    if earlier:
        desc += f" The dashed line shows {previous_label} for comparison."
        series.append(Series(previous_label, tuple(earlier), dashed=True, colour=PREVIOUS))
    return Chart("line", title, desc, tuple(labels), tuple(series), tuple(ticks))


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], *, unit: str = "") -> Chart:
    """Horizontal bars from zero, one per label, with the value written at the end of each bar."""
    values = [float(v) for v in values]
    order = sorted(range(len(values)), key=lambda i: -values[i])
    desc = "Bar chart. " + "; ".join(f"{labels[i]} {values[i]:,.0f}{unit}" for i in order[:5])
    if len(values) > 5:
        desc += f"; and {len(values) - 5} more in the table."
    ticks = axis_ticks(values, from_zero=True)
    return Chart("bar", title, desc, tuple(labels), (Series(title, tuple(values)),), tuple(ticks), unit)
