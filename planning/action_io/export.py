"""Write a plan year's action plan as CSV or XLSX. No cell is ever a live formula."""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

from core.text import spreadsheet_safe
from planning import selectors
from planning.action_io.common import EXPORT_COLUMNS, OWNER_SEPARATOR
from planning.models import PlanYear

EXAMPLE_MARK = "[Example data] "
EXAMPLE_STATUS_MARK = " (example data)"
COLUMN_WIDTHS = (8, 30, 60, 30, 70, 16)


def action_plan_rows(plan_year: PlanYear) -> list[list[str]]:
    """One row per action in plan order: its id (Ref), priority, action, owners as written, latest
    update, status.

    Example updates made up for the demo are marked as such.
    """
    rows = []
    for action in selectors.actions_for_year(plan_year):
        update = selectors.latest_update(action)
        narrative = update.narrative if update else ""
        if update is not None and update.is_example:
            narrative = EXAMPLE_MARK + narrative
        status = selectors.current_status(action)
        status_text = status.name if status else ""
        if status is not None and selectors.status_is_example(action, status):
            status_text += EXAMPLE_STATUS_MARK
        rows.append(
            [
                str(action.pk),
                action.priority.title,
                action.text,
                OWNER_SEPARATOR.join(selectors.action_owner_names(action)),
                narrative,
                status_text,
            ]
        )
    return rows


def export_filename(plan_year: PlanYear, extension: str) -> str:
    return f"{plan_year.partnership.slug}-action-plan-{plan_year.slug}.{extension}"


def action_plan_csv(plan_year: PlanYear) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows en dashes and accents correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in action_plan_rows(plan_year):
        writer.writerow([spreadsheet_safe(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def action_plan_xlsx(plan_year: PlanYear) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = f"Action plan {plan_year.slug}"
    sheet.append(list(EXPORT_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in action_plan_rows(plan_year):
        sheet.append([_text(value) for value in row])
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows():
        for cell in cells:
            # Always a text cell, never a formula, whatever the value starts with.
            cell.data_type = "s"
            cell.alignment = wrap
    for index, width in enumerate(COLUMN_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(value: str) -> str:
    return str(spreadsheet_safe(ILLEGAL_CHARACTERS_RE.sub("", value)))
