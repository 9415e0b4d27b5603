"""Import and export a plan year's action plan as CSV or XLSX.

Columns: Ref, Priority, Approach, Action, Lead, Supporting, Target, Due date, Update, Status, with
one Owner/lead agency column in place of Lead and Supporting when the plan year's owner layout is
the single column; one row per action; several organisations in one cell separated by "; "; a
blank lead or "To be confirmed" means none. Export writes the year's layout, each action's id as its
Ref, its latest update and current status. Import accepts either layout (told by the headings) and
validates the whole file first, saving nothing unless every row is valid: a row with a Ref updates
that action (its update for the chosen period; changed text, owners, approach, target and due date
only on request), a row without one adds an action; files without a Ref column add every row.
"""

from planning.action_io.common import (
    COLUMNS,
    EXPORT_COLUMNS,
    LEAD_COLUMNS,
    OPTIONAL_COLUMNS,
    OWNER_SEPARATOR,
    REF,
    ImportProblem,
    export_columns,
)
from planning.action_io.export import (
    action_plan_columns,
    action_plan_csv,
    action_plan_rows,
    action_plan_xlsx,
    export_filename,
)
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
    "LEAD_COLUMNS",
    "OPTIONAL_COLUMNS",
    "OWNER_SEPARATOR",
    "REF",
    "ActionImportError",
    "ImportProblem",
    "ImportResult",
    "ValidatedImport",
    "action_plan_columns",
    "action_plan_csv",
    "action_plan_import",
    "action_plan_rows",
    "action_plan_validate",
    "action_plan_xlsx",
    "export_columns",
    "export_filename",
]
