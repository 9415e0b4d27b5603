"""Read an uploaded action plan file (CSV or XLSX) into numbered rows of text cells.

Reading is bounded (core.input limits: file size, rows, columns, cell length; for XLSX also the
uncompressed size and compression ratio of every zip member, checked by decompressing before
openpyxl opens the workbook) and every failure is a TableReadError with a sentence saying what is
wrong. Cells holding NUL or other control characters become problems naming row and column.
"""

import csv
import datetime
import io
import zipfile
import zlib
from dataclasses import dataclass, field

from core.input import TextDecodeError, control_character_problem, decode_text, limit
from planning.action_io.common import ImportProblem

XLSX_MAGIC = b"PK\x03\x04"
DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


class TableReadError(ValueError):
    """The file cannot be read at all; the message is a sentence saying why."""


@dataclass
class Table:
    """Rows of a file, each numbered as a spreadsheet numbers it (the header is row 1)."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    encoding: str = ""


def read_table(data: bytes) -> Table:
    """CSV or XLSX told apart by the content; a file that cannot be read becomes one problem."""
    try:
        return read_xlsx(data) if data.startswith(XLSX_MAGIC) else read_csv(data)
    except TableReadError as error:
        return Table(problems=[ImportProblem(str(error))])


def _check_size(data: bytes) -> None:
    if len(data) > (most := limit("IMPORT_MAX_FILE_BYTES")):
        raise TableReadError(f"The file is {len(data):,} bytes; an action plan file can be at most {most:,}.")


def _add_row(table: Table, number: int, cells: list[str], header: list[str]) -> None:
    """Check the row against the limits and the character rules, then keep it."""
    while cells and not cells[-1]:
        cells.pop()
    if number > (most := limit("IMPORT_MAX_ROWS")):
        if cells:
            raise TableReadError(f"Row {number} has values, but the file can have at most {most:,} rows.")
        return  # blank rows past the limit (formatting only) are ignored
    if len(cells) > (widest := limit("IMPORT_MAX_COLUMNS")):
        raise TableReadError(f"Row {number} has {len(cells)} columns; the file can have at most {widest}.")
    longest = limit("IMPORT_MAX_CELL_CHARS")
    for index, value in enumerate(cells):
        column = _column_name(header, index)
        if len(value) > longest:
            table.problems.append(
                ImportProblem(
                    f"is {len(value):,} characters long; a cell can have at most {longest:,}.", number, column
                )
            )
            cells[index] = ""
        elif problem := control_character_problem(value):
            table.problems.append(ImportProblem(problem, number, column))
            cells[index] = ""
    table.rows.append((number, cells))


def _column_name(header: list[str], index: int) -> str:
    heading = header[index].strip() if index < len(header) else ""
    return heading or str(index + 1)


def read_csv(data: bytes) -> Table:
    _check_size(data)
    try:
        decoded = decode_text(data)
    except TextDecodeError as error:
        raise TableReadError(str(error)) from None
    table = Table(encoding=decoded.encoding)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), strict=True)
    header: list[str] = []
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            cells = [cell.strip() for cell in row]
            _add_row(table, number, cells, header)
            header = header or list(cells)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise TableReadError(
                f"Row {number + 1} has a cell longer than {csv.field_size_limit():,} characters "
                f"(the limit is {limit('IMPORT_MAX_CELL_CHARS'):,})."
            ) from None
        raise TableReadError(
            f"Row {reader.line_num}: the CSV cannot be read ({error}); check its quotation marks."
        ) from None
    return table


def read_xlsx(data: bytes) -> Table:
    _check_size(data)
    _check_zip(data)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on malformed parts: all mean "unreadable"
        raise TableReadError(f"The Excel workbook cannot be opened ({_reason(error)}).") from None
    try:
        if not workbook.worksheets:
            raise TableReadError(
                "The Excel workbook has no worksheet (only chart sheets); put the actions on a worksheet."
            )
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # never trust the stated size: a 5 KB file may claim A1:XFD1048576
        return _xlsx_rows(sheet)
    except TableReadError:
        raise
    except Exception as error:
        raise TableReadError(f"The Excel workbook's first sheet cannot be read ({_reason(error)}).") from None
    finally:
        workbook.close()


def _xlsx_rows(sheet) -> Table:
    table = Table(encoding="XLSX")
    header: list[str] = []
    widest = limit("IMPORT_MAX_COLUMNS")
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        if not cells:
            continue  # a gap between rows (openpyxl fills them in): nothing to check or keep
        if len(cells) > widest and any(c.value not in (None, "") for c in cells[widest:]):
            raise TableReadError(
                f"Row {number} has a value beyond column {widest}; the file can have at most {widest} columns."
            )
        values: list[str] = []
        for index, cell in enumerate(cells[:widest]):
            if getattr(cell, "data_type", "") == "f":
                table.problems.append(
                    ImportProblem(
                        "is a formula; type the text itself instead.", number, _column_name(header, index)
                    )
                )
            values.append(_cell_text(cell.value))
        _add_row(table, number, values, header)
        header = header or list(values)
    return table


def _check_zip(data: bytes) -> None:
    """Decompress every member (bounded) before openpyxl sees the workbook: refuses bad CRCs,
    members bigger than they claim, zip bombs and XML with document type declarations."""
    total_limit, ratio = limit("XLSX_MAX_UNCOMPRESSED_BYTES"), limit("ZIP_MAX_RATIO")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        NotImplementedError,  # "zip file version 6.4": a member needs a zip feature Python lacks
        RuntimeError,
        OSError,
        zlib.error,
    ) as error:
        raise TableReadError(
            f"The Excel workbook cannot be opened: it is not a readable zip archive ({error})."
        ) from None
    total = 0
    with archive:
        for info in archive.infolist():
            name = info.filename
            if info.file_size > 1024 * 1024 and info.file_size > ratio * max(info.compress_size, 1):
                raise TableReadError(
                    f"The Excel workbook's part {name} compresses more than {ratio} times (a zip bomb?); refused."
                )
            total += _member_size(archive, info, total_limit - total)
    if total == 0:
        raise TableReadError("The Excel workbook is empty.")


def _member_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> int:
    size, tail = 0, b""
    try:
        with archive.open(info) as member:
            while chunk := member.read(256 * 1024):
                size += len(chunk)
                if size > room:
                    raise TableReadError(
                        "The Excel workbook is larger than "
                        f"{limit('XLSX_MAX_UNCOMPRESSED_BYTES'):,} bytes when unpacked (part {info.filename}); refused."
                    )
                if info.filename.endswith((".xml", ".rels")) and any(m in tail + chunk for m in DTD_MARKERS):
                    raise TableReadError(
                        f"The Excel workbook's part {info.filename} declares a document type or entities, "
                        "which Excel never writes; refused."
                    )
                tail = chunk[-32:]
    except TableReadError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
        OSError,
    ) as error:
        raise TableReadError(f"The Excel workbook's part {info.filename} is damaged ({error}).") from None
    return size


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()  # a date cell (openpyxl reads dates as midnight)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value).strip()
