"""The progress report as a Word document and a spreadsheet (the PDF comes from its HTML)."""

import datetime
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.documents.word import add_table, new_document, to_bytes
from core.text import spreadsheet_safe
from publishing.progress import NO_STATUS, ProgressReport, ProgressRow

# Action | Owner/lead agency | Target and due date | Latest update | Status (A4 landscape)
WIDTHS = (5.8, 3.2, 4.0, 6.8, 2.2)


def target_parts(row: ProgressRow) -> list[tuple[str, bool]]:
    """The target, "Due 31 March 2021" and "Overdue" (bold), or "None set"."""
    parts: list[tuple[str, bool]] = []
    if row.target:
        parts.append((row.target, False))
    if row.due_date:
        parts.append(((" " if parts else "") + f"Due {row.due_text}.", False))
    if row.overdue:
        parts.append((" Overdue", True))
    return parts or [("None set", False)]


def progress_docx(report: ProgressReport) -> bytes:
    document = new_document(
        title=report.title,
        author=report.partnership_name,
        subject=f"Progress report {report.year_label}",
        draft=False,
    )
    document.add_heading(
        f"{report.partnership_name}: progress report {report.year_label}{report.theme_suffix}", level=1
    )
    which = f"Every action of the {report.year_label} plan"
    if report.theme:
        which += f" tagged with the cross-cutting theme {report.theme}"
    document.add_paragraph(
        f"{which} with its target, due date, latest update and status, produced "
        f"{report.generated_at:%-d %B %Y, %H:%M}. {report.total} actions, {report.overdue_count} overdue "
        "(past their due date and not completed)."
    )
    if report.has_example_data:
        paragraph = document.add_paragraph()
        paragraph.add_run("Example data: ").bold = True
        paragraph.add_run("updates marked “Example data” were made up to demonstrate CSP Hub.")
    document.add_heading("Actions by status", level=2)
    rows: list[list[Any]] = [[r.heading, *map(str, r.counts), str(r.total)] for r in report.count_rows]
    rows.append(["All priorities", *map(str, report.totals), str(report.total)])
    add_table(document, ["Priority", *report.columns, "Total"], rows, row_headers=True)
    for section in report.sections:
        document.add_heading(section.heading, level=2)
        if not section.rows:
            document.add_paragraph("No actions.")
            continue
        table_rows: list[list[Any]] = []
        for row in section.rows:
            update: list[tuple[str, bool]] = [("Example data: ", True)] if row.is_example else []
            if row.update:
                update += [(f"{row.update_label}: " if row.update_label else "", False), (row.update, False)]
            else:
                update.append(("No update yet", False))
            table_rows.append(
                [row.action, row.owners or [""], target_parts(row), update, row.status or NO_STATUS]
            )
        add_table(
            document,
            ("Action", "Owner/lead agency", "Target and due date", "Latest update", "Status"),
            table_rows,
            widths=WIDTHS,
        )
    return to_bytes(document)


def _sheet(
    workbook: Workbook, title: str, headers: list[str], rows: list[list[Any]], widths: list[int]
) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append([spreadsheet_safe(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            [value if isinstance(value, datetime.date) else spreadsheet_safe(value) for value in row]
        )
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, datetime.datetime | datetime.date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"


def progress_xlsx(report: ProgressReport) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    workbook.properties.title = report.title
    workbook.properties.creator = report.partnership_name
    actions = [
        [
            section.heading,
            row.action,
            "; ".join(row.owners),
            row.target,
            row.due_date or "",
            "Overdue" if row.overdue else "",
            row.update,
            row.update_label.removesuffix(" update") if row.update else "",
            row.status or NO_STATUS,
            "Example data" if row.is_example else "",
        ]
        for section in report.sections
        for row in section.rows
    ]
    _sheet(
        workbook,
        "Actions",
        [
            "Priority",
            "Action",
            "Owner/lead agency",
            "Target",
            "Due date",
            "Overdue",
            "Latest update",
            "Period",
            "Status",
            "Example data",
        ],
        actions,
        [30, 50, 25, 30, 12, 10, 60, 16, 18, 14],
    )
    counts = [[r.heading, *r.counts, r.total] for r in report.count_rows]
    counts.append(["All priorities", *report.totals, report.total])
    _sheet(
        workbook,
        "Counts by status",
        ["Priority", *report.columns, "Total"],
        counts,
        [40] + [14] * (len(report.columns) + 1),
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
