"""Case documents: stored privately (ADR 0012) under random names, served only through the case."""

import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase

from core.middleware import private_response
from publishing.storage import PrivateStorage, safe_filename

# The only formats stored, by extension; the content type is taken from it, never from the upload.
DOCUMENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".txt": "text/plain; charset=utf-8",
    ".jpg": "image/jpeg",
    ".png": "image/png",
}
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

casework_storage = PrivateStorage()


def document_upload_to(instance: Any, filename: str) -> str:
    extension = Path(filename).suffix.lower()
    return f"casework/{uuid.uuid4().hex}{extension if extension in DOCUMENT_TYPES else ''}"


def document_response(file: FieldFile, *, filename: str) -> HttpResponseBase:
    """The stored file as an attachment: never cached, never sniffed."""
    content_type = DOCUMENT_TYPES.get(Path(file.name or "").suffix.lower(), "application/octet-stream")
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
    response["Content-Disposition"] = f'attachment; filename="{safe_filename(filename)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)
