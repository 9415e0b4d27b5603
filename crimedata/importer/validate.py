"""The rules a street file must follow, checked in Python: the header (always, it is one line)
and, when DuckDB's fast check finds something wrong, a line-by-line scan that says exactly where.

The same rules are checked in SQL by `load.py`; keep the two in step.
"""

import csv
import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from core.input import FORBIDDEN_RE, describe_character
from core.models import PoliceForce
from crimedata.importer.errors import ImportValidationError
from crimedata.models import CRIME_TYPES, CrimeCount

HEADER: list[str] = [
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
]
CRIME_TYPE_SET = frozenset(CRIME_TYPES)
# The longest text a column may hold: LSOA names become district names and "Falls within" becomes a
# force name in the database, so theirs come from those fields; the others go only into Parquet.
FIELD_MAX = 1000
COLUMN_MAX: dict[int, int] = {
    3: PoliceForce._meta.get_field("name").max_length or 200,
    8: CrimeCount._meta.get_field("district_name").max_length or 200,
}
# SQL twins of the rules above (load.py); RE2 reads the \xNN escapes itself.
CONTROL_SQL_PATTERN = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]"
BOM = b"\xef\xbb\xbf"


def column_label(index: int) -> str:
    return f'{index + 1} ("{HEADER[index]}")' if index < len(HEADER) else str(index + 1)


def check_header(path: Path, display: str) -> None:
    with path.open("rb") as handle:
        first = handle.readline(64 * 1024)
    if first.startswith(BOM):
        first = first[len(BOM) :]
    if not first.strip():
        raise ImportValidationError(display, "the file is empty; expected the 12-column header.", line=1)
    try:
        text = first.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportValidationError(
            display, f"the header is not UTF-8 text (byte {exc.start + 1}).", line=1
        ) from None
    header = next(csv.reader([text.rstrip("\r\n")]))
    if header == HEADER:
        return
    for index, expected in enumerate(HEADER):
        found = header[index] if index < len(header) else None
        if found != expected:
            got = "nothing" if found is None else f'"{found}"'
            raise ImportValidationError(
                display,
                f'the header should say "{expected}" here, found {got}.',
                line=1,
                column=str(index + 1),
            )
    raise ImportValidationError(
        display,
        f"the header has {len(header)} columns; expected the 12 police.uk columns.",
        line=1,
        column=str(len(HEADER) + 1),
    )


def check_coordinates(longitude: str, latitude: str) -> str | None:
    """Why the pair is wrong, or None. Both blank (no location) is fine."""
    if not longitude and not latitude:
        return None
    for label, value, bound in (("Longitude", longitude, 180.0), ("Latitude", latitude, 90.0)):
        try:
            number = float(value)
        except ValueError:
            return f'{label} "{value}" is not a number' if value else f"{label} is blank but the other is not"
        if not math.isfinite(number) or abs(number) > bound:
            return f"{label} {value} is outside -{bound:g} to {bound:g}"
    return None


def text_problem(row: list[str]) -> tuple[int, str] | None:
    """(column index, why) for the first field with a control character or too long; else None."""
    for index, value in enumerate(row):
        if match := FORBIDDEN_RE.search(value):
            return index, f"the field contains {describe_character(match.group())}; remove it."
        most = COLUMN_MAX.get(index, FIELD_MAX)
        if len(value) > most:
            return index, f"the field is {len(value):,} characters long; it can have at most {most:,}."
    return None


def _lines(path: Path, display: str) -> Iterator[str]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _encoding_error(display, number, raw, exc) from None


def _encoding_error(display: str, number: int, raw: bytes, exc: UnicodeDecodeError) -> ImportValidationError:
    before = raw[: exc.start].decode("utf-8", errors="replace")
    fields = next(csv.reader([before]), [""])
    index = max(len(fields) - 1, 0)
    return ImportValidationError(
        display,
        f"byte {exc.start + 1} of the line (0x{raw[exc.start]:02x}) is not UTF-8; save the file as UTF-8.",
        line=number,
        column=column_label(index),
    )


def scan_file(path: Path, display: str, expected_month: date) -> None:
    """Check every line; raise ImportValidationError at the first problem."""
    check_header(path, display)
    month = f"{expected_month:%Y-%m}"
    lines = _lines(path, display)
    reader = csv.reader(lines, strict=True)
    try:
        next(reader)
        for row in reader:
            number = reader.line_num
            if not row:
                continue
            if len(row) != len(HEADER):
                raise ImportValidationError(
                    display,
                    f"the row has {len(row)} columns; expected {len(HEADER)}.",
                    line=number,
                    column=str(min(len(row), len(HEADER)) + 1),
                )
            if row[1] != month:
                raise ImportValidationError(
                    display,
                    f'Month is "{row[1]}"; the file name says {month}.',
                    line=number,
                    column=column_label(1),
                )
            problem = check_coordinates(row[4].strip(), row[5].strip())
            if problem:
                index = 4 if problem.startswith("Longitude") else 5
                raise ImportValidationError(display, problem + ".", line=number, column=column_label(index))
            if problem_at := text_problem(row):
                index, problem = problem_at
                raise ImportValidationError(display, problem, line=number, column=column_label(index))
            if row[9] not in CRIME_TYPE_SET:
                raise ImportValidationError(
                    display, f'"{row[9]}" is not a police.uk crime type.', line=number, column=column_label(9)
                )
    except csv.Error as exc:
        raise ImportValidationError(display, f"the CSV is malformed ({exc}).", line=reader.line_num) from None
