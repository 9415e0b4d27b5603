"""The progress report for Strategy Group meetings: every action with its latest update and status."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from planning import selectors as planning_selectors
from planning.models import PlanYear
from publishing.render.document import PrioritySection, clean, priority_heading, priority_sections
from publishing.selectors import sub_theme_names


@dataclass
class CountRow:
    heading: str
    counts: list[int]
    total: int


@dataclass
class ProgressReport:
    partnership_name: str
    partnership_slug: str
    year_slug: str
    year_label: str
    generated_at: datetime.datetime
    columns: list[str]
    count_rows: list[CountRow]
    totals: list[int]
    sections: list[PrioritySection]

    @property
    def title(self) -> str:
        return f"{self.partnership_name} – Progress report {self.year_label}"

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def has_example_data(self) -> bool:
        return any(row.is_example for section in self.sections for row in section.rows)


NO_STATUS = planning_selectors.NO_STATUS


def build_progress(plan_year: PlanYear) -> ProgressReport:
    columns, rows, totals = planning_selectors.status_counts(plan_year)
    count_rows = [
        CountRow(
            heading=clean(priority_heading(row.priority.title, sub_theme_names(row.priority))),
            counts=list(row.counts.values()),
            total=row.total,
        )
        for row in rows
    ]
    return ProgressReport(
        partnership_name=clean(plan_year.partnership.name),
        partnership_slug=plan_year.partnership.slug,
        year_slug=plan_year.slug,
        year_label=plan_year.label,
        generated_at=timezone.localtime(),
        columns=[clean(c) for c in columns],
        count_rows=count_rows,
        totals=list(totals.values()),
        sections=priority_sections(plan_year),
    )
