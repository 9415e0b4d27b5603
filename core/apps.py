from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from core import audit_hooks
        from core.input import install_form_validators

        audit_hooks.connect()
        install_form_validators()  # every form text field refuses NUL and control characters
