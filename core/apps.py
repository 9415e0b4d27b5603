from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from core.input import install_form_validators

        install_form_validators()  # every form text field refuses NUL and control characters
