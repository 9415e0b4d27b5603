"""A chart as a PNG for the Word document, drawn with Pillow from the same shapes as the SVG.

Drawn at four times its size and scaled down to twice (1,280 pixels wide) for smooth lines; text is
Arial, Liberation Sans or DejaVu Sans, whichever is installed.
"""

import functools
import io
import math

from PIL import Image, ImageDraw, ImageFont

from assessment.charts.layout import Box, Dot, Line, Shape, Text, layout
from assessment.charts.model import BACKGROUND, FONT_SIZE, TEXT, Chart

OUTPUT_SCALE = 2
SUPERSAMPLE = 2
FONTS = (
    "Arial.ttf",
    "arial.ttf",
    "/usr/share/fonts/truetype/msttcorefonts/Arial.ttf",
    "LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
PIL_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@functools.cache
def font(size: int) -> Font:
    """The first of FONTS that loads, else Pillow's own scalable default font."""
    for name in FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _dashes(points: tuple[tuple[float, float], ...], on: float, off: float) -> list[tuple[float, ...]]:
    """The visible pieces of a dashed polyline, as (x1, y1, x2, y2)."""
    pieces: list[tuple[float, ...]] = []
    drawing, left = True, on
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        length = math.hypot(x2 - x1, y2 - y1)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            a, b = done / length, (done + step) / length
            if drawing:
                pieces.append(
                    (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b)
                )
            done += step
            left -= step
            if left <= 0:
                drawing = not drawing
                left = on if drawing else off
    return pieces


def _draw(draw: ImageDraw.ImageDraw, shape: Shape, k: float) -> None:
    if isinstance(shape, Text):
        draw.text(
            (shape.x * k, shape.y * k),
            shape.text,
            fill=TEXT,
            font=font(round(FONT_SIZE * k)),
            anchor=PIL_ANCHORS[shape.anchor],
        )
    elif isinstance(shape, Line):
        width = max(1, round(shape.width * k))
        if shape.dashed:
            scaled = tuple((x * k, y * k) for x, y in shape.points)
            for piece in _dashes(scaled, 7 * k, 5 * k):
                draw.line(piece, fill=shape.colour, width=width)
        else:
            draw.line(
                [(x * k, y * k) for x, y in shape.points], fill=shape.colour, width=width, joint="curve"
            )
    elif isinstance(shape, Dot):
        r = shape.radius * k
        draw.ellipse((shape.x * k - r, shape.y * k - r, shape.x * k + r, shape.y * k + r), fill=shape.colour)
    elif isinstance(shape, Box):
        draw.rectangle(
            (shape.x * k, shape.y * k, (shape.x + shape.width) * k, (shape.y + shape.height) * k),
            fill=shape.colour,
        )


def render_png(chart: Chart) -> bytes:
    width, height, shapes = layout(chart)
    k = OUTPUT_SCALE * SUPERSAMPLE
    image = Image.new("RGB", (width * k, height * k), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for shape in shapes:
        _draw(draw, shape, k)
    image = image.resize((width * OUTPUT_SCALE, height * OUTPUT_SCALE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True, dpi=(192, 192))
    return buffer.getvalue()
