"""A map as SVG: role="img" named by its <title> and described by its <desc> (the drawing is
aria-hidden; the page shows the same numbers in a table). Every text goes through xml_safe and is
escaped. `standalone` adds the XML declaration for the download."""

from itertools import count

from django.utils.html import escape

from assessment.charts.layout import Box, Line, Text
from assessment.charts.model import BACKGROUND, FONT_SIZE, TEXT
from assessment.maps.layout import Polygon, Shape, layout
from assessment.maps.model import Map
from core.text import xml_safe

_ids = count(1)


def _text(value: str) -> str:
    return escape(xml_safe(value))


def _shape(shape: Shape) -> str:
    if isinstance(shape, Text):
        anchor = "" if shape.anchor == "start" else f' text-anchor="{shape.anchor}"'
        return f'<text x="{shape.x:g}" y="{shape.y:g}"{anchor}>{_text(shape.text)}</text>'
    if isinstance(shape, Line):
        points = " ".join(f"{x:g},{y:g}" for x, y in shape.points)
        return (
            f'<polyline points="{points}" fill="none" stroke="{shape.colour}" '
            f'stroke-width="{shape.width:g}" stroke-linejoin="round"/>'
        )
    if isinstance(shape, Polygon):
        path = " ".join("M" + " L".join(f"{x:g},{y:g}" for x, y in ring) + " Z" for ring in shape.rings)
        return (
            f'<path d="{path}" fill="{shape.colour}" fill-rule="evenodd" stroke="{shape.outline}" '
            f'stroke-width="{shape.width:g}" stroke-linejoin="round"/>'
        )
    assert isinstance(shape, Box)
    return (
        f'<rect x="{shape.x:g}" y="{shape.y:g}" width="{shape.width:g}" height="{shape.height:g}" '
        f'fill="{shape.colour}"/>'
    )


def render_svg(m: Map, *, standalone: bool = False) -> str:
    width, height, shapes = layout(m)
    n = next(_ids)
    title_id, desc_id = f"map-title-{n}", f"map-desc-{n}"
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    return "".join(
        [
            head,
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" aria-labelledby="{title_id} {desc_id}" focusable="false">',
            f'<title id="{title_id}">{_text(m.title)}</title><desc id="{desc_id}">{_text(m.desc)}</desc>',
            f'<g aria-hidden="true" font-family="Arial, \'Liberation Sans\', Helvetica, sans-serif" '
            f'font-size="{FONT_SIZE}" fill="{TEXT}">',
            f'<rect width="{width}" height="{height}" fill="{BACKGROUND}"/>',
            *(_shape(s) for s in shapes),
            "</g></svg>",
        ]
    )
