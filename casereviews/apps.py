from django.apps import AppConfig


class CaseReviewsConfig(AppConfig):
    name = "casereviews"
    verbose_name = "ASB Case Reviews"

    def ready(self) -> None:
        # Registers the app's restricted models with the access kernel (core.access.REGISTRY).
        from casereviews import access  # noqa: F401
        from casereviews.figure_sources import register_sources

        # Fills planning's registry of key-figure sources (planning may not import casereviews).
        register_sources()

        # The "Case review recommendations" page of the case-work area (casework may not import us).
        from casereviews.views.casework_links import recommendations
        from casework import area

        area.register(
            area.AreaPage(
                "case-review-recommendations/",
                recommendations,
                "case_review_recommendations",
                "Case review recommendations",
            )
        )
