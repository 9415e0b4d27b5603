from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.conf import settings
        from PIL import Image

        from core import audit_hooks
        from core.input import install_form_validators

        audit_hooks.connect()
        install_form_validators()  # every form text field refuses NUL and control characters
        # Pillow refuses images over twice this anywhere in the process (WeasyPrint and python-docx
        # included), so a picture stored before the upload limits cannot exhaust memory either.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
