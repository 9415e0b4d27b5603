"""Shared definitions of the action plan file: its columns and how problems are reported."""

from dataclasses import dataclass

from core.errors import ServiceError
from core.text import FORMULA_PREFIXES
from planning.models import OwnerLayout

REF = "Ref"
PRIORITY = "Priority"
APPROACH = "Approach"
ACTION = "Action"
OWNERS = "Owner/lead agency"
LEAD = "Lead"
SUPPORTING = "Supporting"
TARGET = "Target"
DUE_DATE = "Due date"
UPDATE = "Update"
STATUS = "Status"
# The columns every file needs, in the single-column layout; the Lead + Supporting layout has Lead
# and Supporting instead of Owner/lead agency. A row with a Ref updates that action, a row without
# one adds an action; files without a Ref column add every row.
COLUMNS: tuple[str, ...] = (PRIORITY, ACTION, OWNERS, UPDATE, STATUS)
LEAD_COLUMNS: tuple[str, ...] = (PRIORITY, ACTION, LEAD, SUPPORTING, UPDATE, STATUS)
# Columns a file may leave out: without Approach, Target or Due date an import leaves them as they are.
OPTIONAL_COLUMNS: tuple[str, ...] = (REF, APPROACH, TARGET, DUE_DATE)
OWNER_SEPARATOR = "; "


def export_columns(layout: str) -> tuple[str, ...]:
    """The columns an export writes for a plan year's owner layout, in order."""
    owners = (LEAD, SUPPORTING) if layout == OwnerLayout.LEAD_SUPPORTING else (OWNERS,)
    return (REF, PRIORITY, APPROACH, ACTION, *owners, TARGET, DUE_DATE, UPDATE, STATUS)


EXPORT_COLUMNS: tuple[str, ...] = export_columns(OwnerLayout.SINGLE)


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with an import file: where (row and column, when known) and why."""

    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        where = f"Row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class FileProblemsError(ServiceError):
    """A checked file has problems; `problems` lists every one of them and nothing was written.
    Subclasses say what did not happen (`outcome`)."""

    outcome = "nothing was imported"

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        count = len(problems)
        super().__init__(f"The file has {count} problem{'s' if count != 1 else ''}; {self.outcome}.")


def unguard(value: str) -> str:
    """Undo the formula guard of our exports: "'=SUM(A1)" was written for the text "=SUM(A1)"."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value
