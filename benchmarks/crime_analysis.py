"""Benchmark: the analyst's crime analysis on five years of street-level data (one force, or up to 43).

Generates `generate_police_uk --forces N --months 60` (Kent first, April 2015 – March 2020) into a
temporary folder, imports it with `import_police_uk` into a throw-away SQLite database and Parquet
store, then times, excluding process start, generation and import:

- the 5-year monthly series of one district (`crime_series`' selector: one aggregate query plus the
  imported-month check), with the analysis cache cleared before each run;
- the street-level aggregates behind hotspots by type, repeat locations and outcomes (one DuckDB
  pass over the district's Parquet files), cold cache;
- the crime analysis page for the district (Django test client, signed in as a member) with every
  section, cold (the analysis cache and the page parts cleared before each run) and warm (read from the cache).

    .venv/bin/python benchmarks/crime_analysis.py [--forces 1] [--rows 12600] [--repeat 10]

Targets (issue 14): 5-year monthly series under 0.5 s; the analysis page under 2 s on warm caches.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(tmp: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.test_settings")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.CRIME_DATA_DIR = tmp / "store"
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0, skip_checks=True)


def timed(
    function: Callable[[], object], repeat: int, before: Callable[[], object] | None = None
) -> list[float]:
    times = []
    for _ in range(repeat):
        if before:
            before()
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return times


def line(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"| {name} | {times[0] * 1000:.0f} | {statistics.median(times) * 1000:.0f} | {p95 * 1000:.0f} "
        f"| {max(times) * 1000:.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=12600, help="Rows per monthly file (Kent: about 18,000).")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--forces", type=int, default=1, help="Forces to generate (1-43; Kent first).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        setup_django(tmp)
        import datetime

        from django.core.cache import cache, caches
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from assessment.analysis import Period
        from assessment.selectors import resolve_district
        from assessment.selectors.series import crime_series
        from assessment.selectors.street import street_aggregates
        from crimedata.generate import generate
        from partnership.models import Role
        from tests.factories import MembershipFactory, PartnershipFactory, UserFactory

        began = time.perf_counter()
        result = generate(
            tmp / "csv",
            forces=args.forces,
            months=60,
            rows=args.rows,
            seed=1,
            start=datetime.date(2015, 4, 1),
        )
        generated = time.perf_counter() - began
        began = time.perf_counter()
        call_command("import_police_uk", *sorted((tmp / "csv").iterdir()), stdout=StringIO())
        imported = time.perf_counter() - began
        print(f"Generated {result.rows:,} rows in {generated:.1f} s; imported in {imported:.1f} s.")

        district = resolve_district("Tonbridge and Malling")
        five_years = Period.parse("2015-04", "2020-03")
        year = Period.plan_year(2019)
        series = crime_series([district], five_years)
        assert len(series) == 60 and series[-1]["rolling_12"] is not None
        rows = [
            line(
                "5-year monthly series, one district (cache cleared)",
                timed(lambda: crime_series([district], five_years), args.repeat, cache.clear),
            )
        ]
        rows.append(
            line(
                "street aggregates 2019/20 + 2018/19 (DuckDB, cache cleared)",
                timed(lambda: street_aggregates([district], year), args.repeat, cache.clear),
            )
        )

        from core.models import District

        partnership: Any = PartnershipFactory(slug="bench-csp", name="Bench Community Safety Partnership")
        partnership.districts.add(District.objects.get(code="E07000115"))
        user: Any = UserFactory(username="bench-member")
        MembershipFactory(user=user, partnership=partnership, role=Role.MEMBER)
        client = Client()
        client.force_login(user)
        url = "/partnerships/bench-csp/assessment/analysis/?start=2019-04&end=2020-03"

        def page() -> None:
            response = client.get(url)
            assert response.status_code == 200 and b"Is the change meaningful?" in response.content

        def clear() -> None:  # the analysis cache and the page parts (ADR 0032)
            cache.clear()
            caches["pages"].clear()

        rows.append(line("analysis page 2019/20, cold (caches cleared)", timed(page, args.repeat, clear)))
        page()
        rows.append(line("analysis page 2019/20, warm", timed(page, args.repeat * 2)))
        with CaptureQueriesContext(connection) as queries:
            page()
        print(f"Warm page: {len(queries.captured_queries)} queries.")
        print("| case | first | median | p95 | max |")
        print("|---|---|---|---|---|")
        for row in rows:
            print(row)


if __name__ == "__main__":
    main()
