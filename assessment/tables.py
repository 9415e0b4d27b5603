"""Analysis tables as data: shown on the pages and downloaded as CSV or XLSX with the filters that
made them. Cells keep their raw values (numbers stay numbers in the spreadsheet); text cells pass
through `core.text.spreadsheet_safe` so no cell is ever a live formula."""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.text import spreadsheet_safe


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool = False


@dataclass
class Table:
    key: str
    caption: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.rows

    def cells(self) -> list[list[tuple[Any, bool]]]:
        """Each row's (value, is numeric) pairs, for the page."""
        return [[(v, c.numeric) for v, c in zip(row, self.columns, strict=True)] for row in self.rows]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float | Decimal):
        return value
    return spreadsheet_safe(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def table_csv(table: Table, filters: Sequence[tuple[str, str]]) -> bytes:
    """UTF-8 with a byte-order mark: the caption and filters first, a blank line, then the table."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_cell(table.caption)])
    for name, value in filters:
        writer.writerow([_cell(name), _cell(value)])
    writer.writerow([])
    writer.writerow([_cell(c.label) for c in table.columns])
    for row in table.rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_xlsx(table: Table, filters: Sequence[tuple[str, str]]) -> bytes:
    """One sheet: the caption, the filters, a blank row, the header (bold) and the rows."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.key[:31]
    sheet.append([_cell(table.caption)])
    sheet.cell(row=1, column=1).font = Font(bold=True)
    for name, value in filters:
        sheet.append([_cell(name), _cell(value)])
    sheet.append([])
    sheet.append([_cell(c.label) for c in table.columns])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([float(v) if isinstance(v, Decimal) else _cell(v) for v in row])
    for index, column in enumerate(table.columns, start=1):
        width = max([len(column.label), *(len(str(r[index - 1] or "")) for r in table.rows[:200])]) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(width, 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
