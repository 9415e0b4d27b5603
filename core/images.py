"""Uploaded images: limits checked from the header before decoding, type taken from the content,
then re-encoded at a sensible size with every piece of metadata (EXIF incl. GPS, ICC, text) removed.

The output is PNG when the source is PNG or has transparency, JPEG otherwise, so documents and
pages only ever hold the two types python-docx and WeasyPrint both read. Colours in an embedded
ICC profile are converted to sRGB, then the profile is dropped.
"""

import io
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

ALLOWED = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
MAX_SIDE = 2000  # longest side after re-encoding, in pixels
CONTENT_TYPES = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png")}


class ImageRejected(ValueError):
    """Why an uploaded file is refused, in words for the person who uploaded it."""


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    content_type: str
    extension: str
    width: int
    height: int


def max_pixels() -> int:
    return int(getattr(settings, "MAX_IMAGE_PIXELS", 25_000_000))


def max_bytes() -> int:
    return int(getattr(settings, "MAX_IMAGE_BYTES", 10 * 1024 * 1024))


def _mp() -> str:
    return f"{max_pixels() / 1_000_000:g} megapixels"


def limits_text() -> str:
    return f"{max_bytes() / 1024 / 1024:g} MB and {max_pixels() / 1_000_000:g} megapixels"


def content_type_of(data: bytes) -> str:
    """The MIME type the bytes really are (by their signature), for stored images."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"GIF8"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "image/jpeg" if data.startswith(b"\xff\xd8") else "application/octet-stream"


def _read(upload: Any) -> bytes:
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes():
        raise ImageRejected(
            f"The file is {size / 1024 / 1024:.1f} MB; the largest allowed is {max_bytes() / 1024 / 1024:g} MB"
        )
    upload.seek(0)
    data = upload.read(max_bytes() + 1)
    if len(data) > max_bytes():
        raise ImageRejected(f"The file is larger than {max_bytes() / 1024 / 1024:g} MB, the largest allowed")
    return bytes(data)


def _open(data: bytes) -> Image.Image:
    """Header only: Pillow decodes nothing until the pixels are needed."""
    kinds = ", ".join(ALLOWED.values())
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:  # over twice the limit: Pillow stops at the header
        found = re.search(r"\((\d+) pixels\)", str(error))
        pixels = f" ({int(found[1]) / 1_000_000:.0f} megapixels)" if found else ""
        raise ImageRejected(
            f"The image has too many pixels{pixels}; the largest allowed is {_mp()}"
        ) from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ImageRejected(f"The file is not an image of a type allowed ({kinds})") from error
    if image.format not in ALLOWED:
        raise ImageRejected(f"The file is a {image.format} image; only {kinds} are allowed")
    width, height = image.size
    if width * height > max_pixels():
        raise ImageRejected(
            f"The image is {width:,} × {height:,} pixels ({width * height / 1_000_000:.0f} megapixels); "
            f"the largest allowed is {_mp()}"
        )
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"))
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image
    return converted or image


def _verify(data: bytes) -> None:
    """Structure and checksums without decoding: WeasyPrint switches Pillow to loading truncated
    files silently (ImageFile.LOAD_TRUNCATED_IMAGES), so a damaged upload must be caught here."""
    try:
        Image.open(io.BytesIO(data)).verify()
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageRejected("The image file is damaged and cannot be read") from error


def image_clean(upload: Any) -> CleanImage:
    """Check and re-encode an uploaded image (a file object); raises ImageRejected with the reason."""
    data = _read(upload)
    source = _open(data)
    _verify(data)
    source_format = source.format
    try:
        source.seek(0)  # the first frame of an animation
        image = ImageOps.exif_transpose(source)  # turn it upright before the EXIF goes
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
        image = _to_srgb(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise ImageRejected("The image file is damaged and cannot be read") from error
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    image.info = {}  # no EXIF, GPS, XMP, ICC or text chunks are carried over
    output = "PNG" if transparent or source_format == "PNG" else "JPEG"
    buffer = io.BytesIO()
    if output == "PNG":
        image.save(buffer, format="PNG", optimize=True)
    else:
        image.save(buffer, format="JPEG", quality=85, optimize=True)
    content_type, extension = CONTENT_TYPES[output]
    return CleanImage(buffer.getvalue(), content_type, extension, image.width, image.height)
