"""Writes to assessments: keyword-only functions taking the acting user, each in a transaction."""

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from assessment import access
from assessment.analysis import Period
from assessment.models import (
    NARRATIVE_SECTIONS,
    Assessment,
    CandidateIssue,
    CommunityView,
    IssueKind,
    Score,
    ScoringCriterion,
)
from assessment.scoring import Criterion, validate_value
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from crimedata.models import CRIME_TYPES, PopulationTable, WeightSet
from partnership.models import Organisation, Partnership
from planning.models import Measure, MeasureKind, PlanYear, PlanYearState, Priority
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


def _require_manage(user: Any, partnership: Partnership) -> None:
    if not access.can_manage(user, partnership):
        raise AccessDenied("Only the partnership coordinator can change the strategic assessment.")


def default_data_period(slug: str) -> Period:
    """The plan year two before the one informed (2021-22 is built on 2019/20 data)."""
    start, _ = PlanYear.dates_for_slug(slug)
    return Period.plan_year(start.year - 2)


@transaction.atomic
def assessment_create(
    *,
    partnership: Partnership,
    slug: str,
    user: Any,
    data_from: datetime.date | None = None,
    data_to: datetime.date | None = None,
    population_table: PopulationTable | None = None,
    weight_set: WeightSet | None = None,
    reviewed_plan_year: PlanYear | None = None,
    is_example: bool = False,
    check_access: bool = True,
) -> Assessment:
    """A new assessment with the default scoring criteria (copied from the last assessment if any)."""
    if check_access:
        _require_manage(user, partnership)
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
    save_as(assessment, user)
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
        save_as(ScoringCriterion(assessment=assessment, order=index, **values), user)
    return assessment


@transaction.atomic
def assessment_edit(
    *, assessment: Assessment, user: Any, check_access: bool = True, **fields: Any
) -> Assessment:
    """Change the narrative sections, data period, population table, weight set or reviewed plan."""
    if check_access:
        _require_manage(user, assessment.partnership)
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
    save_as(assessment, user)
    return assessment


@transaction.atomic
def criterion_save(
    *, assessment: Assessment, user: Any, criterion: ScoringCriterion | None = None, **fields: Any
) -> ScoringCriterion:
    """Add a criterion or change one (name, description, weight, scale and its labels)."""
    _require_manage(user, assessment.partnership)
    if criterion is None:
        order = (assessment.criteria.aggregate(m=Max("order"))["m"] or 0) + 1
        criterion = ScoringCriterion(assessment=assessment, order=order)
    elif criterion.assessment_id != assessment.pk:
        raise ServiceError("That criterion belongs to another assessment.")
    for name, value in fields.items():
        setattr(criterion, name, value)
    if criterion.scale_max <= criterion.scale_min:
        raise ServiceError("The top of the scale must be above the bottom.")
    clash = assessment.criteria.filter(name__iexact=criterion.name.strip()).exclude(pk=criterion.pk)
    if clash.exists():
        raise ServiceError(f"There is already a criterion called {criterion.name!r}.")
    outside = (
        criterion.scores.exclude(value__gte=criterion.scale_min, value__lte=criterion.scale_max)
        if criterion.pk
        else None
    )
    if outside is not None and outside.exists():
        raise ServiceError(
            f"{outside.count()} existing scores fall outside {criterion.scale_min} to {criterion.scale_max}; "
            "change them first."
        )
    save_as(criterion, user)
    return criterion


@transaction.atomic
def issue_create(
    *,
    assessment: Assessment,
    title: str,
    user: Any,
    kind: str = IssueKind.THEME,
    crime_type: str = "",
    description: str = "",
    evidence: str = "",
    check_access: bool = True,
) -> CandidateIssue:
    if check_access:
        _require_manage(user, assessment.partnership)
    title = title.strip()
    if not title:
        raise ServiceError("Give the issue a title.")
    if assessment.issues.filter(title__iexact=title).exists():
        raise ServiceError(f"There is already an issue called {title!r}.")
    if kind == IssueKind.CRIME_TYPE and crime_type not in CRIME_TYPES:
        raise ServiceError("Choose the police.uk crime type this issue covers.")
    order = (assessment.issues.aggregate(m=Max("order"))["m"] or 0) + 1
    issue = CandidateIssue(
        assessment=assessment,
        title=title,
        kind=kind,
        crime_type=crime_type if kind == IssueKind.CRIME_TYPE else "",
        description=description,
        evidence=evidence,
        order=order,
    )
    save_as(issue, user)
    return issue


@transaction.atomic
def score_record(
    *,
    issue: CandidateIssue,
    criterion: ScoringCriterion,
    user: Any,
    value: int,
    confidence: str,
    rationale: str = "",
    is_example: bool = False,
    check_access: bool = True,
    scorer: Any = None,
) -> Score:
    """Record (or change) the acting user's score of one issue on one criterion."""
    partnership = issue.assessment.partnership
    if check_access and not access.can_score(user, partnership):
        raise AccessDenied("Only coordinators and lead officers score issues.")
    if criterion.assessment_id != issue.assessment_id:
        raise ServiceError("That criterion belongs to another assessment.")
    try:
        validate_value(
            Criterion(
                criterion.pk, criterion.name, criterion.weight, criterion.scale_min, criterion.scale_max
            ),
            value,
        )
    except ValueError as error:
        raise ServiceError(str(error)) from None
    score = Score.objects.filter(issue=issue, criterion=criterion, scorer=scorer or user).first() or Score(
        issue=issue, criterion=criterion, scorer=scorer or user
    )
    score.value, score.confidence, score.rationale, score.is_example = (
        value,
        confidence,
        rationale,
        is_example,
    )
    save_as(score, user)
    return score


@transaction.atomic
def priorities_choose(
    *, assessment: Assessment, issue_ids: Sequence[int], user: Any, check_access: bool = True
) -> tuple[PlanYear, list[Priority]]:
    """Add the chosen issues as priorities of the plan year the assessment informs.

    The plan year is created as a draft when missing; priorities are matched by title (nothing is
    duplicated when run again); a live or closed plan year is never changed.
    """
    partnership = assessment.partnership
    if check_access:
        _require_manage(user, partnership)
    chosen = list(assessment.issues.filter(pk__in=issue_ids))
    if not chosen or len(chosen) != len(set(issue_ids)):
        raise ServiceError("Choose at least one of this assessment's issues.")
    plan_year = partnership.plan_years.filter(slug=assessment.slug).first()
    if plan_year is None:
        plan_year = plan_year_create(partnership=partnership, slug=assessment.slug, user=user)
    elif plan_year.state != PlanYearState.DRAFT:
        raise ServiceError(
            f"The {plan_year.label} plan is {plan_year.get_state_display().lower()}: its priorities are "
            "not changed from the assessment. Add them in the plan itself if the partnership agrees."
        )
    priorities = []
    for issue in chosen:
        priority = priority_match(plan_year, issue.title) or priority_create(
            plan_year=plan_year, title=issue.title, description=issue.description, user=user
        )
        issue.chosen, issue.priority = True, priority
        save_as(issue, user)
        priorities.append(priority)
    assessment.priorities_chosen_at = timezone.now()
    save_as(assessment, user)
    return plan_year, priorities


@transaction.atomic
def community_view_create(
    *, assessment: Assessment, user: Any, theme: str, source: str, check_access: bool = True, **fields: Any
) -> CommunityView:
    if check_access:
        _require_manage(user, assessment.partnership)
    percent = fields.get("percent")
    if percent is not None and not Decimal(0) <= Decimal(percent) <= Decimal(100):
        raise ServiceError("The share of respondents must be between 0 and 100 per cent.")
    order = (assessment.community_views.aggregate(m=Max("order"))["m"] or 0) + 1
    view = CommunityView(
        assessment=assessment, theme=theme.strip(), source=source.strip(), order=order, **fields
    )
    save_as(view, user)
    return view


@transaction.atomic
def indicator_record(
    *,
    partnership: Partnership,
    user: Any,
    name: str,
    organisation: Organisation,
    quarter_start: datetime.date,
    value: Decimal,
    unit: str = "",
    note: str = "",
    is_example: bool = False,
    check_access: bool = True,
) -> Measure:
    """Enter (or correct) a partner indicator's value for one quarter (April–June is Q1)."""
    if organisation.partnership_id != partnership.pk:
        raise ServiceError(f"{organisation.name} belongs to another partnership.")
    if check_access:
        allowed = access.indicator_organisation_ids(user, partnership)
        if allowed is not None and organisation.pk not in allowed:
            raise AccessDenied("You can only enter figures for your own organisation.")
    if quarter_start.day != 1 or quarter_start.month not in (1, 4, 7, 10):
        raise ServiceError("A quarter starts on 1 January, 1 April, 1 July or 1 October.")
    end_month = quarter_start.month + 2
    quarter_end = datetime.date(quarter_start.year, end_month, 1) + datetime.timedelta(days=31)
    quarter_end = quarter_end.replace(day=1) - datetime.timedelta(days=1)
    first_year = quarter_start.year if quarter_start.month >= 4 else quarter_start.year - 1
    number = (quarter_start.month - 4) % 12 // 3 + 1
    label = f"Q{number} {first_year}/{(first_year + 1) % 100:02d}"
    measure = Measure.objects.filter(
        partnership=partnership,
        kind=MeasureKind.INDICATOR,
        name__iexact=name.strip(),
        source_organisation=organisation,
        period_start=quarter_start,
    ).first() or Measure(
        partnership=partnership,
        kind=MeasureKind.INDICATOR,
        name=name.strip(),
        source_organisation=organisation,
        period_start=quarter_start,
    )
    measure.period_end, measure.period_label = quarter_end, label
    measure.value, measure.unit, measure.note, measure.is_example = value, unit, note, is_example
    measure.plan_year = partnership.plan_years.filter(
        start_date__lte=quarter_start, end_date__gte=quarter_start
    ).first()
    save_as(measure, user)
    return measure
