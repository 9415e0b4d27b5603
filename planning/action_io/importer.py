"""Validate an action plan file against a plan year, then save it all or nothing."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from core.actors import Actor
from core.errors import AccessDenied, ConflictError
from partnership.models import Organisation
from partnership.selectors import organisation_by_name, organisation_known_names
from planning import access, selectors, services
from planning.action_io.common import (
    ACTION,
    APPROACH,
    COLUMNS,
    DUE_DATE,
    LEAD,
    LEAD_COLUMNS,
    OPTIONAL_COLUMNS,
    OWNER_SEPARATOR,
    OWNERS,
    PRIORITY,
    REF,
    STATUS,
    SUPPORTING,
    TARGET,
    UPDATE,
    FileProblemsError,
    ImportProblem,
    unguard,
)
from planning.action_io.matching import ADDED, UNCHANGED, UPDATED, ImportRow, match_refs, update_total
from planning.action_io.reader import read_table
from planning.models import Action, Approach, PeriodCode, PlanYear, Priority, ReportingPeriod, Status
from planning.owners import means_none

TITLE_MAX = Priority._meta.get_field("title").max_length or 300


class ActionImportError(FileProblemsError):
    """The action plan file has problems; `problems` lists every one of them."""


@dataclass
class ValidatedImport:
    """A checked file: its rows, every problem, and what importing it would change."""

    rows: list[ImportRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    period: ReportingPeriod | None = None
    encoding: str = ""
    has_ref: bool = False  # the file has a Ref column (an export since Refs); older files add every row
    replace: bool = False
    apply_changes: bool = False
    changes: list[ImportProblem] = field(default_factory=list)  # text, owners, approach, target, due date
    ignored: list[ImportProblem] = field(default_factory=list)  # differences an import never applies

    @property
    def new_priorities(self) -> list[str]:
        titles: dict[str, str] = {}
        for row in self.rows:
            if row.target is None:
                titles.setdefault(row.priority.lower(), row.priority)
        return list(titles.values())

    def new_approaches(self, plan_year: PlanYear) -> list[str]:
        """ "Approach (Priority)" for each approach title the rows name that its priority lacks:
        created with the added actions, and for Ref rows only when changes are applied."""
        known = {
            (a.priority.title.strip().casefold(), a.title.strip().casefold())
            for a in selectors.approaches_for_year(plan_year)
        }
        found: dict[tuple[str, str], str] = {}
        for row in self.rows:
            if not row.approach:
                continue
            priority = row.target.priority.title if row.target is not None else row.priority
            key = (priority.strip().casefold(), row.approach.casefold())
            if key not in known and (row.target is None or "approach" in row.details_differ):
                found.setdefault(key, f"{row.approach} ({priority})")
        return list(found.values())

    def count(self, outcome: str, apply_changes: bool | None = None) -> int:
        apply = self.apply_changes if apply_changes is None else apply_changes
        return sum(1 for row in self.rows if row.outcome(apply) == outcome)

    def basis(self) -> dict[str, list[int]]:
        """Row number → the versions of its action and period update the check saw (JSON-ready)."""
        return {str(row.row): list(row.basis) for row in self.rows if row.target is not None}

    def summary(self, apply_changes: bool | None = None) -> str:
        """ "N updated, M added, K unchanged": the line the preview and the command both show."""
        return (
            f"{self.count(UPDATED, apply_changes)} updated, {self.count(ADDED, apply_changes)} added, "
            f"{self.count(UNCHANGED, apply_changes)} unchanged"
        )


@dataclass
class ImportResult:
    actions: int = 0  # actions added
    updates: int = 0  # updates recorded (added rows and Ref rows)
    priorities_created: int = 0
    approaches_created: int = 0
    removed: int = 0
    updated: int = 0
    unchanged: int = 0
    checked: ValidatedImport | None = None  # the checked file: its differences, whether it had Refs

    @property
    def summary(self) -> str:
        return f"{self.updated} updated, {self.actions} added, {self.unchanged} unchanged"


def action_plan_validate(
    plan_year: PlanYear,
    data: bytes,
    period_code: str | None = None,
    *,
    replace: bool = False,
    apply_changes: bool = False,
) -> ValidatedImport:
    """Check every row of the file; collect every problem rather than stopping at the first.

    Rows with a Ref are matched to the plan year's actions and compared with them (unless `replace`,
    which adds every row); `apply_changes` makes changed text, owners, approach, target and due date count as updates.
    """
    table = read_table(data)
    result = ValidatedImport(
        problems=list(table.problems), encoding=table.encoding, replace=replace, apply_changes=apply_changes
    )
    if not table.rows:
        if not result.problems:
            result.problems.append(
                ImportProblem("The file is empty: it needs a header row and one row per action.")
            )
        return result
    header_number, header = table.rows[0]
    positions = _header_positions(header, header_number, result.problems)
    result.period = _period(plan_year, period_code, result.problems)
    if replace and (count := update_total(plan_year)):
        result.problems.append(_replace_refused(plan_year, count))
    if positions is None:
        return result
    result.has_ref = REF in positions
    refs = _read_rows(plan_year, table.rows[1:], positions, len(header), result)
    if result.has_ref and not replace:
        check = match_refs(plan_year, result.rows, refs, result.period)
        result.problems.extend(check.problems)
        result.changes, result.ignored = check.changes, check.ignored
    if not period_code and (needs := _needs_period(result.rows)):
        result.problems.append(needs)
    if not result.rows and not result.problems:
        result.problems.append(ImportProblem("The file has a header row but no actions."))
    return result


def _read_rows(
    plan_year: PlanYear,
    rows: list[tuple[int, list[str]]],
    positions: dict[str, int],
    width: int,
    result: ValidatedImport,
) -> dict[int, str]:
    """Check each row's cells into result.rows; returns the non-blank Ref cells by row number."""
    partnership = plan_year.partnership
    names = organisation_by_name(partnership)
    statuses = {s.name.strip().lower(): s for s in selectors.statuses(partnership, active_only=True)}
    refs: dict[int, str] = {}
    for number, cells in rows:
        if not any(cells):
            continue
        extra = [i for i, value in enumerate(cells[width:], start=width + 1) if value]
        if extra:
            result.problems.append(
                ImportProblem(f"has a value in column {extra[0]}, which has no heading.", row=number)
            )
        values = {name: unguard(cells[i]) if i < len(cells) else "" for name, i in positions.items()}
        if values.get(REF, "").strip():
            refs[number] = values[REF].strip()
        row = _row(number, values, names, statuses, result.problems)
        if row is not None:
            result.rows.append(row)
    return refs


def _replace_refused(plan_year: PlanYear, count: int) -> ImportProblem:
    return ImportProblem(
        f"{plan_year.label}'s actions have {count} update{'s' if count != 1 else ''}: replacing the actions "
        "would delete them, and an import never deletes updates or history. Import without replacing "
        "instead: rows with a Ref update their action, rows without one add an action."
    )


def _header_positions(header: list[str], number: int, problems: list[ImportProblem]) -> dict[str, int] | None:
    """Where each column is. The owners are either one Owner/lead agency column (the single layout)
    or Lead and Supporting; Ref, Approach, Target and Due date are optional."""
    known = (*OPTIONAL_COLUMNS, PRIORITY, ACTION, OWNERS, LEAD, SUPPORTING, UPDATE, STATUS)
    wanted = {" ".join(c.split()).lower(): c for c in known}
    positions: dict[str, int] = {}
    bad = False
    expected = (
        ", ".join(COLUMNS)
        + f" (or {LEAD} and {SUPPORTING} in place of {OWNERS}; "
        + ", ".join(OPTIONAL_COLUMNS)
        + " optional)."
    )
    for index, heading in enumerate(header):
        key = " ".join(heading.split()).lower()
        if not key:
            continue
        if key not in wanted:
            problems.append(
                ImportProblem(
                    f"heading {heading!r} (column {index + 1}) is not one of the expected columns: {expected}",
                    row=number,
                )
            )
            bad = True
        elif wanted[key] in positions:
            problems.append(ImportProblem(f"heading {heading!r} appears twice.", row=number))
            bad = True
        else:
            positions[wanted[key]] = index
    lead_layout = LEAD in positions or SUPPORTING in positions
    if lead_layout and OWNERS in positions:
        problems.append(
            ImportProblem(
                f"the header row has both {OWNERS} and {LEAD}/{SUPPORTING} columns: use one layout, "
                f"either {OWNERS} or {LEAD} and {SUPPORTING}.",
                row=number,
            )
        )
        return None
    required = LEAD_COLUMNS if lead_layout else COLUMNS
    missing = [c for c in required if c not in positions]
    if missing:
        problems.append(
            ImportProblem(
                "the header row has no "
                + ", ".join(repr(c) for c in missing)
                + " column"
                + ("s" if len(missing) > 1 else "")
                + ". The first row must be the headings: "
                + ", ".join(required)
                + ".",
                row=number,
            )
        )
        bad = True
    return None if bad else positions


def _period(plan_year: PlanYear, code: str | None, problems: list[ImportProblem]) -> ReportingPeriod | None:
    if not code:
        return None
    if code not in PeriodCode.values:
        problems.append(
            ImportProblem(f"{code!r} is not a reporting period: use one of {', '.join(PeriodCode.values)}.")
        )
        return None
    period = selectors.period_by_code(plan_year, code)
    if period is None:
        problems.append(ImportProblem(f"{plan_year.label} has no {code} reporting period."))
    return period


def _row(
    number: int,
    values: dict[str, str],
    names: dict[str, Organisation],
    statuses: dict[str, Status],
    problems: list[ImportProblem],
) -> ImportRow | None:
    before = len(problems)

    def problem(column: str, message: str) -> None:
        problems.append(ImportProblem(message, row=number, column=column))

    priority, text = values[PRIORITY], values[ACTION]
    if not priority:
        problem(PRIORITY, "is blank: every action needs a priority.")
    elif len(priority) > TITLE_MAX:
        problem(
            PRIORITY, f"is {len(priority)} characters long; a priority title can have at most {TITLE_MAX}."
        )
    if not text:
        problem(ACTION, "is blank: write the action's text.")
    if LEAD in values:
        owners, has_lead = _lead_supporting(values, names, problem)
        owner_column = LEAD
    else:
        owners, has_lead = _single_column(values[OWNERS], names, problem)
        owner_column = OWNERS
    approach = values.get(APPROACH)
    if approach is not None and len(approach) > TITLE_MAX:
        problem(
            APPROACH, f"is {len(approach)} characters long; an approach title can have at most {TITLE_MAX}."
        )
    due_date = _due_date(values.get(DUE_DATE, ""), problem)
    status = None
    if values[STATUS]:
        status = statuses.get(values[STATUS].strip().lower())
        if status is None:
            known = ", ".join(s.name for s in statuses.values())
            problem(STATUS, f"{values[STATUS]!r} is not in the partnership's list of statuses: {known}.")
    if len(problems) > before:
        return None
    return ImportRow(
        number,
        priority,
        text,
        owners,
        values[UPDATE],
        status,
        has_lead=has_lead,
        approach=approach.strip() if approach is not None else None,
        target_text=values[TARGET].strip() if TARGET in values else None,
        due_date=due_date,
        has_due_date=DUE_DATE in values,
        owner_column=owner_column,
    )


Problem = Callable[[str, str], None]


def _organisations(
    column: str, cell: str, names: dict[str, Organisation], problem: Problem
) -> list[tuple[Organisation, str]]:
    """The organisations a cell names, separated by semicolons, each a known name or alias."""
    owners = []
    for written in (part.strip() for part in cell.split(OWNER_SEPARATOR.strip())):
        if not written:
            continue
        organisation = names.get(written.lower())
        if organisation is None:
            known = ", ".join(sorted(set(_aliases(names)), key=str.lower))
            problem(column, f"no organisation is known as {written!r}. Known names: {known}.")
        else:
            owners.append((organisation, written))
    return owners


def _single_column(
    cell: str, names: dict[str, Organisation], problem: Problem
) -> tuple[list[tuple[Organisation, str]], bool]:
    """Owner/lead agency: the first listed leads, unless the cell is blank or starts with
    "To be confirmed" (then every organisation listed after it supports)."""
    parts = [part.strip() for part in cell.split(OWNER_SEPARATOR.strip())]
    if means_none(parts[0]):
        return _organisations(OWNERS, OWNER_SEPARATOR.join(parts[1:]), names, problem), False
    return _organisations(OWNERS, cell, names, problem), True


def _lead_supporting(
    values: dict[str, str], names: dict[str, Organisation], problem: Problem
) -> tuple[list[tuple[Organisation, str]], bool]:
    """Lead: one organisation, or blank / "To be confirmed" for none; Supporting: any number."""
    lead: list[tuple[Organisation, str]] = []
    if not means_none(values[LEAD]):
        lead = _organisations(LEAD, values[LEAD], names, problem)
        if len(lead) > 1:
            problem(LEAD, "names more than one organisation: put one in Lead and the others in Supporting.")
    supporting = _organisations(SUPPORTING, values.get(SUPPORTING, ""), names, problem)
    if lead and any(organisation.pk == lead[0][0].pk for organisation, _ in supporting):
        problem(SUPPORTING, f"names the lead, {lead[0][1]!r}, again: an organisation leads or supports.")
    return lead + supporting, bool(lead)


def _due_date(cell: str, problem: Problem) -> datetime.date | None:
    """yyyy-mm-dd (as exported), or dd/mm/yyyy as typed in a UK spreadsheet; blank for none."""
    text = cell.strip()
    if not text:
        return None
    if " " in text and text.endswith("00:00:00"):  # a date cell of a workbook (read with its time)
        text = text.split(" ")[0]
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    problem(DUE_DATE, f"{cell!r} is not a date: write it as yyyy-mm-dd (e.g. 2021-03-31), or leave it blank.")
    return None


def _needs_period(rows: list[ImportRow]) -> ImportProblem | None:
    numbers = [row.row for row in rows if row.update or row.status is not None]
    if not numbers:
        return None
    label = "Row" if len(numbers) == 1 else "Rows"
    return ImportProblem(
        f"{label} {_ranges(numbers)} {'has' if len(numbers) == 1 else 'have'} an Update or Status, so "
        "choose the reporting period they are for (Q1, Q2, Q3, Q4 or year-end; --period in the command)."
    )


def _ranges(numbers: list[int]) -> str:
    """[2, 3, 4, 7] → "2–4, 7"."""
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def _aliases(names: dict[str, Organisation]) -> list[str]:
    return [name for organisation in set(names.values()) for name in organisation_known_names(organisation)]


@transaction.atomic
def action_plan_import(
    *,
    plan_year: PlanYear,
    data: bytes,
    actor: Actor,
    period_code: str | None = None,
    replace: bool = False,
    apply_changes: bool = False,
    expected_basis: dict[str, list[int]] | None = None,
) -> ImportResult:
    """Import the file: a row with a Ref updates that action (its update for the period; its text and
    owners only when `apply_changes`), a row without one adds an action. `replace` first removes the
    year's actions, and is refused when any of them has an update.

    Raises ActionImportError listing every problem; nothing is saved unless the whole file is valid.
    expected_basis is ValidatedImport.basis() of the check the coordinator confirmed: when someone
    has since changed an action or update the file names, nothing is saved (ConflictError).
    """
    if not access.can_manage_plan(actor, plan_year):
        raise AccessDenied("Only the partnership coordinator can import an action plan.")
    checked = action_plan_validate(plan_year, data, period_code, replace=replace, apply_changes=apply_changes)
    if checked.problems:
        raise ActionImportError(checked.problems)
    if expected_basis is not None:
        _check_basis(checked, expected_basis)
    result = ImportResult(checked=checked)
    if replace:
        result.removed = services.plan_year_actions_delete(plan_year=plan_year, actor=actor)
    priorities: dict[str, Priority] = {}
    approaches = _Approaches(plan_year, actor)
    for row in checked.rows:
        if row.target is not None:
            _update_row(row, row.target, checked, actor, result, approaches)
            continue
        key = row.priority.strip().lower()
        if key not in priorities:
            match = services.priority_match(plan_year, row.priority)
            if match is None:
                match = services.priority_create(plan_year=plan_year, title=row.priority, actor=actor)
                result.priorities_created += 1
            priorities[key] = match
        priority = priorities[key]
        action = services.action_create(
            plan_year=plan_year,
            priority=priority,
            text=row.action,
            owners=row.owners,
            has_lead=row.has_lead,
            approach=approaches.get(priority, row.approach) if row.approach else None,
            target=row.target_text or "",
            due_date=row.due_date,
            actor=actor,
        )
        result.actions += 1
        if row.has_update:
            _record(action, row, checked.period, actor, None)
            result.updates += 1
    result.approaches_created = approaches.created
    return result


class _Approaches:
    """A priority's approaches by title (any case); a title not yet used is created on first use."""

    def __init__(self, plan_year: PlanYear, actor: Actor) -> None:
        self.actor = actor
        self.known: dict[tuple[int, str], Approach] = {
            (a.priority_id, a.title.strip().casefold()): a for a in selectors.approaches_for_year(plan_year)
        }
        self.created = 0

    def get(self, priority: Priority, title: str) -> Approach:
        key = (priority.pk, title.strip().casefold())
        if key not in self.known:
            self.known[key] = services.approach_save(priority=priority, title=title, actor=self.actor)
            self.created += 1
        return self.known[key]


def _check_basis(checked: ValidatedImport, expected: dict[str, list[int]]) -> None:
    now = checked.basis()
    stale = [
        int(number)
        for number in sorted(set(now) | set(expected), key=int)
        if now.get(number) != expected.get(number)
    ]
    if stale:
        rows = ", ".join(str(number) for number in stale)
        raise ConflictError(
            f"Someone changed the action or update of row{'s' if len(stale) > 1 else ''} {rows} since you "
            "checked the file, and an import never overwrites their work: check the file again."
        )


def _update_row(
    row: ImportRow,
    target: Action,
    checked: ValidatedImport,
    actor: Actor,
    result: ImportResult,
    approaches: _Approaches,
) -> None:
    """A Ref row: its update for the period through the update service (history, audit, conflicts),
    then its changed text, owners, approach, target and due date when the coordinator asked."""
    if row.outcome(checked.apply_changes) == UNCHANGED:
        result.unchanged += 1
        return
    result.updated += 1
    if row.update_differs:
        existing = selectors.update_for_period(target, checked.period)
        _record(target, row, checked.period, actor, existing.version if existing else None)
        result.updates += 1
    if checked.apply_changes and row.changes_differ:
        fields: dict[str, Any] = {"text": row.action.strip()} if row.text_differs else {}
        if "approach" in row.details_differ:
            fields["approach"] = approaches.get(target.priority, row.approach) if row.approach else None
        if "target" in row.details_differ:
            fields["target"] = row.target_text or ""
        if "due_date" in row.details_differ:
            fields["due_date"] = row.due_date
        services.action_edit(
            action=target,
            expected_version=target.version,
            actor=actor,
            owners=row.owners if row.owners_differ else None,
            has_lead=row.has_lead,
            **fields,
        )


def _record(
    action: Action, row: ImportRow, period: ReportingPeriod | None, actor: Actor, version: int | None
) -> None:
    services.action_update_record(
        action=action,
        actor=actor,
        narrative=row.update,
        status=row.status,
        period=period,
        expected_version=version,
    )
