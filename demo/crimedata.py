"""Demo crime data: generated police.uk-format street files for Kent, April 2018 – March 2020,
imported through the normal importer and marked as example data.

Calibrated so Tonbridge and Malling matches the seed plan exactly: victim-based crime 8,360
(2018/19) and 8,394 (2019/20, +0.4%); anti-social behaviour 1,452 and 1,693. Other districts get
plausible, deterministic figures. The LSOA names say "Shepway" (2011 LSOAs), as real files do.
"""
# ruff: noqa: S608  (DuckDB SQL built from constants and sql_string()-quoted paths, never user text)

import csv
import hashlib
import tempfile
import time
from datetime import date
from io import TextIOBase
from pathlib import Path

import duckdb

from accounts.models import User
from core.models import District, PoliceForce
from crimedata.generate import HEADER_SQL, KENT_DISTRICTS, _row_details_sql, setup
from crimedata.importer import discover, import_street_files
from crimedata.models import ASB, OTHER_AGAINST_SOCIETY, ForceMonth
from crimedata.store import sql_string

EXAMPLE_PREFIX = "EXAMPLE DATA (generated for the demo, not real police.uk data): "
FIRST_MONTH = date(2018, 4, 1)
MONTHS = 24
SEED = 20190401
KENT_CODES = {
    "Ashford": "E07000105", "Canterbury": "E07000106", "Dartford": "E07000107", "Dover": "E07000108",
    "Gravesham": "E07000109", "Maidstone": "E07000110", "Sevenoaks": "E07000111",
    "Folkestone and Hythe": "E07000112", "Swale": "E07000113", "Thanet": "E07000114",
    "Tonbridge and Malling": "E07000115", "Tunbridge Wells": "E07000116", "Medway": "E06000035",
}  # fmt: skip
# Tonbridge and Malling's yearly totals: (victim-based, ASB) for 2018/19 and 2019/20.
TARGETS = {0: (8360, 1452), 1: (8394, 1693)}
# Other districts relative to Tonbridge and Malling (2018/19, 2019/20), by LSOA-name spelling.
SCALE = {
    "Ashford": (1.25, 1.27), "Canterbury": (1.55, 1.52), "Dartford": (1.15, 1.19), "Dover": (1.20, 1.18),
    "Gravesham": (1.22, 1.26), "Maidstone": (1.75, 1.80), "Sevenoaks": (0.80, 0.82), "Shepway": (1.30, 1.33),
    "Swale": (1.60, 1.66), "Thanet": (2.05, 2.10), "Tunbridge Wells": (0.92, 0.90), "Medway": (3.10, 3.15),
}  # fmt: skip
SEASON = [1.00, 1.05, 1.06, 1.10, 1.08, 1.02, 1.00, 0.96, 0.95, 0.92, 0.90, 0.96]  # April … March
ASB_SEASON = [1.00, 1.10, 1.12, 1.20, 1.15, 1.00, 1.00, 0.88, 0.85, 0.85, 0.85, 1.00]
VB_SHARES = {
    "Violence and sexual offences": 46, "Criminal damage and arson": 13, "Other theft": 10, "Shoplifting": 9,
    "Vehicle crime": 8, "Burglary": 8, "Theft from the person": 2, "Bicycle theft": 2, "Robbery": 2,
}  # fmt: skip
OTHER_PER_MONTH = {"Public order": 62, "Drugs": 14, "Other crime": 9, "Possession of weapons": 4}
DEMO_DISTRICTS = [*KENT_DISTRICTS, ("Wealden", 0.26, 50.95)]  # Wealden: rows just outside the force


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split `total` in proportion to `weights`, summing exactly (largest remainder)."""
    raw = [total * w / sum(weights) for w in weights]
    parts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - parts[i]), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _wobble(*key: object) -> float:
    """A deterministic factor between 0.9 and 1.1."""
    digest = hashlib.sha256("|".join(map(str, key)).encode()).digest()
    return 0.9 + digest[0] / 255 * 0.2


def month_keys() -> list[str]:
    return [f"{FIRST_MONTH.year + (3 + i) // 12}-{(3 + i) % 12 + 1:02d}" for i in range(MONTHS)]


def demo_counts() -> list[tuple[str, str | None, str, int]]:
    """(month, district as LSOA names spell it or None for no location, crime type, rows)."""
    keys = month_keys()
    out: list[tuple[str, str | None, str, int]] = []
    for name, _, _ in KENT_DISTRICTS:
        for year in (0, 1):
            victim, asb = TARGETS[year]
            if name != "Tonbridge and Malling":
                factor = SCALE[name][year]
                victim, asb = round(victim * factor), round(asb * factor * _wobble(name, "asb", year))
            months = keys[12 * year : 12 * year + 12]
            for month, vb_total, asb_total in zip(
                months, apportion(victim, SEASON), apportion(asb, ASB_SEASON), strict=True
            ):
                for crime_type, n in zip(
                    VB_SHARES, apportion(vb_total, list(VB_SHARES.values())), strict=True
                ):
                    out.append((month, name, crime_type, n))
                out.append((month, name, ASB, asb_total))
                factor = 1.0 if name == "Tonbridge and Malling" else SCALE[name][year]
                for crime_type in OTHER_AGAINST_SOCIETY:
                    n = round(OTHER_PER_MONTH[crime_type] * factor * _wobble(name, crime_type, month))
                    out.append((month, name, crime_type, n))
    for month in keys:  # rows with no location, and rows in LSOAs outside Kent
        out += [(month, None, "Violence and sexual offences", 31), (month, None, "Other theft", 9)]
        out += [(month, "Wealden", "Violence and sexual offences", 12), (month, "Wealden", ASB, 6)]
    return out


def write_files(folder: Path) -> list[Path]:
    """Write the demo's 24 Kent street files under folder/YYYY-MM/."""
    counts_csv = folder / "counts.csv"
    with counts_csv.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["month_key", "district", "crime_type", "n"])
        writer.writerows(demo_counts())
    con = duckdb.connect(":memory:")
    con.execute("SET threads = 2")
    setup(con, ["kent"], districts={"kent": DEMO_DISTRICTS})
    con.execute(
        f"CREATE TABLE counts AS SELECT * FROM read_csv({sql_string(counts_csv)}, header=true, "
        "columns={'month_key': 'VARCHAR', 'district': 'VARCHAR', 'crime_type': 'VARCHAR', 'n': 'INTEGER'})"
    )
    paths = []
    for month_key in month_keys():
        target = folder / month_key / f"{month_key}-kent-street.csv"
        target.parent.mkdir(parents=True)
        con.execute(
            f"""COPY (
            WITH rows AS (
                SELECT c.month_key, c.district, c.crime_type, r.j,
                    row_number() OVER (ORDER BY c.district NULLS LAST, c.crime_type, r.j) AS rn
                FROM counts c, range(c.n) r(j) WHERE c.month_key = ?),
            joined AS (
                SELECT rows.*, l.lsoa_code, l.lsoa_name, l.lon AS lsoa_lon, l.lat AS lsoa_lat,
                    'kent' AS slug, 'Kent Police' AS force_name
                FROM rows
                LEFT JOIN gen_districts d ON d.district = rows.district
                LEFT JOIN gen_lsoas l ON l.d = d.d AND l.k = d.d * 80 + hash({SEED}, rows.rn, ?) % 80)
            SELECT {HEADER_SQL} FROM (SELECT *, {_row_details_sql(SEED, "rn")} FROM joined)
            ORDER BY lsoa_code NULLS LAST, rn
            ) TO {sql_string(target)} (FORMAT csv, HEADER, NEW_LINE '\r\n')""",
            [month_key, month_key],
        )
        paths.append(target)
    con.close()
    return paths


def _ensure_reference() -> None:
    kent, _ = PoliceForce.objects.get_or_create(slug="kent", defaults={"name": "Kent Police"})
    for name, code in KENT_CODES.items():
        if (
            not District.objects.filter(code=code).exists()
            and not District.objects.filter(name=name).exists()
        ):
            District.objects.create(code=code, name=name, police_force=kent)


def crime_data_load(*, actor: User, stdout: TextIOBase | None = None) -> int:
    """Import the demo's Kent crime data unless already there; returns the rows imported."""
    started = time.monotonic()
    months = [date(int(k[:4]), int(k[5:]), 1) for k in month_keys()]
    have = set(
        ForceMonth.objects.filter(force__slug="kent", month__in=months).values_list("month", flat=True)
    )
    if len(have) == len(months):
        if stdout:
            stdout.write("Crime data: the demo's Kent months are already imported; skipped.\n")
        return 0
    _ensure_reference()
    with tempfile.TemporaryDirectory(prefix="csphub-demo-crime-") as tmp:
        paths = [p for p in write_files(Path(tmp)) if date(int(p.name[:4]), int(p.name[5:7]), 1) not in have]
        files, _ = discover(paths)
        files = [
            type(f)(f"{f.month:%Y-%m}-kent-street.csv", f.force_slug, f.month, path=f.path, size=f.size)
            for f in files
        ]
        summary = import_street_files(files, user=actor, is_example=True, source_prefix=EXAMPLE_PREFIX)
    if stdout:
        stdout.write(
            f"Crime data: imported {summary.rows:,} example rows for {len(files)} Kent months "
            f"in {time.monotonic() - started:.1f} s.\n"
        )
    return summary.rows
