"""Latency of the Strategic Assessment and crime analysis pages on PostgreSQL against the floor page
(issue 14, "Speed"), measured as `plan_pages.py` measures the planning pages.

    .venv/bin/python benchmarks/assessment_pages.py [--partnerships 300] [--seconds 10] [--uncached]

Creates the database `bench_assess` on the local PostgreSQL server (127.0.0.1:5432, trust
authentication; `--server` names another) and drops it at the end, with the crime-data store in a
temporary folder. It migrates, loads the demo (`load_demo --no-users`: Kent's generated street files
for 2018–2020, the Tonbridge and Malling Strategic Assessment 2021-22 with its scores, community
views and indicators), adds `--partnerships` - 1 filler partnerships with plans (`plan_pages.build`)
and signs in a coordinator of the demo partnership. Then gunicorn (2 workers,
`benchmarks.bench_settings`: DEBUG off, the floor page's urlconf) serves the pages and `wrk -t2 -c2`
measures each for `--seconds`, printing p50/p95 in milliseconds. Traffic goes only to 127.0.0.1.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from io import StringIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plan_pages import LUA, build, csrf_cookie, free_port, measure, session_cookie  # noqa: E402

DATABASE = "bench_assess"


def admin(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(statement)


def prepare(partnerships: int) -> dict[str, Any]:
    """The demo, the filler partnerships and a signed-in coordinator of the demo partnership."""
    from django.core.management import call_command
    from django.db import connection

    from assessment.models import Assessment
    from partnership.models import Membership, Organisation, Role
    from tests.factories import UserFactory

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    call_command("load_demo", "--no-users", stdout=StringIO())
    print(f"demo loaded in {time.perf_counter() - began:.1f} s")
    if partnerships > 1:
        began = time.perf_counter()
        build(partnerships)
        print(f"filler partnerships built in {time.perf_counter() - began:.1f} s")
    assessment = Assessment.objects.select_related("partnership").order_by("pk").first()
    assert assessment is not None, "the demo made no assessment"
    team = assessment.partnership
    user: Any = UserFactory(username="bench-analyst")
    Membership.objects.create(
        user=user,
        partnership=team,
        organisation=Organisation.objects.filter(partnership=team).first(),
        role=Role.COORDINATOR,
    )
    with connection.cursor() as cursor:  # as autovacuum would soon after a bulk load
        cursor.execute("ANALYZE")
    return {"user": user, "partnership": team.slug, "assessment": assessment.slug}


def serve(app_dir: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}", "csphub.wsgi"],
        cwd=app_dir,
        env={**os.environ, "PYTHONPATH": str(app_dir)},
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/benchmark-floor/x/", timeout=2)  # noqa: S310 (127.0.0.1)
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.2)
    return server, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="checkout gunicorn runs from")
    parser.add_argument(
        "--uncached", action="store_true", help="also measure with the session cookie only (no CSRF cookie)"
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="csphub-bench-assess."))
    admin(args.server, f"DROP DATABASE IF EXISTS {DATABASE}")
    admin(args.server, f"CREATE DATABASE {DATABASE}")
    server = None
    try:
        os.environ.update(
            DATABASE_URL=f"{args.server}/{DATABASE}",
            CRIME_DATA_DIR=str(tmp / "store"),
            DJANGO_SETTINGS_MODULE="benchmarks.bench_settings",
            CSPHUB_ALLOW_DEV_SECRET="true",  # noqa: S106 (a throw-away local server)
            ALLOWED_HOSTS="127.0.0.1",
            DEBUG="false",
        )
        import django
        from django.urls import reverse

        django.setup()
        ids = prepare(args.partnerships)
        cookie = session_cookie(ids["user"])
        server, base = serve(args.app_dir)
        slug = ids["partnership"]
        pages = {
            "floor (sign-in check, partnership door, base.html + menu)": f"/benchmark-floor/{slug}/",
            "Strategic Assessment 2021-22": reverse("assessment:detail", args=[slug, ids["assessment"]]),
            "crime analysis (default: all districts, current plan year)": reverse(
                "assessment:analysis", args=[slug]
            ),
            "crime analysis, 2019/20, burglary": reverse("assessment:analysis", args=[slug])
            + "?start=2019-04&end=2020-03&crime_type=burglary",
        }
        lua = tmp / "percentiles.lua"
        lua.write_text(LUA)
        print("\nAs a browser (session and CSRF cookies)")
        measure(base, f"{cookie}; {csrf_cookie(base, cookie, pages)}", pages, args.seconds, lua)
        if args.uncached:
            print("\nSession cookie only (no CSRF cookie: no page part is cached)")
            measure(base, cookie, pages, args.seconds, lua)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        admin(args.server, f"DROP DATABASE IF EXISTS {DATABASE}")
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
