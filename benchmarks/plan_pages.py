"""Latency of the planning pages on PostgreSQL against a floor page (issue 8, "a quick quarter").

    .venv/bin/python benchmarks/plan_pages.py [--partnerships 300] [--seconds 10]

Starts a temporary PostgreSQL cluster (initdb/pg_ctl as the postgres user, a free port on
127.0.0.1, as `.ci/run` does) unless DATABASE_URL is set, migrates it and bulk-inserts
`--partnerships` partnerships × 10 plan years × 30 actions × 5 updates (one owner each, a second
on every third action); the benchmark partnership's current year has 300 actions. Then it runs
gunicorn (2 workers, `benchmarks.bench_settings`: DEBUG off, the floor page's urlconf) and
measures each page with `wrk -t2 -c2` for `--seconds`, printing p50/p95 in milliseconds. Traffic
goes only to 127.0.0.1. `--app-dir` runs gunicorn from another checkout (for "before" figures).
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SLUG = "bench-csp"
YEARS = [f"{y}-{(y + 1) % 100:02d}" for y in range(2016, 2026)]
CURRENT = "2025-26"
LUA = (
    'done = function(s, latency, r) io.write(string.format("RESULT %d %d %d %d\\n", '
    "latency:percentile(50), latency:percentile(95), s.requests, s.errors.status)) end\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_postgres(tmp: Path) -> str:
    initdb = shutil.which("initdb") or sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))[-1]
    bindir = Path(initdb).parent
    shutil.chown(tmp, "postgres")
    port = free_port()
    run_as = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(tmp / "data"),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "-N",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp} -c fsync=off -c synchronous_commit=off"
    subprocess.run(
        [
            *run_as,
            str(bindir / "pg_ctl"),
            "-D",
            str(tmp / "data"),
            "-l",
            str(tmp / "log"),
            "-w",
            "-o",
            options,
            "start",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return f"postgres://postgres@127.0.0.1:{port}/postgres"


def stop_postgres(tmp: Path) -> None:
    pg_ctl = Path(shutil.which("initdb") or "").parent / "pg_ctl"
    subprocess.run(
        ["runuser", "-u", "postgres", "--", str(pg_ctl), "-D", str(tmp / "data"), "-m", "fast", "stop"],
        check=False,
        stdout=subprocess.DEVNULL,
    )


def build(partnerships: int) -> dict[str, object]:
    """Bulk-insert the data set; returns the ids the measured URLs need."""
    from django.db import connection

    from core.actors import system_user
    from partnership.models import Membership, Organisation, Partnership, Role
    from planning import services
    from planning.models import Action, ActionOwner, PlanYear, Priority, ReportingPeriod, Status, Update
    from tests.factories import UserFactory

    actor = system_user()
    template = Partnership.objects.create(slug=SLUG, name="Benchmark Community Safety Partnership")
    services.statuses_seed(partnership=template, actor=actor)
    for slug in YEARS:
        services.plan_year_create(partnership=template, slug=slug, actor=actor, state="live")
    statuses = list(Status.objects.filter(partnership=template).order_by("order"))
    years = {y.slug: y for y in PlanYear.objects.filter(partnership=template)}
    periods = {
        s: list(ReportingPeriod.objects.filter(plan_year=y).order_by("order")) for s, y in years.items()
    }
    others = Partnership.objects.bulk_create(
        Partnership(slug=f"bench-{n}", name=f"Benchmark partnership {n}") for n in range(1, partnerships)
    )
    Status.objects.bulk_create(
        Status(partnership=p, name=s.name, colour=s.colour, meaning=s.meaning, order=s.order)
        for p in others
        for s in statuses
    )
    narrative = "We met the partners, agreed the next steps and recorded progress against the target. " * 3
    for chunk_start in range(0, partnerships, 10):
        chunk = ([template] + others)[chunk_start : chunk_start + 10]
        fill(chunk, template, years, periods, narrative)
    year = years[CURRENT]
    ReportingPeriod.objects.filter(pk=periods[CURRENT][-1].pk).update(is_open=True)
    template.current_plan_year = year
    template.save()
    user: Any = UserFactory(username="bench-coordinator")
    organisation = Organisation.objects.filter(partnership=template).first()
    Membership.objects.create(
        user=user, partnership=template, organisation=organisation, role=Role.COORDINATOR
    )
    with connection.cursor() as cursor:  # as autovacuum would soon after a bulk load
        cursor.execute("ANALYZE")
    counts = {
        m.__name__: m.objects.count() for m in (Partnership, PlanYear, Priority, Action, ActionOwner, Update)
    }
    print("rows:", ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    big = Action.objects.filter(plan_year=year).order_by("pk")
    return {"user": user, "action": big[150].pk, "small_year": "2024-25", "status": statuses[1].pk}


def fill(chunk, template, years, periods, narrative) -> None:
    """Plan years (the template's are made by the service), priorities, organisations, actions,
    owners and updates for a few partnerships at a time, in bulk."""
    from partnership.models import Organisation
    from planning.models import Action, ActionOwner, PlanYear, Priority, ReportingPeriod, Status, Update

    new_years = [
        PlanYear(partnership=p, slug=y.slug, start_date=y.start_date, end_date=y.end_date, state=y.state)
        for p in chunk
        if p.pk != template.pk
        for y in years.values()
    ]
    PlanYear.objects.bulk_create(new_years)
    ReportingPeriod.objects.bulk_create(
        ReportingPeriod(
            plan_year=y,
            code=r.code,
            order=r.order,
            start_date=r.start_date,
            end_date=r.end_date,
            due_date=r.due_date,
        )
        for y in new_years
        for r in periods[y.slug]
    )
    all_years = list(PlanYear.objects.filter(partnership__in=chunk).select_related("partnership"))
    year_periods: dict[int, list] = {}
    for r in ReportingPeriod.objects.filter(plan_year__in=all_years).order_by("order"):
        year_periods.setdefault(r.plan_year_id, []).append(r)
    statuses: dict[int, list] = {}
    for s in Status.objects.filter(partnership__in=chunk).order_by("order"):
        statuses.setdefault(s.partnership_id, []).append(s)
    organisations = Organisation.objects.bulk_create(
        Organisation(partnership=p, name=f"Partner agency {n} of {p.slug}") for p in chunk for n in range(6)
    )
    orgs: dict[int, list] = {}
    for o in organisations:
        orgs.setdefault(o.partnership_id, []).append(o)
    priorities = Priority.objects.bulk_create(
        Priority(plan_year=y, title=f"Priority {n}", order=n) for y in all_years for n in range(5)
    )
    by_year: dict[int, list] = {}
    for pr in priorities:
        by_year.setdefault(pr.plan_year_id, []).append(pr)
    actions = []
    for y in all_years:
        size = 300 if (y.partnership.slug == SLUG and y.slug == CURRENT) else 30
        actions += [
            Action(
                plan_year=y,
                priority=by_year[y.pk][n % 5],
                text=f"Action {n}: reduce harm in the area",
                target="Fewer incidents than last year",
                order=n,
            )
            for n in range(size)
        ]
    actions = Action.objects.bulk_create(actions, batch_size=2000)
    owners, updates = [], []
    year_of = {y.pk: y for y in all_years}
    for n, a in enumerate(actions):
        team = year_of[a.plan_year_id].partnership_id
        owners.append(ActionOwner(action=a, organisation=orgs[team][n % 6], order=1, role="lead"))
        if n % 3 == 0:
            owners.append(ActionOwner(action=a, organisation=orgs[team][(n + 1) % 6], order=2))
        vocabulary = statuses[team]
        updates += [
            Update(action=a, period=r, narrative=narrative, status=vocabulary[(n + i) % len(vocabulary)])
            for i, r in enumerate(year_periods[a.plan_year_id])
        ]
    ActionOwner.objects.bulk_create(owners, batch_size=5000)
    Update.objects.bulk_create(updates, batch_size=5000)


def session_cookie(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def csrf_cookie(base: str, cookie: str, pages: dict[str, str]) -> str:
    """The `csrftoken=...` cookie the floor page sets for this session."""
    request = urllib.request.Request(base + next(iter(pages.values())), headers={"Cookie": cookie})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (127.0.0.1 only)
        for header in response.headers.get_all("Set-Cookie") or []:
            if header.startswith("csrftoken="):
                return header.split(";", 1)[0]
    raise RuntimeError("the floor page set no CSRF cookie")


def measure(base: str, cookie: str, pages: dict[str, str], seconds: int, lua: Path) -> None:
    print(f"\n| page | p50 ms | p95 ms | requests in {seconds} s |\n|---|---|---|---|")
    for label, path in pages.items():
        request = urllib.request.Request(base + path, headers={"Cookie": cookie})  # noqa: S310 (127.0.0.1)
        for _ in range(10):  # warm both workers; fail loudly on anything but a page
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (127.0.0.1 only)
                assert response.status == 200 and response.url == base + path, (label, response.url)
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                "-c2",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "-s",
                str(lua),
                "-H",
                f"Cookie: {cookie}",
                base + path,
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 30,
        ).stdout
        p50, p95, requests, bad = (int(x) for x in out.split("RESULT")[1].split())
        assert bad == 0, f"{label}: {bad} non-2xx responses"
        print(f"| {label} | {p50 / 1000:.1f} | {p95 / 1000:.1f} | {requests} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="checkout gunicorn runs from")
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="also measure without a CSRF cookie, so no page part is ever cached (every view a first view)",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="csphub-bench-pg."))
    own_pg = "DATABASE_URL" not in os.environ
    server = None
    try:
        os.environ.update(
            DATABASE_URL=os.environ.get("DATABASE_URL") or start_postgres(tmp),
            DJANGO_SETTINGS_MODULE="benchmarks.bench_settings",
            CSPHUB_ALLOW_DEV_SECRET="true",  # noqa: S106 (a throw-away local server)
            ALLOWED_HOSTS="127.0.0.1",
            DEBUG="false",
        )
        import django
        from django.core.management import call_command
        from django.urls import reverse

        django.setup()
        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        ids = build(args.partnerships)
        print(f"built in {time.perf_counter() - start:.1f} s")
        cookie = session_cookie(ids["user"])
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
                "csphub.wsgi",
            ],
            cwd=args.app_dir,
            env={**os.environ, "PYTHONPATH": str(args.app_dir)},
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/benchmark-floor/x/", timeout=2)  # noqa: S310
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.2)
        y = {"partnership": SLUG, "year": CURRENT}
        pages = {
            "floor (sign-in check, partnership door, base.html + menu)": f"/benchmark-floor/{SLUG}/",
            "dashboard (current year, 300 actions)": reverse(
                "planning:dashboard", kwargs={"partnership": SLUG}
            ),
            "action list, 30-action year": reverse(
                "planning:action_list", kwargs={**y, "year": ids["small_year"]}
            ),
            "action list, 300-action year": reverse("planning:action_list", kwargs=y),
            "action list, 300-action year, text filter": reverse("planning:action_list", kwargs=y)
            + "?q=partners",
            "action list, 300-action year, status filter": reverse("planning:action_list", kwargs=y)
            + f"?status={ids['status']}",
            "action page": reverse("planning:action", kwargs={**y, "pk": ids["action"]}),
            "My actions (current year)": reverse("planning:my_actions", kwargs={"partnership": SLUG}),
        }
        lua = tmp / "percentiles.lua"
        lua.write_text(LUA)
        # A browser sends the CSRF cookie its first page set; the page cache keys on it (ADR 0019).
        print("\nAs a browser (session and CSRF cookies): repeat views come from the page cache")
        measure(base, f"{cookie}; {csrf_cookie(base, cookie, pages)}", pages, args.seconds, lua)
        if args.uncached:
            print("\nSession cookie only: nothing is cached, every view is built (as after a change)")
            measure(base, cookie, pages, args.seconds, lua)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if own_pg:
            stop_postgres(tmp)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
