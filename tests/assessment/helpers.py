"""Synthetic crime counts and Parquet files for the assessment tests (no real data, no importer)."""

import datetime
from pathlib import Path

from django.conf import settings

from assessment.analysis import Period
from core.models import District, PoliceForce
from crimedata.models import CrimeCount, ForceMonth

TM = ("Tonbridge and Malling", "E07000115")


def kent() -> PoliceForce:
    return PoliceForce.objects.get_or_create(slug="kent", defaults={"name": "Kent Police"})[0]


def district(name: str = TM[0], code: str = TM[1], force: PoliceForce | None = None) -> District:
    found = District.objects.filter(code=code).first()
    if found is None:
        found = District.objects.create(code=code, name=name, police_force=force or kent())
    elif found.police_force_id is None:
        found.police_force = force or kent()
        found.save()
    return found


def force_month(month: datetime.date, force: PoliceForce | None = None, path: str = "") -> ForceMonth:
    force = force or kent()
    fm, _ = ForceMonth.objects.get_or_create(
        force=force,
        month=month,
        defaults={"parquet_path": path or f"force={force.slug}/month={month:%Y-%m}/x.parquet"},
    )
    return fm


def add_counts(
    month: datetime.date,
    counts: dict[str, int],
    *,
    name: str = TM[0],
    code: str | None = TM[1],
    force: PoliceForce | None = None,
) -> None:
    fm = force_month(month, force)
    CrimeCount.objects.bulk_create(
        CrimeCount(force_month=fm, month=month, district_name=name, district_code=code, crime_type=t, count=n)
        for t, n in counts.items()
    )


def fill_period(period: Period, per_month: dict[str, int], **kwargs) -> None:  # type: ignore[no-untyped-def]
    for month in period.months():
        add_counts(month, per_month, **kwargs)


def write_parquet(rows: list[tuple], relative: str) -> Path:
    """Write street rows (month, crime_type, lsoa_code, lsoa_name, district_name, district_code) as
    Parquet in the store's column layout, with DuckDB."""
    import duckdb

    path = Path(settings.CRIME_DATA_DIR) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE t (crime_id VARCHAR, month DATE, reported_by VARCHAR, falls_within VARCHAR, longitude DOUBLE, "
        "latitude DOUBLE, location VARCHAR, lsoa_code VARCHAR, lsoa_name VARCHAR, crime_type VARCHAR, "
        "last_outcome_category VARCHAR, context VARCHAR, force VARCHAR, district_name VARCHAR, district_code VARCHAR)"
    )
    con.executemany(
        "INSERT INTO t VALUES ('x', ?, 'Kent Police', 'Kent Police', 0.27, 51.19, 'On or near High Street', ?, ?, ?, "
        "NULL, NULL, 'kent', ?, ?)",
        [(m, lsoa, lname, ctype, dname, dcode) for m, ctype, lsoa, lname, dname, dcode in rows],
    )
    con.execute(f"COPY t TO '{path}' (FORMAT parquet)")
    con.close()
    return path
