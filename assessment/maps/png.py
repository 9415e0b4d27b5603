"""A map as a PNG (Word document, PNG download), drawn with Pillow from the same shapes as the SVG."""

import io

from PIL import Image, ImageDraw

from assessment.charts.layout import Box, Line, Text
from assessment.charts.model import BACKGROUND
from assessment.charts.png import OUTPUT_SCALE, SUPERSAMPLE
from assessment.charts.png import _draw as draw_chart_shape
from assessment.maps.layout import Polygon, layout
from assessment.maps.model import Map


def render_png(m: Map) -> bytes:
    width, height, shapes = layout(m)
    k = OUTPUT_SCALE * SUPERSAMPLE
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
    image = image.resize((width * OUTPUT_SCALE, height * OUTPUT_SCALE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True, dpi=(192, 192))
    return buffer.getvalue()
