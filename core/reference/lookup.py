"""The shipped reference file: districts → community safety partnership areas → police forces.

`read_lookup(path)` reads and validates a file shaped like `lad23_csp23_pfa23.csv` (see README.md
beside it) and refuses it whole with every problem as "file, line N, column C: why".
`install_lookup(lookup, apps)` upserts it: forces by ONS area code (else by police.uk slug),
partnership areas by code, districts by ONS code (else by name), so rows that the demo, the crime
data importer or tests made earlier are updated, not duplicated. Nothing is deleted.

`install_lookup` is called by data migration core 0004 with the historical models, so it writes only
fields that exist at that migration (ADR 0015): give a later field a migration of its own.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps as global_apps

SHIPPED = Path(__file__).resolve().parent / "lad23_csp23_pfa23.csv"
COLUMNS = ["LAD23CD", "LAD23NM", "CSP23CD", "CSP23NM", "PFA23CD", "PFA23NM", "force_slug", "force_name"]
MAX_BYTES = 1_000_000
MAX_ROWS = 5_000
NAME_MAX = 200
PATTERNS = {
    "LAD23CD": (
        re.compile(r"^(E0[6-9]|W06)\d{6}$"),
        "an ONS district code (E06, E07, E08, E09 or W06 and 6 digits)",
    ),
    "CSP23CD": (
        re.compile(r"^(E22|W14)\d{6}$"),
        "an ONS community safety partnership code (E22 or W14 and 6 digits)",
    ),
    "PFA23CD": (re.compile(r"^(E23|W15)\d{6}$"), "an ONS police force area code (E23 or W15 and 6 digits)"),
    "force_slug": (
        re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$"),
        "a police.uk force id (lower-case words and hyphens)",
    ),
}


class LookupRefused(ValueError):
    """The file is refused; `problems` lists every reason as a sentence."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:20] + ([f"... and {len(problems) - 20} more."] if len(problems) > 20 else [])
        super().__init__("\n".join(shown))


@dataclass
class Lookup:
    """The validated file: forces by area code, partnership areas by code, districts by code."""

    forces: dict[str, tuple[str, str]] = field(default_factory=dict)  # PFA code → (slug, name)
    areas: dict[str, str] = field(default_factory=dict)  # CSP code → name
    districts: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)  # code → (name, PFA, CSPs)


def read_lookup(path: Path) -> Lookup:
    """Read and validate the whole file; LookupRefused with every problem found, or the Lookup."""
    label = path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise LookupRefused([f"{label}: cannot be read ({error.strerror or error})."]) from error
    if size > MAX_BYTES:
        raise LookupRefused([f"{label}: {size:,} bytes is more than the {MAX_BYTES:,} a lookup may have."])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LookupRefused([f"{label}: is not UTF-8 text (byte {error.start + 1})."]) from error
    return parse_lookup(text, label)


def parse_lookup(text: str, label: str) -> Lookup:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header != COLUMNS:
        raise LookupRefused([f"{label}, line 1: the columns must be {', '.join(COLUMNS)} (found {header})."])
    problems: list[str] = []
    lookup = Lookup()
    slugs: dict[str, str] = {}
    names: dict[str, str] = {}
    pairs: set[tuple[str, str]] = set()
    for number, row in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            problems.append(f"{label}, line {number}: more than {MAX_ROWS:,} rows.")
            break
        if len(row) != len(COLUMNS):
            problems.append(f"{label}, line {number}: {len(row)} cells, expected {len(COLUMNS)}.")
            continue
        cells = dict(zip(COLUMNS, (cell.strip() for cell in row), strict=True))
        bad = _cell_problems(cells)
        problems += [f"{label}, line {number}, column {column}: {why}" for column, why in bad]
        if bad:
            continue
        problems += [
            f"{label}, line {number}, column {column}: {why}"
            for column, why in _add_row(lookup, cells, slugs, names, pairs)
        ]
    if not lookup.districts and not problems:
        problems.append(f"{label}: holds no rows.")
    if problems:
        raise LookupRefused(problems)
    return lookup


def _cell_problems(cells: dict[str, str]) -> list[tuple[str, str]]:
    found = []
    for column, value in cells.items():
        if not value:
            found.append((column, "is empty."))
        elif column in PATTERNS and not PATTERNS[column][0].match(value):
            found.append((column, f"{value!r} is not {PATTERNS[column][1]}."))
        elif len(value) > NAME_MAX:
            found.append((column, f"is longer than {NAME_MAX} characters."))
    return found


def _add_row(
    lookup: Lookup,
    cells: dict[str, str],
    slugs: dict[str, str],
    names: dict[str, str],
    pairs: set[tuple[str, str]],
) -> list[tuple[str, str]]:
    """Record one valid row; what contradicts an earlier row (column, why)."""
    found = []
    lad, csp, pfa, slug = cells["LAD23CD"], cells["CSP23CD"], cells["PFA23CD"], cells["force_slug"]
    force = (slug, cells["force_name"])
    if lookup.forces.setdefault(pfa, force) != force:
        found.append(("force_slug", f"{pfa} was {lookup.forces[pfa]} on an earlier line, here {force}."))
    if slugs.setdefault(slug, pfa) != pfa:
        found.append(("force_slug", f"{slug!r} is already the force of {slugs[slug]}."))
    if lookup.areas.setdefault(csp, cells["CSP23NM"]) != cells["CSP23NM"]:
        found.append(("CSP23NM", f"{csp} was called {lookup.areas[csp]!r} on an earlier line."))
    district = lookup.districts.setdefault(lad, (cells["LAD23NM"], pfa, []))
    if district[:2] != (cells["LAD23NM"], pfa):
        found.append(("LAD23NM", f"{lad} was {district[0]!r} in {district[1]} on an earlier line."))
    if names.setdefault(cells["LAD23NM"].lower(), lad) != lad:
        found.append(
            ("LAD23NM", f"{cells['LAD23NM']!r} is already the name of {names[cells['LAD23NM'].lower()]}.")
        )
    if (lad, csp) in pairs:
        found.append(("CSP23CD", f"{lad} and {csp} are listed twice."))
    pairs.add((lad, csp))
    if not found:
        district[2].append(csp)
    return found


def install_lookup(lookup: Lookup, apps: Any = global_apps) -> dict[str, int]:
    """Upsert forces, partnership areas and districts (call inside a transaction). Counts of
    created and updated rows; ValueError naming the rows when an existing row stands in the way."""
    force_model = apps.get_model("core", "PoliceForce")
    area_model = apps.get_model("core", "CspArea")
    district_model = apps.get_model("core", "District")
    counts = dict.fromkeys(["forces created", "forces updated", "areas created", "areas updated"], 0)
    counts |= {"districts created": 0, "districts updated": 0}

    forces = {}
    for pfa, (slug, name) in lookup.forces.items():
        row = (
            force_model.objects.filter(pfa_code=pfa).first() or force_model.objects.filter(slug=slug).first()
        )
        forces[pfa] = _upsert(
            force_model, row, {"pfa_code": pfa, "slug": slug, "name": name}, counts, "forces"
        )
    areas = {}
    for code, name in lookup.areas.items():
        row = area_model.objects.filter(code=code).first()
        areas[code] = _upsert(area_model, row, {"code": code, "name": name}, counts, "areas")
    _refuse_name_clashes(district_model, lookup)
    for code, (name, pfa, csps) in lookup.districts.items():
        row = (
            district_model.objects.filter(code=code).first()
            or district_model.objects.filter(name=name).first()
        )
        before = counts["districts updated"]
        values = {"code": code, "name": name, "police_force": forces[pfa]}
        district = _upsert(district_model, row, values, counts, "districts")
        wanted = {areas[c].pk for c in csps}
        if set(district.csp_areas.values_list("pk", flat=True)) != wanted:
            district.csp_areas.set(wanted)
            if row is not None and counts["districts updated"] == before:
                counts["districts updated"] += 1
    return counts


def _upsert(model: Any, row: Any, values: dict[str, Any], counts: dict[str, int], what: str) -> Any:
    if row is None:
        counts[f"{what} created"] += 1
        return model.objects.create(**values)
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed)
        counts[f"{what} updated"] += 1
    return row


def _refuse_name_clashes(district_model: Any, lookup: Lookup) -> None:
    """A district the file names after another row's code would break the unique name: refuse."""
    clashes = []
    by_name = {name: code for code, (name, _, _) in lookup.districts.items()}
    for pk, code, name in district_model.objects.values_list("pk", "code", "name"):
        wanted = by_name.get(name)
        if wanted and wanted != code and district_model.objects.filter(code=wanted).exclude(pk=pk).exists():
            clashes.append(f"the district {name} ({code}) holds the name the file gives to {wanted}.")
    if clashes:
        raise ValueError("Nothing was installed: " + " ".join(clashes) + " Rename or merge it first.")
