"""Import reference tables from CSV: the ONS LSOA → district lookup, population tables and
harm-weight sets. Each file is validated completely first, then saved in one transaction."""

import csv
import io
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from crimedata.importer.errors import ImportValidationError
from crimedata.models import (
    CRIME_TYPES,
    CrimeWeight,
    LsoaDistrict,
    PopulationFigure,
    PopulationTable,
    WeightSet,
)

CODE = re.compile(r"^[A-Z][0-9]{8}$")


def _rows(path: Path, display: str) -> Iterator[tuple[int, list[str]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ImportValidationError(
            display, "the file is not UTF-8 text; save it as UTF-8 CSV.", line=line
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    for row in reader:
        if any(cell.strip() for cell in row):
            yield reader.line_num, [cell.strip() for cell in row]


def _find(header: list[str], display: str, label: str, *patterns: str, required: bool = True) -> int | None:
    for pattern in patterns:
        for index, name in enumerate(header):
            if re.fullmatch(pattern, name, flags=re.IGNORECASE):
                return index
    if required:
        raise ImportValidationError(display, f"no {label} column (header is: {', '.join(header)}).", line=1)
    return None


def _cell(row: list[str], index: int, display: str, line: int, header: list[str]) -> str:
    if index >= len(row) or not row[index]:
        raise ImportValidationError(display, "this cell is blank.", line=line, column=f'"{header[index]}"')
    return row[index]


def lsoa_lookup_import(*, user, path: Path, display: str | None = None) -> int:
    """Load an ONS LSOA → local authority district lookup (LSOA11CD/LSOA21CD, LAD..CD, LAD..NM).
    Rows replace earlier rows for the same LSOA code. Returns the number of rows."""
    display = display or str(path)
    rows = _rows(path, display)
    header_line = next(rows, None)
    if header_line is None:
        raise ImportValidationError(display, "the file is empty.", line=1)
    header = header_line[1]
    lsoa = _find(header, display, "LSOA code (e.g. LSOA11CD or LSOA21CD)", r"LSOA\d{2}CD", r"LSOA ?code")
    lsoa_name = _find(header, display, "LSOA name", r"LSOA\d{2}NM", r"LSOA ?name", required=False)
    lad = _find(header, display, "district code (e.g. LAD19CD)", r"LAD\d{2}CD", r"(LAD|district) ?code")
    lad_name = _find(header, display, "district name (e.g. LAD19NM)", r"LAD\d{2}NM", r"(LAD|district) ?name")
    assert lsoa is not None and lad is not None and lad_name is not None
    vintage_match = re.match(r"LSOA(\d{2})CD", header[lsoa], flags=re.IGNORECASE)
    vintage = f"20{vintage_match.group(1)}" if vintage_match else ""
    records: dict[str, LsoaDistrict] = {}
    for line, row in rows:
        code = _cell(row, lsoa, display, line, header)
        district_code = _cell(row, lad, display, line, header)
        for value, index in ((code, lsoa), (district_code, lad)):
            if not CODE.match(value):
                raise ImportValidationError(
                    display,
                    f'"{value}" is not an ONS code (a letter and 8 digits).',
                    line=line,
                    column=f'"{header[index]}"',
                )
        name = _cell(row, lad_name, display, line, header)
        previous = records.get(code)
        if previous is not None and previous.district_code != district_code:
            raise ImportValidationError(
                display,
                f"{code} is listed twice with different districts.",
                line=line,
                column=f'"{header[lsoa]}"',
            )
        records[code] = LsoaDistrict(
            lsoa_code=code,
            lsoa_name=row[lsoa_name] if lsoa_name is not None and lsoa_name < len(row) else "",
            district_code=district_code,
            district_name=name,
            vintage=vintage,
        )
    if not records:
        raise ImportValidationError(display, "the file has a header but no rows.", line=2)
    with transaction.atomic():
        codes = list(records)
        for start in range(0, len(codes), 5000):
            LsoaDistrict.objects.filter(lsoa_code__in=codes[start : start + 5000]).delete()
        LsoaDistrict.objects.bulk_create(records.values(), batch_size=2000)
    return len(records)


def population_import(
    *, user, path: Path, name: str, source: str, is_example: bool = False, display: str | None = None
) -> PopulationTable:
    """Load a population table (area code, area name, year, population); replaces one of the same name."""
    display = display or str(path)
    rows = _rows(path, display)
    header_line = next(rows, None)
    if header_line is None:
        raise ImportValidationError(display, "the file is empty.", line=1)
    header = header_line[1]
    code_i = _find(header, display, "area code", r"area ?code", r"code", r"LAD\d{2}CD")
    name_i = _find(header, display, "area name", r"area ?name", r"name", r"LAD\d{2}NM")
    year_i = _find(header, display, "year", r"year")
    pop_i = _find(header, display, "population", r"population", r"pop(ulation)? ?count")
    figures: dict[tuple[str, int], PopulationFigure] = {}
    for line, row in rows:
        code = _cell(row, code_i, display, line, header)  # type: ignore[arg-type]
        year_text = _cell(row, year_i, display, line, header)  # type: ignore[arg-type]
        pop_text = _cell(row, pop_i, display, line, header).replace(",", "")  # type: ignore[arg-type]
        if not year_text.isdigit() or not 1900 <= int(year_text) <= 2100:
            raise ImportValidationError(
                display,
                f'"{year_text}" is not a year.',
                line=line,
                column=f'"{header[year_i]}"',  # type: ignore[index]
            )
        if not pop_text.isdigit():
            raise ImportValidationError(
                display,
                f'"{pop_text}" is not a whole number of people.',
                line=line,
                column=f'"{header[pop_i]}"',  # type: ignore[index]
            )
        key = (code, int(year_text))
        if key in figures:
            raise ImportValidationError(display, f"{code} {year_text} is listed twice.", line=line)
        figures[key] = PopulationFigure(
            area_code=code,
            area_name=_cell(row, name_i, display, line, header),  # type: ignore[arg-type]
            year=int(year_text),
            population=int(pop_text),
        )
    if not figures:
        raise ImportValidationError(display, "the file has a header but no rows.", line=2)
    with transaction.atomic():
        table, _ = PopulationTable.objects.update_or_create(
            name=name, defaults={"source": source, "is_example": is_example}
        )
        table.figures.all().delete()
        for figure in figures.values():
            figure.table = table
        PopulationFigure.objects.bulk_create(figures.values(), batch_size=2000)
    return table


def weights_import(
    *,
    user,
    path: Path,
    name: str,
    version: str,
    source: str,
    is_example: bool = False,
    display: str | None = None,
) -> WeightSet:
    """Load a harm-weight set (crime type, weight); replaces the set with the same name and version."""
    display = display or str(path)
    rows = _rows(path, display)
    header_line = next(rows, None)
    if header_line is None:
        raise ImportValidationError(display, "the file is empty.", line=1)
    header = header_line[1]
    type_i = _find(header, display, "crime type", r"crime ?type")
    weight_i = _find(header, display, "weight", r"weight")
    weights: dict[str, Decimal] = {}
    for line, row in rows:
        crime_type = _cell(row, type_i, display, line, header)  # type: ignore[arg-type]
        matched = next((t for t in CRIME_TYPES if t.lower() == crime_type.lower()), None)
        if matched is None:
            raise ImportValidationError(
                display,
                f'"{crime_type}" is not a police.uk crime type.',
                line=line,
                column=f'"{header[type_i]}"',  # type: ignore[index]
            )
        text = _cell(row, weight_i, display, line, header)  # type: ignore[arg-type]
        try:
            weight = Decimal(text)
        except InvalidOperation:
            weight = Decimal(-1)
        if not weight.is_finite() or weight < 0 or weight >= Decimal("1e8"):
            raise ImportValidationError(
                display,
                f'"{text}" is not a weight (a number from 0).',
                line=line,
                column=f'"{header[weight_i]}"',  # type: ignore[index]
            )
        if matched in weights:
            raise ImportValidationError(display, f'"{matched}" is listed twice.', line=line)
        weights[matched] = weight.quantize(Decimal("0.0001"))
    if not weights:
        raise ImportValidationError(display, "the file has a header but no rows.", line=2)
    with transaction.atomic():
        weight_set, _ = WeightSet.objects.update_or_create(
            name=name, version=version, defaults={"source": source, "is_example": is_example}
        )
        weight_set.weights.all().delete()
        CrimeWeight.objects.bulk_create(
            [CrimeWeight(weight_set=weight_set, crime_type=t, weight=w) for t, w in weights.items()]
        )
    return weight_set
