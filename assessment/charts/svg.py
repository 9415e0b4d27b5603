"""A chart as inline SVG: role="img" named by its <title> and described by its <desc>; the drawing
itself is aria-hidden (the same numbers are in the table beside it)."""

from itertools import count

from django.utils.html import escape

from assessment.charts.layout import Box, Dot, Line, Shape, Text, layout
from assessment.charts.model import BACKGROUND, FONT_SIZE, TEXT, Chart
from core.text import xml_safe

_ids = count(1)


def _text(value: str) -> str:
    """The one way text enters the SVG: without characters XML cannot hold, then escaped."""
    return escape(xml_safe(value))


def _shape(shape: Shape) -> str:
    if isinstance(shape, Text):
        anchor = "" if shape.anchor == "start" else f' text-anchor="{shape.anchor}"'
        return f'<text x="{shape.x:g}" y="{shape.y:g}"{anchor}>{_text(shape.text)}</text>'
    if isinstance(shape, Line):
        dash = ' stroke-dasharray="7 5"' if shape.dashed else ""
        if len(shape.points) == 2:
            (x1, y1), (x2, y2) = shape.points
            return (
                f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke="{shape.colour}" '
                f'stroke-width="{shape.width:g}"{dash}/>'
            )
        points = " ".join(f"{x:g},{y:g}" for x, y in shape.points)
        return (
            f'<polyline points="{points}" fill="none" stroke="{shape.colour}" '
            f'stroke-width="{shape.width:g}" stroke-linejoin="round"{dash}/>'
        )
    if isinstance(shape, Dot):
        return f'<circle cx="{shape.x:g}" cy="{shape.y:g}" r="{shape.radius:g}" fill="{shape.colour}"/>'
    assert isinstance(shape, Box)
    return (
        f'<rect x="{shape.x:g}" y="{shape.y:g}" width="{shape.width:g}" height="{shape.height:g}" '
        f'fill="{shape.colour}"/>'
    )


def render_svg(chart: Chart) -> str:
    """The chart as SVG markup; every text in it is escaped."""
    width, height, shapes = layout(chart)
    n = next(_ids)
    title_id, desc_id = f"chart-title-{n}", f"chart-desc-{n}"
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" aria-labelledby="{title_id} {desc_id}" focusable="false">',
            f'<title id="{title_id}">{_text(chart.title)}</title><desc id="{desc_id}">{_text(chart.desc)}</desc>',
            f'<g aria-hidden="true" font-family="Arial, \'Liberation Sans\', Helvetica, sans-serif" '
            f'font-size="{FONT_SIZE}" fill="{TEXT}">',
            f'<rect width="{width}" height="{height}" fill="{BACKGROUND}"/>',
            *(_shape(s) for s in shapes),
            "</g></svg>",
        ]
    )
