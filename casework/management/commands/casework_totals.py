"""`python manage.py casework_totals <partnership> <plan-year-slug> --format json|table [--as USERNAME]`:
the partnership's yearly case-work counts (exact; no case content)."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from casework.rules import small_count
from casework.selectors import opened_by_place, totals_between
from core.actors import resolve_actor
from planning.selectors import plan_year_for_command


class Command(BaseCommand):
    help = (
        "Cases opened and closed by type, Community Protection Warnings and Notices, fixed penalty "
        "notices and dispersal directions in one plan year of a partnership."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership", help="The partnership's slug.")
        parser.add_argument("year", help="The plan year's slug, e.g. 2019-20.")
        parser.add_argument("--format", choices=["json", "table"], default="json")
        parser.add_argument(
            "--as",
            dest="actor",
            metavar="USERNAME",
            help="Act as this person (their access applies and is recorded); the system actor when omitted.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = resolve_actor(options["actor"])
        plan_year = plan_year_for_command(actor, options["partnership"], options["year"])
        totals = totals_between(
            plan_year.partnership, plan_year.start_date, plan_year.end_date, year=plan_year.slug
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(totals.as_json(), indent=2, ensure_ascii=False))
            return
        rows: list[tuple[str, int]] = [
            (f"Cases opened: {name}", n) for name, n in totals.cases_opened.items()
        ]
        rows += [(f"Cases closed: {name}", n) for name, n in totals.cases_closed.items()]
        rows += [
            ("Community Protection Warnings", totals.cpw),
            ("Community Protection Notices", totals.cpn),
            ("Fixed penalty notices", totals.fpn),
            ("Dispersal directions", totals.dispersal_directions),
        ]
        # Below partnership-year level (by place), counts under 5 are not shown outside case work.
        by_place = [
            (f"Cases opened in {place}", small_count(n, in_case_work=False))
            for place, n in opened_by_place(plan_year.partnership, plan_year.start_date, plan_year.end_date)
        ]
        width = max(len(label) for label, _ in [*rows, *by_place])
        self.stdout.write(f"{plan_year.partnership.name}, {plan_year.label}")
        for label, count in rows:
            self.stdout.write(f"{label.ljust(width)}  {count:>12}")
        for label, shown in by_place:
            self.stdout.write(f"{label.ljust(width)}  {shown:>12}")
