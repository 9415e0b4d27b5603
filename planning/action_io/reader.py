"""Read an uploaded action plan file (CSV or XLSX) into numbered rows of text cells."""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from planning.action_io.common import ImportProblem

XLSX_MAGIC = b"PK\x03\x04"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass
class Table:
    """Rows of a file, each numbered as a spreadsheet numbers it (the header is row 1)."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    encoding: str = ""


def read_table(data: bytes) -> Table:
    """CSV (UTF-8 with or without BOM, or Windows-1252) or XLSX, told apart by the content."""
    if data.startswith(XLSX_MAGIC):
        return _read_xlsx(data)
    return _read_csv(data)


def decode(data: bytes) -> tuple[str | None, str, str]:
    """(text or None, encoding name, problem message)."""
    if data.startswith(UTF16_BOMS) or b"\x00" in data[:4096]:
        return (
            None,
            "",
            (
                "The file is not a CSV text file in UTF-8 or Windows-1252 (it looks like UTF-16 or a "
                'binary file). Save it as "CSV UTF-8" or as an Excel workbook (.xlsx) and try again.'
            ),
        )
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM", ""
        except UnicodeDecodeError as error:
            return None, "", f"The file starts as UTF-8 but byte {error.start + 3} is not valid UTF-8."
    try:
        return data.decode("utf-8"), "UTF-8", ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252", ""
    except UnicodeDecodeError as error:
        return (
            None,
            "",
            (
                f"The file is neither UTF-8 nor Windows-1252 text (byte {error.start} cannot be read). "
                'Save it as "CSV UTF-8" and try again.'
            ),
        )


def _read_csv(data: bytes) -> Table:
    text, encoding, problem = decode(data)
    if text is None:
        return Table(problems=[ImportProblem(problem)])
    table = Table(encoding=encoding)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for number, row in enumerate(reader, start=1):
            table.rows.append((number, [cell.strip() for cell in row]))
    except csv.Error as error:
        table.problems.append(
            ImportProblem(
                f"The CSV cannot be read ({error}); check its quotation marks.", row=reader.line_num
            )
        )
    return table


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        return Table(problems=[ImportProblem(f"The Excel workbook cannot be opened ({error}).")])
    sheet = workbook.worksheets[0]
    table = Table(encoding="XLSX")
    header: list[str] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values: list[str] = []
        for index, cell in enumerate(cells):
            value = cell.value
            if getattr(cell, "data_type", "") == "f":
                column = header[index] if index < len(header) else f"{index + 1}"
                table.problems.append(
                    ImportProblem("is a formula; type the text itself instead.", row=number, column=column)
                )
            values.append(_cell_text(value))
        if number == 1:
            header = values
        table.rows.append((number, values))
    workbook.close()
    return table


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
