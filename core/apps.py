from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        # Pillow refuses images over twice this anywhere in the process (WeasyPrint and python-docx
        # included), so a picture stored before the upload limits cannot exhaust memory either.
        from django.conf import settings
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
