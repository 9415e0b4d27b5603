"""Benchmark: crime_summary's query for one district over three years of national counts.

Builds a throw-away database (SQLite in a temporary folder unless DATABASE_URL is set) holding
CrimeCount rows at national scale — 43 forces, 350 districts, 14 crime types, 36 months, plus the
stray rows of LSOAs outside their force and no-location rows — then times the function the
`crime_summary` command runs (district lookup, imported-month check, one aggregate query over both
periods), excluding process start and data generation.

    .venv/bin/python benchmarks/crime_summary_query.py [--repeat 20] [--seed 1]

Target: under 0.5 s per summary.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORCES, DISTRICTS, MONTHS = 43, 350, 36
STRAY_DISTRICTS_PER_FILE = 3


def setup_django(tmp: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.test_settings")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, skip_checks=True)


def generate(seed: int) -> int:
    """CrimeCount rows at national scale, written with executemany in one transaction."""
    import datetime

    from django.db import connection, transaction

    from assessment.analysis import add_months
    from core.models import District, PoliceForce
    from crimedata.models import CRIME_TYPES, CrimeCount, ForceMonth

    rng = random.Random(seed)
    forces = PoliceForce.objects.bulk_create(
        [PoliceForce(slug=f"force-{f:02d}", name=f"Force {f:02d}") for f in range(FORCES)]
    )
    districts = District.objects.bulk_create(
        [
            District(code=f"X07{d:06d}", name=f"District {d:03d}", police_force=forces[d % FORCES])
            for d in range(DISTRICTS)
        ]
    )
    months = [add_months(datetime.date(2017, 4, 1), i) for i in range(MONTHS)]
    force_months = ForceMonth.objects.bulk_create(
        [
            ForceMonth(
                force=force, month=month, parquet_path=f"force={force.slug}/month={month:%Y-%m}/x.parquet"
            )
            for force in forces
            for month in months
        ]
    )
    by_force: dict[int | None, list[District]] = {}
    for district in districts:
        by_force.setdefault(district.police_force_id, []).append(district)
    table = CrimeCount._meta.db_table
    sql = (
        f"INSERT INTO {table} (force_month_id, month, district_name, district_code, crime_type, count) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, %s, %s)"
    )
    rows: list[tuple] = []
    for fm in force_months:
        for district in by_force[fm.force_id]:
            for crime_type in CRIME_TYPES:
                rows.append((fm.pk, fm.month, district.name, district.code, crime_type, rng.randint(0, 400)))
        for district in rng.sample(districts, STRAY_DISTRICTS_PER_FILE):  # LSOAs outside the force
            for crime_type in rng.sample(CRIME_TYPES, 2):
                rows.append((fm.pk, fm.month, district.name, district.code, crime_type, rng.randint(1, 3)))
        for crime_type in CRIME_TYPES:  # no-location rows
            rows.append((fm.pk, fm.month, "", None, crime_type, rng.randint(0, 20)))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {table}")
    return len(rows)


def time_summary(district: str, start: str, end: str, repeat: int) -> tuple[list[float], dict]:
    from assessment.analysis import Period
    from assessment.selectors import crime_summary, resolve_district

    times, result = [], {}
    for _ in range(repeat):
        began = time.perf_counter()
        result = crime_summary(resolve_district(district), Period.parse(start, end))
        times.append(time.perf_counter() - began)
    return times, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder))
        from django.db import connection

        began = time.perf_counter()
        rows = generate(args.seed)
        print(
            f"database: {connection.vendor}; {rows:,} CrimeCount rows generated in {time.perf_counter() - began:.1f} s"
        )
        for label, start, end in (
            ("one year + previous year", "2019-04", "2020-03"),
            ("three years", "2017-04", "2020-03"),
        ):
            for district in ("District 123", "X07000200"):
                times, result = time_summary(district, start, end, args.repeat)
                print(
                    f"{label:<25} {district:<13} first {times[0] * 1000:7.1f} ms  median "
                    f"{statistics.median(times) * 1000:7.1f} ms  max {max(times) * 1000:7.1f} ms  "
                    f"(all crime {result['all_crime']:,}; previous {'null' if result['previous'] is None else 'present'})"
                )
                assert max(times) < 0.5, "crime_summary's query took 0.5 s or more"


if __name__ == "__main__":
    main()
