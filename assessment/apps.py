from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "assessment"

    def ready(self) -> None:
        # Registers the app's restricted models with the access kernel (core.access.REGISTRY).
        from assessment import access  # noqa: F401
        from assessment.figure_sources import register_sources

        # Fills planning's registry of key-figure sources (planning may not import assessment).
        register_sources()
