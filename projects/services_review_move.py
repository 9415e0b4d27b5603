"""Move the quotes and photographs of the plan's reviews of projects onto projects (data migration
0003): each review with a priority and any quote or photograph gets a project named after it (its
title, else its priority's), serving that priority, chosen for the plan's review, holding the
review's quotes and photographs (approved: they were already published). The review keeps its
narrative as the priority's introduction text. Reviews without a priority keep theirs (a project
could not be placed under a heading without one). Nothing is lost; `backwards` moves them back.

Written against a migration's `apps` (historical models), so it is also callable with the live
registry in tests.
"""

from typing import Any

NOTE = "Made from the plan's review of projects and initiatives (quotes and photographs moved here)."


def forwards(apps: Any, schema_editor: Any = None) -> None:
    review_model = apps.get_model("publishing", "ProjectReview")
    quote_model = apps.get_model("publishing", "FeedbackQuote")
    photo_model = apps.get_model("publishing", "ProjectPhoto")
    project_model = apps.get_model("projects", "Project")
    step_model = apps.get_model("projects", "ProjectStep")
    new_quote = apps.get_model("projects", "ProjectQuote")
    new_photo = apps.get_model("projects", "ProjectPhoto")
    for review in review_model._base_manager.filter(priority__isnull=False).select_related(
        "priority__plan_year"
    ):
        quotes = list(quote_model._base_manager.filter(review=review).order_by("order", "pk"))
        photos = list(photo_model._base_manager.filter(review=review).order_by("order", "pk"))
        if not quotes and not photos:
            continue
        priority = review.priority
        project = project_model._base_manager.create(
            plan_year=priority.plan_year,
            title=(review.title or priority.title)[:300],
            status="completed",
            in_plan_review=True,
            review_order=0,
        )
        project.priorities.add(priority)
        step_model._base_manager.create(project=project, from_status="", to_status="completed", note=NOTE)
        for quote in quotes:
            new_quote._base_manager.create(
                project=project,
                text=quote.text,
                attribution=quote.attribution,
                order=quote.order,
                is_approved=True,
            )
            quote.delete()
        for photo in photos:
            # The same stored file under its random name: only the record moves.
            new_photo._base_manager.create(
                project=project,
                image=photo.image.name,
                alt_text=photo.alt_text,
                caption=photo.caption,
                order=photo.order,
                is_approved=True,
            )
            photo_model._base_manager.filter(pk=photo.pk).delete()


def backwards(apps: Any, schema_editor: Any = None) -> None:
    review_model = apps.get_model("publishing", "ProjectReview")
    quote_model = apps.get_model("publishing", "FeedbackQuote")
    photo_model = apps.get_model("publishing", "ProjectPhoto")
    project_model = apps.get_model("projects", "Project")
    new_quote = apps.get_model("projects", "ProjectQuote")
    new_photo = apps.get_model("projects", "ProjectPhoto")
    for project in project_model._base_manager.filter(steps__note=NOTE).distinct():
        priority = project.priorities.first()
        review = review_model._base_manager.filter(priority=priority).order_by("pk").first()
        if review is None:
            continue
        for quote in new_quote._base_manager.filter(project=project).order_by("order", "pk"):
            quote_model._base_manager.create(
                review=review, text=quote.text, attribution=quote.attribution, order=quote.order
            )
        for photo in new_photo._base_manager.filter(project=project).order_by("order", "pk"):
            photo_model._base_manager.create(
                review=review,
                image=photo.image.name,
                alt_text=photo.alt_text,
                caption=photo.caption,
                order=photo.order,
            )
        project.delete()
