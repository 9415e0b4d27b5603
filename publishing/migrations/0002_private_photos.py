"""Photographs move from the served MEDIA_ROOT to the private storage, under random names.

Until now uploads were stored as publishing/photos/<year>/<the uploader's file name> under
MEDIA_ROOT, which a web server might serve. Each existing file is copied to PRIVATE_MEDIA_ROOT as
publishing/photos/<uuid4 hex><.jpg|.png>, the record (and its history rows) point at the new name,
and the old file is deleted. A record whose file is missing keeps its name (the plan leaves it out,
as before). The demo makes no photographs, so only real uploads are moved.
"""

import uuid
from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage
from django.db import migrations, models
from django.apps.registry import Apps

import publishing.storage


def _new_name(old: str) -> str:
    extension = Path(old).suffix.lower()
    extension = {".jpeg": ".jpg"}.get(extension, extension)
    return f"publishing/photos/{uuid.uuid4().hex}{extension if extension in ('.jpg', '.png') else ''}"


def move_photos(apps: Apps, schema_editor: Any) -> None:
    photo_model = apps.get_model("publishing", "ProjectPhoto")
    history_model = apps.get_model("publishing", "HistoricalProjectPhoto")
    storage = publishing.storage.private_storage
    for pk, old in photo_model.objects.values_list("pk", "image"):
        if not old or storage.exists(old) or not default_storage.exists(old):
            continue
        with default_storage.open(old, "rb") as handle:
            new = storage.save(_new_name(old), handle)
        photo_model.objects.filter(pk=pk).update(image=new)
        history_model.objects.filter(id=pk, image=old).update(image=new)
        default_storage.delete(old)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="projectphoto",
            name="image",
            field=models.ImageField(
                storage=publishing.storage.PrivateStorage(), upload_to=publishing.storage.photo_upload_to
            ),
        ),
        migrations.RunPython(move_photos, migrations.RunPython.noop),
    ]
