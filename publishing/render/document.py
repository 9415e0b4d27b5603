"""The plan document as plain data, built once from the database and rendered to HTML, PDF and Word."""

import base64
import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from core.images import content_type_of
from core.text import xml_safe
from partnership import selectors as partnership_selectors
from planning import owners as owner_names
from planning import selectors as planning_selectors
from planning.models import Action, OwnerLayout, PeriodCode, PlanYear, Status, Update
from planning.reporting import is_overdue
from planning.selectors import strategies as strategy_selectors
from publishing import appendices as appendix_registry
from publishing import review_projects
from publishing.appendices import Appendix
from publishing.models import ProjectPhoto
from publishing.render.appendix import clean_appendices, numbered
from publishing.selectors import (
    DocumentPriority,
    document_actions,
    document_narrative,
    document_priorities,
    document_reviews,
    previous_year,
)

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def count_words(count: int, one: str, many: str) -> str:
    """ "five priorities": counts below ten as words, larger ones as digits (house style)."""
    number = NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else f"{count:,}"
    return f"{number} {one if count == 1 else many}"


def clean(text: str | None) -> str:
    """User text without characters that cannot appear in an XML document (core.text.xml_safe)."""
    return xml_safe(text)


@dataclass
class Row:
    """One action in a table: Action | Owner/lead agency | Update | Status, or with the year's
    Lead, Supporting, Target and Due date columns (see Columns)."""

    action: str
    owners: list[str]  # the single Owner/lead agency column ("To be confirmed" first without a lead)
    update: str = ""
    update_label: str = ""  # names the period when the update is not the expected one
    status: str = ""
    is_example: bool = False
    lead: str = ""  # "To be confirmed" without a lead
    supporting: list[str] = field(default_factory=list)
    target: str = ""
    due_date: str = ""  # "31 March 2021"
    overdue: bool = False  # past its due date and not completed
    has_owner: bool = True  # some organisation leads or supports it


# Word column widths (cm); the seed's four columns keep 5.8, 3.2, 6.8, 2.2.
COLUMN_WIDTHS = {
    "Action": 5.8,
    "Owner/lead agency": 3.2,
    "Lead": 2.6,
    "Supporting": 2.6,
    "Target": 3.0,
    "Due date": 2.2,
    "Update": 6.8,
    "Status": 2.2,
}
TABLE_WIDTH = 18.0


@dataclass(frozen=True)
class Columns:
    """A year's action-table columns: the seed's single owner column or Lead and Supporting;
    Target and Due date only when some action of the year has one."""

    lead_supporting: bool = False
    target: bool = False
    due_date: bool = False

    @property
    def headers(self) -> list[str]:
        owners = ["Lead", "Supporting"] if self.lead_supporting else ["Owner/lead agency"]
        extra = (["Target"] if self.target else []) + (["Due date"] if self.due_date else [])
        return ["Action", *owners, *extra, "Update", "Status"]

    @property
    def classes(self) -> list[str]:
        """Each column's class in the PDF's print styles ("col-due-date")."""
        return ["col-" + header.split("/")[0].lower().replace(" ", "-") for header in self.headers]

    @property
    def is_wide(self) -> bool:
        """More than the seed's four columns (the PDF then sizes columns to their content)."""
        return len(self.headers) > 4

    @property
    def word_widths(self) -> list[float]:
        widths = [COLUMN_WIDTHS[h] for h in self.headers]
        scale = TABLE_WIDTH / sum(widths)
        return [round(w * scale, 2) for w in widths]


@dataclass
class ActionGroup:
    """The actions of a priority under one approach, or (heading "") those under no approach."""

    heading: str
    anchor: str
    description: str = ""
    outcomes: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    title: str = ""  # names the table: "Priority – Approach"


@dataclass
class PrioritySection:
    heading: str
    anchor: str
    title: str = ""
    sub_themes: list[str] = field(default_factory=list)
    description: str = ""
    rows: list[Row] = field(default_factory=list)  # every action, in plan order
    groups: list[ActionGroup] = field(default_factory=list)  # the rows under their approaches
    outcomes: list[str] = field(default_factory=list)  # the priority's own ("We want to: …")
    themes: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    columns: Columns = field(default_factory=Columns)

    @property
    def tags(self) -> list[str]:
        """ "Cross-cutting themes: A; B." and "Places: X." (only those it has)."""
        found = [("Cross-cutting themes", self.themes), ("Places", self.places)]
        return [f"{label}: {'; '.join(names)}." for label, names in found if names]


@dataclass
class KeyFigure:
    """A measure as printed: the figure as quoted and, when it has them, baseline, target, latest
    value and the RAG judgement in words (never colour alone)."""

    name: str
    value: str
    period: str
    comparison: str
    change: str
    source: str
    note: str
    is_example: bool
    baseline: str = ""
    target: str = ""
    latest: str = ""
    progress: str = ""  # "Green: On target", "No data" …
    has_target: bool = False


@dataclass
class Photo:
    data: bytes
    content_type: str
    alt: str
    caption: str

    @property
    def data_uri(self) -> str:
        return f"data:{self.content_type};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass
class Quote:
    text: str
    attribution: str


@dataclass
class ReviewProject:
    """A project serving the section's priority (from the projects app, publishing.review_projects)."""

    title: str
    summary: str
    outputs: list[str]
    photos: list[Photo]
    quotes: list[Quote]
    funding: str = ""


@dataclass
class ProjectSection:
    heading: str
    anchor: str
    narrative: str
    photos: list[Photo]
    quotes: list[Quote]
    projects: list[ReviewProject] = field(default_factory=list)


@dataclass
class Member:
    name: str
    phone: str
    email: str
    website: str


@dataclass
class PlanDocument:
    partnership_name: str
    partnership_slug: str
    year_label: str  # 2020/21
    long_label: str  # 2020 – 2021
    previous_label: str  # 2019/20, or "" when there is no previous year
    introduction: str
    review_narrative: str
    key_figures: list[KeyFigure]
    review_sections: list[PrioritySection]
    projects_introduction: str
    projects: list[ProjectSection]
    priority_issues_before: str
    priority_list: list[PrioritySection]  # the "Priority Issues" list, in the coordinator's order
    priorities: list[PrioritySection]  # the action tables
    priority_issues_after: str
    members: list[Member]
    glossary: list[tuple[str, str]]
    contact_block: str
    contact_lines: list[tuple[str, str]]
    measures: list[KeyFigure] = field(default_factory=list)  # the year's measures with targets
    draft: bool = False
    version: int | None = None
    published_at: datetime.datetime | None = None
    author: str = ""
    strategy_title: str = ""  # the strategy the year belongs to ("" when none)
    strategy_label: str = ""  # its span, 2021–2023
    appendices: list[Appendix] = field(default_factory=list)  # printed last (publishing.appendices)

    @property
    def appendix_sections(self) -> list[tuple[str, str, Appendix]]:
        return numbered(self.appendices)

    @property
    def strategy_name(self) -> str:
        """ "Community Safety Strategy 2021–2023" ("" when the year belongs to no strategy)."""
        if not self.strategy_title:
            return ""
        if self.strategy_label in self.strategy_title:
            return self.strategy_title
        return f"{self.strategy_title} {self.strategy_label}"

    @property
    def plan_name(self) -> str:
        """ "Partnership Plan 2020 – 2021", or "Delivery plan 2022/23 of the Community Safety Strategy 2021–2023"."""
        if self.strategy_name:
            return f"Delivery plan {self.year_label} of the {self.strategy_name}"
        return f"Partnership Plan {self.long_label}"

    @property
    def title(self) -> str:
        return f"{self.partnership_name} – {self.plan_name}"

    @property
    def running_header(self) -> str:
        """The PDF's page header (no user text in it)."""
        return (
            f"Delivery plan {self.year_label}"
            if self.strategy_name
            else f"Partnership Plan {self.long_label}"
        )

    @property
    def has_example_data(self) -> bool:
        rows = [r for s in self.review_sections + self.priorities for r in s.rows]
        return (
            any(r.is_example for r in rows)
            or any(f.is_example for f in self.key_figures + self.measures)
            or any(a.is_example for a in self.appendices)
        )

    @property
    def key_figures_have_targets(self) -> bool:
        """Baseline, target and progress columns only when a review figure has them (the seed's none)."""
        return any(f.has_target for f in self.key_figures)

    @property
    def review_priorities_sentence(self) -> str:
        """ "During 2019/20 the Partnership had five priorities:" ("" without review sections)."""
        if not self.review_sections:
            return ""
        count = count_words(len(self.review_sections), "priority", "priorities")
        return f"During {self.previous_label} the Partnership had {count}:"

    @property
    def has_review(self) -> bool:
        return bool(self.previous_label or self.review_narrative or self.key_figures)

    @property
    def has_projects(self) -> bool:
        return bool(self.projects_introduction or self.projects)

    @property
    def review_heading(self) -> str:
        return f"Review of actions {self.previous_label}".strip()

    @property
    def projects_heading(self) -> str:
        return f"Review of projects and initiatives {self.previous_label}".strip()

    @property
    def toc(self) -> list[tuple[str, str]]:
        """(anchor, heading) of every section, in document order."""
        entries = [("introduction", "Introduction")]
        if self.has_review:
            entries.append(("review", self.review_heading))
        if self.has_projects:
            entries.append(("projects", "Review of projects and initiatives"))
        entries += [
            ("priority-issues", f"Priority Issues for {self.long_label}"),
            ("action-plans", f"Action Plans {self.long_label}"),
            ("membership", "Membership of the Community Safety Partnership and contact details"),
        ]
        if self.glossary:
            entries.append(("glossary", "Glossary"))
        entries.append(("contact", "Contact details"))
        return entries + [(anchor, heading) for anchor, heading, _ in self.appendix_sections]


def priority_heading(title: str, sub_themes: list[str]) -> str:
    """ "Vulnerable people – to include mental health, … and doorstep crime", unless the title
    already names its sub-themes."""
    if not sub_themes or all(s.lower() in title.lower() for s in sub_themes):
        return title
    listed = sub_themes[0] if len(sub_themes) == 1 else ", ".join(sub_themes[:-1]) + " and " + sub_themes[-1]
    return f"{title} – to include {listed}"


def format_date(day: datetime.date | None) -> str:
    """ "31 March 2021" ("" without a date)."""
    return f"{day.day} {day:%B %Y}" if day else ""


def _row(
    action: Action,
    updates: list[Update],
    *,
    year_end: bool,
    label_period: bool = False,
    today: datetime.date,
) -> Row:
    chosen: Update | None = None
    label = ""
    if year_end:
        chosen = next((u for u in updates if u.period.code == PeriodCode.YEAR_END), None)
    if chosen is None and updates:
        chosen = max(updates, key=lambda u: u.period.order)
        if year_end or label_period:
            label = f"{chosen.period.get_code_display()} update"
    status: Status | None
    if year_end:
        status = chosen.status if chosen is not None else None
    else:
        status = planning_selectors.current_status(action)
    owners = planning_selectors.action_owners(action)
    return Row(
        action=clean(action.text),
        owners=[clean(name) for name in owner_names.single_column(owners)],
        update=clean(chosen.narrative) if chosen else "",
        update_label=label,
        status=clean(status.name) if status is not None else "",
        is_example=bool(chosen and chosen.is_example),
        lead=clean(owner_names.lead_name(owners)),
        supporting=[clean(name) for name in owner_names.supporting_names(owners)],
        target=clean(action.target),
        due_date=format_date(action.due_date),
        overdue=is_overdue(action.due_date, status, today),
        has_owner=bool(owners),
    )


def _columns(plan_year: PlanYear, actions: list[tuple[Action, list[Update]]]) -> Columns:
    return Columns(
        lead_supporting=plan_year.owner_layout == OwnerLayout.LEAD_SUPPORTING,
        target=any(a.target.strip() for a, _ in actions),
        due_date=any(a.due_date for a, _ in actions),
    )


def _groups(
    found: DocumentPriority, rows: list[tuple[Action, Row]], anchor: str, title: str
) -> list[ActionGroup]:
    """The priority's rows under their approaches: those under none first, without a heading (the
    only group of a priority without approaches, so such a priority prints as it always has)."""
    approach_ids = {a.pk for a in found.approaches}
    loose = ActionGroup(
        heading="",
        anchor=anchor,
        rows=[row for action, row in rows if action.approach_id not in approach_ids],
        title=title,
    )
    groups = [loose] if loose.rows or not found.approaches else []
    for index, approach in enumerate(found.approaches, start=1):
        groups.append(
            ActionGroup(
                heading=clean(approach.title),
                anchor=f"{anchor}-approach-{index}",
                description=clean(approach.description),
                outcomes=[clean(o.text) for o in found.outcomes if o.approach_id == approach.pk],
                rows=[row for action, row in rows if action.approach_id == approach.pk],
                title=f"{title} – {clean(approach.title)}",
            )
        )
    return groups


def _priority_sections(
    plan_year: PlanYear, prefix: str, *, year_end: bool, label_period: bool = False
) -> list[PrioritySection]:
    actions = document_actions(plan_year)
    columns = _columns(plan_year, actions)
    today = timezone.localdate()
    sections = []
    for index, found in enumerate(document_priorities(plan_year), start=1):
        priority = found.priority
        sub_themes = [clean(name) for name in found.sub_themes]
        rows = [
            (a, _row(a, updates, year_end=year_end, label_period=label_period, today=today))
            for a, updates in actions
            if a.priority_id == priority.pk
        ]
        approach_ids = {a.pk for a in found.approaches}
        sections.append(
            PrioritySection(
                heading=clean(priority_heading(priority.title, sub_themes)),
                anchor=f"{prefix}-{index}",
                title=clean(priority.title),
                sub_themes=sub_themes,
                description=clean(priority.description),
                rows=[row for _, row in rows],
                groups=_groups(found, rows, f"{prefix}-{index}", clean(priority.title)),
                outcomes=[clean(o.text) for o in found.outcomes if o.approach_id not in approach_ids],
                themes=[clean(name) for name in found.themes],
                places=[clean(name) for name in found.places],
                columns=columns,
            )
        )
    return sections


def _priority_list(plan_year: PlanYear) -> list[PrioritySection]:
    """The priorities as the coordinator ordered them (Priority.order), whatever order the tables take."""
    listed = sorted(
        document_priorities(plan_year), key=lambda found: (found.priority.order, found.priority.pk)
    )
    return [
        PrioritySection(
            heading=clean(priority_heading(found.priority.title, [clean(n) for n in found.sub_themes])),
            anchor=f"priority-issue-{index}",
            title=clean(found.priority.title),
            sub_themes=[clean(n) for n in found.sub_themes],
            description=clean(found.priority.description),
        )
        for index, found in enumerate(listed, start=1)
    ]


def _key_figures(plan_year: PlanYear, *, targets_only: bool = False) -> list[KeyFigure]:
    """The year's key figures (quoted for it, or linked to its priorities, approaches, outcomes or
    actions), values from the Strategic Assessment computed now; with targets only when asked."""
    figures = []
    for view in planning_selectors.document_measures(planning_selectors.year_measures(plan_year)):
        m = view.measure
        if targets_only and not view.has_target:
            continue
        source = view.source_text or (m.source_organisation.name if m.source_organisation else "")
        figures.append(
            KeyFigure(
                name=clean(m.name),
                value=clean(m.display_value),
                period=clean(m.period_label),
                comparison=clean(m.display_comparison),
                change=clean(m.stated_change),
                source=clean(source),
                note=clean(m.note),
                is_example=m.is_example,
                baseline=clean(view.baseline_text),
                target=clean(view.target_text),
                latest=clean(
                    f"{view.latest_text} ({view.latest_period})" if view.latest_period else view.latest_text
                ),
                progress=view.rag.words,
                has_target=view.has_target,
            )
        )
    return figures


def _photo(photo: ProjectPhoto | Any) -> Photo | None:
    try:
        with photo.image.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return None
    content_type = content_type_of(data)  # from the bytes, never the file name
    return Photo(
        data=data, content_type=content_type, alt=clean(photo.alt_text), caption=clean(photo.caption)
    )


def _projects(plan_year: PlanYear) -> list[ProjectSection]:
    sections = []
    for index, content in enumerate(document_reviews(plan_year), start=1):
        review = content.review
        if review.title:
            heading = review.title
        elif review.priority is not None:
            heading = priority_heading(review.priority.title, content.sub_themes)
        else:
            heading = "Projects and initiatives"
        photos = [p for p in (_photo(photo) for photo in content.photos) if p is not None]
        sections.append(
            ProjectSection(
                heading=clean(heading),
                anchor=f"projects-{index}",
                narrative=clean(review.narrative),
                photos=photos,
                quotes=[Quote(clean(q.text), clean(q.attribution)) for q in content.quotes],
                projects=_review_projects(review.priority) if review.priority is not None else [],
            )
        )
    return sections


def _review_projects(priority: Any) -> list[ReviewProject]:
    return [
        ReviewProject(
            title=clean(item.title),
            summary=clean(item.summary),
            outputs=[clean(output) for output in item.outputs],
            photos=[p for p in (_photo(photo) for photo in item.photos) if p is not None],
            quotes=[Quote(clean(text), clean(attribution)) for text, attribution in item.quotes],
            funding=clean(item.funding),
        )
        for item in review_projects.projects_for(priority)
    ]


def build_plan(plan_year: PlanYear, *, draft: bool = False) -> PlanDocument:
    """Everything the plan document shows, read from the current data of one plan year."""
    partnership = plan_year.partnership
    narrative = document_narrative(plan_year)
    previous = previous_year(plan_year)
    strategy = strategy_selectors.strategy_of(plan_year)

    def text(name: str) -> str:
        return clean(getattr(narrative, name)) if narrative is not None else ""

    contact_lines = [
        (label, clean(value))
        for label, value in (
            ("Tel", partnership.phone),
            ("Email", partnership.email),
            ("Web", partnership.website),
        )
        if value
    ]
    return PlanDocument(
        partnership_name=clean(partnership.name),
        partnership_slug=partnership.slug,
        year_label=plan_year.label,
        long_label=plan_year.long_label,
        previous_label=previous.label if previous else "",
        introduction=text("introduction"),
        review_narrative=text("review_narrative"),
        key_figures=_key_figures(previous) if previous else [],
        measures=_key_figures(plan_year, targets_only=True),
        review_sections=_priority_sections(previous, "review", year_end=True) if previous else [],
        projects_introduction=text("projects_introduction"),
        projects=_projects(plan_year),
        priority_issues_before=text("priority_issues_before"),
        priority_list=_priority_list(plan_year),
        priorities=_priority_sections(plan_year, "plan", year_end=False),
        priority_issues_after=text("priority_issues_after"),
        members=[
            Member(clean(o.name), clean(o.phone), clean(o.email), clean(o.website))
            for o in partnership_selectors.membership_list(partnership)
        ],
        glossary=[(clean(t.term), clean(t.meaning)) for t in partnership_selectors.glossary(partnership)],
        contact_block=text("contact_block"),
        contact_lines=contact_lines,
        draft=draft,
        author=clean(partnership.name),
        strategy_title=clean(strategy.title) if strategy else "",
        strategy_label=strategy.label if strategy else "",
        appendices=clean_appendices(appendix_registry.for_plan_year(plan_year)),
    )


def priority_sections(plan_year: PlanYear) -> list[PrioritySection]:
    """The plan year's priorities with every action, its latest update and current status."""
    return _priority_sections(plan_year, "priority", year_end=False, label_period=True)
