"""Import and export a plan year's action plan as CSV or XLSX.

Columns: Priority, Action, Owner/lead agency, Update, Status; one row per action; several owners in
one cell separated by "; ". Export writes each action's latest update and current status; import
validates the whole file first and saves nothing unless every row is valid.
"""

from planning.action_io.common import COLUMNS, OWNER_SEPARATOR, ImportProblem
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
    "OWNER_SEPARATOR",
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
