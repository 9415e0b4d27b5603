"""Uploaded images: limits from the header before decoding, type from the content, no metadata kept."""

import io

import pytest
import weasyprint  # noqa: F401 - imported as in production: it loosens Pillow globally
from PIL import Image

from core.images import ImageRejected, content_type_of, image_clean


def encode(image: Image.Image, fmt: str, **kwargs) -> io.BytesIO:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **kwargs)
    buffer.seek(0)
    return buffer


def gps_jpeg(size: tuple[int, int] = (3000, 1500)) -> io.BytesIO:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPS IFD
    return encode(Image.new("RGB", size, (10, 120, 60)), "JPEG", exif=exif, icc_profile=b"")


def test_gps_and_all_metadata_are_removed_and_size_reduced():
    clean = image_clean(gps_jpeg())
    assert (clean.content_type, clean.extension) == ("image/jpeg", "jpg")
    assert (clean.width, clean.height) == (2000, 1000)
    result = Image.open(io.BytesIO(clean.data))
    assert not result.getexif() and "exif" not in result.info and "icc_profile" not in result.info
    assert b"PhoneMaker" not in clean.data


def test_type_comes_from_content_not_name():
    upload = encode(Image.new("RGBA", (50, 40), (0, 0, 0, 0)), "PNG")
    upload.name = "report.pdf"
    clean = image_clean(upload)
    assert (clean.content_type, clean.extension) == ("image/png", "png")
    assert content_type_of(clean.data) == "image/png"
    webp = image_clean(encode(Image.new("RGB", (50, 40)), "WEBP"))
    assert webp.content_type == "image/jpeg"  # WebP and GIF become JPEG (or PNG if transparent)
    assert image_clean(encode(Image.new("P", (20, 20)), "GIF")).content_type == "image/jpeg"


def test_decompression_bomb_is_refused_from_its_header(settings):
    # 12,000 × 12,000 of one colour compresses to a few KB; decoding it would take 432 MB.
    bomb = encode(Image.new("L", (12_000, 12_000)), "PNG", optimize=True)
    assert len(bomb.getvalue()) < 200_000
    with pytest.raises(ImageRejected, match=r"too many pixels \(144 megapixels\).*is 25 megapixels"):
        image_clean(bomb)
    with pytest.raises(ImageRejected, match=r"6,000 × 6,000 pixels \(36 megapixels\).*is 25 megapixels"):
        image_clean(encode(Image.new("L", (6_000, 6_000)), "PNG"))
    settings.MAX_IMAGE_PIXELS = 1_000
    with pytest.raises(ImageRejected, match="0.001 megapixels"):
        image_clean(encode(Image.new("RGB", (50, 50)), "PNG"))


def test_other_types_and_large_or_damaged_files_are_refused(settings):
    with pytest.raises(ImageRejected, match="only JPEG, PNG, WebP, GIF are allowed"):
        image_clean(encode(Image.new("RGB", (10, 10)), "BMP"))
    with pytest.raises(ImageRejected, match="not an image"):
        image_clean(io.BytesIO(b"%PDF-1.7 not an image"))
    with pytest.raises(ImageRejected, match="damaged"):
        noise = encode(Image.effect_noise((200, 200), 64), "PNG").getvalue()
        image_clean(io.BytesIO(noise[: len(noise) // 2]))
    settings.MAX_IMAGE_BYTES = 1_000
    with pytest.raises(ImageRejected, match="largest allowed is 0.000953674 MB|larger than"):
        image_clean(gps_jpeg((200, 200)))
