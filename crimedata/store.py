"""Where the raw police.uk rows live: Parquet files under settings.CRIME_DATA_DIR, one current
file per force and month, found through ForceMonth rows (the database commit is the switch).

Parquet columns (a contract other apps rely on): crime_id VARCHAR, month DATE (first of month),
reported_by, falls_within VARCHAR, longitude DOUBLE, latitude DOUBLE, location, lsoa_code,
lsoa_name, crime_type, last_outcome_category, context VARCHAR, force VARCHAR (slug),
district_name VARCHAR ('' for rows with no location), district_code VARCHAR (NULL when unknown).
Empty CSV fields are stored as NULL.

Read them with `hive_partitioning=false` (use `parquet_source(paths)`): the folder names
`force=<slug>/month=<YYYY-MM>` otherwise make DuckDB replace the file's DATE `month` column with
the folder's VARCHAR value.
"""

import os
import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import duckdb
from django.conf import settings

PARQUET_COLUMNS: list[tuple[str, str]] = [
    ("crime_id", "VARCHAR"),
    ("month", "DATE"),
    ("reported_by", "VARCHAR"),
    ("falls_within", "VARCHAR"),
    ("longitude", "DOUBLE"),
    ("latitude", "DOUBLE"),
    ("location", "VARCHAR"),
    ("lsoa_code", "VARCHAR"),
    ("lsoa_name", "VARCHAR"),
    ("crime_type", "VARCHAR"),
    ("last_outcome_category", "VARCHAR"),
    ("context", "VARCHAR"),
    ("force", "VARCHAR"),
    ("district_name", "VARCHAR"),
    ("district_code", "VARCHAR"),
]


def data_dir() -> Path:
    return Path(settings.CRIME_DATA_DIR)


def relative_month_folder(force_slug: str, month: date) -> str:
    return f"force={force_slug}/month={month:%Y-%m}"


def current_parquet_paths(
    months: list[date] | None = None, forces: Iterable[str] | None = None
) -> list[Path]:
    """Absolute paths of the current Parquet files, optionally for some months and force slugs."""
    from crimedata.models import ForceMonth

    rows = ForceMonth.objects.all()
    if months is not None:
        rows = rows.filter(month__in=[m.replace(day=1) for m in months])
    if forces is not None:
        rows = rows.filter(force__slug__in=list(forces))
    root = data_dir()
    return [
        root / path for path in rows.order_by("force__slug", "month").values_list("parquet_path", flat=True)
    ]


def parquet_source(paths: list[Path]) -> str:
    """SQL for a FROM clause over these files (hive partitioning off: see the module notes)."""
    listed = "[" + ", ".join(sql_string(p) for p in paths) + "]"
    return f"read_parquet({listed}, hive_partitioning=false)"


def duckdb_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the configured memory and thread limits."""
    con = duckdb.connect(":memory:")
    con.execute(f"SET memory_limit = '{_safe(settings.DUCKDB_MEMORY_LIMIT)}'")
    con.execute(f"SET threads = {int(settings.DUCKDB_THREADS)}")
    con.execute("SET preserve_insertion_order = false")
    return con


_shared_lock = threading.Lock()
_shared: dict[str, object] = {}
_thread = threading.local()


def duckdb_cursor() -> duckdb.DuckDBPyConnection:
    """This thread's cursor on the process's one DuckDB connection (opened on first use, and again
    in a forked child). Read-only work over Parquet files; never close it."""
    pid = os.getpid()
    with _shared_lock:
        if _shared.get("pid") != pid:
            _shared.update(pid=pid, connection=duckdb_connection())
        connection = _shared["connection"]
    assert isinstance(connection, duckdb.DuckDBPyConnection)
    if getattr(_thread, "connection", None) is not connection:
        _thread.connection = connection
        _thread.cursor = connection.cursor()
    cursor: duckdb.DuckDBPyConnection = _thread.cursor
    return cursor


def sql_string(value: str | Path) -> str:
    """A SQL string literal (DuckDB cannot take parameters in every place a path goes)."""
    return "'" + str(value).replace("'", "''") + "'"


def _safe(value: str) -> str:
    if not all(ch.isalnum() or ch in " ._" for ch in str(value)):
        raise ValueError(f"DUCKDB_MEMORY_LIMIT {value!r} is not a size such as '1GB'.")
    return str(value)
