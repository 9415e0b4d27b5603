"""Import the analysis's reference tables from CSV: a most similar group of districts and the
ONS LSOA → ward lookup. Each file is validated completely first, then saved in one transaction
(nothing is saved when any row is wrong; the refusal names the file, line and column)."""

from pathlib import Path
from typing import Any

from django.db import transaction

from assessment.models import ComparatorGroup, ComparatorMember, LsoaWard
from crimedata.importer.errors import ImportValidationError
from crimedata.reference import CODE, _cell, _find, _rows


def _code(row: list[str], index: int, display: str, line: int, header: list[str]) -> str:
    value = _cell(row, index, display, line, header)
    if not CODE.match(value):
        raise ImportValidationError(
            display,
            f'"{value}" is not an ONS code (a letter and 8 digits).',
            line=line,
            column=f'"{header[index]}"',
        )
    return value


def comparator_group_import(
    *,
    user: Any,
    path: Path,
    name: str,
    source: str = "",
    is_example: bool = False,
    display: str | None = None,
) -> ComparatorGroup:
    """Load a most similar group (district code, district name per row); replaces a group of the same name."""
    display = display or str(path)
    if not name.strip() or len(name) > 200:
        raise ImportValidationError(display, "give the group a name of at most 200 characters.", line=1)
    rows = _rows(path, display)
    header_line = next(rows, None)
    if header_line is None:
        raise ImportValidationError(display, "the file is empty.", line=1)
    header = header_line[1]
    code_i = _find(header, display, "district code (e.g. LAD23CD)", r"LAD\d{2}CD", r"(district ?)?code")
    name_i = _find(header, display, "district name (e.g. LAD23NM)", r"LAD\d{2}NM", r"(district ?)?name")
    assert code_i is not None and name_i is not None
    members: dict[str, str] = {}
    for line, row in rows:
        code = _code(row, code_i, display, line, header)
        district_name = _cell(row, name_i, display, line, header)
        if code in members:
            raise ImportValidationError(
                display, f"{code} is listed twice.", line=line, column=f'"{header[code_i]}"'
            )
        if len(district_name) > 200:
            raise ImportValidationError(
                display, "the name is longer than 200 characters.", line=line, column=f'"{header[name_i]}"'
            )
        members[code] = district_name
    if len(members) < 2:
        raise ImportValidationError(display, "a group needs at least two districts.", line=2)
    with transaction.atomic():
        group, _ = ComparatorGroup.objects.update_or_create(
            name=name.strip(), defaults={"source": source, "is_example": is_example}
        )
        ComparatorMember.objects.filter(group=group).delete()
        ComparatorMember.objects.bulk_create(
            ComparatorMember(group=group, district_code=code, district_name=n) for code, n in members.items()
        )
    return group


def ward_lookup_import(*, user: Any, path: Path, display: str | None = None) -> int:
    """Load an ONS LSOA → ward lookup (LSOA11CD/LSOA21CD, WD..CD, WD..NM, optional LAD..CD); rows
    replace earlier rows for the same LSOA. Returns the number of rows."""
    display = display or str(path)
    rows = _rows(path, display)
    header_line = next(rows, None)
    if header_line is None:
        raise ImportValidationError(display, "the file is empty.", line=1)
    header = header_line[1]
    lsoa_i = _find(header, display, "LSOA code (e.g. LSOA21CD)", r"LSOA\d{2}CD", r"LSOA ?code")
    ward_i = _find(header, display, "ward code (e.g. WD23CD)", r"WD\d{2}CD", r"ward ?code")
    name_i = _find(header, display, "ward name (e.g. WD23NM)", r"WD\d{2}NM", r"ward ?name")
    lad_i = _find(header, display, "district code", r"LAD\d{2}CD", r"district ?code", required=False)
    assert lsoa_i is not None and ward_i is not None and name_i is not None
    records: dict[str, LsoaWard] = {}
    for line, row in rows:
        lsoa = _code(row, lsoa_i, display, line, header)
        ward = _code(row, ward_i, display, line, header)
        ward_name = _cell(row, name_i, display, line, header)[:200]
        lad = _code(row, lad_i, display, line, header) if lad_i is not None else ""
        earlier = records.get(lsoa)
        if earlier is not None and earlier.ward_code != ward:
            raise ImportValidationError(
                display,
                f"{lsoa} is listed twice with different wards.",
                line=line,
                column=f'"{header[lsoa_i]}"',
            )
        records[lsoa] = LsoaWard(lsoa_code=lsoa, ward_code=ward, ward_name=ward_name, district_code=lad)
    if not records:
        raise ImportValidationError(display, "the file has a header but no rows.", line=2)
    with transaction.atomic():
        codes = list(records)
        for start in range(0, len(codes), 5000):
            LsoaWard.objects.filter(lsoa_code__in=codes[start : start + 5000]).delete()
        LsoaWard.objects.bulk_create(records.values(), batch_size=2000)
    return len(records)
