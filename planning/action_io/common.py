"""Shared definitions of the action plan file: its columns and how problems are reported."""

from dataclasses import dataclass

from core.text import FORMULA_PREFIXES

REF = "Ref"
PRIORITY = "Priority"
ACTION = "Action"
OWNERS = "Owner/lead agency"
UPDATE = "Update"
STATUS = "Status"
# The columns every file needs; exports put REF (the action's id) first. A row with a Ref updates
# that action, a row without one adds an action; files without a Ref column add every row.
COLUMNS: tuple[str, ...] = (PRIORITY, ACTION, OWNERS, UPDATE, STATUS)
EXPORT_COLUMNS: tuple[str, ...] = (REF, *COLUMNS)
OWNER_SEPARATOR = "; "


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


def unguard(value: str) -> str:
    """Undo the formula guard of our exports: "'=SUM(A1)" was written for the text "=SUM(A1)"."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value
