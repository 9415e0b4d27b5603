"""Profile the planning pages in-process (Django test client, no HTTP), on the same data set as
`plan_pages.py`: per page the median time, the number of queries and their total time, and with
`--profile` the top functions by cumulative time (cProfile).

    .venv/bin/python benchmarks/profile_pages.py [--partnerships 3] [--repeat 20] [--profile PAGE]

Uses a temporary PostgreSQL cluster (as `plan_pages.py` does) unless DATABASE_URL is set.
"""

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plan_pages import CURRENT, SLUG, build, start_postgres, stop_postgres  # noqa: E402 (the script folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", action="append", default=[], help="page label (substring) to profile")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument(
        "--missing", action="store_true", help="delete the open period's updates (every action missing)"
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="csphub-profile-pg."))
    own_pg = "DATABASE_URL" not in os.environ
    try:
        os.environ.update(
            DATABASE_URL=os.environ.get("DATABASE_URL") or start_postgres(tmp),
            DJANGO_SETTINGS_MODULE="benchmarks.bench_settings",
            CSPHUB_ALLOW_DEV_SECRET="true",  # noqa: S106 (a throw-away local database)
            ALLOWED_HOSTS="testserver",
            DEBUG="false",
        )
        import django
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse

        django.setup()
        call_command("migrate", verbosity=0)
        ids = build(args.partnerships)
        if args.missing:
            from planning.models import PlanYear, Update

            year = PlanYear.objects.get(partnership__slug=SLUG, slug=CURRENT)
            deleted, _ = Update.objects.filter(period__plan_year=year, period__is_open=True).delete()
            print(f"deleted {deleted} updates of the open period")
        client = Client()
        client.force_login(ids["user"])  # type: ignore[arg-type]
        y = {"partnership": SLUG, "year": CURRENT}
        pages = {
            "floor": f"/benchmark-floor/{SLUG}/",
            "dashboard": reverse("planning:dashboard", kwargs={"partnership": SLUG}),
            "list 30": reverse("planning:action_list", kwargs={**y, "year": ids["small_year"]}),
            "list 300": reverse("planning:action_list", kwargs=y),
            "list 300 q": reverse("planning:action_list", kwargs=y) + "?q=partners",
            "action": reverse("planning:action", kwargs={**y, "pk": ids["action"]}),
            "my actions": reverse("planning:my_actions", kwargs={"partnership": SLUG}),
        }
        print("\n| page | median ms | queries | query ms | bytes |\n|---|---|---|---|---|")
        for label, url in pages.items():
            for _ in range(3):
                response = client.get(url)
                assert response.status_code == 200, (label, response.status_code)
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                client.get(url)
                times.append(time.perf_counter() - start)
            with CaptureQueriesContext(connection) as captured:
                size = len(client.get(url).content)
            query_ms = sum(float(q["time"]) for q in captured.captured_queries) * 1000
            print(
                f"| {label} | {statistics.median(times) * 1000:.1f} | {len(captured)} | {query_ms:.1f} | {size:,} |"
            )
            if label in args.profile:
                for q in captured.captured_queries:
                    print(f"    {float(q['time']) * 1000:6.1f} ms  {q['sql'][:300]}")
                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(args.repeat):
                    client.get(url)
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
                pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top // 2)
    finally:
        if own_pg:
            stop_postgres(tmp)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
