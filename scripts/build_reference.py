"""Rebuild core/reference/lad23_csp23_pfa23.csv from the ONS lookup and our police.uk slug table.

    .venv/bin/python scripts/build_reference.py [path/to/LAD23_CSP23_PFA23_EW_LU.csv]

The default input is ../shared/reference/LAD23_CSP23_PFA23_EW_LU.csv beside the checkout. The ONS
columns are kept as they are (ObjectId dropped), each row gets the force's data.police.uk id and name
from core/reference/police_forces.csv, and rows are sorted by district code then CSP code (UTF-8, no
BOM, LF). The script refuses an ONS area with no slug and a slug with no ONS area, then checks the
result with the same reader as the installer and prints its sha256 for core/reference/README.md.
"""

import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.reference.lookup import COLUMNS, SHIPPED, read_lookup  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "LAD23_CSP23_PFA23_EW_LU.csv"
FORCES = ROOT / "core" / "reference" / "police_forces.csv"


def build(source: Path, forces_path: Path = FORCES, target: Path = SHIPPED) -> str:
    with forces_path.open(encoding="utf-8", newline="") as handle:
        forces = {row["PFA23CD"]: (row["force_slug"], row["force_name"]) for row in csv.DictReader(handle)}
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = [[row[c] for c in COLUMNS[:6]] for row in csv.DictReader(handle)]
    areas = {row[4] for row in rows}
    if areas != set(forces):
        missing, extra = sorted(areas - set(forces)), sorted(set(forces) - areas)
        raise SystemExit(f"{forces_path.name}: no slug for {missing}; no ONS area for {extra}.")
    rows.sort(key=lambda row: (row[0], row[2]))
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(row + list(forces[row[4]]) for row in rows)
    lookup = read_lookup(target)
    print(f"{target.relative_to(ROOT)}: {len(rows)} rows, {len(lookup.districts)} districts, ", end="")
    print(f"{len(lookup.areas)} partnership areas, {len(lookup.forces)} forces")
    return hashlib.sha256(target.read_bytes()).hexdigest()


if __name__ == "__main__":
    print("sha256", build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE))
