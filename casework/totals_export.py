"""The totals page as CSV or XLSX, with the same suppression as the page ("fewer than 5" cells stay
words). Text cells go through `core.text.spreadsheet_safe` and are never formulas."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from casework.selectors_totals import TotalsPage
from core.text import spreadsheet_safe

FEWER_NOTE = (
    "Counts below 5 in the breakdown show as 'fewer than 5' (and so do counts that would give them away)."
)


def rows(page: TotalsPage) -> list[list[object]]:
    """The sheet: the exact partnership-year totals, then the suppressed breakdown."""
    totals = page.totals
    found: list[list[object]] = [
        [f"{page.plan_year.partnership.name}: case-work totals {page.plan_year.label}"],
        ["Partnership-year totals (exact)", "Count"],
    ]
    found += [[f"Cases opened: {name}", n] for name, n in totals.cases_opened.items()]
    found += [[f"Cases closed: {name}", n] for name, n in totals.cases_closed.items()]
    found += [
        ["Community Protection Warnings", totals.cpw],
        ["Community Protection Notices", totals.cpn],
        ["Fixed penalty notices", totals.fpn],
        ["Dispersal directions", totals.dispersal_directions],
        [],
        ["Cases opened by place and type"],
        [FEWER_NOTE],
    ]
    b = page.breakdown
    found.append(["Place", *b.column_labels, "All types"])
    for label, cells, total in zip(b.row_labels, b.cells, b.row_totals, strict=True):
        found.append([label, *cells, total])
    found.append(["All places", *b.column_totals, b.grand_total])
    return [[_cell(value) for value in row] for row in found]


def _cell(value: object) -> object:
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return spreadsheet_safe(value)


def as_csv(page: TotalsPage) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows(page))
    return buffer.getvalue()


def as_xlsx(page: TotalsPage) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Case-work totals"  # type: ignore[union-attr]
    for row in rows(page):
        sheet.append(row)  # type: ignore[union-attr]
    sheet["A1"].font = Font(bold=True)  # type: ignore[index]
    for line in sheet.iter_rows():  # type: ignore[union-attr]
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # always a text cell, never a formula
    sheet.column_dimensions["A"].width = 48  # type: ignore[union-attr]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
