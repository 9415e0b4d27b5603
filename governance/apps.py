from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        # Registers the app's restricted models with the access kernel (core.access.REGISTRY), and
        # the meeting actions shown in their owners' My actions (planning.other_actions).
        from assessment import community_links
        from governance import access, my_actions, notices  # noqa: F401
        from governance import selectors_registries as lent
        from publishing import appendices

        my_actions.register_source()
        notices.register_sources()
        # Equality impact assessments printed as appendices; engagement linked to community views.
        appendices.register("governance", plan=lent.plan_year_appendices, strategy=lent.strategy_appendices)
        community_links.register("governance", lent.community_view_links)
