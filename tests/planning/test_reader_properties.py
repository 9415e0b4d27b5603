"""Property-based tests: whatever bytes arrive, the CSV and XLSX readers return rows within the
limits and free of control characters, or raise TableReadError; never any other exception."""

import csv
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.input import FORBIDDEN_RE, limit
from planning.action_io.reader import Table, TableReadError, read_csv, read_table, read_xlsx
from tests.planning.xlsx_helpers import SHEET, sheet_xml, with_member, workbook

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
XLSX = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
cells = st.text(st.characters(codec="utf-8"), max_size=20)
grids = st.lists(st.lists(cells, min_size=1, max_size=6), max_size=12)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])


def assert_clean(table: Table) -> None:
    longest = limit("IMPORT_MAX_CELL_CHARS")
    for number, row in table.rows:
        assert number >= 1
        for value in row:
            assert isinstance(value, str) and len(value) <= longest
            assert not FORBIDDEN_RE.search(value), (number, value)


def read_or_refuse(reader, data: bytes) -> None:  # type: ignore[no-untyped-def]
    try:
        table = reader(data)
    except TableReadError as error:
        assert str(error).strip()
        return
    assert_clean(table)


@FAST
@given(st.binary(max_size=2000))
def test_csv_reader_on_any_bytes(data):
    read_or_refuse(read_csv, data)
    assert isinstance(read_table(data), Table)


@FAST
@given(grids, encodings, st.sampled_from(["\r\n", "\n", "\r"]), st.booleans())
def test_csv_reader_on_csv_like_text(grid, encoding, newline, damage):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(grid)
    data = buffer.getvalue().encode(encoding, errors="replace")
    if damage and data:
        data = data[: len(data) // 2] + b'\xff\x00"' + data[len(data) // 2 :]
    read_or_refuse(read_csv, data)


def _mutate(data: bytes, position: int, byte: int, cut: bool) -> bytes:
    position %= max(len(data), 1)
    return data[:position] if cut else data[:position] + bytes([byte]) + data[position + 1 :]


@XLSX
@given(
    st.lists(
        st.lists(
            st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=15), max_size=5
        ),
        max_size=6,
    ),
    st.integers(min_value=0),
    st.integers(min_value=0, max_value=255),
    st.booleans(),
    st.booleans(),
)
def test_xlsx_reader_on_damaged_workbooks(rows, position, byte, cut, mutate):
    data = workbook(rows)
    if mutate:
        data = _mutate(data, position, byte, cut)
    read_or_refuse(read_xlsx, data)


@XLSX
@given(st.binary(max_size=600) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_xlsx_reader_on_any_sheet_xml(body):
    read_or_refuse(read_xlsx, with_member(workbook([]), SHEET, sheet_xml(body)))


@XLSX
@given(
    st.lists(
        st.tuples(
            st.sampled_from([SHEET, "xl/workbook.xml", "xl/sharedStrings.xml", "[Content_Types].xml"]),
            st.binary(max_size=200),
        ),
        max_size=2,
    )
)
def test_xlsx_reader_with_members_replaced(replacements):
    data = workbook([["Violent crime", "Patrol", "TBC", "", ""]])
    for name, content in replacements:
        data = with_member(data, name, content)
    read_or_refuse(read_xlsx, data)
    zipfile.ZipFile(io.BytesIO(data)).testzip()  # the archive itself stays a valid zip


def test_a_zip_member_needing_an_unknown_zip_version_is_refused():
    """Found by Hypothesis: a central directory claiming extract version 6.4 made zipfile raise
    NotImplementedError from the constructor."""
    from planning.action_io.reader import _check_zip

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    data = bytearray(buffer.getvalue())
    central = data.rfind(b"PK\x01\x02")
    data[central + 6] = 64  # "version needed to extract" 6.4
    with pytest.raises(TableReadError, match="not a readable zip archive"):
        _check_zip(bytes(data))
