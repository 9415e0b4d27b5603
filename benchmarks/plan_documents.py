"""How long the plan documents take to build: the demo plan, and a plan with 300 actions.

    .venv/bin/python benchmarks/plan_documents.py [--repeat 3]

Uses a throw-away SQLite database in a temporary folder (migrated, then `load_demo --no-users`),
renders each format `--repeat` times and prints the best and the median time.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(label: str, build: Callable[[], bytes], repeat: int) -> None:
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(build())
        times.append(time.perf_counter() - start)
    print(
        f"{label:<34} best {min(times):6.2f} s   median {statistics.median(times):6.2f} s   {size / 1024:7.0f} KiB"
    )


def big_plan(actions: int):
    """A plan year with `actions` actions over 6 priorities, each with a Q1 update and a status."""
    from core.actors import system_user
    from partnership.models import Organisation, Partnership
    from planning import services
    from planning.models import Status, Update

    user = system_user()
    partnership = Partnership.objects.create(slug="bench-csp", name="Benchmark Community Safety Partnership")
    services.statuses_seed(partnership=partnership, actor=user)
    plan_year = services.plan_year_create(partnership=partnership, slug="2020-21", actor=user, state="live")
    q1 = plan_year.periods.get(code="Q1")
    statuses = list(Status.objects.filter(partnership=partnership))
    organisations = [
        Organisation.objects.create(
            partnership=partnership,
            name=f"Partner agency {i}",
            phone="01234 567890",
            in_membership_list=True,
            membership_order=i,
        )
        for i in range(24)
    ]
    priorities = [
        services.priority_create(plan_year=plan_year, title=f"Priority {i}", actor=user) for i in range(6)
    ]
    for i in range(actions):
        action = services.action_create(
            plan_year=plan_year,
            priority=priorities[i % 6],
            text=f"Action {i}: work with partners to reduce harm in the borough through joint activity and review",
            owners=[(organisations[i % 24], ""), (organisations[(i + 5) % 24], "")],
            actor=user,
        )
        Update.objects.create(
            action=action,
            period=q1,
            status=statuses[i % len(statuses)],
            author_id=user.pk,
            narrative="Progress this quarter: meetings held, referrals made and outcomes recorded. " * 2,
        )
    return plan_year


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--actions", type=int, default=300)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="csphub-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{folder}/media"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.test_settings")
    import django

    django.setup()
    from django.core.management import call_command

    from planning.models import PlanYear
    from publishing.progress import build_progress
    from publishing.render import html, pdf, progress, word
    from publishing.render.document import build_plan

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-users", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"CPU cores: {os.cpu_count()}; repeat {options.repeat}")
    demo = PlanYear.objects.get(partnership__slug="tonbridge-malling", slug="2020-21")
    timed(
        "demo plan: HTML (incl. data read)", lambda: html.plan_html(build_plan(demo)).encode(), options.repeat
    )
    timed("demo plan: PDF (incl. data read)", lambda: pdf.plan_pdf(build_plan(demo)), options.repeat)
    timed("demo plan: Word (incl. data read)", lambda: word.plan_docx(build_plan(demo)), options.repeat)
    big = big_plan(options.actions)
    label = f"{options.actions}-action plan"
    timed(f"{label}: HTML", lambda: html.plan_html(build_plan(big)).encode(), options.repeat)
    timed(f"{label}: PDF", lambda: pdf.plan_pdf(build_plan(big)), options.repeat)
    timed(f"{label}: Word", lambda: word.plan_docx(build_plan(big)), options.repeat)
    timed(f"{label}: progress XLSX", lambda: progress.progress_xlsx(build_progress(big)), options.repeat)


if __name__ == "__main__":
    main()
