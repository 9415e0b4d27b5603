"""Stage street files as Parquet with DuckDB (validating as it reads), then switch the database
over in one transaction. Nothing becomes visible unless every file is valid and the commit
succeeds; on any failure the new files are removed."""
# ruff: noqa: S608  (DuckDB SQL built from constants and sql_string()-quoted paths, never user text)

import logging
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
from django.db import connection, transaction
from django.utils import timezone

from crimedata import cleanup
from crimedata.importer import districts
from crimedata.importer.errors import ImportValidationError
from crimedata.importer.files import StreetFile
from crimedata.importer.validate import (
    COLUMN_MAX,
    CONTROL_SQL_PATTERN,
    FIELD_MAX,
    HEADER,
    check_header,
    scan_file,
)
from crimedata.models import CRIME_TYPES
from crimedata.store import PARQUET_COLUMNS, data_dir, duckdb_connection, relative_month_folder, sql_string

log = logging.getLogger(__name__)
Progress = Callable[[int, str], None]
BATCH_BYTES = 192 * 1024 * 1024  # CSV bytes read into DuckDB at once (bounded memory)
RAW_NAMES = [
    "crime_id", "month_raw", "reported_by", "falls_within", "lon_raw", "lat_raw", "location",
    "lsoa_code", "lsoa_name", "crime_type", "last_outcome_category", "context",
]  # fmt: skip


@dataclass
class StagedMonth:
    file: StreetFile
    rows: int = 0
    falls_within: str = ""
    parquet: Path | None = None  # final location (new name) once moved
    counts: list[tuple[str, str | None, str, int]] = field(default_factory=list)
    force_month: Any = None  # the ForceMonth row, once saved


@dataclass
class ImportSummary:
    files: int
    rows: int
    force_months: list[tuple[str, date, int]]
    skipped: list[str]

    def lines(self) -> list[str]:
        out = [f"Imported {self.files} file(s), {self.rows:,} rows, {len(self.force_months)} force-month(s)."]
        out += [f"  {slug} {month:%Y-%m}: {rows:,} rows" for slug, month, rows in self.force_months]
        if self.skipped:
            out.append(f"Skipped {len(self.skipped)} file(s) that are not street files:")
            out += [f"  {name}" for name in self.skipped]
        return out


def import_street_files(
    files: list[StreetFile],
    *,
    user,
    skipped: list[str] | None = None,
    is_example: bool = False,
    source_prefix: str = "",
    progress: Progress | None = None,
) -> ImportSummary:
    """Validate and import `files` all or nothing; re-importing a force-month replaces it."""
    if not files:
        raise ImportValidationError("(input)", "no street files (YYYY-MM-<force>-street.csv) were found.")
    report = progress or (lambda percent, message: None)
    with cleanup.import_lock():  # one import at a time; what killed ones left is removed first
        cleanup.store_clean()
        staged = _import_locked(files, report, user=user, is_example=is_example, source_prefix=source_prefix)
    report(100, "Done")
    return ImportSummary(
        files=len(staged),
        rows=sum(item.rows for item in staged),
        force_months=[(i.file.force_slug, i.file.month, i.rows) for i in staged],
        skipped=list(skipped or []),
    )


def _import_locked(
    files: list[StreetFile], report: Progress, *, user, is_example: bool, source_prefix: str
) -> list[StagedMonth]:
    root = data_dir()
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".staging-{uuid.uuid4().hex}"
    staging.mkdir()
    moved: list[Path] = []
    try:
        staged = _stage_all(files, staging, report)
        for item in staged:
            moved.append(_place(item, staging, root))
        report(92, "Saving counts")
        _commit(staged, user=user, is_example=is_example, source_prefix=source_prefix)
    except BaseException:
        for path in moved:
            path.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return staged


def _batches(files: list[StreetFile]) -> list[list[StreetFile]]:
    batches: list[list[StreetFile]] = [[]]
    size = 0
    for item in sorted(files, key=lambda f: (f.month, f.force_slug)):
        if batches[-1] and size + item.size > BATCH_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(item)
        size += item.size
    return batches


def _stage_all(files: list[StreetFile], staging: Path, report: Progress) -> list[StagedMonth]:
    con = duckdb_connection()
    try:
        con.execute(f"SET temp_directory = {sql_string(staging / 'duckdb-tmp')}")
        districts.load_tables(con, staging)
        staged: list[StagedMonth] = []
        batches = _batches(files)
        done_bytes, total_bytes = 0, max(sum(f.size for f in files), 1)
        for number, batch in enumerate(batches):
            report(int(90 * done_bytes / total_bytes), f"Reading files ({len(staged)} of {len(files)} done)")
            staged += _stage_batch(con, batch, staging, number)
            done_bytes += sum(f.size for f in batch)
        return staged
    finally:
        con.close()


def _read_sql(paths: list[Path]) -> str:
    columns = "{" + ", ".join(f"'{name}': 'VARCHAR'" for name in RAW_NAMES) + "}"
    listed = "[" + ", ".join(sql_string(p) for p in paths) + "]"
    return (
        f"read_csv({listed}, header=true, columns={columns}, auto_detect=false, delim=',', quote='\"', "
        "escape='\"', strict_mode=true, null_padding=false, filename=true, encoding='utf-8')"
    )


def _stage_batch(
    con: duckdb.DuckDBPyConnection, batch: list[StreetFile], staging: Path, number: int
) -> list[StagedMonth]:
    """Stream the batch's CSVs straight into Parquet (one partition per force-month), failing on
    the first bad row; then count the written rows by district and crime type."""
    members = staging / f"members-{number}"
    members.mkdir()
    local = {item.materialise(members): item for item in batch}
    for path, item in local.items():
        check_header(path, item.display_name)
    con.execute("CREATE OR REPLACE TABLE files (filename VARCHAR, force VARCHAR, month_key VARCHAR)")
    con.executemany(
        "INSERT INTO files VALUES (?, ?, ?)",
        [(str(p), item.force_slug, f"{item.month:%Y-%m}") for p, item in local.items()],
    )
    out = staging / f"out-{number}"
    try:
        con.execute(
            f"COPY ({_typed_rows_sql(list(local))}) TO {sql_string(out)} "
            "(FORMAT parquet, PARTITION_BY (p_force, p_month), FILENAME_PATTERN 'part_{uuid}')"
        )
    except duckdb.Error as exc:
        _locate(local, str(exc))
    staged = _count_written(con, out, local)
    _single_files(con, out, staged)
    shutil.rmtree(members, ignore_errors=True)
    return staged


def _typed_rows_sql(paths: list[Path]) -> str:
    """The Parquet columns of every row, plus the partition keys. A row breaking a rule (month
    not the file's, coordinates not numbers in range, unknown crime type) raises an error, and
    the Python scanner then says where."""
    prefix = districts.LSOA_PREFIX_SQL.format(col="r.lsoa_name")
    types = ", ".join(sql_string(t) for t in CRIME_TYPES)
    lon = "nullif(trim(r.lon_raw), '')"
    lat = "nullif(trim(r.lat_raw), '')"
    located = "NOT (r.lsoa_code IS NULL AND r.lsoa_name IS NULL)"
    checks = (
        f"CASE WHEN r.month_raw IS DISTINCT FROM f.month_key THEN error('a Month does not match its file') "
        f"WHEN NOT (({lon} IS NULL AND {lat} IS NULL) OR (coalesce(TRY_CAST({lon} AS DOUBLE) BETWEEN -180 AND 180, false) "
        f"AND coalesce(TRY_CAST({lat} AS DOUBLE) BETWEEN -90 AND 90, false))) THEN error('bad coordinates') "
        f"WHEN r.crime_type IS NULL OR r.crime_type NOT IN ({types}) THEN error('unknown crime type') "
        f"WHEN {_text_rules_sql()} THEN error('a field has a control character or is too long') "
        "ELSE CAST(f.month_key || '-01' AS DATE) END"
    )
    return f"""SELECT r.crime_id, {checks} AS month, r.reported_by, r.falls_within,
            TRY_CAST({lon} AS DOUBLE) AS longitude, TRY_CAST({lat} AS DOUBLE) AS latitude,
            r.location, r.lsoa_code, r.lsoa_name, r.crime_type, r.last_outcome_category, r.context,
            f.force,
            CASE WHEN {located} THEN coalesce(l.district_name, n.district_name, {prefix}, '') ELSE '' END
                AS district_name,
            CASE WHEN {located} THEN coalesce(l.district_code, n.district_code) END AS district_code,
            f.force AS p_force, f.month_key AS p_month
        FROM {_read_sql(paths)} r
        JOIN files f ON r.filename = f.filename
        LEFT JOIN lsoa_lookup l ON l.lsoa_code = r.lsoa_code
        LEFT JOIN district_names n ON n.key = lower({prefix})"""


def _text_rules_sql() -> str:
    """True for a row breaking validate.text_problem's rules (control characters, lengths)."""
    fields = [f"r.{name}" for name in RAW_NAMES]
    lengths = " OR ".join(
        f"coalesce(length({field}), 0) > {COLUMN_MAX.get(index, FIELD_MAX)}"
        for index, field in enumerate(fields)
    )
    joined = "concat_ws('', " + ", ".join(fields) + ")"
    return f"({lengths} OR regexp_matches({joined}, {sql_string(CONTROL_SQL_PATTERN)}))"


def _locate(local: dict[Path, StreetFile], duckdb_message: str) -> None:
    """DuckDB found a problem: find its file, line and column with the Python scanner."""
    for path, item in local.items():
        scan_file(path, item.display_name, item.month)
    first = duckdb_message.strip().splitlines()[0] if duckdb_message.strip() else "unknown problem"
    names = ", ".join(item.display_name for item in local.values())
    raise ImportValidationError(names, f"could not be read: {first}")


def _count_written(
    con: duckdb.DuckDBPyConnection, out: Path, local: dict[Path, StreetFile]
) -> list[StagedMonth]:
    """Rows by force-month, district and crime type, read back from the Parquet just written."""
    staged = [StagedMonth(item) for item in local.values()]
    if not any(out.rglob("*.parquet")):
        return staged
    keyed = {(s.file.force_slug, f"{s.file.month:%Y-%m}"): s for s in staged}
    rows = con.execute(
        f"SELECT p_force, p_month, district_name, district_code, crime_type, count(*), min(falls_within) "
        f"FROM read_parquet({sql_string(out / '*' / '*' / '*.parquet')}, hive_partitioning=true, "
        "hive_types_autocast=false) GROUP BY ALL"
    ).fetchall()
    for force, month_key, name, code, crime_type, count, falls_within in rows:
        item = keyed[(force, month_key)]
        item.counts.append((name, code, crime_type, count))
        item.rows += count
        if falls_within and (not item.falls_within or falls_within < item.falls_within):
            item.falls_within = falls_within
    for item in staged:
        item.counts.sort(key=str)
    return staged


def _single_files(con: duckdb.DuckDBPyConnection, out: Path, staged: list[StagedMonth]) -> None:
    """One Parquet file per force-month, named for it, with exactly the store's columns."""
    columns = ", ".join(name for name, _ in PARQUET_COLUMNS)
    for item in staged:
        folder = out / f"p_force={item.file.force_slug}" / f"p_month={item.file.month:%Y-%m}"
        parts = sorted(folder.glob("*.parquet")) if folder.exists() else []
        target = out / f"{item.file.force_slug}-{item.file.month:%Y-%m}.parquet"
        if len(parts) == 1:
            parts[0].rename(target)
        elif parts:  # several parts: merge them
            listed = "[" + ", ".join(sql_string(p) for p in parts) + "]"
            con.execute(
                f"COPY (SELECT {columns} FROM read_parquet({listed}, hive_partitioning=false)) "
                f"TO {sql_string(target)} (FORMAT parquet)"
            )
        else:  # a file with a header and no rows: an empty Parquet file with the same columns
            empty = ", ".join(f"CAST(NULL AS {kind}) AS {name}" for name, kind in PARQUET_COLUMNS)
            con.execute(f"COPY (SELECT {empty} LIMIT 0) TO {sql_string(target)} (FORMAT parquet)")
        item.parquet = target


def _place(item: StagedMonth, staging: Path, root: Path) -> Path:
    assert item.parquet is not None
    folder = root / relative_month_folder(item.file.force_slug, item.file.month)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{uuid.uuid4().hex}.parquet"
    item.parquet.replace(final)
    item.parquet = final
    return final


def _commit(staged: list[StagedMonth], *, user, is_example: bool, source_prefix: str) -> None:
    """One transaction: ForceMonth rows point at the new files, with their new counts."""
    from core.models import PoliceForce
    from crimedata.models import ForceMonth

    root = data_dir()
    now = timezone.now()
    with transaction.atomic():
        forces = {f.slug: f for f in PoliceForce.objects.filter(slug__in={s.file.force_slug for s in staged})}
        for item in staged:
            slug = item.file.force_slug
            if slug not in forces:
                name = item.falls_within or slug.replace("-", " ").title()
                forces[slug], _ = PoliceForce.objects.get_or_create(slug=slug, defaults={"name": name})
        existing = {
            (fm.force_id, fm.month): fm
            for fm in ForceMonth.objects.select_for_update().filter(
                force__in=list(forces.values()), month__in={s.file.month for s in staged}
            )
        }
        superseded: list[Path] = []
        changed, created = [], []
        for item in staged:
            assert item.parquet is not None
            force = forces[item.file.force_slug]
            force_month = existing.get((force.pk, item.file.month))
            if force_month is None:
                force_month = ForceMonth(force=force, month=item.file.month)
                created.append(force_month)
            else:
                superseded.append(root / force_month.parquet_path)
                changed.append(force_month)
            force_month.parquet_path = item.parquet.relative_to(root).as_posix()
            force_month.row_count = item.rows
            force_month.source_name = (source_prefix + item.file.display_name)[:400]
            force_month.is_example = is_example
            force_month.imported_by = user
            force_month.imported_at = now
            item.force_month = force_month
        _delete_counts([fm.pk for fm in changed])
        ForceMonth.objects.bulk_update(
            changed,
            ["parquet_path", "row_count", "source_name", "is_example", "imported_by", "imported_at"],
            batch_size=500,
        )
        ForceMonth.objects.bulk_create(created, batch_size=500)
        insert_counts(staged)
        transaction.on_commit(lambda: _delete_files(superseded))


def _delete_counts(force_month_ids: list[int]) -> None:
    from crimedata.models import CrimeCount

    for start in range(0, len(force_month_ids), 500):
        CrimeCount.objects.filter(force_month_id__in=force_month_ids[start : start + 500]).delete()


def insert_counts(staged: list[StagedMonth]) -> None:
    """Bulk insert the monthly counts with executemany (much faster than ORM objects)."""
    from crimedata.models import CrimeCount

    meta = CrimeCount._meta
    columns = ["force_month_id", "month", "district_name", "district_code", "crime_type", "count"]
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({quoted}) VALUES ({placeholders})"
    rows = []
    for item in staged:
        key, month = item.force_month.pk, connection.ops.adapt_datefield_value(item.file.month)
        rows += [(key, month, name or "", code, kind, n) for name, code, kind, n in item.counts]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[start : start + 5000])


def _delete_files(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
            path.parent.rmdir()  # only when empty
        except OSError:
            pass


assert len(RAW_NAMES) == len(HEADER)
