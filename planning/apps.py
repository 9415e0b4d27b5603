from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = "Planning"

    def ready(self) -> None:
        # Registers the app's restricted models with the access kernel (core.access.REGISTRY).
        # Update rounds' notices, reminders, chasers and digests for `send_reminders`.
        from partnership import messaging
        from planning import access  # noqa: F401
        from planning.round_messages import due_round_messages

        messaging.register("planning.update_rounds", due_round_messages)
