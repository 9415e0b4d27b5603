"""Build good and deliberately broken XLSX workbooks for the reader's tests."""

import io
import zipfile

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from planning.action_io import COLUMNS

SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def workbook(rows: list[list[object]], header: bool = True) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if header:
        sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_member(data: bytes, name: str, content: bytes, *, stored: bool = False) -> bytes:
    """The workbook with member `name` replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def sheet_xml(body: bytes, prolog: bytes = b"") -> bytes:
    head = SHEET_HEAD if not prolog else SHEET_HEAD.replace(b"?>", b"?>" + prolog, 1)
    return head + body + b"</worksheet>"


def chart_sheet_only() -> bytes:
    book = Workbook()
    data_sheet = book.active
    assert data_sheet is not None
    data_sheet.append([1, 2])
    chart = BarChart()
    chart.add_data(Reference(data_sheet, min_col=1, max_col=2, min_row=1, max_row=1))
    book.create_chartsheet().add_chart(chart)
    book.remove(data_sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def huge_shared_string(megabytes: int) -> bytes:
    """A small workbook whose shared strings hold one cell of `megabytes` MB (compresses ~1000 times)."""
    data = workbook([])
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                target.writestr(info, source.read(info))
        with target.open("xl/sharedStrings.xml", "w") as member:
            member.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            chunk = b"a" * (4 * 1024 * 1024)
            for _ in range(megabytes // 4):
                member.write(chunk)
            member.write(b"</t></si></sst>")
    return buffer.getvalue()


def bad_crc(data: bytes) -> bytes:
    """The workbook with its sheet stored uncompressed and one byte changed after the CRC was taken."""
    stored = with_member(data, SHEET, zipfile.ZipFile(io.BytesIO(data)).read(SHEET), stored=True)
    index = stored.index(b"<sheetData>")
    return stored[:index] + b"<sheetDatb>" + stored[index + len(b"<sheetData>") :]
