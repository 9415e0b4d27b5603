"""Street rows with location and outcome written as Parquet in the store's layout (for tests)."""

import datetime
from pathlib import Path

from django.conf import settings

from tests.assessment.helpers import add_counts, force_month

TM = ("Tonbridge and Malling", "E07000115")


def street(
    month: datetime.date,
    crime_type: str,
    lsoa: str = "E01000001",
    location: str = "On or near High Street",
    lon: float = 0.27,
    lat: float = 51.19,
    outcome: str | None = None,
    district: tuple[str, str | None] = TM,
) -> tuple:
    return (
        month,
        crime_type,
        lsoa,
        f"Tonbridge and Malling {lsoa[-3:]}A",
        location,
        lon,
        lat,
        outcome,
        *district,
    )


def write_months(rows: list[tuple]) -> None:
    """One Parquet file per month of the rows, registered as the force-month's current file."""
    import duckdb

    for month in sorted({r[0] for r in rows}):
        relative = f"force=kent/month={month:%Y-%m}/part.parquet"
        path = Path(settings.CRIME_DATA_DIR) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect()
        con.execute(
            "CREATE TABLE t (crime_id VARCHAR, month DATE, reported_by VARCHAR, falls_within VARCHAR, "
            "longitude DOUBLE, latitude DOUBLE, location VARCHAR, lsoa_code VARCHAR, lsoa_name VARCHAR, "
            "crime_type VARCHAR, last_outcome_category VARCHAR, context VARCHAR, force VARCHAR, "
            "district_name VARCHAR, district_code VARCHAR)"
        )
        con.executemany(
            "INSERT INTO t VALUES ('x', ?, 'Kent Police', 'Kent Police', ?, ?, ?, ?, ?, ?, ?, NULL, 'kent', ?, ?)",
            [
                (m, lon, lat, loc, lsoa, name, t, out, dn, dc)
                for m, t, lsoa, name, loc, lon, lat, out, dn, dc in rows
                if m == month
            ],
        )
        con.execute(f"COPY t TO '{path}' (FORMAT parquet)")
        con.close()
        force_month(month, path=relative)
        add_counts(month, {"Burglary": 0})  # so the file is known to hold the district's rows
