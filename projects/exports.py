"""The funding summary and the funder's return as CSV, XLSX and a tagged PDF.

Every amount is a Decimal written as `1234.56` (CSV) or a number cell in pounds (XLSX); text cells
go through `core.text.spreadsheet_safe` and are never formulas; the PDF is built from escaped HTML
through `core.documents.pdf` (PDF/UA). Example data made up for the demo is marked as such.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.actors import Actor
from core.documents.pdf import html_to_pdf
from core.text import spreadsheet_safe
from planning.models import PlanYear
from projects import rules, selectors
from projects.models import FundingPot

RETURN_COLUMNS = ("Pot", "Project", "Allocated", "Spent", "Remaining", "Output", "Target", "Actual")
XLSX_EXTRA = ("Outcomes",)
SUMMARY_COLUMNS = ("Pot", "Funder", "Amount", "Allocated", "Spent", "Committed", "Remaining", "Example data")
PROJECT_COLUMNS = ("Project", "Status", "Lead organisation", "Allocated", "Spent", "Overspent", "Outputs")
EXAMPLE_MARK = "[Example data] "
MONEY_FORMAT = "#,##0.00"


@dataclass
class ReturnLine:
    """One row of the return: a project's money in one pot (first row) and one of its outputs."""

    pot: str
    project: str
    allocated: Decimal | None
    spent: Decimal | None
    remaining: Decimal | None
    output: str
    target: str
    actual: str
    outcomes: str = ""


@dataclass
class PotReturn:
    row: selectors.PotRow
    lines: list[ReturnLine]
    total_allocated: Decimal
    total_spent: Decimal

    @property
    def pot(self) -> FundingPot:
        return self.row.pot

    @property
    def is_example(self) -> bool:
        return self.pot.is_example


def funder_return(actor: Actor, plan_year: PlanYear, pot_name: str | None = None) -> list[PotReturn]:
    """Per pot: each project funded from it with what was allocated and spent from that pot, and
    what is left of its allocations (Remaining = allocated − spent), then its outputs against
    targets. Without `pot_name`, every pot of the year."""
    found = []
    for row in selectors.pots(actor, plan_year):
        if pot_name is not None and row.pot.name.casefold() != pot_name.casefold():
            continue
        lines: list[ReturnLine] = []
        allocated_total, spent_total = rules.ZERO, rules.ZERO
        for project in selectors.project_rows(actor, plan_year, selectors.Filters(pot=row.pot.pk)):
            allocated, spent = project.allocated, project.spent
            allocated_total += allocated
            spent_total += spent
            evaluation = selectors.approved_outcomes(actor, project.project)
            title = project.project.title + (" (overspent)" if project.overspent else "")
            outputs: list[selectors.OutputRow | None] = list(project.outputs) or [None]
            for index, output in enumerate(outputs):
                lines.append(
                    ReturnLine(
                        pot=row.pot.name,
                        project=title,
                        allocated=allocated if index == 0 else None,
                        spent=spent if index == 0 else None,
                        remaining=allocated - spent if index == 0 else None,
                        output=output.measure.name if output else "",
                        target=output.target_text if output else "",
                        actual=output.actual_text if output else "",
                        outcomes=evaluation if index == 0 else "",
                    )
                )
        found.append(PotReturn(row, lines, allocated_total, spent_total))
    return found


def _amount(value: Decimal | None) -> str:
    return "" if value is None else rules.plain(value)


def return_csv(returns: list[PotReturn]) -> bytes:
    """One table with a Pot column; amounts as 1234.56; UTF-8 with a byte-order mark for Excel."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(RETURN_COLUMNS)
    for pot_return in returns:
        mark = EXAMPLE_MARK if pot_return.is_example else ""
        for line in pot_return.lines:
            writer.writerow(
                [
                    spreadsheet_safe(mark + line.pot),
                    spreadsheet_safe(line.project),
                    _amount(line.allocated),
                    _amount(line.spent),
                    _amount(line.remaining),
                    spreadsheet_safe(line.output),
                    spreadsheet_safe(line.target),
                    spreadsheet_safe(line.actual),
                ]
            )
    return buffer.getvalue().encode("utf-8-sig")


def _text(value: str) -> str:
    return str(spreadsheet_safe(ILLEGAL_CHARACTERS_RE.sub("", value)))


def _sheet_title(name: str, taken: set[str]) -> str:
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in name).strip("' ")[:28] or "Pot"
    title, number = cleaned, 2
    while title.casefold() in taken:
        title = f"{cleaned[:25]} ({number})"
        number += 1
    taken.add(title.casefold())
    return title


def _write_lines(sheet: Any, lines: list[ReturnLine], marks: list[str]) -> None:
    sheet.append(list(RETURN_COLUMNS + XLSX_EXTRA))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for line, mark in zip(lines, marks, strict=True):
        values = [
            mark + line.pot,
            line.project,
            line.allocated,
            line.spent,
            line.remaining,
            line.output,
            line.target,
            line.actual,
            line.outcomes,
        ]
        sheet.append([_text(v) if isinstance(v, str) else v for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, Decimal):
                cell.number_format = MONEY_FORMAT
            elif cell.value is not None:
                cell.data_type = "s"
    for index, width in enumerate((25, 40, 14, 14, 14, 35, 14, 14, 60), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def return_xlsx(returns: list[PotReturn], *, all_pots: bool) -> bytes:
    """A sheet per pot (its sums first), plus "All pots" when the return covers every pot."""
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    taken = {"all pots"} if all_pots else set()
    for pot_return in returns:
        pot, money = pot_return.pot, pot_return.row.money
        sheet = workbook.create_sheet(_sheet_title(pot.name, taken))
        mark = EXAMPLE_MARK if pot.is_example else ""
        sheet.append([_text(mark + pot.name)])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(["Funder", _text(pot.funder)])
        themes = "; ".join(t.name for t in selectors.pot_themes(pot))
        sheet.append(["Funder's priorities", _text(themes)])
        for label, value in (
            ("Amount", money.amount),
            ("Allocated", money.allocated),
            ("Spent", money.spent),
            ("Committed", money.committed),
            ("Remaining", money.remaining),
        ):
            sheet.append([label, value])
            sheet.cell(row=sheet.max_row, column=2).number_format = MONEY_FORMAT
        sheet.append([])
        _write_lines(sheet, pot_return.lines, [mark] * len(pot_return.lines))
    if all_pots:
        sheet = workbook.create_sheet("All pots", 0)
        lines = [line for r in returns for line in r.lines]
        marks = [EXAMPLE_MARK if r.is_example else "" for r in returns for _ in r.lines]
        _write_lines(sheet, lines, marks)
    if not workbook.worksheets:
        workbook.create_sheet("All pots").append(list(RETURN_COLUMNS))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def return_pdf(returns: list[PotReturn], plan_year: PlanYear) -> bytes:
    """A tagged PDF (PDF/UA) from escaped HTML: a section per pot with its sums and projects."""
    html = render_to_string(
        "projects/return_document.html",
        {"returns": returns, "plan_year": plan_year, "partnership": plan_year.partnership},
    )
    return html_to_pdf(html)


def return_filename(plan_year: PlanYear, extension: str, pot: FundingPot | None = None) -> str:
    suffix = f"-pot-{pot.pk}" if pot is not None else ""
    return f"{plan_year.partnership.slug}-funding-return-{plan_year.slug}{suffix}.{extension}"


# --- The funding summary (per pot and per project) as CSV and XLSX. ---


def summary_tables(
    actor: Actor, plan_year: PlanYear, filters: selectors.Filters
) -> tuple[list[list[Any]], list[list[Any]]]:
    pots = [
        [
            row.pot.name,
            row.pot.funder,
            row.money.amount,
            row.money.allocated,
            row.money.spent,
            row.money.committed,
            row.money.remaining,
            "Yes" if row.pot.is_example else "",
        ]
        for row in selectors.pots(actor, plan_year)
    ]
    projects = []
    for row in selectors.project_rows(actor, plan_year, filters):
        outputs = "; ".join(
            f"{o.measure.name}: {o.actual_text or 'none yet'}"
            + (f" (target {o.target_text})" if o.target_text else "")
            for o in row.outputs
        )
        projects.append(
            [
                row.project.title,
                row.project.get_status_display(),
                row.project.lead_organisation.name if row.project.lead_organisation else "",
                row.allocated,
                row.spent,
                "Yes" if row.overspent else "",
                outputs,
            ]
        )
    return pots, projects


def _cell_text(value: Any) -> Any:
    if isinstance(value, Decimal):
        return rules.plain(value)
    return spreadsheet_safe(value)


def summary_csv(actor: Actor, plan_year: PlanYear, filters: selectors.Filters) -> bytes:
    pots, projects = summary_tables(actor, plan_year, filters)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SUMMARY_COLUMNS)
    writer.writerows([[_cell_text(v) for v in row] for row in pots])
    writer.writerow([])
    writer.writerow(PROJECT_COLUMNS)
    writer.writerows([[_cell_text(v) for v in row] for row in projects])
    return buffer.getvalue().encode("utf-8-sig")


def summary_xlsx(actor: Actor, plan_year: PlanYear, filters: selectors.Filters) -> bytes:
    pots, projects = summary_tables(actor, plan_year, filters)
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    for title, columns, rows in (("Pots", SUMMARY_COLUMNS, pots), ("Projects", PROJECT_COLUMNS, projects)):
        sheet = workbook.create_sheet(title)
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_text(v) if isinstance(v, str) else v for v in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, Decimal):
                    cell.number_format = MONEY_FORMAT
                elif cell.value is not None:
                    cell.data_type = "s"
        for index in range(1, len(columns) + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 22
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
