"""Street rows with coordinates written as Parquet in the store's layout, for the map tests."""

import datetime
from pathlib import Path

import duckdb
from django.conf import settings

from tests.assessment.helpers import TM, add_counts, force_month

APR, MAY = datetime.date(2019, 4, 1), datetime.date(2019, 5, 1)
# (LSOA code, name, longitude, latitude) of four made-up Tonbridge and Malling LSOAs
LSOAS = [
    ("E01099001", "Tonbridge and Malling 001A", 0.27, 51.19),
    ("E01099002", "Tonbridge and Malling 002A", 0.29, 51.20),
    ("E01099003", "Tonbridge and Malling 003A", 0.31, 51.21),
    ("E01099004", "Tonbridge and Malling 004A", 0.35, 51.25),
]


def street_rows() -> list[tuple]:
    """(month, crime type, LSOA code, LSOA name, longitude, latitude, location, district name, code)."""
    rows: list[tuple] = []
    for i, (code, name, lon, lat) in enumerate(LSOAS):
        for j in range(3 + 4 * i):  # 3, 7, 11 and 15 burglaries
            month = APR if j % 2 else MAY
            rows.append((month, "Burglary", code, name, lon + j * 1e-4, lat, f"On or near Street {i}", *TM))
        rows.append((APR, "Anti-social behaviour", code, name, lon, lat, "On or near Park", *TM))
    rows.append((APR, "Burglary", "E01099001", "Tonbridge and Malling 001A", None, None, "No Location", *TM))
    rows.append(
        (
            APR,
            "Burglary",
            "E01000009",
            "Sevenoaks 001A",
            0.19,
            51.27,
            "On or near X",
            "Sevenoaks",
            "E07000111",
        )
    )
    return rows


def write_street_parquet(rows: list[tuple]) -> None:
    """One Parquet file per month, registered as the force-month's current file."""
    for month in sorted({r[0] for r in rows}):
        relative = f"force=kent/month={month:%Y-%m}/maps.parquet"
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
            "INSERT INTO t VALUES ('x', ?, 'Kent Police', 'Kent Police', ?, ?, ?, ?, ?, ?, NULL, NULL, 'kent', ?, ?)",
            [
                (m, lon, lat, loc, code, name, ctype, dn, dc)
                for m, ctype, code, name, lon, lat, loc, dn, dc in rows
                if m == month
            ],
        )
        con.execute(f"COPY t TO '{path}' (FORMAT parquet)")
        con.close()
        force_month(month, path=relative)
        add_counts(month, {"Burglary": 1})  # so the file is known to hold the district's rows
