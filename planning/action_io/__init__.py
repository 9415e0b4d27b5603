"""Import and export a plan year's action plan as CSV or XLSX.

Columns: Ref, Priority, Action, Owner/lead agency, Update, Status; one row per action; several owners
in one cell separated by "; ". Export writes each action's id as its Ref, its latest update and
current status. Import validates the whole file first and saves nothing unless every row is valid:
a row with a Ref updates that action (its update for the chosen period; changed text and owners
only on request), a row without one adds an action; files without a Ref column add every row.
"""

from planning.action_io.common import COLUMNS, EXPORT_COLUMNS, OWNER_SEPARATOR, REF, ImportProblem
from planning.action_io.export import action_plan_csv, action_plan_rows, action_plan_xlsx, export_filename
from planning.action_io.importer import (
    ActionImportError,
    ImportResult,
    ValidatedImport,
    action_plan_import,
    action_plan_validate,
)

__all__ = [
    "COLUMNS",
    "EXPORT_COLUMNS",
    "OWNER_SEPARATOR",
    "REF",
    "ActionImportError",
    "ImportProblem",
    "ImportResult",
    "ValidatedImport",
    "action_plan_csv",
    "action_plan_import",
    "action_plan_rows",
    "action_plan_validate",
    "action_plan_xlsx",
    "export_filename",
]
