"""The progress report for Strategy Group meetings: every action (or those of one cross-cutting
theme) with its target, due date, latest update and status, overdue actions flagged in words."""

import datetime
from collections import OrderedDict
from dataclasses import dataclass, field

from django.utils import timezone

from planning import owners as owner_text
from planning import selectors as planning_selectors
from planning.models import Action, PlanYear, Theme
from planning.reporting import is_overdue
from publishing.render.document import clean, priority_heading
from publishing.selectors import document_priorities


@dataclass
class CountRow:
    heading: str
    counts: list[int]
    total: int


@dataclass
class ProgressRow:
    """One action: Action | Owner/lead agency | Target and due date | Latest update | Status."""

    action: str
    owners: list[str]
    target: str = ""
    due_date: datetime.date | None = None
    overdue: bool = False
    update: str = ""
    update_label: str = ""  # names the period of the latest update
    status: str = ""
    is_example: bool = False

    @property
    def due_text(self) -> str:
        return f"{self.due_date.day} {self.due_date:%B %Y}" if self.due_date else ""


@dataclass
class ProgressSection:
    heading: str
    anchor: str
    rows: list[ProgressRow] = field(default_factory=list)


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
    sections: list[ProgressSection]
    theme: str = ""  # the cross-cutting theme the report is limited to, if any

    @property
    def title(self) -> str:
        return f"{self.partnership_name} – Progress report {self.year_label}{self.theme_suffix}"

    @property
    def theme_suffix(self) -> str:
        return f" – {self.theme}" if self.theme else ""

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def overdue_count(self) -> int:
        return sum(1 for section in self.sections for row in section.rows if row.overdue)

    @property
    def has_example_data(self) -> bool:
        return any(row.is_example for section in self.sections for row in section.rows)


NO_STATUS = planning_selectors.NO_STATUS


def _row(action: Action, today: datetime.date) -> ProgressRow:
    latest = planning_selectors.latest_update(action)
    status = planning_selectors.current_status(action)
    return ProgressRow(
        action=clean(action.text),
        owners=[clean(name) for name in owner_text.single_column(planning_selectors.action_owners(action))],
        target=clean(action.target),
        due_date=action.due_date,
        overdue=is_overdue(action.due_date, status, today),
        update=clean(latest.narrative) if latest else "",
        update_label=f"{latest.period.get_code_display()} update" if latest else "",
        status=clean(status.name) if status else "",
        is_example=bool(latest and latest.is_example),
    )


def build_progress(plan_year: PlanYear, theme: Theme | None = None) -> ProgressReport:
    """The report of the plan year (the caller opened it, and `theme`, through their doors); with
    `theme`, only the actions tagged with it, counted again by status."""
    today = timezone.localdate()
    actions = planning_selectors.actions_for_year(plan_year)
    if theme is not None:
        actions = planning_selectors.filter_actions(actions, theme_id=theme.pk)
    by_priority: dict[int, list[Action]] = {}
    for action in actions:
        by_priority.setdefault(action.priority_id, []).append(action)
    # The columns of the dashboard's counts (planning_selectors.status_counts): the vocabulary, then none.
    columns = [s.name for s in planning_selectors.statuses(plan_year.partnership)] + [NO_STATUS]
    sections, count_rows = [], []
    totals: OrderedDict[str, int] = OrderedDict((c, 0) for c in columns)
    for index, shown in enumerate(document_priorities(plan_year), start=1):
        priority = shown.priority
        heading = clean(priority_heading(priority.title, [clean(n) for n in shown.sub_themes]))
        rows = [_row(action, today) for action in by_priority.get(priority.pk, [])]
        sections.append(ProgressSection(heading=heading, anchor=f"priority-{index}", rows=rows))
        counts: OrderedDict[str, int] = OrderedDict((c, 0) for c in columns)
        for action in by_priority.get(priority.pk, []):
            status = planning_selectors.current_status(action)
            counts[status.name if status and status.name in counts else NO_STATUS] += 1
        for name, count in counts.items():
            totals[name] += count
        count_rows.append(CountRow(heading=heading, counts=list(counts.values()), total=sum(counts.values())))
    return ProgressReport(
        partnership_name=clean(plan_year.partnership.name),
        partnership_slug=plan_year.partnership.slug,
        year_slug=plan_year.slug,
        year_label=plan_year.label,
        generated_at=timezone.localtime(),
        columns=[clean(c) for c in columns],
        count_rows=count_rows,
        totals=list(totals.values()),
        sections=sections,
        theme=clean(theme.name) if theme else "",
    )
