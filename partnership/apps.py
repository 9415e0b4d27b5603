from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "partnership"
    verbose_name = "Partnerships"

    def ready(self) -> None:
        # Registers the app's restricted models with the access kernel (core.access.REGISTRY).
        from partnership import access, signals  # noqa: F401

        signals.connect()
