from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "casework"
    verbose_name = "Case work"

    def ready(self) -> None:
        from casework import (
            access,  # noqa: F401 - registers the restricted models with the kernel
            figures,
        )

        figures.register_all()
