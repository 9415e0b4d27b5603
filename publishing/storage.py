"""Private storage of uploaded photographs, and serving one file through its record's door.

Uploads live under `PRIVATE_MEDIA_ROOT`, a folder no web server serves, under random names
(`uuid4().hex` and the extension of the checked image format), so a path can neither be guessed nor
fetched: the storage has no URL (`url()` refuses). A file reaches a browser only from a view that
opened the record's door first, through `private_file_response`. With `PRIVATE_MEDIA_SENDFILE`
set ("x-accel-redirect" for nginx, "x-sendfile" for Apache), the web server sends the bytes from an
internal location instead (`PRIVATE_MEDIA_INTERNAL_URL` for nginx, e.g. "/protected-media/").
"""

import os
import re
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.deconstruct import deconstructible

from core.middleware import private_response

# The only formats stored, by extension: the content type is taken from it, never from the upload.
CONTENT_TYPES = {".jpg": "image/jpeg", ".png": "image/png"}
IMAGE_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png"}


@deconstructible(path="publishing.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """A FileSystemStorage rooted at `settings.PRIVATE_MEDIA_ROOT` (read on each use) with no URL."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL: serve them through their record's view.")


private_storage = PrivateStorage()


def photo_upload_to(instance: Any, filename: str) -> str:
    """A random name that keeps only a known extension (the service names the file by its format)."""
    extension = Path(filename).suffix.lower()
    return f"publishing/photos/{uuid.uuid4().hex}{extension if extension in CONTENT_TYPES else ''}"


def content_type_of(name: str) -> str:
    return CONTENT_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")


def safe_filename(text: str) -> str:
    """ASCII letters, digits, dots and dashes only (for Content-Disposition)."""
    cleaned = re.sub(r"[^A-Za-z0-9.-]+", "-", text).strip("-.")
    return cleaned[:100] or "file"


def private_file_response(file: FieldFile, *, filename: str) -> HttpResponseBase:
    """The stored file, never cached, never sniffed; sent by the web server when a setting says so."""
    content_type = content_type_of(file.name or "")
    disposition = "inline" if content_type.startswith("image/") else "attachment"
    mode = getattr(settings, "PRIVATE_MEDIA_SENDFILE", "")
    response: HttpResponseBase
    if mode == "x-accel-redirect":
        response = HttpResponse(content_type=content_type)
        internal = str(getattr(settings, "PRIVATE_MEDIA_INTERNAL_URL", "/protected-media/"))
        response["X-Accel-Redirect"] = internal.rstrip("/") + "/" + (file.name or "")
    elif mode == "x-sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = file.path
    else:
        response = FileResponse(file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{safe_filename(filename)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)
