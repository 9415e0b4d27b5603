"""Creating and editing an assessment, and choosing its priorities into the plan year it informs."""

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from assessment.analysis import Period
from assessment.models import NARRATIVE_SECTIONS, Assessment, ScoringCriterion
from assessment.services._common import _require_manage
from core.actors import Actor
from core.errors import ServiceError
from core.history import save_as
from crimedata.models import PopulationTable, WeightSet
from partnership.models import Partnership
from planning.models import PlanYear, PlanYearState, Priority
from planning.services import plan_year_create, priority_create, priority_match

# Seeded into every new assessment; coordinators change them as data afterwards.
DEFAULT_CRITERIA: list[dict[str, Any]] = [
    {
        "name": "Volume",
        "description": "How many incidents or people are affected in the area.",
        "weight": Decimal("1"),
        "scale_labels": "1 = Very low\n2 = Low\n3 = Moderate\n4 = High\n5 = Very high",
    },
    {
        "name": "Trend",
        "description": "Whether the issue is rising compared with the previous year.",
        "weight": Decimal("1"),
        "scale_labels": "1 = Falling sharply\n2 = Falling\n3 = Stable\n4 = Rising\n5 = Rising sharply",
    },
    {
        "name": "Harm",
        "description": "Physical, psychological, financial and community harm (MoRiLE).",
        "weight": Decimal("2"),
        "scale_labels": "1 = Minimal\n2 = Minor\n3 = Moderate\n4 = Substantial\n5 = Severe",
    },
    {
        "name": "Vulnerability",
        "description": "How far victims are vulnerable or repeatedly targeted.",
        "weight": Decimal("1.5"),
        "scale_labels": "1 = Rarely\n3 = Sometimes\n5 = Usually",
    },
    {
        "name": "Public concern",
        "description": "What residents and businesses told consultations and surveys.",
        "weight": Decimal("1"),
        "scale_labels": "1 = Little concern\n3 = Some concern\n5 = Great concern",
    },
    {
        "name": "Partnership capacity to influence",
        "description": "How much joint work by the partners can change the issue.",
        "weight": Decimal("1"),
        "scale_labels": "1 = Little\n3 = Some\n5 = Great",
    },
]


def default_data_period(slug: str) -> Period:
    """The plan year two before the one informed (2021-22 is built on 2019/20 data)."""
    start, _ = PlanYear.dates_for_slug(slug)
    return Period.plan_year(start.year - 2)


@transaction.atomic
def assessment_create(
    *,
    partnership: Partnership,
    slug: str,
    actor: Actor,
    data_from: datetime.date | None = None,
    data_to: datetime.date | None = None,
    population_table: PopulationTable | None = None,
    weight_set: WeightSet | None = None,
    reviewed_plan_year: PlanYear | None = None,
    is_example: bool = False,
) -> Assessment:
    """A new assessment with the default scoring criteria (copied from the last assessment if any)."""
    _require_manage(actor, partnership)
    start, _ = PlanYear.dates_for_slug(slug) if slug[:4].isdigit() else (None, None)
    if start is None or PlanYear.slug_for_start(start.year) != slug:
        raise ServiceError(f"{slug!r} is not a plan year: use the form 2021-22.")
    if Assessment.objects.filter(partnership=partnership).filter(slug=slug).exists():
        raise ServiceError(f"{partnership.name} already has a strategic assessment for {slug}.")
    period = default_data_period(slug)
    data_from, data_to = data_from or period.start, data_to or period.end
    Period(data_from, data_to)  # raises ValueError for a backwards period
    if reviewed_plan_year is None:  # the last finished plan (its year-end review), else the latest before
        earlier = partnership.plan_years.filter(start_date__lt=start).order_by("-start_date")
        reviewed_plan_year = earlier.filter(state=PlanYearState.CLOSED).first() or earlier.first()
    if reviewed_plan_year is not None and reviewed_plan_year.partnership_id != partnership.pk:
        raise ServiceError("The reviewed plan year belongs to another partnership.")
    assessment = Assessment(
        partnership=partnership,
        slug=slug,
        data_from=data_from,
        data_to=data_to,
        population_table=population_table,
        weight_set=weight_set,
        reviewed_plan_year=reviewed_plan_year,
        is_example=is_example,
    )
    save_as(assessment, actor)
    previous = (
        Assessment.objects.filter(partnership=partnership).exclude(pk=assessment.pk).order_by("-slug").first()
    )
    source = (
        [
            {
                f: getattr(c, f)
                for f in ("name", "description", "weight", "scale_min", "scale_max", "scale_labels")
            }
            for c in previous.criteria.all()
        ]
        if previous is not None and previous.criteria.exists()
        else DEFAULT_CRITERIA
    )
    for index, values in enumerate(source, start=1):
        save_as(ScoringCriterion(assessment=assessment, order=index, **values), actor)
    return assessment


@transaction.atomic
def assessment_edit(*, assessment: Assessment, actor: Actor, **fields: Any) -> Assessment:
    """Change the narrative sections, data period, population table, weight set or reviewed plan."""
    _require_manage(actor, assessment.partnership)
    allowed = {name for name, _ in NARRATIVE_SECTIONS} | {
        "data_from",
        "data_to",
        "population_table",
        "weight_set",
        "reviewed_plan_year",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ServiceError(f"These fields cannot be changed here: {', '.join(sorted(unknown))}.")
    for name, value in fields.items():
        setattr(assessment, name, value)
    Period(assessment.data_from, assessment.data_to)
    reviewed = assessment.reviewed_plan_year
    if reviewed is not None and reviewed.partnership_id != assessment.partnership_id:
        raise ServiceError("The reviewed plan year belongs to another partnership.")
    save_as(assessment, actor)
    return assessment


@transaction.atomic
def priorities_choose(
    *, assessment: Assessment, issue_ids: Sequence[int], actor: Actor
) -> tuple[PlanYear, list[Priority]]:
    """Add the chosen issues as priorities of the plan year the assessment informs.

    The plan year is created as a draft when missing; priorities are matched by title (nothing is
    duplicated when run again); a live or closed plan year is never changed.
    """
    partnership = assessment.partnership
    _require_manage(actor, partnership)
    chosen = list(assessment.issues.filter(pk__in=issue_ids))
    if not chosen or len(chosen) != len(set(issue_ids)):
        raise ServiceError("Choose at least one of this assessment's issues.")
    plan_year = partnership.plan_years.filter(slug=assessment.slug).first()
    if plan_year is None:
        plan_year = plan_year_create(partnership=partnership, slug=assessment.slug, actor=actor)
    elif plan_year.state != PlanYearState.DRAFT:
        raise ServiceError(
            f"The {plan_year.label} plan is {plan_year.get_state_display().lower()}: its priorities are "
            "not changed from the assessment. Add them in the plan itself if the partnership agrees."
        )
    priorities = []
    for issue in chosen:
        priority = priority_match(plan_year, issue.title) or priority_create(
            plan_year=plan_year, title=issue.title, description=issue.description, actor=actor
        )
        issue.chosen, issue.priority = True, priority
        save_as(issue, actor)
        priorities.append(priority)
    assessment.priorities_chosen_at = timezone.now()
    save_as(assessment, actor)
    return plan_year, priorities
