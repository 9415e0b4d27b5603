"""A measure's trend as inline SVG: role="img" named by <title>, described by <desc>; the drawing is
aria-hidden because the same numbers are in the values table beside it (the assessment's pattern)."""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.text import xml_safe

WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 48
LINE, TARGET, GRID, INK = "#1d70b8", "#505a5f", "#b1b4b6", "#0b0c0c"


def _text(value: str) -> str:
    """The one way user text enters the SVG: without characters XML cannot hold, then escaped."""
    return escape(xml_safe(value))


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def trend_svg(
    title: str, labels: list[str], values: list[Decimal], *, target: Decimal | None, unit: str, ident: int
) -> SafeString:
    """The values joined by a line, the target as a dashed line; empty markup with no values."""
    if not values:
        return mark_safe("")  # noqa: S308 - constant
    points = [*values, *([target] if target is not None else [])]
    low, high = min(min(points), Decimal(0)), max(points)
    span = (high - low) or Decimal(1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(values) - 1, 1)

    def y(value: Decimal) -> float:
        return TOP + plot_h - float((value - low) / span) * plot_h

    xs = [LEFT + (i * step if len(values) > 1 else plot_w / 2) for i in range(len(values))]

    def with_unit(value: Decimal) -> str:
        return f"{_number(value)}%" if unit == "%" else f"{_number(value)} {unit}".strip()

    desc = "; ".join(f"{label}: {with_unit(v)}" for label, v in zip(labels, values, strict=True))
    if target is not None:
        desc += f". Target: {with_unit(target)}"
    shapes = [
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="{GRID}"/>',
        f'<text x="{LEFT - 6}" y="{y(high) + 4:.1f}" text-anchor="end">{_text(_number(high))}</text>',
        f'<text x="{LEFT - 6}" y="{y(low) + 4:.1f}" text-anchor="end">{_text(_number(low))}</text>',
    ]
    if target is not None:
        shapes.append(
            f'<line x1="{LEFT}" y1="{y(target):.1f}" x2="{WIDTH - RIGHT}" y2="{y(target):.1f}" '
            f'stroke="{TARGET}" stroke-width="2" stroke-dasharray="7 5"/>'
            f'<text x="{WIDTH - RIGHT}" y="{y(target) - 6:.1f}" text-anchor="end">Target</text>'
        )
    line = " ".join(f"{x:.1f},{y(v):.1f}" for x, v in zip(xs, values, strict=True))
    shapes.append(f'<polyline points="{line}" fill="none" stroke="{LINE}" stroke-width="3"/>')
    for x, v, label in zip(xs, values, labels, strict=True):
        shapes.append(f'<circle cx="{x:.1f}" cy="{y(v):.1f}" r="4" fill="{LINE}"/>')
        shapes.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle">{_text(label)}</text>'
        )
    title_id, desc_id = f"measure-chart-title-{ident}", f"measure-chart-desc-{ident}"
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" aria-labelledby="{title_id} {desc_id}" focusable="false">'
        f'<title id="{title_id}">{_text(title)}</title><desc id="{desc_id}">{_text(desc)}</desc>'
        f'<g aria-hidden="true" font-family="Arial, sans-serif" font-size="14" fill="{INK}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>{"".join(shapes)}</g></svg>'
    )
    return mark_safe(svg)  # noqa: S308 - every text in it went through _text
