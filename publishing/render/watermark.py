"""The "DRAFT" watermark as a picture, so it never mixes with the document's text."""

import base64
import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont


@lru_cache(maxsize=1)
def draft_watermark_uri() -> str:
    """A pale diagonal "DRAFT" (PNG, transparent background) as a data: URI."""
    font = ImageFont.load_default(size=220)
    text = Image.new("RGBA", (900, 260), (255, 255, 255, 0))
    ImageDraw.Draw(text).text((450, 130), "DRAFT", font=font, fill=(190, 190, 190, 110), anchor="mm")
    image = text.rotate(50, expand=True, resample=Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
