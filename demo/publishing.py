"""The demo's plan document: the seed's narrative for 2020-21, published once (called by load_demo)."""

from io import TextIOBase

from django.db import transaction

from accounts.models import User
from demo import texts
from demo.projects import review_introduction, section_quotes_move_to_projects
from partnership.models import Partnership
from planning.access import plan_years_visible_to, priorities_visible_to
from planning.models import PlanYear
from publishing import services
from publishing.access import (
    feedback_quotes_visible_to,
    plan_publications_visible_to,
    project_reviews_visible_to,
)
from publishing.render.document import previous_year

DEMO_YEAR = "2020-21"


@transaction.atomic
def plan_document_load(*, partnership: Partnership, actor: User, stdout: TextIOBase) -> None:
    """Store the seed's narrative (idempotent) and publish 2020-21 when it has no published version.

    The seed's photographs are not available, so no photo records are made: their captions stay in
    the narrative, where the seed prints them.
    """
    plan_year = plan_years_visible_to(actor).filter(partnership=partnership, slug=DEMO_YEAR).first()
    if plan_year is None:
        stdout.write(f"Plan documents: {partnership.name} has no plan year {DEMO_YEAR}; nothing to do.\n")
        return
    plan_year.partnership = partnership
    services.narrative_save(
        plan_year=plan_year,
        actor=actor,
        introduction=texts.INTRODUCTION,
        review_narrative=texts.REVIEW,
        projects_introduction=texts.PROJECTS_INTRODUCTION,
        priority_issues_before=texts.PRIORITY_ISSUES_BEFORE,
        priority_issues_after=texts.PRIORITY_ISSUES_AFTER,
        contact_block=texts.CONTACT_BLOCK,
    )
    _project_reviews(plan_year, actor)
    if plan_publications_visible_to(actor).filter(plan_year=plan_year).exists():
        stdout.write(f"Plan documents: {plan_year.label} is already published; no new version.\n")
        return
    publication = services.plan_publish(plan_year=plan_year, actor=actor, confirmed=True)
    stdout.write(
        f"Plan documents: published the {plan_year.label} plan as version {publication.number} "
        f"(/p/{partnership.slug}/plan/{plan_year.slug}/).\n"
    )


def _project_reviews(plan_year: PlanYear, actor: User) -> None:
    previous = previous_year(plan_year)
    priorities = (
        list(priorities_visible_to(actor).filter(plan_year=previous).order_by("order", "pk"))
        if previous
        else []
    )
    for order, (keyword, seed_heading, _narrative, quotes) in enumerate(texts.PROJECTS, start=1):
        priority = next((p for p in priorities if keyword in p.title.lower()), None)
        review = project_reviews_visible_to(actor).filter(plan_year=plan_year, order=order).first()
        review = services.project_review_save(
            plan_year=plan_year,
            actor=actor,
            review=review,
            priority=priority,
            # With the priority known, the heading comes from its title and sub-themes.
            title="" if priority else seed_heading,
            # The paragraphs about projects print with the projects (demo.projects).
            narrative=review_introduction(keyword),
            order=order,
        )
        known = set(feedback_quotes_visible_to(actor).filter(review=review).values_list("text", flat=True))
        for text in [] if section_quotes_move_to_projects(keyword) else quotes:
            if text not in known:
                services.quote_add(review=review, actor=actor, text=text)
