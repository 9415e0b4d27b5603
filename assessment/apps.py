from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "assessment"

    def ready(self) -> None:
        # Registers the app's restricted models with the access kernel (core.access.REGISTRY).
        from assessment import access  # noqa: F401
        from assessment.figure_sources import register_sources
        from assessment.my_requests import data_request_actions
        from assessment.request_messages import due_request_messages
        from partnership import messaging
        from planning import other_actions

        # Fills planning's registry of key-figure sources (planning may not import assessment).
        register_sources()
        # Partner data requests: their e-mails for `send_reminders`, and a lead officer's My actions.
        messaging.register("assessment.data_requests", due_request_messages)
        other_actions.register("assessment.data_requests", "Partner data requests", data_request_actions)
        # Lists published public summaries on the partnership's public page (publishing's registry).
        from assessment.selectors.summary import published_summary_links
        from publishing.public_links import register

        register("assessment_summaries", published_summary_links)
