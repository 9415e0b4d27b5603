"""Reading projects and the money for pages, downloads, the funder's return and the dashboard.

Everything is read through the visibility querysets of `projects.access` (and planning's), so a
page shows only what the actor may see. Sums are Decimal, added up in the database per pot and
per allocation, then combined by the pure rules of `projects.rules`.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet, Sum

from core.access import Purpose
from core.actors import Actor
from partnership.access import organisations_visible_to
from partnership.models import Organisation, Partnership
from planning import access as planning_access
from planning.models import Measure, MeasureValue, PlanYear, Priority
from projects import access, rules
from projects.models import (
    Allocation,
    Evaluation,
    FundingPot,
    FundingSettings,
    MonitoringNote,
    Project,
    ProjectOutput,
    ProjectPhoto,
    ProjectQuote,
    ProjectStatus,
    ProjectStep,
    Spend,
)


def plan_years(actor: Actor, partnership: Partnership) -> list[PlanYear]:
    return list(
        planning_access.plan_years_visible_to(actor).filter(partnership=partnership).order_by("-start_date")
    )


def plan_year_by_slug(actor: Actor, partnership: Partnership, slug: str | None) -> PlanYear | None:
    """The named plan year, else the partnership's current one, else the latest (None if none)."""
    years = plan_years(actor, partnership)
    for year in years:
        if year.slug == slug:
            return year
    for year in years:
        if year.pk == partnership.current_plan_year_id:
            return year
    return years[0] if years else None


def nearly_spent_percent(partnership: Partnership) -> Decimal:
    found = FundingSettings.objects.filter(partnership=partnership).first()
    return found.nearly_spent_percent if found else Decimal("10")


def funding_settings(actor: Actor, partnership: Partnership) -> FundingSettings | None:
    return access.funding_settings_visible_to(actor).filter(partnership=partnership).first()


# --- Money per pot and per allocation. ---


def _spent_by_allocation(allocations: QuerySet[Allocation]) -> dict[int, Decimal]:
    rows = (
        Spend.objects.filter(allocation__in=allocations).values("allocation_id").annotate(total=Sum("amount"))
    )
    return {row["allocation_id"]: row["total"] or rules.ZERO for row in rows}


@dataclass
class PotRow:
    pot: FundingPot
    money: rules.PotMoney
    nearly_spent: bool


def pots(actor: Actor, plan_year: PlanYear) -> list[PotRow]:
    """The year's pots with their sums (amount, allocated, spent, committed, remaining)."""
    found = list(
        access.funding_pots_visible_to(actor)
        .filter(plan_year=plan_year)
        .select_related("plan_year__partnership")
        .prefetch_related("themes")
    )
    allocations = access.allocations_visible_to(actor).filter(pot__in=found)
    spent = _spent_by_allocation(allocations)
    by_pot: dict[int, list[tuple[Decimal, list[Decimal]]]] = defaultdict(list)
    for allocation in allocations:
        by_pot[allocation.pot_id].append((allocation.amount, [spent.get(allocation.pk, rules.ZERO)]))
    percent = nearly_spent_percent(plan_year.partnership)
    rows = []
    for pot in found:
        money = rules.pot_money(pot.amount, by_pot[pot.pk])
        rows.append(PotRow(pot, money, money.nearly_spent(percent)))
    return rows


def pot_row(actor: Actor, pot: FundingPot) -> PotRow:
    return next(row for row in pots(actor, pot.plan_year) if row.pot.pk == pot.pk)


@dataclass
class OutputRow:
    output: ProjectOutput
    measure: Measure
    actual: Decimal | None
    values: list[MeasureValue]

    @property
    def actual_text(self) -> str:
        if self.actual is None:
            return ""
        text = self.measure.display_number(self.actual)
        if not self.values and self.measure.value_qualifier:  # the headline value keeps its qualifier
            return f"{self.measure.value_qualifier} {text}"
        return text

    @property
    def target_text(self) -> str:
        return self.measure.display_number(self.measure.target_value)


@dataclass
class AllocationRow:
    allocation: Allocation
    spent: Decimal
    spend: list[Spend] = field(default_factory=list)

    @property
    def unspent(self) -> Decimal:
        return self.allocation.amount - self.spent


@dataclass
class ProjectRow:
    project: Project
    allocations: list[AllocationRow]
    outputs: list[OutputRow]

    @property
    def allocated(self) -> Decimal:
        return sum((a.allocation.amount for a in self.allocations), rules.ZERO)

    @property
    def spent(self) -> Decimal:
        return sum((a.spent for a in self.allocations), rules.ZERO)

    @property
    def overspent(self) -> bool:
        """Any override (an allocation beyond its pot, spend beyond its allocation) shows it."""
        return any(
            a.allocation.override_reason
            or a.spent > a.allocation.amount
            or any(s.override_reason for s in a.spend)
            for a in self.allocations
        )

    @property
    def is_example(self) -> bool:
        return any(a.allocation.is_example or any(s.is_example for s in a.spend) for a in self.allocations)


@dataclass(frozen=True)
class Filters:
    priority: int | None = None
    organisation: int | None = None
    status: str = ""
    pot: int | None = None


def _outputs(actor: Actor, projects: list[Project]) -> dict[int, list[OutputRow]]:
    outputs = (
        access.project_outputs_visible_to(actor)
        .filter(project__in=projects)
        .select_related("measure")
        .order_by("project", "order", "pk")
    )
    values: dict[int, list[MeasureValue]] = defaultdict(list)
    measure_ids = [o.measure_id for o in outputs]
    for value in planning_access.measure_values_visible_to(actor).filter(measure_id__in=measure_ids):
        values[value.measure_id].append(value)
    found: dict[int, list[OutputRow]] = defaultdict(list)
    for output in outputs:
        series = sorted(values[output.measure_id], key=lambda v: (v.order, v.pk))
        actual = series[-1].value if series else output.measure.value
        found[output.project_id].append(OutputRow(output, output.measure, actual, series))
    return found


def project_rows(actor: Actor, plan_year: PlanYear, filters: Filters = Filters()) -> list[ProjectRow]:
    """The year's projects with their money and outputs, filtered by priority, organisation, status
    and pot."""
    projects = (
        access.projects_visible_to(actor)
        .filter(plan_year=plan_year)
        .select_related("lead_organisation", "plan_year__partnership")
        .prefetch_related("priorities", "delivery_organisations")
    )
    if filters.priority:
        projects = projects.filter(priorities__pk=filters.priority)
    if filters.organisation:
        projects = projects.filter(
            Q(lead_organisation_id=filters.organisation) | Q(delivery_organisations__pk=filters.organisation)
        )
    if filters.status:
        projects = projects.filter(status=filters.status)
    if filters.pot:
        projects = projects.filter(allocations__pot_id=filters.pot)
    found = list(projects.distinct().order_by("order", "title", "pk"))
    allocations = (
        access.allocations_visible_to(actor)
        .filter(project__in=found)
        .select_related("pot")
        .prefetch_related(Prefetch("spend", queryset=Spend.objects.order_by("date", "pk")))
        .order_by("date", "pk")
    )
    if filters.pot:
        allocations = allocations.filter(pot_id=filters.pot)
    by_project: dict[int, list[AllocationRow]] = defaultdict(list)
    for allocation in allocations:
        spend = list(allocation.spend.all())
        by_project[allocation.project_id].append(
            AllocationRow(allocation, sum((s.amount for s in spend), rules.ZERO), spend)
        )
    outputs = _outputs(actor, found)
    return [ProjectRow(p, by_project[p.pk], outputs[p.pk]) for p in found]


def project_row(actor: Actor, project: Project) -> ProjectRow:
    return next(row for row in project_rows(actor, project.plan_year) if row.project.pk == project.pk)


# --- One project's page. ---


@dataclass
class ProjectPage:
    row: ProjectRow
    steps: list[ProjectStep]
    notes: list[MonitoringNote]
    quotes: list[ProjectQuote]
    photos: list[ProjectPhoto]
    evaluation: Evaluation | None


def project_page(actor: Actor, project: Project) -> ProjectPage:
    return ProjectPage(
        row=project_row(actor, project),
        steps=list(access.project_steps_visible_to(actor).filter(project=project).order_by("at", "pk")),
        notes=list(
            access.monitoring_notes_visible_to(actor).filter(project=project).select_related("author")
        ),
        quotes=list(access.project_quotes_visible_to(actor).filter(project=project)),
        photos=list(access.project_photos_visible_to(actor).filter(project=project)),
        evaluation=access.evaluations_visible_to(actor).filter(project=project).first(),
    )


def fundable_pots(actor: Actor, project: Project) -> QuerySet[FundingPot]:
    return access.funding_pots_visible_to(actor, for_=Purpose.MANAGE).filter(plan_year=project.plan_year)


def allocations_of(actor: Actor, project: Project) -> QuerySet[Allocation]:
    return (
        access.allocations_visible_to(actor, for_=Purpose.REPORT)
        .filter(project=project)
        .select_related("pot")
    )


# --- Choices for filters and forms. ---


def priorities_of(actor: Actor, plan_year: PlanYear) -> QuerySet[Priority]:
    return planning_access.priorities_visible_to(actor).filter(plan_year=plan_year).order_by("order", "pk")


def organisations_of(actor: Actor, partnership: Partnership) -> QuerySet[Organisation]:
    return organisations_visible_to(actor).filter(partnership=partnership).order_by("name")


# --- The dashboard. ---


@dataclass
class DashboardItems:
    needing_decision: list[Project]
    overdue_monitoring: list[Project]
    nearly_spent: list[PotRow]


def dashboard_items(actor: Actor, plan_year: PlanYear, today: datetime.date) -> DashboardItems:
    projects = access.projects_visible_to(actor).filter(plan_year=plan_year)
    return DashboardItems(
        needing_decision=list(
            projects.filter(status__in=[ProjectStatus.PROPOSED, ProjectStatus.COMPLETED]).order_by(
                "order", "pk"
            )
        ),
        overdue_monitoring=list(
            projects.filter(
                next_monitoring_date__lt=today,
                status__in=[ProjectStatus.APPROVED, ProjectStatus.RUNNING],
            ).order_by("next_monitoring_date", "pk")
        ),
        nearly_spent=[row for row in pots(actor, plan_year) if row.nearly_spent],
    )


def approved_outcomes(actor: Actor, project: Project) -> str:
    """The outcomes of the project's evaluation once the coordinator has approved it, else ""."""
    evaluation = access.evaluations_visible_to(actor).filter(project=project, is_approved=True).first()
    return evaluation.outcomes if evaluation else ""


def review_projects(priority: Priority) -> list[Any]:
    """For the plan document (publishing.review_projects): the projects serving `priority` that the
    coordinator chose for the review, in the coordinator's order, with outputs, approved quotes and
    approved photographs. Documents read a plan year's data without an actor, as publishing does."""
    from publishing.review_projects import ReviewProjectContent

    found = list(
        Project.objects.filter(priorities=priority, in_plan_review=True)
        .exclude(status__in=[ProjectStatus.PROPOSED, ProjectStatus.DECLINED])
        .order_by("review_order", "order", "pk")
    )
    outputs = defaultdict(list)
    for output in (
        ProjectOutput.objects.filter(project__in=found).select_related("measure").order_by("order", "pk")
    ):
        outputs[output.project_id].append(output)
    values: dict[int, list[MeasureValue]] = defaultdict(list)
    for value in MeasureValue.objects.filter(measure__project_outputs__project__in=found).order_by(
        "order", "pk"
    ):
        values[value.measure_id].append(value)
    quotes = defaultdict(list)
    for quote in ProjectQuote.objects.filter(project__in=found, is_approved=True).order_by("order", "pk"):
        quotes[quote.project_id].append((quote.text, quote.attribution))
    photos = defaultdict(list)
    for photo in ProjectPhoto.objects.filter(project__in=found, is_approved=True).order_by("order", "pk"):
        photos[photo.project_id].append(photo)
    funding: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    public = Allocation.objects.filter(project__in=found, pot__amounts_published=True).select_related("pot")
    for allocation in public.order_by("pot__name", "pk"):
        funding[allocation.project_id][allocation.pot.name] += allocation.amount
    items = []
    for project in found:
        lines = []
        for output in outputs[project.pk]:
            series = values[output.measure_id]
            row = OutputRow(
                output, output.measure, series[-1].value if series else output.measure.value, series
            )
            if row.actual_text:
                lines.append(f"{output.measure.name}: {row.actual_text}")
        items.append(
            ReviewProjectContent(
                title=project.title,
                summary=project.summary,
                outputs=lines,
                quotes=quotes[project.pk],
                photos=photos[project.pk],
                funding=funding_sentence(funding[project.pk]),
            )
        )
    return items


def funding_sentence(by_pot: dict[str, Decimal]) -> str:
    """ "Funded with £1,200.00 from PCC tactical pot 2019/20 and £500.00 from …" ("" without any)."""
    parts = [f"{rules.money(amount)} from {name}" for name, amount in by_pot.items()]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Funded with {listed}."


def pot_themes(pot: Any) -> list[Any]:
    """The funder's priorities (themes) a pot must reflect, by name."""
    return sorted(pot.themes.all(), key=lambda theme: theme.name.lower())
