from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "casework"
    verbose_name = "Case work"

    def ready(self) -> None:
        from casework import (
            access,  # noqa: F401 - registers the restricted models with the kernel
            dashboard,
            digest,
            figures,
            notices,
            review_notice,
        )
        from governance import meeting_notices
        from partnership import messaging
        from planning import dashboard_items, home_notices

        figures.register_all()
        dashboard_items.register("casework.totals", dashboard.sections)
        home_notices.register("casework.tasks", notices.task_notice)
        meeting_notices.register("casework.case_review", review_notice.meeting_notice)
        messaging.register("casework.digest", digest.due_casework_digests)
