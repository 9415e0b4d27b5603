from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Projects and funding"

    def ready(self) -> None:
        # Registers the app's restricted models with the access kernel (core.access.REGISTRY).
        from planning import dashboard_items
        from projects import access, selectors  # noqa: F401
        from projects.dashboard import sections
        from publishing import review_projects

        # Fills planning's registry of dashboard items (planning may not import projects).
        dashboard_items.register("projects", sections)
        # Fills publishing's registry of projects shown in the plan's review of projects.
        review_projects.register("projects", selectors.review_projects)
