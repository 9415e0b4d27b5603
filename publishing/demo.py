"""The demo's plan document: the seed's narrative for 2020-21, published once (called by load_demo)."""

from typing import Any, TextIO

from django.db import transaction

from partnership.models import Partnership
from planning.models import PlanYear
from publishing import demo_texts, services
from publishing.models import PlanPublication, ProjectReview
from publishing.render.document import previous_year

DEMO_YEAR = "2020-21"


@transaction.atomic
def load_demo(*, partnership: Partnership, user: Any, stdout: TextIO) -> None:
    """Store the seed's narrative (idempotent) and publish 2020-21 when it has no published version.

    The seed's photographs are not available, so no photo records are made: their captions stay in
    the narrative, where the seed prints them.
    """
    plan_year = partnership.plan_years.filter(slug=DEMO_YEAR).first()
    if plan_year is None:
        stdout.write(f"Plan documents: {partnership.name} has no plan year {DEMO_YEAR}; nothing to do.\n")
        return
    plan_year.partnership = partnership
    services.narrative_save(
        plan_year=plan_year,
        actor=user,
        introduction=demo_texts.INTRODUCTION,
        review_narrative=demo_texts.REVIEW,
        projects_introduction=demo_texts.PROJECTS_INTRODUCTION,
        priority_issues_before=demo_texts.PRIORITY_ISSUES_BEFORE,
        priority_issues_after=demo_texts.PRIORITY_ISSUES_AFTER,
        contact_block=demo_texts.CONTACT_BLOCK,
    )
    _project_reviews(plan_year, user)
    if PlanPublication.objects.filter(plan_year=plan_year).exists():
        stdout.write(f"Plan documents: {plan_year.label} is already published; no new version.\n")
        return
    publication = services.plan_publish(plan_year=plan_year, actor=user)
    stdout.write(
        f"Plan documents: published the {plan_year.label} plan as version {publication.number} "
        f"(/p/{partnership.slug}/plan/{plan_year.slug}/).\n"
    )


def _project_reviews(plan_year: PlanYear, user: Any) -> None:
    previous = previous_year(plan_year)
    priorities = list(previous.priorities.order_by("order", "pk")) if previous else []
    for order, (keyword, seed_heading, narrative, quotes) in enumerate(demo_texts.PROJECTS, start=1):
        priority = next((p for p in priorities if keyword in p.title.lower()), None)
        review = ProjectReview.objects.filter(plan_year=plan_year, order=order).first()
        review = services.project_review_save(
            plan_year=plan_year,
            actor=user,
            review=review,
            priority=priority,
            # With the priority known, the heading comes from its title and sub-themes.
            title="" if priority else seed_heading,
            narrative=narrative,
            order=order,
        )
        known = {q.text for q in review.quotes.all()}
        for text in quotes:
            if text not in known:
                services.quote_add(review=review, actor=user, text=text)
