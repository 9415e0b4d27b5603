from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "casework"
    verbose_name = "Case work"

    def ready(self) -> None:
        from casework import (
            access,  # noqa: F401 - registers the restricted models with the kernel
            figures,
            notices,
        )
        from planning import home_notices

        figures.register_all()
        home_notices.register("casework.tasks", notices.task_notice)
