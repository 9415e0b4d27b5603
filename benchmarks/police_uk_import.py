"""Benchmark: import one national year of police.uk street files (43 forces × 12 months).

Generates the files with `generate_police_uk`, then, each in its own child process (so peak
memory is measured separately):
  (a) DuckDB alone (2 threads, bounded memory): copy the CSVs into Parquet partitioned by force
      and month, and count by district, crime type and month;
  (b) our full import (`import_police_uk`) into a fresh SQLite database.
Prints both times, the ratio (target ≤ 1.5) and peak memory (target < 2 GB).

    .venv/bin/python benchmarks/police_uk_import.py [--forces 43 --months 12 --rows 12600]
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

BASELINE = r"""
import json, os, resource, sys, time, duckdb
src, out = sys.argv[1], sys.argv[2]
started = time.perf_counter()
con = duckdb.connect()
con.execute("SET threads = 2"); con.execute("SET memory_limit = '1GB'")
# One statement per month folder: a single statement over all 516 files spills and is ~4x slower.
for month in sorted(os.listdir(src)):
    con.execute(f'''COPY (
      SELECT *, regexp_extract(filename, '\d{{4}}-\d{{2}}-(.+)-street\.csv$', 1) AS force,
             "Month" AS month,
             regexp_replace("LSOA name", ' [0-9]{{3}}[A-Z]$', '') AS district
      FROM read_csv('{src}/{month}/*-street.csv', header=true, all_varchar=true, filename=true))
      TO '{out}' (FORMAT parquet, PARTITION_BY (force, month), APPEND)''')
n = con.execute(f'''SELECT count(*) FROM (SELECT district, "Crime type", month, count(*)
  FROM read_parquet('{out}/*/*/*.parquet', hive_partitioning=true) GROUP BY ALL)''').fetchone()[0]
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "groups": n,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

OURS = r"""
import json, os, resource, sys, time
import django
django.setup()
from django.core.management import call_command
from io import StringIO
started = time.perf_counter()
out = StringIO()
call_command("import_police_uk", sys.argv[1], stdout=out)
elapsed = time.perf_counter() - started
from crimedata.models import CrimeCount
print(json.dumps({"seconds": elapsed, "summary": out.getvalue().splitlines()[0],
                  "count_rows": CrimeCount.objects.count(),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(args: list[str], env: dict[str, str] | None = None) -> dict:
    done = subprocess.run(args, env=env, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode:
        raise SystemExit(f"failed: {' '.join(args[:3])}\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forces", type=int, default=43)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--rows", type=int, default=12600)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-police-uk-"))
    try:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="csphub.settings", DEBUG="true",
                   DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}", CRIME_DATA_DIR=str(work / "store"),
                   DUCKDB_THREADS="2", DUCKDB_MEMORY_LIMIT="1GB", PYTHONPATH=str(ROOT))  # fmt: skip
        load_before = os.getloadavg()
        started = time.perf_counter()
        subprocess.run(
            [PY, "manage.py", "generate_police_uk", "--forces", str(options.forces), "--months",
             str(options.months), "--rows", str(options.rows), "--seed", "1", "--output", str(work / "csv")],
            env=env, cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        generate_s = time.perf_counter() - started
        size_mb = sum(p.stat().st_size for p in (work / "csv").rglob("*.csv")) / 1024**2
        subprocess.run([PY, "manage.py", "migrate", "-v", "0"], env=env, cwd=ROOT, check=True)
        baseline = run([PY, "-c", BASELINE, str(work / "csv"), str(work / "baseline")])
        ours = run([PY, "-c", OURS, str(work / "csv")], env=env)
        load_after = os.getloadavg()
        result = {
            "rows": options.forces * options.months * options.rows,
            "csv_mb": round(size_mb),
            "generate_s": round(generate_s, 1),
            "duckdb_s": round(baseline["seconds"], 2),
            "duckdb_peak_mb": round(baseline["peak_mb"]),
            "import_s": round(ours["seconds"], 2),
            "import_peak_mb": round(ours["peak_mb"]),
            "ratio": round(ours["seconds"] / baseline["seconds"], 2),
            "import_summary": ours["summary"],
            "crime_count_rows": ours["count_rows"],
            "load_avg_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
            "cpus": os.cpu_count(),
        }
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        _ = resource


if __name__ == "__main__":
    main()
