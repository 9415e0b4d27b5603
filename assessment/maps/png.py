"""A map as a PNG (Word document, PNG download), drawn with Pillow from the same shapes as the SVG.

Drawn straight at twice its size (1,280 pixels wide), without the charts' supersampling: hundreds
of straight-edged polygons gain little from it and it took most of a map's time."""

import io

from PIL import Image, ImageDraw

from assessment.charts.layout import Box, Line, Text
from assessment.charts.model import BACKGROUND
from assessment.charts.png import OUTPUT_SCALE
from assessment.charts.png import _draw as draw_chart_shape
from assessment.maps.layout import Polygon, layout
from assessment.maps.model import Map


def render_png(m: Map) -> bytes:
    width, height, shapes = layout(m)
    k = OUTPUT_SCALE
    image = Image.new("RGB", (width * k, height * k), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for shape in shapes:
        if isinstance(shape, Polygon):
            outer, *holes = shape.rings
            draw.polygon([(x * k, y * k) for x, y in outer], fill=shape.colour)
            for hole in holes:
                draw.polygon([(x * k, y * k) for x, y in hole], fill=BACKGROUND)
            for ring in shape.rings:
                points = [(x * k, y * k) for x, y in ring]
                draw.line([*points, points[0]], fill=shape.outline, width=max(1, round(shape.width * k)))
        elif isinstance(shape, Text | Line | Box):
            draw_chart_shape(draw, shape, k)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6, dpi=(192, 192))
    return buffer.getvalue()
