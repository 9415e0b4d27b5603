from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        # Registers the app's restricted models with the access kernel (core.access.REGISTRY), and
        # the meeting actions shown in their owners' My actions (planning.other_actions).
        from governance import access, my_actions, notices  # noqa: F401

        my_actions.register_source()
        notices.register_sources()
