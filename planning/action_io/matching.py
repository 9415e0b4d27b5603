"""Rows with a Ref: find the action each names and work out what importing the row would change."""

import datetime
from dataclasses import dataclass, field

from partnership.models import Organisation
from planning import owners as owner_text
from planning import selectors
from planning.action_io.common import (
    ACTION,
    APPROACH,
    DUE_DATE,
    OWNER_SEPARATOR,
    OWNERS,
    PRIORITY,
    REF,
    TARGET,
    UPDATE,
    ImportProblem,
)
from planning.models import Action, PlanYear, ReportingPeriod, Status, Update

ADDED, UPDATED, UNCHANGED = "added", "updated", "unchanged"


@dataclass
class ImportRow:
    """One valid row of the file and, for a row with a Ref, the action it names and what differs."""

    row: int
    priority: str
    action: str
    owners: list[tuple[Organisation, str]]
    update: str
    status: Status | None
    has_lead: bool = True  # the first owner leads; False: the lead is "To be confirmed"
    approach: str | None = None  # None: the file has no Approach column (the action's is kept)
    target_text: str | None = None  # None: no Target column
    due_date: datetime.date | None = None
    has_due_date: bool = False  # the file has a Due date column
    owner_column: str = OWNERS  # where the owners were read (for messages)
    ref: str = ""
    target: Action | None = None  # the action a Ref row names
    text_differs: bool = False
    owners_differ: bool = False
    details_differ: list[str] = field(default_factory=list)  # "approach", "target", "due_date"
    update_differs: bool = False
    basis: tuple[int, int] = (0, 0)  # versions checked: the action's, its update's for the period (0: none)

    def outcome(self, apply_changes: bool) -> str:
        """added, updated or unchanged: what importing this row does."""
        if self.target is None:
            return ADDED
        if self.update_differs or (apply_changes and self.changes_differ):
            return UPDATED
        return UNCHANGED

    @property
    def changes_differ(self) -> bool:
        """Whether the text, owners, approach, target or due date differ (applied only on request)."""
        return self.text_differs or self.owners_differ or bool(self.details_differ)

    @property
    def has_update(self) -> bool:
        return bool(self.update) or self.status is not None


@dataclass
class RefCheck:
    """What comparing the file's Ref rows with the stored actions found."""

    problems: list[ImportProblem] = field(default_factory=list)
    changes: list[ImportProblem] = field(default_factory=list)  # titles/owners: applied only on request
    ignored: list[ImportProblem] = field(default_factory=list)  # never applied by an import


def match_refs(
    plan_year: PlanYear, rows: list[ImportRow], refs: dict[int, str], period: ReportingPeriod | None
) -> RefCheck:
    """Give each row with a Ref (row number → Ref cell) its action of the plan year and compare them."""
    check = RefCheck()
    actions = {action.pk: action for action in selectors.actions_for_year(plan_year)}
    seen: dict[int, int] = {}
    by_number = {row.row: row for row in rows}
    for number, written in refs.items():
        pk = _ref_number(written)
        if pk is None:
            check.problems.append(
                ImportProblem(
                    f"{written!r} is not a Ref: a Ref is the whole number an export gives each action. "
                    "Leave it blank to add a new action.",
                    row=number,
                    column=REF,
                )
            )
        elif pk not in actions:
            check.problems.append(
                ImportProblem(
                    f"there is no action {pk} in {plan_year.label}: a Ref must come from this year's "
                    "export. Leave it blank to add a new action (delete the Ref column to copy another "
                    "year's plan into this one).",
                    row=number,
                    column=REF,
                )
            )
        elif pk in seen:
            check.problems.append(
                ImportProblem(
                    f"action {pk} is already on row {seen[pk]}; a file can have each action once.",
                    row=number,
                    column=REF,
                )
            )
        else:
            seen[pk] = number
            if (row := by_number.get(number)) is not None:
                row.ref, row.target = written, actions[pk]
                _compare(row, actions[pk], period, check)
    return check


def _ref_number(written: str) -> int | None:
    text = written.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 12 else None


def _compare(row: ImportRow, action: Action, period: ReportingPeriod | None, check: RefCheck) -> None:
    if row.priority.strip().lower() != action.priority.title.strip().lower():
        check.ignored.append(
            ImportProblem(
                f"“{row.priority}” differs from action {action.pk}'s priority “{action.priority.title}”; "
                "an import never moves an action to another priority (change it on the action's page).",
                row=row.row,
                column=PRIORITY,
            )
        )
    if row.action.strip() != action.text.strip():
        row.text_differs = True
        check.changes.append(
            ImportProblem(
                f"differs from action {action.pk}'s text “{action.text}”.", row=row.row, column=ACTION
            )
        )
    stored = selectors.action_owners(action)
    stored_keys = (
        next((o.organisation_id for o in stored if o.is_lead), None),
        [(o.organisation_id, o.display_name) for o in stored if not o.is_lead],
    )
    if owner_keys(row.owners, row.has_lead) != stored_keys:
        row.owners_differ = True
        lead = owner_text.lead_name(stored)
        names = OWNER_SEPARATOR.join([f"lead {lead}", *owner_text.supporting_names(stored)])
        check.changes.append(
            ImportProblem(
                f"differs from action {action.pk}'s owners “{names}”.", row=row.row, column=row.owner_column
            )
        )
    _compare_details(row, action, check)
    update = selectors.update_for_period(action, period)
    row.basis = (action.version, update.version if update else 0)
    if not row.has_update:
        return
    status_id = row.status.pk if row.status is not None else None
    if update is None and (latest := _as_exported(row, action, status_id)) is not None:
        check.ignored.append(
            ImportProblem(
                f"the Update and Status are those exported from action {action.pk}'s "
                f"{latest.period.get_code_display()} update, so no new update is recorded for this "
                "period; change them to record one.",
                row=row.row,
                column=UPDATE,
            )
        )
        return
    row.update_differs = (
        update is None or update.narrative.strip() != row.update.strip() or update.status_id != status_id
    )


def _as_exported(row: ImportRow, action: Action, status_id: int | None) -> Update | None:
    """The action's latest update when the row's Update and Status are just what the export wrote
    (not filled in for the new period: copying them would report last quarter's words again)."""
    latest = selectors.latest_update(action)
    if latest is None or latest.narrative.strip() != row.update.strip():
        return None
    status = selectors.current_status(action)
    return latest if status_id == (status.pk if status else None) else None


def _compare_details(row: ImportRow, action: Action, check: RefCheck) -> None:
    """Approach, Target and Due date, when the file has those columns."""
    stored_approach = action.approach.title if action.approach else ""
    if row.approach is not None and row.approach.strip().casefold() != stored_approach.strip().casefold():
        row.details_differ.append("approach")
        check.changes.append(
            ImportProblem(
                f"differs from action {action.pk}'s approach “{stored_approach or 'none'}”.",
                row=row.row,
                column=APPROACH,
            )
        )
    if row.target_text is not None and row.target_text.strip() != action.target.strip():
        row.details_differ.append("target")
        check.changes.append(
            ImportProblem(
                f"differs from action {action.pk}'s target “{action.target or 'none'}”.",
                row=row.row,
                column=TARGET,
            )
        )
    if row.has_due_date and row.due_date != action.due_date:
        row.details_differ.append("due_date")
        stored = action.due_date.isoformat() if action.due_date else "none"
        check.changes.append(
            ImportProblem(
                f"differs from action {action.pk}'s due date “{stored}”.", row=row.row, column=DUE_DATE
            )
        )


def owner_keys(
    owners: list[tuple[Organisation, str]], has_lead: bool
) -> tuple[int | None, list[tuple[int, str]]]:
    """The owners as the action would store them: the lead's organisation (or None), then each other
    organisation once, in order, with its name as written."""
    keys: list[tuple[int, str]] = []
    for organisation, written in owners:
        if all(pk != organisation.pk for pk, _ in keys):
            keys.append((organisation.pk, written.strip()))
    if has_lead and keys:
        return keys[0][0], keys[1:]
    return None, keys


def update_total(plan_year: PlanYear) -> int:
    """How many updates the plan year's actions have (an import that replaces would delete them)."""
    return sum(len(selectors.action_updates(action)) for action in selectors.actions_for_year(plan_year))
