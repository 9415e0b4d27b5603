"""The partner indicator file, without the database: headings, periods, values and row checks.

A file has exactly the headings `Indicator, Period, Value, Organisation`. Period is `YYYY-MM` (a
month), `YYYY-Qn` (a calendar quarter: 2020-Q1 is January–March 2020, stored with the assessment's
financial-quarter label "Q4 2019/20") or `YYYY/YY` (a financial year, April to March). Value is a
number with at most 2 decimal places. Every problem names its row and column (ADR 0028).
"""

import calendar
import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from planning.action_io.common import ImportProblem, unguard

INDICATOR, PERIOD, VALUE, ORGANISATION = "Indicator", "Period", "Value", "Organisation"
HEADINGS: tuple[str, ...] = (INDICATOR, PERIOD, VALUE, ORGANISATION)
NAME_MAX = 200  # planning.Measure.name
VALUE_LIMIT = Decimal("1000000000000")  # Measure.value: 14 digits, 2 of them decimals
FIRST_YEAR, LAST_YEAR = 1990, 2100
T = TypeVar("T")

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q(\d)$")
_YEAR = re.compile(r"^(\d{4})/(\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")


class FileError(ValueError):
    """A cell that cannot be read; the message says why (it follows "Row N, column C: ")."""


@dataclass(frozen=True)
class FilePeriod:
    """A period as the file names it and as it is stored (start, end, label)."""

    text: str
    kind: str  # "month", "quarter" or "year"
    start: datetime.date
    end: datetime.date
    label: str

    @property
    def description(self) -> str:
        """ "January–March 2020" — what the file's text means, shown before anything is saved."""
        if self.kind == "month":
            return f"{self.start:%B %Y}"
        return f"{self.start:%B %Y} – {self.end:%B %Y}"


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def quarter_label(start: datetime.date) -> str:
    """The assessment's label of a quarter starting `start`: April–June is Q1 ("Q1 2019/20")."""
    first_year = start.year if start.month >= 4 else start.year - 1
    return f"Q{(start.month - 4) % 12 // 3 + 1} {first_year}/{(first_year + 1) % 100:02d}"


def _year(text: str) -> int:
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise FileError(f"has the year {year}; give a year between {FIRST_YEAR} and {LAST_YEAR}.")
    return year


def parse_period(text: str) -> FilePeriod:
    """ "2020-05" (a month), "2020-Q1" (January–March 2020) or "2020/21" (April 2020 – March 2021)."""
    value = text.strip()
    if match := _MONTH.match(value):
        year, month = _year(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise FileError(f'"{value}" has no month {match[2]}; months are 01 to 12.')
        start = datetime.date(year, month, 1)
        return FilePeriod(value, "month", start, _month_end(year, month), f"{start:%b %Y}")
    if match := _QUARTER.match(value.upper()):
        year, number = _year(match[1]), int(match[2])
        if not 1 <= number <= 4:
            raise FileError(f'"{value}" has no quarter {number}; quarters are Q1 to Q4.')
        start = datetime.date(year, 3 * number - 2, 1)
        return FilePeriod(value.upper(), "quarter", start, _month_end(year, 3 * number), quarter_label(start))
    if match := _YEAR.match(value):
        year = _year(match[1])
        if int(match[2]) != (year + 1) % 100:
            raise FileError(f'"{value}" is not a financial year: after {year} comes {(year + 1) % 100:02d}.')
        start = datetime.date(year, 4, 1)
        return FilePeriod(
            value, "year", start, datetime.date(year + 1, 3, 31), f"{year}/{(year + 1) % 100:02d}"
        )
    if not value:
        raise FileError("is empty; give the period as YYYY-MM, YYYY-Qn or YYYY/YY.")
    if _DATE.match(value):
        raise FileError(
            f'"{value}" is a date, not a period (Excel turns 2020-05 into a date): format the Period '
            "column as text and write YYYY-MM."
        )
    raise FileError(
        f'"{value[:40]}" is not a period; write YYYY-MM (2020-05), YYYY-Qn (2020-Q1) or YYYY/YY (2020/21).'
    )


def parse_value(text: str) -> Decimal:
    """A number such as 42, 1,234 or 12.5 (at most 2 decimal places)."""
    value = unguard(text.strip())
    if not value:
        raise FileError("is empty; give the figure as a number.")
    if not _NUMBER.match(value):
        raise FileError(f'"{value[:40]}" is not a number; write digits only, such as 42, 1,234 or 12.5.')
    try:
        number = Decimal(value.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise FileError(f'"{value[:40]}" is not a number.') from None
    if -number.as_tuple().exponent > 2 and number != number.quantize(Decimal("0.01")):  # type: ignore[operator]
        raise FileError(f'"{value}" has more than 2 decimal places.')
    if abs(number) >= VALUE_LIMIT:
        raise FileError(f'"{value}" is too large; a figure is below one trillion.')
    return number.quantize(Decimal("0.01"))


def heading_problems(header: list[str]) -> list[ImportProblem]:
    """The first row must be exactly Indicator, Period, Value, Organisation (in that order)."""
    found = [cell.strip() for cell in header]
    while found and not found[-1]:
        found.pop()
    if tuple(found) == HEADINGS:
        return []
    shown = ", ".join(found) if found else "nothing"
    return [
        ImportProblem(
            f"the headings must be exactly {', '.join(HEADINGS)}, in that order (found: {shown}).", 1
        )
    ]


def number_text(value: Decimal | None) -> str:
    """ "1,234", "12.5": a figure as the pages show it (blank for none)."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class UploadRow:
    """One checked row: the indicator's stored name (an existing one reused), its period, value and
    organisation (id and name)."""

    row: int
    indicator: str
    period: FilePeriod
    value: Decimal
    organisation_id: int
    organisation: str

    @property
    def value_text(self) -> str:
        return number_text(self.value)

    @property
    def key(self) -> tuple[str, datetime.date, datetime.date, int]:
        return (self.indicator.casefold(), self.period.start, self.period.end, self.organisation_id)


def check_rows(
    rows: list[tuple[int, list[str]]],
    *,
    organisations: Mapping[str, tuple[int, str]],
    allowed: set[int] | None,
    known_names: Mapping[str, str],
) -> tuple[list[UploadRow], list[ImportProblem]]:
    """Check every data row (the heading row excluded). `organisations`: each lower-cased name an
    organisation is known by → (id, name); `allowed`: the organisations the uploader may give figures for (None: any);
    `known_names`: case-folded indicator name → its stored spelling (reused, so a name is made once)."""
    names = dict(known_names)
    checked: list[UploadRow] = []
    problems: list[ImportProblem] = []
    seen: dict[tuple[str, datetime.date, datetime.date, int], int] = {}
    for number, cells in rows:
        cells = [*cells, "", "", "", ""][:4] if len(cells) <= 4 else cells
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > 4 and any(cell.strip() for cell in cells[4:]):
            problems.append(ImportProblem("has a value beyond the four columns.", number))
        row_problems = len(problems)
        name = " ".join(unguard(cells[0].strip()).split())
        if not name:
            problems.append(ImportProblem("is empty; name the indicator.", number, INDICATOR))
        elif len(name) > NAME_MAX:
            problems.append(ImportProblem(f"is longer than {NAME_MAX} characters.", number, INDICATOR))
        period = _cell(parse_period, cells[1], number, PERIOD, problems)
        value = _cell(parse_value, cells[2], number, VALUE, problems)
        organisation = _organisation(cells[3], organisations, allowed, number, problems)
        if len(problems) > row_problems or organisation is None or period is None or value is None:
            continue
        stored = names.setdefault(name.casefold(), name)
        upload = UploadRow(number, stored, period, value, organisation[0], organisation[1])
        if upload.key in seen:
            problems.append(
                ImportProblem(
                    f"repeats row {seen[upload.key]}: {stored}, {period.text}, {organisation[1]} "
                    "may appear only once.",
                    number,
                )
            )
            continue
        seen[upload.key] = number
        checked.append(upload)
    if not checked and not problems:
        problems.append(ImportProblem("The file has no figures below its headings."))
    return checked, problems


def _cell(
    parse: Callable[[str], T], cell: str, number: int, column: str, problems: list[ImportProblem]
) -> T | None:
    try:
        return parse(cell)
    except FileError as error:
        problems.append(ImportProblem(str(error), number, column))
        return None


def _organisation(
    cell: str,
    organisations: Mapping[str, tuple[int, str]],
    allowed: set[int] | None,
    number: int,
    problems: list[ImportProblem],
) -> tuple[int, str] | None:
    text = " ".join(unguard(cell.strip()).split())
    if not text:
        problems.append(
            ImportProblem("is empty; name one of the partnership's organisations.", number, ORGANISATION)
        )
        return None
    found = organisations.get(text.lower())
    if found is None:
        problems.append(
            ImportProblem(
                f'"{text[:80]}" is not one of the partnership\'s organisations.', number, ORGANISATION
            )
        )
        return None
    if allowed is not None and found[0] not in allowed:
        problems.append(
            ImportProblem(
                f"you can give figures only for your own organisation, not {found[1]}.", number, ORGANISATION
            )
        )
        return None
    return found


def parse_figure_lines(text: str) -> tuple[list[tuple[str, FilePeriod]], list[str]]:
    """The figures a data request asks for, one a line as "Indicator, Period" (the period after the
    last comma); problems name the line. Repeated lines are kept once."""
    figures: list[tuple[str, FilePeriod]] = []
    problems: list[str] = []
    seen: set[tuple[str, datetime.date, datetime.date]] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, comma, period_text = line.rpartition(",")
        name = " ".join(name.split())
        if not comma or not name:
            problems.append(
                f'Line {number}: write the indicator, a comma and the period, e.g. "Referrals, 2020/21".'
            )
            continue
        if len(name) > NAME_MAX:
            problems.append(f"Line {number}: the indicator's name is longer than {NAME_MAX} characters.")
            continue
        try:
            period = parse_period(period_text)
        except FileError as error:
            problems.append(f"Line {number}: the period {error}")
            continue
        if (name.casefold(), period.start, period.end) not in seen:
            seen.add((name.casefold(), period.start, period.end))
            figures.append((name, period))
    if not figures and not problems:
        problems.append("Name at least one figure.")
    return figures, problems
