"""District resolution tables for DuckDB.

A row's district comes from its LSOA: the LSOA → district lookup when loaded (it wins), else the
LSOA name minus its final "NNNX" code, mapped through DistrictAlias (Shepway → Folkestone and
Hythe) or a known district name to get the code; otherwise the bare name with a null code.
"""
# ruff: noqa: S608  (DuckDB SQL built from constants and sql_string()-quoted paths, never user text)

import csv
from pathlib import Path

import duckdb

from core.models import District
from crimedata.models import DistrictAlias, LsoaDistrict
from crimedata.store import sql_string

# SQL: the district part of an LSOA name ("Tonbridge and Malling 012C" → "Tonbridge and Malling").
LSOA_PREFIX_SQL = (
    "CASE WHEN regexp_matches({col}, ' [0-9]{{3}}[A-Z]$') THEN rtrim(left({col}, length({col}) - 5)) "
    "ELSE trim({col}) END"
)


def name_table() -> dict[str, tuple[str, str | None]]:
    """lower(name as LSOA names spell it) → (district name, code or None)."""
    names: dict[str, tuple[str, str | None]] = {}
    for name, code in LsoaDistrict.objects.values_list("district_name", "district_code").distinct():
        names.setdefault(name.lower(), (name, code))
    for district in District.objects.all():
        names[district.name.lower()] = (district.name, district.code)
    for alias in DistrictAlias.objects.select_related("district"):
        names[alias.alias.lower()] = (alias.district.name, alias.district.code)
    return names


def load_tables(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    """Create `district_names(key, district_name, district_code)` and
    `lsoa_lookup(lsoa_code, district_name, district_code)` in the connection."""
    names_csv = folder / "district_names.csv"
    with names_csv.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "district_name", "district_code"])
        for key, (name, code) in name_table().items():
            writer.writerow([key, name, code or ""])
    lookup_csv = folder / "lsoa_lookup.csv"
    with lookup_csv.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["lsoa_code", "district_name", "district_code"])
        writer.writerows(
            LsoaDistrict.objects.values_list("lsoa_code", "district_name", "district_code").iterator()
        )
    columns = "{'a': 'VARCHAR', 'b': 'VARCHAR', 'c': 'VARCHAR'}"
    for table, path, names in (
        ("district_names", names_csv, ("key", "district_name", "district_code")),
        ("lsoa_lookup", lookup_csv, ("lsoa_code", "district_name", "district_code")),
    ):
        con.execute(
            f"CREATE OR REPLACE TABLE {table} AS SELECT a AS {names[0]}, b AS {names[1]}, "
            f"nullif(c, '') AS {names[2]} FROM read_csv({sql_string(path)}, header=true, "
            f"columns={columns}, auto_detect=false, quote='\"', escape='\"')"
        )
