"""Write a plan year's action plan as CSV or XLSX in its owner layout. No cell is ever a live formula."""

import csv
import datetime
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.text import spreadsheet_safe
from planning import owners as owner_text
from planning import selectors
from planning.action_io.common import DUE_DATE, OWNER_SEPARATOR, OWNERS, export_columns
from planning.models import OwnerLayout, PlanYear, Theme

EXAMPLE_MARK = "[Example data] "
EXAMPLE_STATUS_MARK = " (example data)"
WIDTHS = {"Ref": 8, "Priority": 30, "Approach": 25, "Action": 60, OWNERS: 30, "Lead": 25, "Supporting": 30}
WIDTHS |= {"Target": 30, DUE_DATE: 12, "Update": 70, "Status": 16}


def action_plan_columns(plan_year: PlanYear) -> tuple[str, ...]:
    return export_columns(plan_year.owner_layout)


def action_plan_rows(plan_year: PlanYear, theme: Theme | None = None) -> list[list[str]]:
    """One row per action in plan order (only those tagged `theme`, when given), in the columns of
    `action_plan_columns`: its id (Ref), priority, approach, action, owners in the year's layout,
    target, due date (yyyy-mm-dd), latest update, status.

    Example updates made up for the demo are marked as such.
    """
    lead_layout = plan_year.owner_layout == OwnerLayout.LEAD_SUPPORTING
    actions = selectors.actions_for_year(plan_year).select_related("approach")
    if theme is not None:
        actions = selectors.filter_actions(actions, theme_id=theme.pk)
    rows = []
    for action in actions:
        update = selectors.latest_update(action)
        narrative = update.narrative if update else ""
        if update is not None and update.is_example:
            narrative = EXAMPLE_MARK + narrative
        status = selectors.current_status(action)
        status_text = status.name if status else ""
        if status is not None and selectors.status_is_example(action, status):
            status_text += EXAMPLE_STATUS_MARK
        owners = selectors.action_owners(action)
        if lead_layout:
            owner_cells = [
                owner_text.lead_name(owners),
                OWNER_SEPARATOR.join(owner_text.supporting_names(owners)),
            ]
        else:
            owner_cells = [OWNER_SEPARATOR.join(owner_text.single_column(owners))]
        rows.append(
            [
                str(action.pk),
                action.priority.title,
                action.approach.title if action.approach else "",
                action.text,
                *owner_cells,
                action.target,
                action.due_date.isoformat() if action.due_date else "",
                narrative,
                status_text,
            ]
        )
    return rows


def export_filename(plan_year: PlanYear, extension: str, theme: Theme | None = None) -> str:
    suffix = f"-theme-{theme.pk}" if theme is not None else ""
    return f"{plan_year.partnership.slug}-action-plan-{plan_year.slug}{suffix}.{extension}"


def action_plan_csv(plan_year: PlanYear, theme: Theme | None = None) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows en dashes and accents correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(action_plan_columns(plan_year))
    for row in action_plan_rows(plan_year, theme):
        writer.writerow([spreadsheet_safe(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def action_plan_xlsx(plan_year: PlanYear, theme: Theme | None = None) -> bytes:
    """Text cells throughout, except the due date: a real date cell shown as yyyy-mm-dd."""
    columns = action_plan_columns(plan_year)
    due = columns.index(DUE_DATE)
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = f"Action plan {plan_year.slug}"
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in action_plan_rows(plan_year, theme):
        sheet.append([_text(value) for value in row])
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        for index, cell in enumerate(cells):
            if number > 1 and index == due and cell.value:
                cell.value = datetime.date.fromisoformat(str(cell.value))
                cell.number_format = "yyyy-mm-dd"
            else:
                # Always a text cell, never a formula, whatever the value starts with.
                cell.data_type = "s"
            cell.alignment = wrap
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column, 20)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(value: str) -> str:
    return str(spreadsheet_safe(ILLEGAL_CHARACTERS_RE.sub("", value)))
