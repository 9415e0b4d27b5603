"""Hand-made accessible SVG charts: role="img", <title> and <desc>, and the same numbers are always
shown in a table beside the chart by the template that uses it."""

from collections.abc import Sequence
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_ids = count(1)
# GOV.UK colours with at least 3:1 contrast against white for graphical objects.
CURRENT = "#1d70b8"
PREVIOUS = "#505a5f"
AXIS = "#0b0c0c"


def _fmt(value: float) -> str:
    """12,345 for whole numbers, 28.5 otherwise."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10.0 * magnitude


def _open(title: str, desc: str, width: int, height: int) -> tuple[str, str]:
    n = next(_ids)
    title_id, desc_id = f"chart-title-{n}", f"chart-desc-{n}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{title_id} {desc_id}" focusable="false">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(desc)}</desc>'
    )
    return head, "</svg>"


def line_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    previous: Sequence[float] | None = None,
    previous_label: str = "Previous period",
    current_label: str = "This period",
) -> SafeString:
    """A monthly trend line (and the previous period as a dashed grey line when given)."""
    width, height, left, right, top, bottom = 640, 310, 56, 16, 16, 90
    peak = _nice_max(max([*values, *(previous or []), 0]))
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(values) - 1, 1)

    def point(i: int, v: float) -> str:
        return f"{left + i * step:.1f},{top + plot_h - v / peak * plot_h:.1f}"

    high = max(range(len(values)), key=lambda i: values[i]) if values else 0
    low = min(range(len(values)), key=lambda i: values[i]) if values else 0
    desc = (
        f"Line chart of {len(values)} months from {labels[0]} to {labels[-1]}. "
        f"Highest {_fmt(values[high])} in {labels[high]}, lowest {_fmt(values[low])} in {labels[low]}."
        if values
        else "No data."
    )
    if len(values) > 1:
        desc += f" First {_fmt(values[0])}, last {_fmt(values[-1])}."
    if previous:
        desc += f" The dashed line shows the {previous_label.lower()} for comparison."
    head, tail = _open(title, desc, width, height)
    parts = [head, f'<g aria-hidden="true" font-family="Arial, sans-serif" font-size="12" fill="{AXIS}">']
    for tick in range(5):
        v = peak * tick / 4
        y = top + plot_h - plot_h * tick / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#b1b4b6" stroke-width="1"/>'
        )
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt(round(v, 1))}</text>')
    for i, label in enumerate(labels):
        if len(labels) <= 12 or i % 3 == 0:
            x = left + i * step
            parts.append(
                f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="end" '
                f'transform="rotate(-40 {x:.1f} {height - bottom + 16})">{escape(label)}</text>'
            )
    if previous:
        pts = " ".join(point(i, v) for i, v in enumerate(previous[: len(values)]))
        parts.append(
            f'<polyline points="{pts}" fill="none" stroke="{PREVIOUS}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
    pts = " ".join(point(i, v) for i, v in enumerate(values))
    parts.append(f'<polyline points="{pts}" fill="none" stroke="{CURRENT}" stroke-width="3"/>')
    for i, v in enumerate(values):
        cx, cy = point(i, v).split(",")
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="3.5" fill="{CURRENT}"/>')
    legend_y = height - 6
    parts.append(
        f'<line x1="{left}" x2="{left + 24}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="{CURRENT}" stroke-width="3"/>'
    )
    parts.append(f'<text x="{left + 30}" y="{legend_y}">{escape(current_label)}</text>')
    if previous:
        parts.append(
            f'<line x1="{left + 220}" x2="{left + 244}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
            f'stroke="{PREVIOUS}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        parts.append(f'<text x="{left + 250}" y="{legend_y}">{escape(previous_label)}</text>')
    parts.append("</g>")
    parts.append(tail)
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], *, unit: str = "") -> SafeString:
    """Horizontal bars, one per label, with the value written at the end of each bar."""
    row_h, left, right, top = 26, 210, 80, 8
    width = 640
    height = top * 2 + row_h * max(len(values), 1)
    peak = _nice_max(max([*values, 0]))
    order = sorted(range(len(values)), key=lambda i: -values[i])
    desc = "Bar chart. " + "; ".join(f"{labels[i]} {values[i]:,.0f}{unit}" for i in order[:5])
    if len(values) > 5:
        desc += f"; and {len(values) - 5} more in the table."
    head, tail = _open(title, desc, width, height)
    parts = [head, f'<g aria-hidden="true" font-family="Arial, sans-serif" font-size="12" fill="{AXIS}">']
    plot_w = width - left - right
    for row, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + row * row_h
        bar = value / peak * plot_w
        parts.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end">{escape(label)}</text>')
        parts.append(
            f'<rect x="{left}" y="{y + 4}" width="{bar:.1f}" height="{row_h - 8}" fill="{CURRENT}"/>'
        )
        parts.append(f'<text x="{left + bar + 6:.1f}" y="{y + 17}">{value:,.0f}{escape(unit)}</text>')
    parts.append("</g>")
    parts.append(tail)
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
