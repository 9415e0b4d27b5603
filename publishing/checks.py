"""What a coordinator must see before a plan goes public: the pre-publication checklist.

Each check names what it found, so the coordinator can fix it or publish knowingly. A draft plan
year is not a check but a refusal: only live and closed years are published.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from planning import selectors as planning_selectors
from planning.models import PlanYear, PlanYearState
from publishing.render.document import PlanDocument, build_plan
from publishing.selectors import document_actions

# The narrative sections a published plan prints, with the names the edit page gives them.
NARRATIVE_SECTIONS = (
    ("introduction", "Introduction"),
    ("review_narrative", "Review of the previous year"),
    ("projects_introduction", "Review of projects and initiatives: introduction"),
    ("priority_issues_before", "Priority issues: before the list of priorities"),
    ("priority_issues_after", "Priority issues: after the list of priorities"),
    ("contact_block", "Contact details"),
)


@dataclass
class Check:
    """One thing found: a sentence and the records it is about."""

    problem: str
    details: list[str] = field(default_factory=list)


@dataclass
class Checklist:
    plan_year: PlanYear
    checks: list[Check]

    @property
    def refusal(self) -> str:
        """Why the year cannot be published at all ("" when it can)."""
        if self.plan_year.state == PlanYearState.DRAFT:
            return (
                f"The {self.plan_year.label} plan year is a draft: only live or closed plan years are "
                "published. Make the year live first."
            )
        return ""

    def lines(self) -> list[str]:
        """The checklist as plain text lines (for the command)."""
        if not self.checks:
            return ["No problems found."]
        lines = []
        for check in self.checks:
            lines.append(f"- {check.problem}")
            lines += [f"    {detail}" for detail in check.details]
        return lines


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def title_key(title: str) -> str:
    """A priority title as compared for duplicates: case, punctuation and spacing ignored."""
    return re.sub(r"[\W_]+", " ", title.casefold()).strip()


def _empty_sections(doc: PlanDocument) -> Check | None:
    empty = [label for name, label in NARRATIVE_SECTIONS if not getattr(doc, name).strip()]
    if not empty:
        return None
    return Check(f"{_plural(len(empty), 'narrative section is', 'narrative sections are')} empty:", empty)


def _priorities_without_actions(doc: PlanDocument) -> Check | None:
    empty = [s.title for s in doc.priorities if not s.rows]
    if not empty:
        return None
    return Check(f"{_plural(len(empty), 'priority has', 'priorities have')} no actions:", empty)


def _duplicate_priorities(doc: PlanDocument) -> Check | None:
    groups: dict[str, list[str]] = defaultdict(list)
    for section in doc.priorities:
        groups[title_key(section.title)].append(section.title)
    repeated = [" / ".join(titles) for titles in groups.values() if len(titles) > 1]
    if not repeated:
        return None
    return Check("Priorities with the same title (ignoring case and punctuation):", repeated)


def _actions_without_owners(doc: PlanDocument) -> Check | None:
    found = [f"{s.title}: {row.action}" for s in doc.priorities for row in s.rows if not row.has_owner]
    if not found:
        return None
    return Check(f"{_plural(len(found), 'action has', 'actions have')} no owner:", found)


def _missing_updates(plan_year: PlanYear) -> Check | None:
    """Updates missing for the periods before the first open one (every period of a closed year)."""
    periods = list(planning_selectors.periods(plan_year))
    if plan_year.state != PlanYearState.CLOSED:
        first_open = next(iter(planning_selectors.open_periods(plan_year)), None)
        periods = [p for p in periods if first_open is not None and p.order < first_open.order]
    if not periods:
        return None
    found = []
    for action, updates in document_actions(plan_year):
        reported = {u.period_id for u in updates}
        missing = [p.get_code_display() for p in periods if p.pk not in reported]
        if missing:
            found.append(f"{action.text[:120]}: no update for {', '.join(missing)}")
    if not found:
        return None
    return Check(f"{_plural(len(found), 'action is', 'actions are')} missing updates:", found)


def _example_data(doc: PlanDocument) -> Check | None:
    rows = [r for s in doc.review_sections + doc.priorities for r in s.rows if r.is_example]
    figures = [f for f in doc.key_figures if f.is_example]
    appendices = [a for a in doc.appendices if a.is_example]
    if not rows and not figures and not appendices:
        return None
    details = [f"Update: {r.action[:120]}" for r in rows] + [f"Key figure: {f.name}" for f in figures]
    details += [f"Appendix: {a.title}" for a in appendices]
    count = len(details)
    return Check(
        f"{_plural(count, 'record', 'records')} shown in the plan {'is' if count == 1 else 'are'} "
        "marked as example data:",
        details,
    )


def publish_checklist(plan_year: PlanYear, doc: PlanDocument | None = None) -> Checklist:
    """Everything a coordinator should know before the plan year's document goes public."""
    doc = doc or build_plan(plan_year)
    found = [
        _empty_sections(doc),
        _priorities_without_actions(doc),
        _duplicate_priorities(doc),
        _actions_without_owners(doc),
        _missing_updates(plan_year),
        _example_data(doc),
    ]
    return Checklist(plan_year=plan_year, checks=[check for check in found if check is not None])
